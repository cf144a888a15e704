/**
 * The stat cache against "racy git" and restored mtimes: a covered file rewritten with the same
 * size and set back to its old mtime (`touch -d`, an editor or sync tool that keeps mtimes, a
 * restore from an archive) must never be taken from the cache as unchanged. Its ctime still
 * moves (no user call sets it), and the cache keys on it; for tracked files the cache trusted git's
 * `diff-files`, which with `core.trustctime=false` or `core.checkStat=minimal` in the repository's
 * config ignored the ctime, and always compares it in whole seconds: verify then passed the
 * changed file, and a seal kept its old hash. diff-files now runs with every stat field compared,
 * and a tracked file is vouched for by git only when its ctime is, to the nanosecond, the one its
 * index entry recorded (src/io/hash/index-ctimes.ts). Also: a file rewritten
 * within the racy window of the cache's stamp with its exact old mtime (nanoseconds, `touch -d
 * @s.ns`) is re-read. Real repositories, real files, the CLI from src.
 */
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { ageTree, parseReport } from "../integration/manifest-helpers.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const CONFIG = 'version: 1\nmanifest:\n  include: ["data/**"]\n';
const BEFORE = '{"a": 1}\n';
const AFTER = '{"a": 9}\n'; // same size

function sealedRepo(gitConfig: [string, string][]): TestRepo {
  const r = createRepo();
  for (const [k, v] of gitConfig) r.git("config", k, v);
  r.write(".integrity-guard/config.yml", CONFIG);
  r.write("data/tracked.json", BEFORE);
  r.commitAll("init");
  r.write("data/untracked.json", BEFORE);
  ageTree(r.dir);
  r.git("update-index", "-q", "--refresh");
  return r;
}

/** Rewrite `rel` with `content` and give it back its exact mtime (to the nanosecond), as `touch -d` does. */
function rewriteKeepingMtime(r: TestRepo, rel: string, content: string): void {
  const file = path.join(r.dir, rel);
  const st = fs.statSync(file, { bigint: true });
  const ns = st.mtimeNs;
  fs.writeFileSync(file, content);
  const stamp = `@${ns / 1_000_000_000n}.${String(ns % 1_000_000_000n).padStart(9, "0")}`;
  execFileSync("touch", ["-m", "-d", stamp, file]);
  const now = fs.statSync(file, { bigint: true });
  expect(now.mtimeNs).toBe(ns);
  expect(now.size).toBe(st.size);
}

async function modifiedFiles(r: TestRepo): Promise<string[]> {
  const v = await r.cli(["verify", "--format", "json"]);
  return parseReport(v.stdout)
    .findings.filter((f) => f.rule === "manifest/modified")
    .map((f) => f.file!)
    .sort();
}

describe("a same-size edit with the old mtime put back", () => {
  for (const gitConfig of [[], [["core.trustctime", "false"]], [["core.checkStat", "minimal"]]] as [string, string][][]) {
    const name = gitConfig.map(([k, v]) => `${k}=${v}`).join(" ") || "git's default config";
    it(`is seen by verify and resealed by seal (${name})`, async () => {
      repo = sealedRepo(gitConfig);
      // Two cached runs first, so both halves of the cache (blob ids, stats) vouch for both files.
      expect((await repo.cli(["seal"])).code).toBe(0);
      expect((await repo.cli(["verify"])).code).toBe(0);
      rewriteKeepingMtime(repo, "data/tracked.json", AFTER);
      rewriteKeepingMtime(repo, "data/untracked.json", AFTER);
      expect(await modifiedFiles(repo)).toEqual(["data/tracked.json", "data/untracked.json"]);
      // Twice: the first verify must not have cached the changed file as the sealed content.
      expect(await modifiedFiles(repo)).toEqual(["data/tracked.json", "data/untracked.json"]);
      const s = await repo.cli(["seal", "--format", "json"]);
      expect(s.code, s.stderr).toBe(0);
      expect(repo.read(".integrity-guard/manifest.json")).toContain("sha256");
      expect((await repo.cli(["verify"])).code).toBe(0);
      // And the sealed hash is the new content's.
      const sha = execFileSync("sha256sum", [path.join(repo.dir, "data/tracked.json")], { encoding: "utf8" }).split(" ")[0]!;
      expect(repo.read(".integrity-guard/manifest.json")).toContain(sha);
    });
  }

  // git compares ctimes in whole seconds (built without USE_NSEC, as Debian's and most are): an
  // edit within the second of the index entry's ctime is clean even to a strict diff-files.
  it("within the same second as the index entry's ctime is seen by verify, and seal does not keep the old hash", async () => {
    repo = sealedRepo([]);
    expect((await repo.cli(["seal"])).code).toBe(0);
    expect((await repo.cli(["verify"])).code).toBe(0); // the blob cache now vouches for the tracked file's blob
    const r = repo;
    const file = path.join(r.dir, "data/tracked.json");
    let sameSecond = false;
    for (let attempt = 0; attempt < 20 && !sameSecond; attempt++) {
      r.write("data/tracked.json", BEFORE);
      const old = new Date(Date.now() - 3_600_000);
      fs.utimesSync(file, old, old); // (the mtime is not racy: only the ctime is fresh)
      r.git("update-index", "-q", "--refresh"); // the entry records this ctime, to the nanosecond
      rewriteKeepingMtime(r, "data/tracked.json", AFTER);
      const entrySecond = /ctime: (\d+):/.exec(r.git("ls-files", "--debug", "data/tracked.json"))![1]!;
      sameSecond = fs.statSync(file, { bigint: true }).ctimeNs / 1_000_000_000n === BigInt(entrySecond);
    }
    expect(sameSecond, "the edit shares the index entry's ctime second").toBe(true);
    expect(await modifiedFiles(r)).toEqual(["data/tracked.json"]);
    expect(await modifiedFiles(r)).toEqual(["data/tracked.json"]); // nothing cached the edit as sealed
    expect((await r.cli(["seal"])).code).toBe(0);
    const sha = execFileSync("sha256sum", [file], { encoding: "utf8" }).split(" ")[0]!;
    expect(r.read(".integrity-guard/manifest.json")).toContain(sha);
    // Put back as committed: the blob cache was not taught the edit's hash for the blob's id.
    r.write("data/tracked.json", BEFORE);
    expect(await modifiedFiles(r)).toEqual(["data/tracked.json"]);
    r.git("checkout", "--", "data/tracked.json");
    expect((await r.cli(["seal"])).code).toBe(0);
    const shaBefore = execFileSync("sha256sum", [file], { encoding: "utf8" }).split(" ")[0]!;
    expect(r.read(".integrity-guard/manifest.json")).toContain(shaBefore);
    expect((await r.cli(["verify"])).code).toBe(0);
  });

  it("within the racy window of the cache's stamp (sealed right after the write) is re-read", async () => {
    repo = sealedRepo([]);
    repo.write("data/fresh.json", BEFORE); // mtime: now, so racy against the seal's stamp
    expect((await repo.cli(["seal"])).code).toBe(0);
    rewriteKeepingMtime(repo, "data/fresh.json", AFTER);
    expect(await modifiedFiles(repo)).toEqual(["data/fresh.json"]);
  });
});
