/**
 * Whole-tree commands keep V8's young generation at its starting size when node was started
 * without a size for it (issue 20: peak memory at 500,000 files).
 *
 * Why: V8 doubles the young generation (two semi-spaces) up to 16 MiB each when a program
 * allocates fast, as whole-tree work does (a path, a stat and a result per file, mostly
 * short-lived), and keeps those pages until the process ends. bin/integrity-guard.js caps it by
 * starting node again with `--max-semi-space-size=2` (bin/young-generation.js), but only where
 * node can replace its own process (Node 22.15+, 23.11+, 24); on Node 20, on Windows, and when
 * dist/cli/index.js is run directly, the young generation grew, and a cold `verify` of 500,000
 * files peaked at 313 MB. The size limit is read only at start-up, but the growth factor is read
 * each time V8 considers growing the young generation: set to 1, it never grows past the 1 MiB
 * semi-spaces it starts with. Setting it after start-up is safe for this flag (a number V8 reads
 * when it grows the space, nothing compiled from it); 0 would shrink the space and is never used.
 */
import v8 from "node:v8";

/** The commands whose work grows with the tree (bin/young-generation.js's list). */
const WHOLE_TREE = new Set(["check", "seal", "verify", "snapshot", "restore"]);

/** A node argument that sizes the young generation (the user's choice is kept). */
const sizesYoungGeneration = (a: string) => /^--(?:(?:max|min)[-_])?semi[-_]space[-_]size(?:=|$)/.test(a);

/**
 * Whether this run keeps the young generation at its starting size: a whole-tree command (not
 * the hook's `check --staged`, which holds little and whose start-up matters, nor `--help`), and
 * no young-generation size given to node (its arguments, or NODE_OPTIONS; bin/ passes one where
 * it could start node again with it).
 */
export function holdsYoungGeneration(
  args: readonly string[],
  execArgv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  const nodeOptions = (env.NODE_OPTIONS ?? "").split(/\s+/);
  if (execArgv.some(sizesYoungGeneration) || nodeOptions.some(sizesYoungGeneration)) return false;
  const end = args.indexOf("--");
  const options = end < 0 ? args : args.slice(0, end);
  if (!options.some((a) => WHOLE_TREE.has(a))) return false;
  return !options.some((a) => a === "--staged" || a === "--help" || a === "-h");
}

/** Keep the young generation at its starting size when holdsYoungGeneration says so (see above). */
export function holdYoungGeneration(args: readonly string[]): void {
  if (holdsYoungGeneration(args, process.execArgv, process.env)) v8.setFlagsFromString("--semi-space-growth-factor=1");
}
