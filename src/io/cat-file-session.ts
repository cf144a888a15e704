/**
 * One `git cat-file --batch-command` process answering several rounds of reads. The hook's
 * manifest check reads in rounds that depend on each other (the staged root, then HEAD's root,
 * the shards it names, HEAD's shards, then the staged files' blobs): one git process each,
 * started in sequence, about 5 ms apiece on a one-file reseal. Git.withCatFileSession routes
 * readBlobs, catFileBatch and catFileLimited through one of these instead.
 *
 * Without --buffer, git flushes its answer to each command at once, so a round is answered while
 * the process waits for the next. Answers come in the order of the commands: a queue of what
 * each pending command expects is the whole protocol state. git before 2.36 has no
 * --batch-command (exit 129 and its usage): requests then fail with SessionUnavailableError,
 * and Git falls back to a process per call.
 */
import type { ChildProcessByStdio } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import { GitError } from "../errors.js";

/** An object's type and size (`info`), and with `contents` its bytes. */
interface ObjectInfo {
  type: string;
  size: number;
}
interface ObjectContents extends ObjectInfo {
  data: Buffer;
}

/**
 * The session cannot answer: this git has no `cat-file --batch-command` (before 2.36), or the
 * session was closed while a caller still had reads to make. The caller asks a process of its own.
 */
export class SessionUnavailableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "SessionUnavailableError";
  }
}

type Pending =
  | { kind: "info"; resolve: (i: ObjectInfo | undefined) => void; reject: (e: Error) => void }
  | { kind: "contents"; resolve: (c: ObjectContents | undefined) => void; reject: (e: Error) => void };

/**
 * An answer's header: "<oid> <type> <size>". Anything else ("<name> missing", "<name>
 * ambiguous") is no object; the oid is matched too, so a name ending in " blob 12" that git
 * reports missing is not read as an object.
 */
const HEADER = /^[0-9a-f]{40,64} (blob|tree|commit|tag) (\d+)$/;

interface SessionOptions {
  /**
   * `--buffer`: git answers each round at once when it ends (a `flush` command), not each command
   * as it comes: fewer writes for a round of many objects (catFileLimited's one-shot reads).
   */
  buffer?: boolean;
}

export class CatFileSession {
  private child: ChildProcessByStdio<Writable, Readable, Readable> | undefined;
  private readonly pending: Pending[] = [];
  private header: Buffer[] = [];
  private current: { data: Buffer; filled: number; type: string; done: (c: ObjectContents) => void } | undefined;
  private skipNewline = false;
  private readonly stderr: Buffer[] = [];
  private failure: Error | undefined;
  private exited: Promise<void> | undefined;
  /** close() was called: git's input is ended, nothing more can be asked. */
  private closing = false;

  private readonly args: readonly string[];
  /** What ends a round of commands: `flush` with --buffer (git holds its answers until then). */
  private readonly roundEnd: string;

  /** `spawn` starts `git <args>` (Git.spawnStreaming); called on the first request only. */
  constructor(
    private readonly spawn: (args: readonly string[]) => ChildProcessByStdio<Writable, Readable, Readable>,
    options: SessionOptions = {},
  ) {
    this.args = options.buffer ? ["cat-file", "--batch-command", "--buffer"] : ["cat-file", "--batch-command"];
    this.roundEnd = options.buffer ? "flush\n" : "";
  }

  /** Type and size of each name, in order; undefined where git has no such object. */
  info(names: readonly string[]): Promise<(ObjectInfo | undefined)[]> {
    return this.ask("info", names);
  }

  /** Type, size and bytes of each name, in order; undefined where git has no such object. */
  contents(names: readonly string[]): Promise<(ObjectContents | undefined)[]> {
    return this.ask("contents", names);
  }

  /** End git's input and wait for it to exit; never throws. */
  async close(): Promise<void> {
    this.closing = true;
    if (!this.child) return;
    this.child.stdin.end();
    await this.exited;
  }

