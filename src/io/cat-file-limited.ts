/**
 * Reading staged blobs under byte limits in one git process. The hook used to ask
 * `git cat-file --batch-check` for the sizes of the staged blobs, then `git cat-file --batch` for
 * their contents: two processes for every commit (each git process costs the hook about as much
 * as parsing its files). `git cat-file --batch-command --buffer` (git 2.36+) answers both in one:
 * the sizes first (`info`), then only the contents within the limits (`contents`), so a blob over
 * the limit is still never read. An older git, which has no --batch-command, gets the two
 * processes as before.
 */
import type { Git } from "./git.js";
import { GitError } from "../errors.js";

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
    const infos = await session.info(asked.map(([it]) => it.name));
    const wanted = decide(asked, infos, limits, out);
    const got = await session.contents(wanted.map(([it]) => it.name));
    wanted.forEach(([, i], k) => {
      const c = got[k];
      out[i] = c ? { data: c.data } : undefined;
    });
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
 * The contents part of git's answer, read as it streams: "<oid> <type> <size>\n<content>\n" per
 * object, each content copied straight into a buffer of its size. Collecting the chunks and
 * concatenating them at the end held every blob twice (a 200 MB staged JSON peaked at 1.2 GB in
 * `check --staged`, 380 MB more than `check` on the same file).
 */
class ContentsReader {
  private header: Buffer[] = [];
  private current: { data: Buffer; filled: number; at: number } | undefined;
  private skipNewline = false;
  private next = 0;
  failure: string | undefined;

  constructor(
    private readonly wanted: readonly (readonly [LimitedItem, number])[],
    private readonly out: LimitedRead[],
  ) {}

  get complete(): boolean {
    return this.next === this.wanted.length && this.current === undefined && !this.skipNewline;
  }

  push(b: Buffer): void {
    let pos = 0;
    while (pos < b.length && this.failure === undefined) {
      if (this.skipNewline) {
        this.skipNewline = false;
        pos++;
        continue;
      }
      if (this.current) {
        const n = Math.min(b.length - pos, this.current.data.length - this.current.filled);
        b.copy(this.current.data, this.current.filled, pos, pos + n);
        this.current.filled += n;
        pos += n;
        if (this.current.filled === this.current.data.length) {
          this.out[this.current.at] = { data: this.current.data };
          this.current = undefined;
          this.skipNewline = true;
        }
        continue;
      }
      const nl = b.indexOf(10, pos);
      if (nl < 0) {
        this.header.push(b.subarray(pos));
        return;
      }
      this.header.push(b.subarray(pos, nl));
      pos = nl + 1;
      const line = Buffer.concat(this.header).toString("utf8");
      this.header = [];
      const item = this.wanted[this.next];
      const m = / (?:blob|tree|commit|tag) (\d+)$/.exec(line);
      if (!item || !m) {
        this.failure = `unexpected output at object ${this.next + 1}`;
        return;
      }
      this.next++;
      this.current = { data: Buffer.allocUnsafe(Number(m[1])), filled: 0, at: item[1] };
      if (this.current.data.length === 0) {
        this.out[item[1]] = { data: this.current.data };
        this.current = undefined;
        this.skipNewline = true;
      }
    }
  }
}

/** One `git cat-file --batch-command --buffer`; false when this git has no such option. */
function withBatchCommand(
  git: Git,
  asked: readonly (readonly [LimitedItem, number])[],
  limits: { maxBytes?: number; budget?: number },
  out: LimitedRead[],
): Promise<boolean> {
  const args = ["cat-file", "--batch-command", "--buffer"];
  return new Promise((resolve, reject) => {
    const child = git.spawnStreaming(args);
    const chunks: Buffer[] = [];
    const err: Buffer[] = [];
    let lines = 0;
    let contents: ContentsReader | undefined;
    let settled = false;
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      reject(e);
    };
    child.stdout.on("data", (b: Buffer) => {
      if (contents) return contents.push(b);
      chunks.push(b);
      for (let p = b.indexOf(10); p >= 0; p = b.indexOf(10, p + 1)) lines++;
      if (lines < asked.length) return;
      // Every info line is in: decide, then ask for the contents and close git's input.
      const text = Buffer.concat(chunks);
      chunks.length = 0;
      const infos: (Info | undefined)[] = [];
      let pos = 0;
      for (let k = 0; k < asked.length; k++) {
        const nl = text.indexOf(10, pos);
        // "<oid> <type> <size>", or "<name> missing" (the name as given: bytes, not always UTF-8)
        const m = / (blob|tree|commit|tag) (\d+)$/.exec(text.toString("latin1", pos, nl));
        infos.push(m ? { type: m[1]!, size: Number(m[2]) } : undefined);
        pos = nl + 1;
      }
      const wanted = decide(asked, infos, limits, out);
      contents = new ContentsReader(wanted, out);
      if (pos < text.length) contents.push(text.subarray(pos));
      child.stdin.end(wanted.map(([it]) => `contents ${it.name}\n`).join(""));
    });
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", fail);
    child.stdin.on("error", () => {
      /* git stopped before reading every command: its exit says why */
    });
    child.on("close", (code) => {
      if (settled) return;
      const stderr = Buffer.concat(err).toString("utf8");
      // An older git: "error: unknown option `batch-command'" and its usage, exit 129.
      if (code === 129 && !contents && /batch-command/.test(stderr)) {
        settled = true;
        return resolve(false);
      }
      if (code !== 0 || !contents) return fail(new GitError(args, code, stderr || "its output ended before every answer"));
      if (contents.failure !== undefined || !contents.complete)
        return fail(new GitError(args, code, contents.failure ?? "its output ended before every answer"));
      settled = true;
      resolve(true);
    });
    child.stdin.write(asked.map(([it]) => `info ${it.name}\n`).join("") + "flush\n");
  });
}
