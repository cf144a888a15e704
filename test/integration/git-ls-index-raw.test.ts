/**
 * `git ls-files -s -v -z` read into one buffer sized from the index file (issue 20: the listing,
 * 38 MB at 500,000 files, was held twice while the pipe's chunks were joined): the bytes are
 * exactly git's, whether the index is bigger than the listing (version 2) or smaller (version 4
 * compresses paths, so the buffer grows), and under GIT_INDEX_FILE.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Git } from "../../src/io/git.js";
import { withRepo } from "../helpers/repo.js";

describe("lsIndexRaw", () => {
  it("gives git's exact bytes for index versions 2 and 4 and for GIT_INDEX_FILE", async () => {
    await withRepo(async (repo) => {
      // Names above 0x7f, `-` beside `/`, case and dot files; many, so the listing spans pipe chunks.
      for (const n of ["data/é-x.json", "data/É/x.json", "data/a-b.json", "data/a/b.json", "data/.hidden", "data/Caps.JSON"])
        repo.write(n, "{}\n");
      for (let i = 0; i < 3000; i++) repo.write(`data/deep/folder/name/that/repeats/d${i % 40}/file-${i}.json`, `{"i":${i}}\n`);
      repo.commitAll("files");
      const git = await Git.open(repo.dir);
      const direct = () => execFileSync("git", ["ls-files", "-s", "-v", "-z"], { cwd: repo.dir, maxBuffer: 1 << 28 });
      for (const version of ["2", "4"]) {
        execFileSync("git", ["update-index", "--index-version", version], { cwd: repo.dir });
        const raw = await git.lsIndexRaw();
        expect(raw.equals(direct())).toBe(true);
        expect(raw.length).toBeGreaterThan(200_000);
      }
      const other = path.join(repo.dir, ".git", "other-index");
      execFileSync("git", ["read-tree", "HEAD"], { cwd: repo.dir, env: { ...process.env, GIT_INDEX_FILE: other } });
      process.env.GIT_INDEX_FILE = other;
      try {
        expect((await git.lsIndexRaw()).equals(execFileSync("git", ["ls-files", "-s", "-v", "-z"], { cwd: repo.dir }))).toBe(true);
      } finally {
        delete process.env.GIT_INDEX_FILE;
      }
    });
  });
});
