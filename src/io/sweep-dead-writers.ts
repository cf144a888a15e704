/**
 * The one sweep of what killed writers leave: list a folder, keep every name that is not ours,
 * and remove each of ours whose writer (process-start.ts writerTag: `<pid>s<start ticks>`, or the
 * pid alone in older names) no longer runs on this machine. Every cache, temporary and key folder
 * sweep uses it, so each deletes only its own names (a folder reached through a symlink keeps its
 * owner's files: session 24) and judges a writer the same way (a pid that came back in a
 * restarted container is not the writer that named the file).
 * Never throws: a folder that cannot be listed, or a name that cannot be removed, only costs disk space.
 */
import fs from "node:fs";
import path from "node:path";
import { writerAlive } from "./process-start.js";

/** What a sweep makes of a name: the writer tag to judge, STALE to remove it whatever wrote it, or undefined to keep it. */
type WriterOf = (name: string) => string | typeof STALE | undefined;

/** A name of ours that no writer owns any more (an old cache entry): removed without asking. */
export const STALE = Symbol("stale");

interface SweepOptions {
  /** Remove folders too (a private key folder, a restore's half-built folder); default files only. */
  recursive?: boolean;
  /** A last word on a dead writer's name (whose file it is: another user's is left alone). */
  mayRemove?: (name: string) => boolean;
}

/** Remove from `dir` the names `writerOf` claims whose writer is dead (or STALE); returns how many went. */
export function sweepDeadWriters(dir: string, writerOf: WriterOf, options: SweepOptions = {}): number {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0; // no folder yet, or not ours to list
  }
  let removed = 0;
  for (const name of names) {
    const writer = writerOf(name);
    if (writer === undefined || (writer !== STALE && writerAlive(writer))) continue; // not ours, or alive: kept
    if (options.mayRemove && !options.mayRemove(name)) continue;
    try {
      fs.rmSync(path.join(dir, name), { force: true, recursive: options.recursive === true });
      removed++;
    } catch {
      /* read-only, a folder where a file was expected, or gone meanwhile */
    }
  }
  return removed;
}
