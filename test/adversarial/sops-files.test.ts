/**
 * sops-encrypted files (https://github.com/getsops/sops) are valid YAML/JSON committed
 * encrypted: keys in plaintext, each leaf value `ENC[AES256_GCM,data:...,type:int]`, and a
 * `sops:` mapping with the keys and the MAC. A schema mapped to them describes the decrypted
 * values, so `port: integer` failed on every encrypted port and blocked every commit of a valid
 * secrets file. Now the structure is still checked and only verdicts on ciphertext values (and
 * on the `sops` member) are dropped. A file with ciphertext but no `sops:` metadata cannot be
 * decrypted by sops: it is not exempted, so its schema fails it. Real repositories, the staged
 * check (what the hook runs) and the work-tree check.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const SCHEMA = JSON.stringify({
  type: "object",
  required: ["db"],
  additionalProperties: false,
  properties: {
    db: {
      type: "object",
      required: ["port", "password"],
      additionalProperties: false,
      properties: {
        port: { type: "integer", minimum: 1 },
        password: { type: "string", minLength: 12 },
        hosts: { type: "array", items: { enum: ["a.internal", "b.internal"] } },
        mode: { enum: ["primary", "replica"] },
      },
    },
  },
});

const CONFIG = 'version: 1\nvalidate:\n  schemas:\n    - files: ["secrets/**"]\n      schema: schemas/db.schema.json\n';

const enc = (data: string, type: string) =>
  `ENC[AES256_GCM,data:${data},iv:dGhpcyBpcyBhbiBpdiBvZiAzMiBieXRlcyBsb25nISE=,tag:dGFnIG9mIDE2IGJ5dGVzIQ==,type:${type}]`;

const META = `sops:
    age:
        - recipient: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p
          enc: |
            -----BEGIN AGE ENCRYPTED FILE-----
            YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBh
            -----END AGE ENCRYPTED FILE-----
    lastmodified: "2024-05-01T10:00:00Z"
    mac: ${enc("bWFjIG9mIHRoZSBmaWxl", "str")}
    unencrypted_suffix: _unencrypted
    version: 3.8.1
`;

/** What `sops -e` writes for {db: {port: 5432, password: ..., hosts: [...], mode: primary}}. */
const SOPS_YAML = `db:
    port: ${enc("NTQzMg==", "int")}
    password: ${enc("c2VjcmV0LXBhc3N3b3Jk", "str")}
    hosts:
        - ${enc("YS5pbnRlcm5hbA==", "str")}
    mode: ${enc("cHJpbWFyeQ==", "str")}
${META}`;

const SOPS_JSON =
  JSON.stringify(
    {
      db: { port: enc("NTQzMg==", "int"), password: enc("c2VjcmV0LXBhc3N3b3Jk", "str") },
      sops: { lastmodified: "2024-05-01T10:00:00Z", mac: enc("bWFj", "str"), version: "3.8.1" },
    },
    null,
    "\t",
  ) + "\n";

async function staged(r: TestRepo, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) r.write(name, text);
  r.git("add", "-A");
  const out = await r.cli(["check", "--staged", "--format", "json"]);
  const report = JSON.parse(out.stdout) as { findings: { rule: string; file?: string; pointer?: string; message: string }[] };
  return { code: out.code, findings: report.findings.map((f) => `${f.rule} ${f.file ?? ""} ${f.pointer ?? ""}`.trim()).sort() };
}

function base(): TestRepo {
  const r = createRepo();
  r.write(".integrity-guard/config.yml", CONFIG);
  r.write("schemas/db.schema.json", SCHEMA);
  r.commitAll("initial");
  return r;
}

describe("sops-encrypted files under a schema", () => {
  it("an encrypted YAML and JSON file pass (before: schema/violation on every ciphertext value and on `sops`)", async () => {
    repo = base();
    expect(await staged(repo, { "secrets/db.enc.yaml": SOPS_YAML, "secrets/db.enc.json": SOPS_JSON })).toEqual({ code: 0, findings: [] });
    const tree = await repo.cli(["check"]);
    expect(tree.code, tree.stdout).toBe(0);
  });

  it("the structure is still checked: a missing required key, an unknown key, a plaintext value of the wrong type", async () => {
    repo = base();
    const broken = SOPS_YAML.replace(/ {4}password: .*\n/, "").replace("db:\n", "db:\n    extra_unencrypted: 1\n    port_x: 2\n");
    const r = await staged(repo, { "secrets/db.enc.yaml": broken });
    expect(r.code).toBe(1);
    expect(r.findings).toEqual(expect.arrayContaining(["schema/violation secrets/db.enc.yaml /db"]));
    expect(r.findings.length).toBeGreaterThanOrEqual(2); // required password, additional keys
    const typed = SOPS_YAML.replace(/port: ENC\[[^\n]*/, "port: not-a-number");
    expect(await staged(repo, { "secrets/db.enc.yaml": typed })).toEqual({
      code: 1,
      findings: ["schema/violation secrets/db.enc.yaml /db/port"],
    });
  });

  it("ciphertext without the `sops:` metadata (sops cannot decrypt it) is not exempted: the schema fails it", async () => {
    repo = base();
    const noMeta = SOPS_YAML.slice(0, SOPS_YAML.indexOf("sops:"));
    const r = await staged(repo, { "secrets/db.enc.yaml": noMeta });
    expect(r.code).toBe(1);
    expect(r.findings).toContain("schema/violation secrets/db.enc.yaml /db/port");
  });

  it("adding `sops:` metadata to a plaintext file hides nothing: its plaintext values are still checked", async () => {
    repo = base();
    const plain = `db:\n    port: -1\n    password: short\n${META}`;
    const r = await staged(repo, { "secrets/plain.yaml": plain });
    expect(r.code).toBe(1);
    expect(r.findings).toEqual(["schema/violation secrets/plain.yaml /db/password", "schema/violation secrets/plain.yaml /db/port"]);
  });

  it("a corrupt encrypted file (a duplicate key, as a bad merge leaves it) is still a parse error", async () => {
    repo = base();
    const dup = SOPS_YAML.replace("db:\n", `db:\n    port: ${enc("MQ==", "int")}\n`);
    const r = await staged(repo, { "secrets/db.enc.yaml": dup });
    expect(r.code).toBe(1);
    expect(r.findings[0]).toMatch(/^parse\/duplicate-key secrets\/db\.enc\.yaml/);
  });
});
