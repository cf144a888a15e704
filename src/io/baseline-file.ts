/**
 * Reading and writing .integrity-guard/baseline.json, and applying it to a run's findings.
 * Which copy counts: the working tree's for `check`, the index's for `check --staged` (what will
 * be committed, like the config), and the base commit's on a pull request (given by the Action,
 * so a pull request cannot exempt its own new corruption). The baseline is read only when a run
 * has a finding it could exempt, so a clean hook never opens it.
 */
import fs from "node:fs";
import path from "node:path";
import {
  applyBaseline,
  BASELINE_PATH,
  baselinable,
  filesToHash,
  MAX_BASELINE_BYTES,
  parseBaseline,
  sha256Hex,
  type Baseline,
  type BaselineCounts,
} from "../core/baseline.js";
import type { Finding } from "../core/finding.js";
import { catFileLimited } from "./cat-file-limited.js";
import type { FileSource } from "./file-source.js";
import type { Git, IndexEntry } from "./git.js";
import { readRegularFileSync } from "./read-regular.js";
import { outsideLink } from "./symlink-outside.js";

/** A baseline's bytes (absent: none), or why they cannot be used; `from` names the copy in messages. */
type BaselineBytes = { bytes?: Buffer; error?: string; from: string };

/** Produces the baseline's bytes when a run needs them. */
export type BaselineLoader = () => Promise<BaselineBytes>;

/** The working tree's baseline: a regular file, never read through a symlink. */
export function worktreeBaseline(root: string): BaselineLoader {
  return async () => {
    const from = "in the working tree";
    const abs = path.join(root, BASELINE_PATH);
    const outside = outsideLink(root, BASELINE_PATH);
    if (outside !== undefined)
      return { error: `is reached through the symlink ${outside}, which leaves the repository (not followed)`, from };
    let st: fs.Stats;
    try {
      st = fs.lstatSync(abs);
    } catch {
      return { from };
    }
    if (st.isSymbolicLink()) return { error: "is a symlink (not followed)", from };
    if (st.isFile() && st.size > MAX_BASELINE_BYTES) return { error: `is ${st.size} bytes, over the limit of ${MAX_BASELINE_BYTES}`, from };
    try {
      return { bytes: readRegularFileSync(abs), from };
    } catch (error) {
      return { error: `cannot be read: ${(error as Error).message}`, from };
    }
  };
}

/**
 * The index's baseline (check --staged): what the commit will hold. A baseline git does not
 * track yet (just written by `init --baseline`) is read from the working tree.
 */
export function stagedBaseline(root: string, git: Git, entries?: () => Promise<IndexEntry[]>): BaselineLoader {
  return async () => {
    // `entries`: the hook's answer from the staged diff and HEAD's tree, which reads no index
    // (src/io/head-unchanged.ts); `git ls-files` loads the whole index, a cost per blocked commit.
    const entry = (await (entries ? entries() : git.lsStaged([BASELINE_PATH]))).find((e) => e.stage === 0);
    if (!entry) return worktreeBaseline(root)();
    const from = "as staged";
    if (entry.mode !== "100644" && entry.mode !== "100755")
      return { error: `is staged as mode ${entry.mode}, not a regular file (not followed)`, from };
    // Size and bytes from one git process; a blob over the limit is never read.
    const [read] = await catFileLimited(git, [{ name: entry.oid, limit: "sized" }], { maxBytes: MAX_BASELINE_BYTES });
    if (read && "tooLarge" in read) return { error: `is ${read.tooLarge} bytes, over the limit of ${MAX_BASELINE_BYTES}`, from };
    if (!read || !("data" in read)) return { error: `(blob ${entry.oid}) is missing from the object database`, from };
    return { bytes: read.data, from };
  };
}

/** What CheckContext.exempt returns. */
interface Exempted {
  findings: Finding[];
  counts?: BaselineCounts;
  /** Set when the baseline exists but cannot be used: nothing is exempted and the run could not fully run (exit 2). */
  invalid?: true;
}

/** Load and parse a baseline; undefined when there is none, a `baseline/invalid` finding when it cannot be used. */
export async function loadBaseline(load: BaselineLoader): Promise<Baseline | Finding | undefined> {
  const got = await load();
  const bytes = got.bytes;
  const parsed = bytes ? parseBaseline(bytes) : undefined;
  const error = got.error ?? (parsed && "error" in parsed ? parsed.error : undefined);
  if (error !== undefined) {
    return {
      rule: "baseline/invalid",
      level: "error",
      file: BASELINE_PATH,
      message: `the baseline ${BASELINE_PATH} ${got.from} ${error}: it exempts nothing, every finding counts`,
      fix: `rewrite it with \`integrity-guard baseline --update\`, or delete it`,
    };
  }
  return parsed && "baseline" in parsed ? parsed.baseline : undefined;
}

/** SHA-256 of each path as `source` reads it; undefined for a path that cannot be read. */
export async function hashFiles(source: FileSource, paths: readonly string[]): Promise<Map<string, string | undefined>> {
  const out = new Map<string, string | undefined>();
  if (paths.length === 0) return out;
  const read = await source.read(paths);
  for (const p of paths) {
    const r = read.get(p);
    out.set(p, Buffer.isBuffer(r) ? sha256Hex(r) : undefined);
  }
  return out;
}

/**
 * The exemption step of a check run (CheckContext.exempt): reads the baseline only when a
 * finding could be exempted, hashes only the files with such findings, as `source` reads them.
 */
export function baselineExempt(load: BaselineLoader, source: FileSource): (findings: Finding[]) => Promise<Exempted> {
  return async (findings) => {
    if (!findings.some(baselinable)) return { findings };
    const baseline = await loadBaseline(load);
    if (baseline === undefined) return { findings };
    if ("rule" in baseline) return { findings: [baseline, ...findings], invalid: true };
    const hashes = await hashFiles(source, filesToHash(findings, baseline));
    return applyBaseline(findings, baseline, hashes);
  };
}
