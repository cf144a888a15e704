/**
 * One `git cat-file --batch-command` answering several rounds of reads (src/io/cat-file-session.ts,
 * Git.withCatFileSession): the answers are those of a process per call (readBlobs, catFileBatch,
 * catFileLimited), for missing names, trees, empty and large blobs, names git cannot be asked,
 * and concurrent callers; a git without --batch-command falls back to a process per call.
 */
import { spawn } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Git } from "../../src/io/git.js";
import { CatFileSession, SessionUnavailableError } from "../../src/io/cat-file-session.js";
import { catFileLimited } from "../../src/io/cat-file-limited.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  repo?.cleanup();
  repo = undefined;
});

const BIG = "x".repeat(3 << 20); // several pipe chunks

async function setup(): Promise<{ git: Git; a: string; empty: string; big: string }> {
  const r = createRepo();
  repo = r;
  r.write("a.json", '{"a":1}\n');
  r.write("empty.json", "");
  r.write("dir/big.json", BIG);
  r.commitAll("c");
  const id = (p: string) => r.git("rev-parse", `HEAD:${p}`).trim();
  return { git: await Git.open(r.dir), a: id("a.json"), empty: id("empty.json"), big: id("dir/big.json") };
}

/** readBlobs, catFileBatch and catFileLimited over the same names, as plain data. */
async function reads(git: Git, ids: { a: string; empty: string; big: string }) {
  const missing = "0".repeat(40);
  const blobs = await git.readBlobs([ids.a, ids.big, missing, ids.a, ids.empty]);
  const batch = await git.catFileBatch(["HEAD:a.json", "HEAD:dir", "HEAD:nope.json", "HEAD:bad\nname", `HEAD:empty.json`, ids.big]);
  const limited = await catFileLimited(
    git,
    [
      { name: ids.big, limit: "sized" },
      { name: ids.a, limit: "sized" },
      { name: "HEAD:nope.json", limit: "always" },
      { name: "HEAD:a.json", limit: "always" },
    ],
    { maxBytes: 1 << 20 },
  );
  return {
    blobs: [...blobs].map(([k, v]) => [k, v.toString("utf8").slice(0, 20), v.length]),
    batch: batch.map((b) => (b === undefined ? "undefined" : [b.toString("utf8").slice(0, 20), b.length])),
    limited: limited.map((l) => (l === undefined ? "undefined" : "data" in l ? l.data.toString("utf8") : l)),
  };
}

describe("a shared cat-file session", () => {
  it("answers as a process per call does, in one process across rounds and concurrent callers", async () => {
    const { git, ...ids } = await setup();
    const alone = await reads(git, ids);
    expect(alone.limited).toEqual([{ tooLarge: BIG.length }, '{"a":1}\n', "undefined", '{"a":1}\n']);
    expect(alone.batch[1]).toBe("undefined"); // a tree is no blob
    const spawned: string[][] = [];
    const streaming = Git.prototype.spawnStreaming;
    vi.spyOn(Git.prototype, "spawnStreaming").mockImplementation(function (this: Git, args) {
      spawned.push([...args]);
      return streaming.call(this, args);
    });
    const exec = Git.prototype.exec;
    const execs: string[][] = [];
    vi.spyOn(Git.prototype, "exec").mockImplementation(function (this: Git, args, options) {
      execs.push([...args]);
      return exec.call(this, args, options);
    });
    const [shared, again] = await git.withCatFileSession(() => Promise.all([reads(git, ids), reads(git, ids)]));
    expect(shared).toEqual(alone);
    expect(again).toEqual(alone);
    expect(spawned).toEqual([["cat-file", "--batch-command"]]);
    expect(execs.filter((a) => a.includes("cat-file"))).toEqual([]);
    // Closed: later reads start a process of their own again.
    expect(await reads(git, ids)).toEqual(alone);
    expect(spawned.length + execs.filter((a) => a.includes("cat-file")).length).toBeGreaterThan(1);
  });

  it("starts no process when nothing is read", async () => {
    const { git } = await setup();
    const spy = vi.spyOn(Git.prototype, "spawnStreaming");
    expect(await git.withCatFileSession(() => Promise.resolve(7))).toBe(7);
    expect(spy).not.toHaveBeenCalled();
  });

  it("a git without --batch-command: the same answers from a process per call", async () => {
    const { git, ...ids } = await setup();
    const alone = await reads(git, ids);
    // git before 2.36: usage on stderr, exit 129.
    vi.spyOn(Git.prototype, "spawnStreaming").mockImplementation(() =>
      spawn("sh", ["-c", 'echo "error: unknown option \\`batch-command\'" >&2; exit 129'], { stdio: ["pipe", "pipe", "pipe"] }),
    );
    expect(await git.withCatFileSession(() => reads(git, ids))).toEqual(alone);
  });

  it("a read after the session was closed is refused as unavailable (its caller asks a process of its own), not left hanging", async () => {
    const { git, a } = await setup();
    const session = new CatFileSession((args) => git.spawnStreaming(args));
    expect((await session.info([a]))[0]).toEqual({ type: "blob", size: 8 });
    const closed = session.close();
    await expect(session.contents([a])).rejects.toBeInstanceOf(SessionUnavailableError);
    await closed;
  });

  it("a git that dies mid-answer fails the pending reads with its message, never hangs", async () => {
    const session = new CatFileSession(() =>
      spawn("sh", ["-c", "read x; echo 'fatal: broken' >&2; exit 128"], { stdio: ["pipe", "pipe", "pipe"] }),
    );
    await expect(session.contents(["HEAD:a.json"])).rejects.toThrow(/exit 128\): fatal: broken/);
    await session.close();
  });
});
