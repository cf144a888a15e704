/**
 * bin/young-generation.js decides which runs start again with V8's young generation capped
 * (issue 20: peak RSS of the whole-tree commands at 500,000 files). The decision alone, for every
 * runtime: test/e2e/cli-entry.test.ts runs bin/ and records what the command actually ran with.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { INDEX_BYTES_FROM, SEMI_SPACE_MIB, youngGenerationArgs } from "../../bin/young-generation.js";
import { makeTempDir } from "../helpers/repo.js";

const CAP = `--max-semi-space-size=${SEMI_SPACE_MIB}`;
/** Every tree counts as big: the decision by command and arguments alone. */
const ANY = { IG_YOUNG_GENERATION_FROM: "0" };

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

/** A folder whose `.git` holds an index of `bytes` bytes (only its size is read); `linked`: a worktree's `.git` file. */
function withIndex(bytes: number, linked = false): string {
  const dir = makeTempDir("ig-young-");
  temps.push(dir);
  const gitDir = linked ? path.join(dir, "main-git", "worktrees", "w") : path.join(dir, ".git");
  fs.mkdirSync(gitDir, { recursive: true });
  fs.writeFileSync(path.join(gitDir, "index"), Buffer.alloc(bytes));
  if (linked) fs.writeFileSync(path.join(dir, ".git"), `gitdir: ${gitDir}\n`);
  fs.mkdirSync(path.join(dir, "sub"));
  return dir;
}

describe("youngGenerationArgs", () => {
  it("caps every whole-tree command, keeping node's own arguments first", () => {
    for (const verb of ["check", "seal", "verify", "snapshot", "restore"])
      expect(youngGenerationArgs([verb], [], ANY, true)).toEqual([CAP]);
    expect(youngGenerationArgs(["-C", "repo", "verify", "--no-cache"], ["--enable-source-maps"], ANY, true)).toEqual([
      "--enable-source-maps",
      CAP,
    ]);
  });

  it("leaves the hook, help, other commands and path operands after -- as they are", () => {
    expect(youngGenerationArgs(["check", "--staged"], [], ANY, true)).toBeUndefined();
    expect(youngGenerationArgs(["verify", "--help"], [], ANY, true)).toBeUndefined();
    expect(youngGenerationArgs(["seal", "-h"], [], ANY, true)).toBeUndefined();
    expect(youngGenerationArgs(["validate", "a.json"], [], ANY, true)).toBeUndefined();
    expect(youngGenerationArgs(["--version"], [], ANY, true)).toBeUndefined();
    // A file named like a verb, after --, is an operand.
    expect(youngGenerationArgs(["validate", "--", "check"], [], ANY, true)).toBeUndefined();
  });

  it("never overrides a size the user chose, in node's arguments or NODE_OPTIONS", () => {
    expect(youngGenerationArgs(["verify"], ["--max-semi-space-size=64"], ANY, true)).toBeUndefined();
    expect(youngGenerationArgs(["verify"], ["--max_semi_space_size", "8"], ANY, true)).toBeUndefined();
    expect(youngGenerationArgs(["verify"], [], { ...ANY, NODE_OPTIONS: "--inspect --max-semi-space-size=1" }, true)).toBeUndefined();
    expect(youngGenerationArgs(["verify"], [], { ...ANY, NODE_OPTIONS: "--semi-space-size=4" }, true)).toBeUndefined();
    // A replaced process sees its own flag: it never starts again (no loop).
    expect(youngGenerationArgs(["verify"], [CAP], ANY, true)).toBeUndefined();
  });

  it("runs as is where node cannot replace its process (Node 20, Windows)", () => {
    expect(youngGenerationArgs(["verify"], [], ANY, false)).toBeUndefined();
  });
});

describe("youngGenerationArgs: only for a tree big enough to pay for a second start-up", () => {
  it("caps from INDEX_BYTES_FROM bytes of git's index, found from -C / --cwd up to its .git", () => {
    const big = withIndex(INDEX_BYTES_FROM);
    const small = withIndex(INDEX_BYTES_FROM - 1);
    expect(youngGenerationArgs(["-C", path.join(big, "sub"), "verify"], [], {}, true)).toEqual([CAP]);
    expect(youngGenerationArgs([`--cwd=${big}`, "seal"], [], {}, true)).toEqual([CAP]);
    expect(youngGenerationArgs(["--cwd", small, "verify"], [], {}, true)).toBeUndefined();
    // A linked worktree: `.git` is a file naming the git folder.
    expect(youngGenerationArgs(["-C", withIndex(INDEX_BYTES_FROM, true), "check"], [], {}, true)).toEqual([CAP]);
  });

  it("reads GIT_INDEX_FILE and GIT_DIR as git does, and runs as is without an index", () => {
    const big = withIndex(INDEX_BYTES_FROM);
    const small = withIndex(10);
    expect(youngGenerationArgs(["-C", small, "verify"], [], { GIT_DIR: path.join(big, ".git") }, true)).toEqual([CAP]);
    expect(youngGenerationArgs(["-C", big, "verify"], [], { GIT_INDEX_FILE: path.join(small, ".git/index") }, true)).toBeUndefined();
    const none = makeTempDir("ig-young-none-");
    temps.push(none);
    expect(
      youngGenerationArgs(["-C", path.join(none, "missing"), "verify"], [], { GIT_DIR: path.join(none, "no-git") }, true),
    ).toBeUndefined();
  });
});
