/**
 * readIndexCtimes (src/io/hash/index-ctimes.ts) against git's own reading of the index: every
 * entry's ctime, to the nanosecond, in the order `git ls-files --debug` prints them, for each
 * index format git writes; undefined (nothing vouched for by ctime) where the entries are not all
 * in the file or the file is not the one first seen.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { indexIdentity, readIndexCtimes } from "../../src/io/hash/index-ctimes.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

/** Each entry's "sec:nsec" ctime as git reads it. */
function gitCtimes(r: TestRepo): string[] {
  return [...r.git("ls-files", "--debug").matchAll(/^ {2}ctime: (\d+):(\d+)$/gm)].map((m) => `${m[1]}:${m[2]}`);
}

function ours(r: TestRepo, hashBytes = 20): string[] | undefined {
  const file = path.join(r.dir, ".git/index");
  const c = readIndexCtimes(file, indexIdentity(file), hashBytes);
  if (!c) return undefined;
  return Array.from({ length: c.length / 2 }, (_, i) => `${c[2 * i]}:${c[2 * i + 1]}`);
}

/** Files of varied name lengths (around the padding boundaries), folders, non-ASCII, an executable. */
function populate(r: TestRepo): void {
  for (let n = 1; n <= 17; n++) r.write(`d/${"x".repeat(n)}.json`, `{"n": ${n}}\n`);
  r.write(`deep/${"a".repeat(200)}/${"b".repeat(200)}/${"c".repeat(200)}.yaml`, "k: v\n");
  r.write("ünïcödé/ファイル.json", "{}\n");
  r.write("bin/run.sh", "#!/bin/sh\n");
  fs.chmodSync(path.join(r.dir, "bin/run.sh"), 0o755);
  r.commitAll("files");
}

describe("readIndexCtimes", () => {
  it("reads every entry's ctime of a version 2 index", () => {
    repo = createRepo();
    populate(repo);
    const want = gitCtimes(repo);
    expect(want.length).toBe(20);
    expect(want.some((c) => !c.endsWith(":0"))).toBe(true); // nanoseconds recorded
    expect(ours(repo)).toEqual(want);
  });

  it("reads a version 3 index (extended flags: intent-to-add, skip-worktree)", () => {
    repo = createRepo();
    populate(repo);
    repo.write("later.json", "{}\n");
    repo.git("add", "-N", "later.json");
    repo.git("update-index", "--skip-worktree", "d/xxx.json");
    expect(fs.readFileSync(path.join(repo.dir, ".git/index")).readUInt32BE(4)).toBe(3);
    expect(ours(repo)).toEqual(gitCtimes(repo));
  });

  it("reads a version 4 index (paths prefix-compressed)", () => {
    repo = createRepo();
    populate(repo);
    repo.git("update-index", "--index-version", "4");
    expect(fs.readFileSync(path.join(repo.dir, ".git/index")).readUInt32BE(4)).toBe(4);
    expect(ours(repo)).toEqual(gitCtimes(repo));
  });

  it("reads a SHA-256 repository's index", () => {
    repo = createRepo();
    fs.rmSync(path.join(repo.dir, ".git"), { recursive: true, force: true });
    repo.git("init", "-q", "--object-format=sha256", "-b", "main");
    populate(repo);
    expect(ours(repo, 32)).toEqual(gitCtimes(repo));
  });

  it("gives undefined for a split index, whose entries are partly in another file", () => {
    repo = createRepo();
    populate(repo);
    repo.git("update-index", "--split-index");
    repo.write("d/x.json", '{"n": 2}\n');
    repo.git("add", "d/x.json");
    expect(gitCtimes(repo).length).toBe(20);
    expect(ours(repo)).toBeUndefined();
  });

  it("gives undefined when the index is not the file first seen, or is truncated", () => {
    repo = createRepo();
    populate(repo);
    const file = path.join(repo.dir, ".git/index");
    const before = indexIdentity(file);
    repo.write("new.json", "{}\n");
    repo.git("add", "new.json"); // git replaces the index by rename
    expect(readIndexCtimes(file, before, 20)).toBeUndefined();
    expect(readIndexCtimes(file, undefined, 20)).toBeUndefined();
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, 200));
    expect(readIndexCtimes(file, indexIdentity(file), 20)).toBeUndefined();
    fs.writeFileSync(file, Buffer.from("not an index at all"));
    expect(readIndexCtimes(file, indexIdentity(file), 20)).toBeUndefined();
    expect(readIndexCtimes(path.join(repo.dir, "nope"), before, 20)).toBeUndefined();
  });
});
