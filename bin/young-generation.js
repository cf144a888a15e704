// Whole-tree commands run with V8's young generation capped (issue 20: peak RSS at 500,000 files).
//
// Why: V8 grows the young generation (two semi-spaces) up to 16 MiB each on Node 20 and 24 when a
// program allocates fast, and whole-tree work does (a path, a stat and an entry per file, mostly
// short-lived), and keeps those pages until the process ends. Measured at 500,000 files
// (docs/manifest.md, "Memory at 500,000 files"), capping it took 23-47 MB off the peak of a cold
// verify, a reseal and a cold whole-tree check on Node 20, and 107 MB off a cold verify on Node 24,
// at the same CPU (more scavenges, each of less).
// V8 sizes the young generation once, when the process starts: `v8.setFlagsFromString` later has
// no effect on it. So bin/integrity-guard.js replaces its own process (process.execve: Node
// 22.15+, 23.11+ and 24, not on Windows; the same pid, stdio and environment, nothing left waiting)
// with node started with the flag. Not for the hook (`check --staged`: a second start-up would
// cost it about 40 ms and it holds little), not when the user chose a young-generation size
// (NODE_OPTIONS or node's own arguments), and not where process.execve is missing (Node 20,
// 22.12-22.14, Windows): those run as before. Spawning a child instead would leave a waiting node
// process of about 40 MB beside it, more than the flag saves. Starting again costs a node
// start-up (about 50 ms of CPU), which only a big tree pays back: so only where git's index
// holds about 50,000 entries or more (INDEX_BYTES_FROM; one stat of the index, found the way git
// finds it from the folder the command runs in). Untracked trees are not counted: they run as
// before.
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";

/** Semi-space size in MiB (the young generation is two of them). */
export const SEMI_SPACE_MIB = 2;

/**
 * Bytes of git's index from which the cap is worth a second start-up: about 50,000 entries (an
 * entry is 62 bytes and its path, padded to 8). IG_YOUNG_GENERATION_FROM overrides it (tests, and
 * measuring a small tree).
 */
export const INDEX_BYTES_FROM = 4 * 1024 * 1024;

/** The commands whose work grows with the tree. */
const WHOLE_TREE = new Set(["check", "seal", "verify", "snapshot", "restore"]);

/** A node argument that sizes the young generation. */
const sizesYoungGeneration = (a) => /^--(?:(?:max|min)[-_])?semi[-_]space[-_]size(?:=|$)/.test(a);

/**
 * The node arguments to start again with, or undefined to run as is.
 * @param {readonly string[]} args the CLI's arguments (process.argv.slice(2))
 * @param {readonly string[]} execArgv node's own arguments (process.execArgv)
 * @param {Record<string, string | undefined>} env the environment
 * @param {boolean} canReplace whether process.execve can replace this process
 * @returns {string[] | undefined}
 */
export function youngGenerationArgs(args, execArgv, env, canReplace) {
  if (!canReplace) return undefined;
  const nodeOptions = (env.NODE_OPTIONS ?? "").split(/\s+/);
  if (execArgv.some(sizesYoungGeneration) || nodeOptions.some(sizesYoungGeneration)) return undefined;
  const end = args.indexOf("--");
  const options = end < 0 ? args : args.slice(0, end);
  if (!options.some((a) => WHOLE_TREE.has(a))) return undefined;
  if (options.some((a) => a === "--staged" || a === "--help" || a === "-h")) return undefined;
  const from = /^\d+$/.test(env.IG_YOUNG_GENERATION_FROM ?? "") ? Number(env.IG_YOUNG_GENERATION_FROM) : INDEX_BYTES_FROM;
  if (indexBytes(runFolder(options), env) < from) return undefined;
  return [...execArgv, `--max-semi-space-size=${SEMI_SPACE_MIB}`];
}

/** The folder the command runs in: `-C DIR`, `--cwd DIR` or `--cwd=DIR` (the CLI's global option), else the current one. */
function runFolder(options) {
  let dir = process.cwd();
  for (let i = 0; i < options.length; i++) {
    const a = options[i];
    if ((a === "-C" || a === "--cwd") && i + 1 < options.length) dir = path.resolve(dir, options[++i]);
    else if (a.startsWith("--cwd=")) dir = path.resolve(dir, a.slice(6));
  }
  return dir;
}

/**
 * Size of git's index for a command run in `dir`: GIT_INDEX_FILE, else GIT_DIR's index, else the
 * index of the first `.git` (folder, or file naming the git folder) from `dir` up. 0 when there is
 * none or it cannot be read: the command then runs as is.
 */
function indexBytes(dir, env) {
  try {
    if (env.GIT_INDEX_FILE) return fs.statSync(path.resolve(dir, env.GIT_INDEX_FILE)).size;
    if (env.GIT_DIR) return fs.statSync(path.join(path.resolve(dir, env.GIT_DIR), "index")).size;
    for (let d = dir; ; d = path.dirname(d)) {
      const dotGit = path.join(d, ".git");
      const st = fs.statSync(dotGit, { throwIfNoEntry: false });
      if (st?.isDirectory()) return fs.statSync(path.join(dotGit, "index")).size;
      if (st?.isFile()) {
        const m = /^gitdir: (.+)$/m.exec(fs.readFileSync(dotGit, "utf8"));
        return m ? fs.statSync(path.join(path.resolve(d, m[1].trim()), "index")).size : 0;
      }
      if (path.dirname(d) === d) return 0;
    }
  } catch {
    return 0;
  }
}

/** Replace this process with node started with the young generation capped, when that applies (returns otherwise). */
export function capYoungGeneration() {
  const canReplace = typeof process.execve === "function" && process.platform !== "win32";
  if (!canReplace) {
    // Node 20, 22.12-22.14, Windows: no second start, but V8 reads its growth factor each time it
    // would grow the young generation: at 1 it stays at its starting size (src/young-generation.ts).
    // Before the bundle loads: its own start-up already grew it.
    if (youngGenerationArgs(process.argv.slice(2), process.execArgv, process.env, true))
      v8.setFlagsFromString("--semi-space-growth-factor=1");
    return;
  }
  const execArgv = youngGenerationArgs(process.argv.slice(2), process.execArgv, process.env, canReplace);
  if (!execArgv || !process.argv[1]) return;
  try {
    process.execve(process.execPath, [process.execPath, ...execArgv, process.argv[1], ...process.argv.slice(2)], process.env);
  } catch {
    // could not start again (an exec refused by the system): run as is, with node's default size
  }
}
