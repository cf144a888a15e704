/**
 * On a pull request the lookups of a validate round read the base's version of each file alone
 * (base-readings.ts), and each read of a commit is git processes of its own: a whole-tree run of
 * 2,100 files paid 4,200. BaseReadings.readAhead reads a round's files in one read; a single
 * read it holds costs no git process, and what every read gives is what a read without it gives
 * (a symlink, a folder, a missing file, a file over the size asked, a file through a linked folder).
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { Git } from "../../src/io/git.js";
import { baseReadingsAt } from "../../src/checks/base-readings.js";

const cleanup: TestRepo[] = [];
afterEach(() => {
  for (const r of cleanup.splice(0)) r.cleanup();
  vi.restoreAllMocks();
});

function base(): TestRepo {
  const repo = createRepo();
  cleanup.push(repo);
  for (let i = 0; i < 12; i++) repo.write(`data/${i}.json`, JSON.stringify({ i }) + "\n");
  repo.write("data/big.json", JSON.stringify({ x: "y".repeat(5000) }) + "\n");
  repo.write("store/real.json", '{"real": true}\n');
  repo.write("data/dir.json/inner.json", "{}\n");
  fs.symlinkSync("../store/real.json", path.join(repo.dir, "data/link.json"));
  fs.symlinkSync("store", path.join(repo.dir, "linked"));
  fs.symlinkSync("../nowhere.json", path.join(repo.dir, "data/dangling.json"));
  repo.commitAll("base");
  return repo;
}

const FILES = [
  ...Array.from({ length: 12 }, (_, i) => `data/${i}.json`),
  "data/big.json",
  "data/link.json",
  "data/dangling.json",
  "data/dir.json",
  "data/missing.json",
  "linked/real.json",
];
const OPTIONS = { maxBytes: 1000, maxTotalBytes: 1_000_000 };

describe("the base's versions of a round's files", () => {
  it("are read in one read: the lookups' single reads of them start no git process", async () => {
    const repo = base();
    const git = await Git.open(repo.dir);
    const readings = baseReadingsAt(git, repo.git("rev-parse", "HEAD").trim());
    const round = FILES.slice(0, 12);
    await readings.readAhead(round, OPTIONS);
    const exec = vi.spyOn(git, "exec");
    const spawn = vi.spyOn(git, "spawnStreaming");
    for (const f of round) expect(Buffer.isBuffer((await readings.source.read([f])).get(f))).toBe(true);
    expect(exec).not.toHaveBeenCalled();
    expect(spawn).not.toHaveBeenCalled();
  });

  it("give every single read what a read without it gives", async () => {
    const repo = base();
    const git = await Git.open(repo.dir);
    const commit = repo.git("rev-parse", "HEAD").trim();
    const ahead = baseReadingsAt(git, commit);
    await ahead.readAhead(FILES, OPTIONS);
    const plain = baseReadingsAt(git, commit);
    for (const f of FILES) {
      for (const options of [undefined, { maxBytes: 20 }, OPTIONS]) {
        const want = (await plain.source.read([f], options)).get(f);
        expect((await ahead.source.read([f], options)).get(f), `${f} ${JSON.stringify(options)}`).toEqual(want);
      }
    }
    // A big file over the size the round asked is never held: read alone, whole, when asked without a bound.
    expect(((await ahead.source.read(["data/big.json"])).get("data/big.json") as Buffer).length).toBeGreaterThan(5000);
  });
});
