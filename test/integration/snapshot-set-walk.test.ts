import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { collectSetFiles } from "../../src/io/snapshot/files.js";
import { createRepo } from "../helpers/repo.js";

/** Every regular file below `dir` (repo-relative), by a plain synchronous walk: the reference. */
function plainWalk(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...plainWalk(root, rel));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

describe("the set's files, walked a bounded number of folders at a time", () => {
  it("finds every file of a tree of many nested folders once, and reports each symlink", async () => {
    const repo = createRepo();
    try {
      // 60 folders (more than are read at once), some nested 5 deep, some empty, unicode names.
      for (let i = 0; i < 60; i++) {
        const dir = i % 3 === 0 ? `data/n${i}/a/b/c/d` : `data/é${i}`;
        fs.mkdirSync(path.join(repo.dir, dir), { recursive: true });
        if (i % 7 === 0) continue; // left empty
        for (let j = 0; j < 5; j++) repo.write(`${dir}/f${j}.json`, `{"i":${i},"j":${j}}\n`);
      }
      repo.write("data/日本/語.json", "{}\n");
      fs.symlinkSync("../data/日本/語.json", path.join(repo.dir, "data/n3/link.json"));
      fs.symlinkSync("nowhere", path.join(repo.dir, "data/é4/dangling"));
      const { files, skipped } = await collectSetFiles(repo.dir, ["data/"]);
      expect(files).toEqual(plainWalk(repo.dir, "data").sort());
      expect(new Set(files).size).toBe(files.length);
      expect(skipped.map((s) => `${s.path}: ${s.reason}`).sort()).toEqual([
        "data/n3/link.json: symlink (not followed)",
        "data/é4/dangling: symlink (not followed)",
      ]);
      // Overlapping paths name each file once.
      const twice = await collectSetFiles(repo.dir, ["data/", "data/n3/"]);
      expect(twice.files).toEqual(files);
    } finally {
      repo.cleanup();
    }
  });
});
