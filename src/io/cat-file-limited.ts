/**
 * Reading staged blobs under byte limits in one git process. The hook used to ask
 * `git cat-file --batch-check` for the sizes of the staged blobs, then `git cat-file --batch` for
 * their contents: two processes for every commit (each git process costs the hook about as much
 * as parsing its files). `git cat-file --batch-command --buffer` (git 2.36+) answers both in one:
 * the sizes first (`info`), then only the contents within the limits (`contents`), so a blob over
 * the limit is still never read. An older git, which has no --batch-command, gets the two
 * processes as before. git's answers are read by CatFileSession alone: the hook's shared session
 * or, without one, a short-lived session with --buffer.
 */
import type { Git } from "./git.js";
import { CatFileSession, SessionUnavailableError } from "./cat-file-session.js";

/** How one name is read. */
type ReadLimit =
  /** A regular blob: over maxBytes it is not read; its size counts towards the budget. */
  | "sized"
  /** Deferred once the budget is reached, but never too large (a symlink's text). */
  | "deferrable"
  /** Always read (a config or schema file named by `:path`). */
  | "always";

export type LimitedRead =
  | { data: Buffer }
  /** Over maxBytes: its size, never read. */
  | { tooLarge: number }
  /** After the budget was reached: read it in a later call. */
  | { deferred: true }
  /** git says missing (or the name holds a newline, which batch input cannot carry). */
  | undefined;

export interface LimitedItem {
  name: string;
  limit: ReadLimit;
}

interface Info {
  type: string;
  size: number;
}

/** False once a git without --batch-command was met (asked once per process). */
let batchCommand = true;

/**
 * Read `items` in order under `maxBytes` (per sized blob) and `budget` (bytes of sized blobs held
 * in all; the first is always held, later ones wait for another call), as withinLimits does.
 */
export async function catFileLimited(
  git: Git,
  items: readonly LimitedItem[],
  limits: { maxBytes?: number; budget?: number } = {},
): Promise<LimitedRead[]> {
  const asked = items.map((it, i) => [it, i] as const).filter(([it]) => !it.name.includes("\n"));
  const out: LimitedRead[] = items.map(() => undefined);
  if (asked.length === 0) return out;
  // A process shared with the caller's other reads (Git.withCatFileSession): sizes, then contents.
  const shared = await git.viaSession(async (session) => {
    await readThrough(session, asked, limits, out);
    return true;
  });
  if (shared) return out;
  if (batchCommand) {
    const done = await withBatchCommand(git, asked, limits, out);
    if (done) return out;
    batchCommand = false;
  }
  const infos = await git.batchCheck(asked.map(([it]) => it.name));
  const wanted = decide(
    asked,
    asked.map((_, k) => infos[k]),
    limits,
    out,
  );
  const blobs = await git.catFileBatch(wanted.map(([it]) => it.name));
  wanted.forEach(([, i], k) => {
    const b = blobs[k];
    out[i] = b ? { data: b } : undefined;
  });
  return out;
}

/** The sizes of `asked` through `session`, then the contents within the limits, into `out`. */
async function readThrough(
  session: CatFileSession,
  asked: readonly (readonly [LimitedItem, number])[],
  limits: { maxBytes?: number; budget?: number },
  out: LimitedRead[],
): Promise<void> {
  const infos = await session.info(asked.map(([it]) => it.name));
  const wanted = decide(asked, infos, limits, out);
  const got = await session.contents(wanted.map(([it]) => it.name));
  wanted.forEach(([, i], k) => {
    const c = got[k];
    out[i] = c ? { data: c.data } : undefined;
  });
}

/** Which asked items to read, given their infos; sets the others in `out` (too large, deferred, missing). */
function decide(
  asked: readonly (readonly [LimitedItem, number])[],
  infos: readonly (Info | undefined)[],
  limits: { maxBytes?: number; budget?: number },
  out: LimitedRead[],
): (readonly [LimitedItem, number])[] {
  const maxBytes = limits.maxBytes ?? Infinity;
  const budget = limits.budget ?? Infinity;
  let held = 0;
  const wanted: (readonly [LimitedItem, number])[] = [];
  asked.forEach(([it, i], k) => {
    const info = infos[k];
    if (!info) return; // missing: undefined
    if (it.limit === "sized" && info.type === "blob" && info.size > maxBytes) {
      out[i] = { tooLarge: info.size };
      return;
    }
    if (it.limit !== "always" && held > 0 && held >= budget) {
      out[i] = { deferred: true };
      return;
    }
    if (it.limit === "sized") held += info.size;
    wanted.push([it, i]);
  });
  return wanted;
}

/**
 * One short-lived `git cat-file --batch-command --buffer` (a CatFileSession of its own, the one
 * reader of git's answers): the sizes, then the contents within the limits. False when this git
 * has no --batch-command.
 */
async function withBatchCommand(
  git: Git,
  asked: readonly (readonly [LimitedItem, number])[],
  limits: { maxBytes?: number; budget?: number },
  out: LimitedRead[],
): Promise<boolean> {
  const session = new CatFileSession((args) => git.spawnStreaming(args), { buffer: true });
  try {
    await readThrough(session, asked, limits, out);
    return true;
  } catch (error) {
    if (error instanceof SessionUnavailableError) return false;
    throw error;
  } finally {
    await session.close();
  }
}
