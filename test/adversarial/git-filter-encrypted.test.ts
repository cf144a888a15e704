/**
 * Files encrypted in git by a clean/smudge filter: git-crypt (`filter=git-crypt`, blobs start
 * with "\0GITCRYPT\0") and transcrypt (`filter=crypt`, blobs are base64 of OpenSSL's
 * "Salted__" form). The work tree holds the plaintext (unlocked) or the ciphertext (a locked
 * clone, CI); the staged blob is always the ciphertext. The hook read the blob and blocked every
 * commit of a valid encrypted `secrets/*.json` as corrupt, and `check` on a locked clone every
 * run. Like an LFS pointer, such a blob is left out with a notice that says so, only where the
 * path has that filter and only for the exact ciphertext form: a blob with the header elsewhere,
 * or a plaintext blob at a filtered path (the filter not set up), is still checked.
 * The filters are stand-ins written as shell commands that produce the same blob forms.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runPullRequest } from "../e2e/action-harness.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const VALID = '{\n  "token": "abc",\n  "port": 5432\n}\n';
const CORRUPT = '{\n  "token": "abc",\n  "port": 5432,\n}\n';

/** A git-crypt blob: the 10-byte header, a 12-byte nonce, then (here) gzip as the "cipher". */
const GIT_CRYPT = {
  attr: "secrets/*.json filter=git-crypt diff=git-crypt\n",
  clean: "sh -c '{ printf \"\\000GITCRYPT\\000\"; printf 012345678901; gzip -n -c; }'",
  smudge: "sh -c 'tail -c +23 | gunzip -c'",
  driver: "git-crypt",
};
/** A transcrypt blob: base64 of "Salted__" + 8-byte salt + ciphertext (here the plaintext), wrapped at 64. */
const TRANSCRYPT = {
  attr: "secrets/*.json filter=crypt diff=crypt merge=crypt\n",
  clean: "sh -c '{ printf Salted__; printf 12345678; cat; } | base64 -w 64'",
  smudge: "sh -c 'base64 -d | tail -c +17'",
  driver: "crypt",
};

function findings(out: { code: number; stdout: string }): { code: number; found: string[] } {
  const report = JSON.parse(out.stdout || "{}") as { findings?: { rule: string; file?: string; level: string }[] };
  return { code: out.code, found: (report.findings ?? []).map((f) => `${f.level} ${f.rule} ${f.file ?? ""}`).sort() };
}

function encryptedRepo(kind: typeof GIT_CRYPT): TestRepo {
  const r = createRepo();
  r.git("config", `filter.${kind.driver}.clean`, kind.clean);
  r.git("config", `filter.${kind.driver}.smudge`, kind.smudge);
  r.git("config", `filter.${kind.driver}.required`, "true");
  r.write(".integrity-guard/config.yml", "version: 1\n");
  r.write(".gitattributes", kind.attr);
  r.write("data/plain.json", VALID);
  r.commitAll("initial");
  return r;
}

