/**
 * Local health history: one JSON line per `health` run in <git common dir>/integrity-guard/
 * health-history.jsonl (machine-local, never committed). Lines that do not parse (a crash
 * half-way through an append) are skipped, not fatal. Kept to the last MAX_LINES entries.
 */
import fs from "node:fs/promises";
import { constants } from "node:fs";
import path from "node:path";
import type { HistoryPoint } from "../../core/health/chart.js";
import type { HealthStatus } from "../../core/health/types.js";
import { writeFileAtomic } from "../atomic.js";
import { withLock } from "../lock.js";
import { makeStateFolder } from "../state-folder.js";
import { readStateFile } from "../read-regular.js";

const HISTORY_FILE = "health-history.jsonl";
const MAX_LINES = 5000;
const STATUSES: readonly string[] = ["HEALTHY", "DEGRADED", "CRITICAL"];

function historyPath(stateDir: string): string {
  return path.join(stateDir, HISTORY_FILE);
}

/** Parse the JSONL text; bad lines are skipped. */
export function parseHistory(text: string): HistoryPoint[] {
  const out: HistoryPoint[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const v = JSON.parse(line) as Partial<HistoryPoint>;
      if (
        typeof v.time === "string" &&
        Number.isFinite(Date.parse(v.time)) &&
        typeof v.score === "number" &&
        v.score >= 0 &&
        v.score <= 100 &&
        STATUSES.includes(String(v.status))
      ) {
        out.push({ time: v.time, score: v.score, status: v.status as HealthStatus, source: "local" });
      }
    } catch {
      /* a torn line from an interrupted append: skip it */
    }
  }
  return out;
}

/** The recorded points; none when the file is missing, or is a symlink or not a regular file (never followed). */
export async function readHistory(stateDir: string): Promise<HistoryPoint[]> {
  return parseHistory((await readStateFile(historyPath(stateDir)))?.toString("utf8") ?? "");
}

// O_NONBLOCK: a FIFO at the name fails at once (ENXIO) instead of waiting for a reader.
const APPEND_NO_FOLLOW = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0);

/** Append `text` to the regular file `file`; throws (code ENOTREG) when it is anything else, ELOOP for a link. */
async function appendRegular(file: string, text: string): Promise<void> {
  const fh = await fs.open(file, APPEND_NO_FOLLOW, 0o644);
  try {
    if (!(await fh.stat()).isFile()) throw Object.assign(new Error(`${file} is not a regular file`), { code: "ENOTREG" });
    await fh.writeFile(text);
  } finally {
    await fh.close();
  }
}

/** Append one point (under the state lock; rewritten atomically when it grows past the cap). */
export async function appendHistory(stateDir: string, point: HistoryPoint): Promise<void> {
  await makeStateFolder(stateDir);
  const file = historyPath(stateDir);
  const line = JSON.stringify({ time: point.time, score: point.score, status: point.status }) + "\n";
  await withLock(path.join(stateDir, "health-history.lock"), async () => {
    // A link at the history's name is not read (its target may be another file, or a FIFO that
    // never answers): the history starts over in a file of its own, which replaces the link.
    const existing = (await readStateFile(file))?.toString("utf8") ?? "";
    const lines = existing.split("\n").filter((l) => l.trim());
    if (lines.length >= MAX_LINES) {
      await writeFileAtomic(file, [...lines.slice(lines.length - MAX_LINES + 1), line.trimEnd()].join("\n") + "\n");
    } else {
      // A torn last line (no newline) must not swallow the new entry.
      const tail = (existing && !existing.endsWith("\n") ? "\n" : "") + line;
      // O_NOFOLLOW: an append through a symlink at the history's name would grow the file it leads to.
      await appendRegular(file, tail).catch(async (error: unknown) => {
        // Another member of a group-shared repository wrote the file (their umask: not group-writable);
        // the folder is group-writable (state-folder.ts), so a whole new file can replace it. A
        // symlink (ELOOP) is replaced the same way: the link goes, its target is left alone.
        const code = (error as NodeJS.ErrnoException).code;
        // A FIFO or device there (ENXIO, ENOTREG) is replaced the same way: never written into.
        if (code !== "EACCES" && code !== "EPERM" && code !== "ELOOP" && code !== "ENXIO" && code !== "ENOTREG") throw error;
        await writeFileAtomic(file, existing + tail);
      });
    }
  });
}

/** Merge local and snapshot-recorded points, oldest first, dropping exact duplicates. */
export function mergeHistory(...lists: HistoryPoint[][]): HistoryPoint[] {
  const seen = new Set<string>();
  const all: HistoryPoint[] = [];
  for (const p of lists.flat()) {
    const k = `${p.time}|${p.score}|${p.status}`;
    if (seen.has(k)) continue;
    seen.add(k);
    all.push(p);
  }
  return all.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}
