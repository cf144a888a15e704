/**
 * Write edited values back into JSON/YAML files: comments and layout kept (see
 * src/core/conflicts/edit-*.ts), every file proven by reading it back before anything is
 * written, each file replaced atomically, and the previous contents saved for undo.
 *
 * All files of one run are planned first; if any edit cannot be made, nothing is written.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { EnvironmentError, IntegrityError } from "../errors.js";
import { editText, type EditFormat } from "../core/conflicts/edit-text.js";
import type { TextEdit } from "../core/conflicts/types.js";
import { formatFor } from "../core/parse/index.js";
import { writeFileAtomic } from "./atomic.js";
import { commitStaged, dropStaged, stageReplacement } from "./config-write-journal.js";
import { resolveInside } from "./paths.js";
import { makeStateFolder } from "./state-folder.js";

export interface FileEdits {
  /** Repo-relative path. */
  file: string;
  /** The bytes the edits were computed from: the file must still hold exactly these. */
  original: Buffer;
  edits: TextEdit[];
}

interface PlannedWrite {
  file: string;
  abs: string;
  original: Buffer;
  text: string;
}

/** Compute every file's new text; throws IntegrityError naming the file when one cannot be edited safely. */
export function planWrites(root: string, files: readonly FileEdits[]): PlannedWrite[] {
  return files.map((f) => {
    const abs = resolveInside(root, f.file, { what: "config file" });
    const format = formatFor(f.file) as EditFormat | undefined;
    if (!format) throw new IntegrityError(`cannot write ${f.file}: only .json, .yaml and .yml files can be edited`);
    const raw = f.original.toString("utf8");
    // Edit with LF line ends and put CRLF back afterwards, so a Windows file stays one.
    const crlf = raw.includes("\r\n");
    const text = crlf ? raw.replace(/\r\n/g, "\n") : raw;
    let out: string;
    try {
      out = editText(text, format, f.edits);
    } catch (error) {
      throw new IntegrityError(`cannot write ${f.file}: ${(error as Error).message}`, {
        fix: `nothing was written; make the change in ${f.file} by hand`,
        cause: error,
      });
    }
    return { file: f.file, abs, original: f.original, text: crlf ? out.replace(/\n/g, "\r\n") : out };
  });
}

/**
 * Save the previous contents under `undoDir`, then replace each file atomically. A file that
 * changed since it was read is not overwritten (EnvironmentError, nothing written).
 */
export async function commitWrites(
  plans: readonly PlannedWrite[],
  undoDir: string,
  gitDir: string,
  keepUndo = DEFAULT_UNDO_KEEP,
): Promise<void> {
  for (const p of plans) {
    const st = await fs.lstat(p.abs).catch(() => undefined);
    if (st?.isSymbolicLink())
      throw new EnvironmentError(`refusing to write ${p.file}: it is a symlink`, { fix: "edit the file it points to by hand" });
    const now = await fs.readFile(p.abs).catch(() => undefined);
    if (!now || !now.equals(p.original)) {
      throw new EnvironmentError(`${p.file} changed while integrity-guard was running; nothing was written`, {
        fix: "run the command again",
      });
    }
  }
  for (const p of plans) {
    const backup = path.join(undoDir, p.file);
    await makeStateFolder(path.dirname(backup));
    await writeFileAtomic(backup, p.original);
  }
  await replaceAll(plans, undoDir, gitDir);
  await sweepUndo(path.dirname(undoDir), keepUndo, undoDir);
}

/**
 * Every new file is written whole and fsynced beside its target before the first one is renamed
 * into place: a full disk, or a process killed while writing, leaves every file as it was (the
 * temporaries are removed, or swept by the next write: removeDeadTemporaries; we hold the
 * config-write lock). Only the renames, with no data left to write, lie between the first file
 * changed and the last. Before, each file was written and renamed in turn, so a full disk or a
 * kill at the second file left the first one new and the rest old: a half-applied resolution.
 * The renames themselves are journalled (config-write-journal.ts): a kill between two of them
 * is finished, or undone, by the next run of any command, which says so.
 */
async function replaceAll(plans: readonly PlannedWrite[], undoDir: string, gitDir: string): Promise<void> {
  const staged = [];
  try {
    for (const p of plans) staged.push(await stageReplacement(p.file, p.abs, p.text));
  } catch (error) {
    await dropStaged(staged);
    throw error;
  }
  await commitStaged(gitDir, staged, { command: "conflicts --write or sync --fix", lock: "config-write.lock", undo: undoDir });
}

/** Undo folders kept by default (config `undo.keep`); each holds full copies of the files a write changed. */
const DEFAULT_UNDO_KEEP = 20;

/** An undo folder's name as undoDirFor makes it: `<verb>-<ISO time, ":" and "." as "-">-<pid>`. */
const UNDO_NAME = /^[a-z]+-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-\d+$/;

/**
 * Keep the newest `keep` undo folders under `undoRoot` (by modification time; `current` always
 * stays) and remove the rest: they grew without limit (300 MB after 26 `conflicts --write` on
 * large configs, issue 14 item 8). Only folders named as undoDirFor names them: the undo folder
 * reached through a symlink (linked to another disk, or to a folder a downloaded .git pointed at)
 * once lost every subfolder but the 20 newest, whole. Never throws: a failed sweep must not fail the write.
 */
async function sweepUndo(undoRoot: string, keep: number, current?: string): Promise<string[]> {
  const removed: string[] = [];
  try {
    const entries = await fs.readdir(undoRoot, { withFileTypes: true });
    const dirs = await Promise.all(
      entries
        .filter((e) => e.isDirectory() && UNDO_NAME.test(e.name))
        .map(async (e) => {
          const abs = path.join(undoRoot, e.name);
          return { abs, mtime: (await fs.stat(abs)).mtimeMs };
        }),
    );
    dirs.sort((a, b) => b.mtime - a.mtime || b.abs.localeCompare(a.abs));
    const keepSet = new Set(dirs.slice(0, Math.max(keep, 1)).map((d) => d.abs));
    if (current) keepSet.add(current);
    for (const d of dirs) {
      if (keepSet.has(d.abs)) continue;
      await fs.rm(d.abs, { recursive: true, force: true });
      removed.push(d.abs);
    }
  } catch {
    /* best effort */
  }
  return removed;
}

/** A fresh undo folder name under the state dir: .git/integrity-guard/undo/<verb>-<time>. */
export function undoDirFor(stateDir: string, verb: string, now = new Date()): string {
  return path.join(stateDir, "undo", `${verb}-${now.toISOString().replace(/[:.]/g, "-")}-${process.pid}`);
}