describe.each([
  ["git-crypt", GIT_CRYPT],
  ["transcrypt", TRANSCRYPT],
] as const)("a file encrypted by %s", (name, kind) => {
  it("staged valid: passes with a validate/encrypted notice (the blob is ciphertext)", async () => {
    repo = encryptedRepo(kind);
    repo.write("secrets/db.json", VALID);
    repo.git("add", "secrets/db.json");
    expect(repo.git("cat-file", "-p", ":secrets/db.json")).not.toContain('"token"'); // the blob is ciphertext
    const out = await repo.cli(["check", "--staged", "--format", "json"]);
    expect(findings(out)).toEqual({ code: 0, found: ["notice validate/encrypted secrets/db.json"] });
    const report = JSON.parse(out.stdout) as { findings: { message: string; fix: string }[] };
    expect(report.findings[0]!.message).toContain(name === "git-crypt" ? "git-crypt" : "transcrypt");
    expect(report.findings[0]!.fix).toContain("integrity-guard check secrets/db.json");
  });

  it("a locked clone (ciphertext in the work tree, no filter set up): `check` passes with the notice", async () => {
    repo = encryptedRepo(kind);
    repo.write("secrets/db.json", VALID);
    repo.commitAll("secret");
    repo.git("config", "--unset", `filter.${kind.driver}.smudge`);
    repo.git("config", "--unset", `filter.${kind.driver}.clean`);
    repo.git("config", "--unset", `filter.${kind.driver}.required`);
    repo.git("rm", "-q", "--cached", "secrets/db.json");
    repo.git("reset", "-q", "--hard");
    expect(repo.read("secrets/db.json")).not.toContain('"token"');
    const out = await repo.cli(["check", "--format", "json"]);
    expect(findings(out)).toEqual({ code: 0, found: ["notice validate/encrypted secrets/db.json"] });
  });

  it("the same ciphertext at a path without the filter is checked as it is", async () => {
    repo = encryptedRepo(kind);
    repo.write("secrets/db.json", VALID);
    repo.git("add", "secrets/db.json");
    const blob = repo.git("rev-parse", ":secrets/db.json").trim();
    repo.git("update-index", "--add", "--cacheinfo", `100644,${blob},data/copied.json`);
    const out = await repo.cli(["check", "--staged", "--format", "json"]);
    const r = findings(out);
    expect(r.code).toBe(1);
    expect(r.found.some((f) => f.startsWith("error parse/") && f.endsWith("data/copied.json"))).toBe(true);
  });

  it("a filtered path whose blob is plaintext (the filter not set up when it was staged) is checked: corrupt blocks", async () => {
    repo = encryptedRepo(kind);
    repo.git("config", "--unset", `filter.${kind.driver}.clean`);
    repo.git("config", "--unset", `filter.${kind.driver}.required`);
    repo.write("secrets/db.json", CORRUPT);
    repo.git("add", "secrets/db.json");
    const out = await repo.cli(["check", "--staged", "--format", "json"]);
    expect(findings(out)).toEqual({ code: 1, found: ["error parse/syntax secrets/db.json"] });
  });
});

describe("git-crypt ciphertext on a pull request is judged by the base branch's .gitattributes", () => {
  /** A git-crypt blob as the PR's commit holds it (committed as bytes: the runner has no key). */
  const CIPHERTEXT = Buffer.concat([Buffer.from("\x00GITCRYPT\x00012345678901", "latin1"), Buffer.from([0x8b, 0x00, 0xff, 0x13, 0x37])]);

  async function pr(baseAttributes: string | undefined): Promise<{ code: number; found: string[] }> {
    repo = createRepo();
    repo.write(".integrity-guard/config.yml", "version: 1\n");
    if (baseAttributes) repo.write(".gitattributes", baseAttributes);
    repo.write("secrets/db.json", VALID);
    repo.commitAll("base");
    const r = await runPullRequest(repo, (rr) => {
      rr.write(".gitattributes", GIT_CRYPT.attr);
      rr.write("secrets/db.json", CIPHERTEXT);
    });
    const report = JSON.parse(r.findingsJson ?? '{"findings":[]}') as { findings: { rule: string; level: string; file?: string }[] };
    return { code: r.code, found: report.findings.map((f) => `${f.level} ${f.rule} ${f.file ?? ""}`).sort() };
  }

  it("a pull request that adds filter=git-crypt and replaces a checked file by ciphertext fails", async () => {
    expect(await pr(undefined)).toEqual({ code: 1, found: ["error validate/encrypted secrets/db.json"] });
  }, 60_000);

  it("ciphertext at a path the base already encrypts passes with the notice", async () => {
    expect(await pr(GIT_CRYPT.attr)).toEqual({ code: 0, found: ["notice validate/encrypted secrets/db.json"] });
  }, 60_000);
});
