/**
 * catFileLimited: the staged blobs of a hook run read in one `git cat-file --batch` under the
 * size limits withinLimits applies from `--batch-check` sizes: over maxBytes never held (its
 * size given), past the budget deferred, names git does not have missing; every byte of every
 * object read exactly, whatever the pipe's chunking. And the hook asks git for its staged files
 * in one cat-file process, not two.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { catFileLimited, type LimitedRead } from "../../src/io/cat-file-limited.js";
import { Git } from "../../src/io/git.js";
import { createRepo, makeTempDir } from "../helpers/repo.js";

const repo = createRepo();
afterAll(() => repo.cleanup());

/** Write each of `contents` as a blob, in one git process; their ids. */
function blobs(contents: readonly Buffer[]): string[] {
  const files = contents.map((b, i) => {
    const f = path.join(repo.dir, ".blobs", String(i));
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, b);
    return f;
  });
  const ids = execFileSync("git", ["hash-object", "-w", "--stdin-paths"], { cwd: repo.dir, input: files.join("\n") + "\n" });
  fs.rmSync(path.join(repo.dir, ".blobs"), { recursive: true });
  return ids.toString("utf8").trim().split("\n");
}
const blob = (bytes: Buffer) => blobs([bytes])[0]!;

const data = (r: LimitedRead) => (r && "data" in r ? r.data : r);
/** Byte equality (toEqual walks a Buffer element by element: minutes for megabytes). */
const same = (r: LimitedRead, b: Buffer) => expect(r && "data" in r && r.data.equals(b)).toBe(true);

describe("catFileLimited", () => {
  const small = Buffer.from('{"a": 1}\n');
  const empty = Buffer.alloc(0);
  const mid = crypto.randomBytes(300 * 1024); // over a 100 KiB maxBytes, under the restart size
  const huge = crypto.randomBytes(3 * 1024 * 1024); // over the restart size: git is stopped and started again
  const ids = { small: blob(small), empty: blob(empty), mid: blob(mid), huge: blob(huge) };
  repo.write("conf.yml", "a: 1\n");
  repo.git("add", "conf.yml");

  it("reads every object exactly, missing names and names with a newline as undefined", async () => {
    const git = await Git.open(repo.dir);
    const many = Array.from({ length: 500 }, (_, i) => Buffer.from(`{"i": ${i}, "pad": "${"x".repeat(i * 7)}"}\n`));
    const manyIds = blobs(many);
    const reads = await catFileLimited(git, [
      { name: ":conf.yml", limit: "always" },
      { name: ":nope.yml", limit: "always" },
      ...manyIds.map((name) => ({ name, limit: "sized" as const })),
      { name: ids.empty, limit: "sized" },
      { name: "0".repeat(40), limit: "sized" },
      { name: "bad\nname", limit: "sized" },
      { name: ids.huge, limit: "sized" },
    ]);
    expect(data(reads[0])).toEqual(Buffer.from("a: 1\n"));
    expect(reads[1]).toBeUndefined();
    many.forEach((b, i) => same(reads[2 + i], b));
    expect(data(reads[502])).toEqual(empty);
    expect(reads[503]).toBeUndefined();
    expect(reads[504]).toBeUndefined();
    same(reads[505], huge);
  });

  it("never holds an object over maxBytes and reads what follows it, small or huge", async () => {
    const git = await Git.open(repo.dir);
    const reads = await catFileLimited(
      git,
      [
        { name: ids.mid, limit: "sized" },
        { name: ids.small, limit: "sized" },
        { name: ids.huge, limit: "sized" },
        { name: ids.small, limit: "sized" },
        { name: ids.huge, limit: "deferrable" }, // a symlink's text is never too large
      ],
      { maxBytes: 100 * 1024 },
    );
    expect(reads[0]).toEqual({ tooLarge: mid.length });
    expect(data(reads[1])).toEqual(small);
    expect(reads[2]).toEqual({ tooLarge: huge.length });
    expect(data(reads[3])).toEqual(small);
    same(reads[4], huge);
  });

  it("defers what follows the byte budget, keeps the first, and always reads the always items", async () => {
    const git = await Git.open(repo.dir);
    const reads = await catFileLimited(
      git,
      [
        { name: ":conf.yml", limit: "always" },
        { name: ids.mid, limit: "sized" }, // over the budget alone: the first is kept anyway
        { name: ids.small, limit: "sized" },
        { name: ids.small, limit: "deferrable" },
      ],
      { budget: 1024 },
    );
    expect(data(reads[0])).toEqual(Buffer.from("a: 1\n"));
    same(reads[1], mid);
    expect(reads[2]).toEqual({ deferred: true });
    expect(reads[3]).toEqual({ deferred: true });
    const under = await catFileLimited(
      git,
      [
        { name: ids.small, limit: "sized" },
        { name: ids.small, limit: "sized" },
        { name: ids.mid, limit: "sized" },
        { name: ids.small, limit: "sized" },
      ],
      { budget: small.length * 2 },
    );
    expect(under.map(data)).toEqual([small, small, { deferred: true }, { deferred: true }]);
  });
});