  private ask<K extends Pending["kind"]>(
    kind: K,
    names: readonly string[],
  ): Promise<(K extends "info" ? ObjectInfo | undefined : ObjectContents | undefined)[]> {
    type Answer = K extends "info" ? ObjectInfo | undefined : ObjectContents | undefined;
    const out: Answer[] = names.map(() => undefined as Answer);
    // Batch input is line-based: a name holding a newline cannot be asked (as catFileBatch).
    const asked = names.map((n, i) => [n, i] as const).filter(([n]) => !n.includes("\n"));
    if (asked.length === 0) return Promise.resolve(out);
    if (this.failure) return Promise.reject(this.failure);
    // A concurrent caller's second round after the session's owner closed it: not an error.
    if (this.closing) return Promise.reject(new SessionUnavailableError("the shared git cat-file was closed"));
    const child = this.start();
    return new Promise((resolve, reject) => {
      let left = asked.length;
      for (const [, i] of asked) {
        this.pending.push({
          kind,
          resolve: (a: ObjectInfo | ObjectContents | undefined) => {
            out[i] = a as Answer;
            if (--left === 0) resolve(out);
          },
          reject,
        });
      }
      child.stdin.write(asked.map(([n]) => `${kind} ${n}\n`).join("") + this.roundEnd);
    });
  }

  private start(): ChildProcessByStdio<Writable, Readable, Readable> {
    if (this.child) return this.child;
    const child = this.spawn(this.args);
    this.child = child;
    child.stdout.on("data", (b: Buffer) => this.push(b));
    child.stderr.on("data", (b: Buffer) => this.stderr.push(b));
    child.stdin.on("error", () => {
      /* git exited before reading every command: its exit says why */
    });
    this.exited = new Promise((resolve) => {
      child.on("error", (e) => {
        this.fail(e);
        resolve();
      });
      child.on("close", (code) => {
        const stderr = Buffer.concat(this.stderr).toString("utf8");
        if (code === 129 && /batch-command/.test(stderr))
          this.fail(new SessionUnavailableError("git cat-file --batch-command is not supported by this git (2.36 or later has it)"));
        else if (this.pending.length > 0 || this.current || code !== 0)
          this.fail(new GitError(this.args, code, stderr || "its output ended before every answer"));
        resolve();
      });
    });
    return child;
  }

  /** Reject every pending request (and every later one) with `e`. */
  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.splice(0)) p.reject(this.failure);
    this.current = undefined;
  }

  /** Read git's answers as they stream: each object's bytes go straight into a buffer of its size. */
  private push(b: Buffer): void {
    let pos = 0;
    while (pos < b.length && !this.failure) {
      if (this.skipNewline) {
        this.skipNewline = false;
        pos++;
        continue;
      }
      if (this.current) {
        const c = this.current;
        const n = Math.min(b.length - pos, c.data.length - c.filled);
        b.copy(c.data, c.filled, pos, pos + n);
        c.filled += n;
        pos += n;
        if (c.filled === c.data.length) {
          this.current = undefined;
          this.skipNewline = true;
          c.done({ type: c.type, size: c.data.length, data: c.data });
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
      const line = Buffer.concat(this.header).toString("latin1");
      this.header = [];
      const p = this.pending.shift();
      if (!p) {
        this.fail(new GitError(this.args, null, `unexpected output: ${line.slice(0, 200)}`));
        return;
      }
      const m = HEADER.exec(line);
      if (!m) {
        p.resolve(undefined);
        continue;
      }
      const info = { type: m[1]!, size: Number(m[2]) };
      if (p.kind === "info") {
        p.resolve(info);
        continue;
      }
      this.current = { data: Buffer.allocUnsafe(info.size), filled: 0, type: info.type, done: p.resolve };
      if (info.size === 0) {
        this.current = undefined;
        this.skipNewline = true;
        p.resolve({ ...info, data: Buffer.alloc(0) });
      }
    }
  }
}
