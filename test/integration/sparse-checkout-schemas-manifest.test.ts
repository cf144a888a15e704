/**
 * A sparse checkout whose cone leaves the mapped schemas and the manifest out of the work tree
 * (session 17 read only the config from the index): `check` failed closed on a repository whose
 * committed state is fine ("schema ... does not exist", `manifest/unsealed`), blocking valid
 * work. Git's copy, the index blob, is read instead, under the same rules as the config: only in
 * a sparse checkout, only for skip-worktree entries absent from the work tree, and a broken blob
 * is an error that says it was read from the index.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

async function run(r: TestRepo, args: string[]): Promise<{ code: number; findings: string[]; stderr: string; messages: string[] }> {
  const out = await r.cli([...args, "--format", "json"]);
  const report = JSON.parse(out.stdout || "{}") as { findings?: { rule: string; file?: string; level: string; message: string }[] };
  const errors = (report.findings ?? []).filter((f) => f.level === "error");
  return {
    code: out.code,
    findings: errors.map((f) => `${f.rule} ${f.file ?? ""}`).sort(),
    messages: errors.map((f) => f.message),
    stderr: out.stderr,
  };
}

const CONFIG =
  'version: 1\nvalidate:\n  schemas:\n    - { files: ["a/*.json"], schema: "schema/n.json" }\nmanifest:\n  include: ["a/**", "b/**"]\n';

/** Config, schema and manifest committed, then `git sparse-checkout set a`: only a/ is checked out. */
async function sparseRepo(): Promise<TestRepo> {
  const r = createRepo();
  repo = r;
  r.write(".integrity-guard/config.yml", CONFIG);
  r.write("schema/n.json", '{"type":"object","required":["n"]}\n');
  r.write("a/1.json", '{"n":1}\n');
  r.write("b/r.txt", "outside the cone\n");
  expect((await r.cli(["seal"])).code).toBe(0);
  r.commitAll("rules and seal");
  r.git("sparse-checkout", "set", "a");
  for (const p of [".integrity-guard", "schema", "b"]) expect(fs.existsSync(path.join(r.dir, p))).toBe(false);
  return r;
}

/** Put `content` in the index at `rel`, skip-worktree, absent from the work tree. */
function indexOnly(r: TestRepo, rel: string, content: string): void {
  const oid = r.git("hash-object", "-w", r.write("a/tmp.txt", content)).trim();
  fs.rmSync(path.join(r.dir, "a/tmp.txt"));
  r.git("update-index", "--cacheinfo", `100644,${oid},${rel}`);
  r.git("update-index", "--skip-worktree", rel);
}

