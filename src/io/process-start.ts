/**
 * When a process started, as a stamp that tells one process from a later one given the same pid:
 * on Linux the boot id and the start time in /proc/<pid>/stat (field 22, clock ticks since
 * boot). A pid is reused after wraparound, and at once after a container restarts (its pid
 * namespace hands out the same small pids again), so "a process with this pid is alive" does not
 * mean "the process that wrote this pid is alive". Undefined where there is no /proc (macOS,
 * Windows) or the process is gone: callers then fall back to the pid alone.
 */
import fs from "node:fs";
import { processExists } from "./process-exists.js";

let bootId: string | undefined | null = null;

function boot(): string | undefined {
  if (bootId === null) {
    try {
      bootId = fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() || undefined;
    } catch {
      bootId = undefined;
    }
  }
  return bootId;
}

/** The start stamp of process `pid` ("<boot id>:<start ticks>"), or undefined when it cannot be read. */
export function processStart(pid: number): string | undefined {
  if (process.platform !== "linux" || !Number.isSafeInteger(pid) || pid <= 0) return undefined;
  const b = boot();
  if (b === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces or ")": fields after the last ")".
    const start = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
    return start && /^\d+$/.test(start) ? `${b}:${start}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the process that recorded (`pid`, `start`) still runs: its pid is alive and, when the
 * record has a start stamp and this system gives one, that pid started at the same time. A
 * record without a stamp (older versions, other systems) falls back to the pid alone.
 */
export function recordedProcessAlive(pid: number, start: unknown): boolean {
  if (!processExists(pid)) return false;
  if (typeof start !== "string") return true;
  const now = processStart(pid);
  return now === undefined || now === start;
}

/** Start ticks of `pid` (field 22 of /proc/<pid>/stat), or undefined. */
function startTicks(pid: number): string | undefined {
  const s = processStart(pid);
  return s === undefined ? undefined : s.slice(s.lastIndexOf(":") + 1);
}

let ownTag: string | undefined;

/**
 * This process's tag in the names of its temporary files: `<pid>s<start ticks>` on Linux, the pid
 * alone elsewhere. The pid alone does not name a writer for long: a restarted container's app gets
 * the same small pid at once, so its killed incarnation's files looked like its own (kept for good,
 * and in a work tree `git add -A` committed them cut short), and a reused pid made any file look
 * live. Older versions never remove a file named so (their patterns want digits alone there): safe.
 */
export function writerTag(): string {
  ownTag ??= ((t) => (t === undefined ? String(process.pid) : `${process.pid}s${t}`))(startTicks(process.pid));
  return ownTag;
}

/** A writer tag in a file name: `<pid>` (older versions, other systems) or `<pid>s<start ticks>`. */
export const WRITER_TAG = String.raw`\d+(?:s\d+)?`;

/**
 * Whether the writer a tag names (writerTag) may still be running, so its temporary file must be
 * left alone: its pid is alive and, when the tag has a start time and this system gives one, that
 * pid started then. Our own pid with another start is our killed predecessor (a restarted
 * container). A tag without a start falls back to the pid alone (our own pid: ours).
 */
export function writerAlive(tag: string): boolean {
  const m = /^(\d+)(?:s(\d+))?$/.exec(tag);
  if (!m) return true; // not a name of ours: never removed
  const pid = Number(m[1]);
  const ticks = m[2];
  if (pid === process.pid) {
    if (ticks === undefined) return true;
    const own = startTicks(pid);
    return own === undefined || own === ticks;
  }
  if (!processExists(pid)) return false;
  if (ticks === undefined) return true;
  const now = startTicks(pid);
  return now === undefined || now === ticks;
}