describe("the hook's staged reads", () => {
  it("cost one git cat-file process for ten staged files", async () => {
    const r = createRepo();
    try {
      for (let i = 0; i < 10; i++) r.write(`data/f${i}.json`, `{"v": ${i}}\n`);
      r.commitAll("base");
      expect((await r.cli(["init"])).code).toBe(0);
      r.commitAll("init");
      for (let i = 0; i < 10; i++) r.write(`data/f${i}.json`, `{"v": ${i + 1}}\n`);
      r.git("add", "-A");
      // An unstaged edit: the staged blobs are read from git, not from matching work-tree copies
      // (worktree-copies.ts, which needs no cat-file at all when every copy matches).
      r.write("data/f0.json", `{"v": "unstaged"}\n`);
      const trace = path.join(makeTempDir("ig-trace-"), "trace");
      process.env.GIT_TRACE = trace; // git inherits the test process's environment
      let run;
      try {
        run = await r.cli(["check", "--staged"]);
      } finally {
        delete process.env.GIT_TRACE;
      }
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/no findings/);
      const catFiles = fs.readFileSync(trace, "utf8").match(/trace: built-in: git cat-file.*/g) ?? [];
      expect(catFiles).toEqual(["trace: built-in: git cat-file --batch-command --buffer"]);
    } finally {
      r.cleanup();
    }
  });
});

// Last in this file: once a git without --batch-command is met, the module remembers it.
describe("catFileLimited with a git older than 2.36", () => {
  it("falls back to --batch-check and --batch with the same answers", async () => {
    const bin = makeTempDir("ig-oldgit-");
    const real = execFileSync("sh", ["-c", "command -v git"]).toString().trim();
    fs.writeFileSync(
      path.join(bin, "git"),
      `#!/bin/sh\ncase " $* " in *" --batch-command "*) echo "error: unknown option \\\`batch-command'" >&2; exit 129;; esac\nexec ${real} "$@"\n`,
      { mode: 0o755 },
    );
    const git = await Git.open(repo.dir);
    const small = Buffer.from('{"a": 1}\n');
    const mid = crypto.randomBytes(300 * 1024);
    const [smallId, midId] = blobs([small, mid]);
    const trace = path.join(makeTempDir("ig-trace-"), "trace");
    const savedPath = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${savedPath}`;
    process.env.GIT_TRACE = trace;
    let reads: LimitedRead[];
    try {
      reads = await catFileLimited(
        git,
        [
          { name: ":conf.yml", limit: "always" },
          { name: midId!, limit: "sized" },
          { name: smallId!, limit: "sized" },
          { name: smallId!, limit: "sized" },
        ],
        { maxBytes: 100 * 1024, budget: small.length },
      );
    } finally {
      process.env.PATH = savedPath;
      delete process.env.GIT_TRACE;
    }
    expect(data(reads[0])).toEqual(Buffer.from("a: 1\n"));
    expect(reads[1]).toEqual({ tooLarge: mid.length });
    same(reads[2], small);
    expect(reads[3]).toEqual({ deferred: true });
    const ran = fs.readFileSync(trace, "utf8").match(/trace: built-in: git cat-file.*/g) ?? [];
    expect(ran).toEqual(["trace: built-in: git cat-file --batch-check", "trace: built-in: git cat-file --batch"]);
  });
});
