/**
 * A `.gitattributes` clean filter that rewrites files (here a `sed` that redacts a secret, with
 * `cat` as smudge): git stores clean's output, so seal records that committed form
 * (src/io/hash/committed-form.ts), and seal, verify, the hook and a fresh clone agree. Without
 * such a filter `seal --format sha256sum` lists the work-tree bytes, as `sha256sum` does.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRepo, withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

const sha = (b: string | Buffer) => crypto.createHash("sha256").update(b).digest("hex");
const CONFIG = 'version: 1\nmanifest:\n  include: ["data/**"]\n';
const SECRET = '{"b": 1, "a": "SECRET"}\n';
const redacted = (s: string) => s.replace(/SECRET/g, "REDACTED");

function redactFilter(repo: TestRepo): void {
  repo.git("config", "filter.redact.clean", "sed -e s/SECRET/REDACTED/");
  repo.git("config", "filter.redact.smudge", "cat");
}
async function errors(repo: TestRepo, args: string[]): Promise<string[]> {
  const r = await repo.cli([...args, "--format", "json"]);
  const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
  return findings.filter((f) => f.level === "error").map((f) => `${f.rule} ${f.file ?? ""}`);
}
function sealedSha(repo: TestRepo, file: string): string | undefined {
  const m = JSON.parse(repo.read(".integrity-guard/manifest.json")) as { entries: { path: string; sha256: string }[] };
  return m.entries.find((e) => e.path === file)?.sha256;
}

describe("a clean filter that rewrites files: the committed form is sealed", () => {
  it("seal, verify before and after git add, the hook with a later unstaged edit, and a fresh clone agree", () =>
    withRepo(async (repo) => {
      repo.write(".integrity-guard/config.yml", CONFIG);
      repo.write(".gitattributes", "data/*.json filter=redact\n");
      redactFilter(repo);
      repo.write("data/s.json", SECRET);
      repo.write("data/plain.txt", "not filtered\n");
      expect((await repo.cli(["seal"])).code).toBe(0);
      expect(sealedSha(repo, "data/s.json")).toBe(sha(redacted(SECRET))); // what git stores
      expect(sealedSha(repo, "data/plain.txt")).toBe(sha("not filtered\n"));
      expect(await errors(repo, ["verify"])).toEqual([]); // not staged yet: the file cleans to the sealed form
      repo.git("add", "-A");
      expect(await errors(repo, ["check", "--staged"])).toEqual([]);
      // Edited again after `git add`, not staged: the commit holds what was sealed.
      repo.write("data/s.json", '{"b": 2, "a": "SECRET"}\n');
      expect(await errors(repo, ["check", "--staged"])).toEqual([]);
      expect(await errors(repo, ["verify"])).toEqual(["manifest/modified data/s.json"]); // the work tree did change
      repo.write("data/s.json", SECRET);
      repo.git("commit", "-q", "--no-verify", "-m", "sealed");
      expect(await errors(repo, ["verify"])).toEqual([]);

      const clone = createRepo();
      try {
        redactFilter(clone);
        clone.git("pull", "-q", repo.dir, "main");
        expect(clone.read("data/s.json")).toBe(redacted(SECRET)); // smudge(blob): the secret never left
        expect(await errors(clone, ["verify"])).toEqual([]);
        clone.write("data/s.json", '{"b": 9, "a": "REDACTED"}\n');
        expect(await errors(clone, ["verify"])).toEqual(["manifest/modified data/s.json"]);
      } finally {
        clone.cleanup();
      }
    }));

  it("a staged change that was not resealed is still caught through the filter", () =>
    withRepo(async (repo) => {
      repo.write(".integrity-guard/config.yml", CONFIG);
      repo.write(".gitattributes", "data/*.json filter=redact\n");
      redactFilter(repo);
      repo.write("data/s.json", SECRET);
      expect((await repo.cli(["seal"])).code).toBe(0);
      repo.commitAll("sealed");
      repo.write("data/s.json", '{"b": 5, "a": "SECRET"}\n');
      repo.git("add", "data/s.json");
      expect(await errors(repo, ["check", "--staged"])).toEqual(["manifest/unsealed-change data/s.json"]);
    }));

  it("without a rewriting filter, seal --format sha256sum lists the work-tree bytes as sha256sum does (LFS-style drivers left alone)", () =>
    withRepo(async (repo) => {
      repo.write(".integrity-guard/config.yml", CONFIG);
      repo.write(".gitattributes", "data/*.bin filter=lfs\n");
      repo.git("config", "filter.lfs.clean", "sed -e s/x/y/"); // a stand-in: lfs is sealed as checked out
      repo.write("data/a.json", '{"a": 1}\r\n');
      repo.write("data/b.bin", "xxx\n");
      const r = await repo.cli(["seal", "--format", "sha256sum"]);
      expect(r.code).toBe(0);
      const expected = ["data/a.json", "data/b.bin"].map((f) => `${sha(fs.readFileSync(path.join(repo.dir, f)))}  ${f}`).join("\n");
      expect(r.stdout.trim()).toBe(expected);
    }));
});