describe("a sparse checkout that leaves the schemas and the manifest out of the work tree", () => {
  it("check and verify pass on the committed state", async () => {
    const r = await sparseRepo();
    expect(await run(r, ["check"])).toMatchObject({ code: 0, findings: [] });
    expect(await run(r, ["verify"])).toMatchObject({ code: 0, findings: [] });
  });

  it("still finds a schema violation and drift against the index's schema and manifest", async () => {
    const r = await sparseRepo();
    r.write("a/1.json", '{"m":1}\n');
    expect((await run(r, ["check"])).findings).toEqual(["manifest/modified a/1.json", "schema/violation a/1.json"]);
    expect((await run(r, ["verify"])).findings).toEqual(["manifest/modified a/1.json"]);
  });

  it("check --staged (the hook) and verify by path read them too", async () => {
    const r = await sparseRepo();
    r.write("a/1.json", '{"m":1}\n');
    r.git("add", "a/1.json");
    expect((await run(r, ["check", "--staged"])).findings).toEqual(["manifest/unsealed-change a/1.json", "schema/violation a/1.json"]);
    expect((await run(r, ["verify", "a/1.json"])).findings).toEqual(["manifest/modified a/1.json"]);
  });

  it("a schema the index gets wrong is an error saying it was read from the index", async () => {
    const r = await sparseRepo();
    indexOnly(r, "schema/n.json", '{"type": "object",\n');
    const out = await run(r, ["check"]);
    expect(out.code).toBe(2);
    expect(out.messages.join("\n")).toContain("from the index");
  });

  it("a manifest the index gets wrong is manifest/corrupt saying it was read from the index", async () => {
    const r = await sparseRepo();
    indexOnly(r, ".integrity-guard/manifest.json", '{"format": "integrity-guard-manifest",\n');
    const out = await run(r, ["verify"]);
    expect(out.code).toBe(1);
    expect(out.findings).toEqual(["manifest/corrupt .integrity-guard/manifest.json"]);
    expect(out.messages.join("\n")).toContain("from the index");
  });

  it("seal keeps what it cannot see: the manifest it writes is the committed one", async () => {
    const r = await sparseRepo();
    const committed = r.git("show", "HEAD:.integrity-guard/manifest.json");
    expect((await r.cli(["seal"])).code).toBe(0);
    expect(r.read(".integrity-guard/manifest.json")).toBe(committed);
    expect(await run(r, ["verify"])).toMatchObject({ code: 0, findings: [] });
  });

  it("a sharded manifest outside the cone: its shards are read from the index too", async () => {
    const r = createRepo();
    repo = r;
    r.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["a/**", "b/**"]\n');
    r.write("a/1.json", '{"n":1}\n');
    // Past 4,096 entries seal writes a root and shard files (.integrity-guard/manifest.d/).
    fs.mkdirSync(path.join(r.dir, "b"));
    for (let i = 0; i < 4200; i++) fs.writeFileSync(path.join(r.dir, `b/${i}.txt`), `${i}\n`);
    expect((await r.cli(["seal"])).code).toBe(0);
    const shards = fs.readdirSync(path.join(r.dir, ".integrity-guard/manifest.d"));
    expect(shards.length).toBeGreaterThan(1);
    r.commitAll("sealed");
    r.git("sparse-checkout", "set", "a");
    expect(fs.existsSync(path.join(r.dir, ".integrity-guard"))).toBe(false);
    expect(await run(r, ["verify"])).toMatchObject({ code: 0, findings: [] });
    r.write("a/1.json", '{"n":2}\n');
    expect((await run(r, ["verify"])).findings).toEqual(["manifest/modified a/1.json"]);
    // A shard the index gets wrong: corrupt, and the message says where it was read.
    const shard = `.integrity-guard/manifest.d/${shards[0]}`;
    indexOnly(r, shard, r.git("show", `HEAD:${shard}`).replace(/"size":\d+/, '"size":7'));
    const out = await run(r, ["verify"]);
    expect(out.code).toBe(1);
    expect(out.findings).toContain(`manifest/corrupt ${shard}`);
    expect(out.messages.find((m) => m.includes(shards[0]!)) ?? out.messages.join("\n")).toContain("from the index");
  }, 300_000);

  it("outside a sparse checkout a schema deleted from the work tree is still an error", async () => {
    const r = createRepo();
    repo = r;
    r.write(".integrity-guard/config.yml", CONFIG.replace(/manifest:[^]*$/, ""));
    r.write("schema/n.json", '{"type":"object","required":["n"]}\n');
    r.write("a/1.json", '{"n":1}\n');
    r.commitAll("rules");
    fs.rmSync(path.join(r.dir, "schema/n.json"));
    const out = await run(r, ["check"]);
    expect(out.code).toBe(2);
    expect(out.messages.join("\n")).toContain("schema/n.json does not exist");
  });

  it("outside a sparse checkout a manifest deleted from the work tree is still manifest/unsealed", async () => {
    const r = createRepo();
    repo = r;
    r.write(".integrity-guard/config.yml", CONFIG);
    r.write("schema/n.json", '{"type":"object","required":["n"]}\n');
    r.write("a/1.json", '{"n":1}\n');
    expect((await r.cli(["seal"])).code).toBe(0);
    r.commitAll("rules");
    fs.rmSync(path.join(r.dir, ".integrity-guard/manifest.json"));
    expect((await run(r, ["verify"])).findings).toEqual(["manifest/unsealed .integrity-guard/manifest.json"]);
  });
});
