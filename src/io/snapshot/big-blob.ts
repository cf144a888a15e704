/**
 * Files too big to hold whole in memory (STREAM_FROM bytes and more): streamed into the object
 * store and read back chunk by chunk, so a 1 GB file in a snapshot set costs a few MiB of
 * memory, not two or three copies of the file (its bytes, the pack holding them, the read-back).
 *
 * Storing: one `git fast-import` per file, `blob` / `data <size>` and the file's bytes written
 * in CHUNK pieces as they are read, their SHA-256 and git blob id computed from the very bytes
 * sent. `--big-file-threshold` makes git stream the blob to its pack too (no delta search, no
 * whole copy in git's memory), and a blob already packed is not stored again. The id git
 * exports must be the one computed here. A file whose size changes while it is read (it ends
 * before the size fstat gave, or goes on after it) is read again from the start, a few times,
 * then refused: the bytes sent must be exactly the size announced.
 *
 * Reading back: `git cat-file blob <id>`, whose output is hashed as it arrives (git streams a
 * blob it stored whole).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import { EnvironmentError } from "../../errors.js";
import type { Git } from "../git.js";
import { makeStateFolder } from "../state-folder.js";
import { tempFileName } from "../stale-temp-files.js";

/** Files of this size and more are streamed (below it a file is read whole and packed with others). */
export const STREAM_FROM = 32 << 20;
/** Bytes read and written at a time. */
const CHUNK = 4 << 20;
/** Reads of a file whose size keeps changing before it is refused. */
const ATTEMPTS = 3;

/** What the snapshot records for a streamed file. */
export interface StreamedBlob {
  sha256: string;
  oid: string;
  size: number;
}

/**
 * Store the file at `abs` as a blob, streamed (see above); returns its SHA-256, blob id and
 * size, all of the bytes git stored. `stateDir` holds the scratch marks file.
 */
export async function storeFileStreamed(git: Git, abs: string, stateDir: string): Promise<StreamedBlob> {
  await makeStateFolder(stateDir);
  for (let attempt = 1; ; attempt++) {
    const fd = fs.openSync(abs, "r");
    try {
      const size = Number(fs.fstatSync(fd).size);
      const stored = await streamOnce(git, fd, size, path.join(stateDir, tempFileName("snapshot", `${Date.now()}-big.marks`)));
      if (stored) return stored;
    } finally {
      fs.closeSync(fd);
    }
    if (attempt >= ATTEMPTS)
      throw new EnvironmentError(`${abs} changed size while it was being snapshotted (${ATTEMPTS} reads)`, {
        fix: "take the snapshot again when the program writing it has finished",
      });
  }
}

/** One read of `fd` into fast-import; undefined when the file's size changed meanwhile (nothing is kept of that read). */
async function streamOnce(git: Git, fd: number, size: number, marks: string): Promise<StreamedBlob | undefined> {
  const child = git.spawnStreaming(["fast-import", "--quiet", "--done", "--big-file-threshold=1m", `--export-marks=${marks}`]);
  const stderr: Buffer[] = [];
  child.stderr.on("data", (b: Buffer) => stderr.push(b));
  child.stdout.resume();
  const exited = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? -1)));
  child.on("error", () => undefined); // the exit code says it
  child.stdin.on("error", () => undefined); // git may stop reading: its exit code says why
  const sha256 = crypto.createHash("sha256");
  const sha1 = crypto.createHash("sha1").update(`blob ${size}\0`);
  const write = async (data: Uint8Array | string): Promise<void> => {
    if (!child.stdin.write(data)) await Promise.race([once(child.stdin, "drain"), exited]);
  };
  let whole = true;
  try {
    await write(`blob\nmark :1\ndata ${size}\n`);
    for (let pos = 0; pos < size;) {
      // A new buffer each time: the one written may still wait in the pipe's queue.
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, size - pos));
      const got = fs.readSync(fd, chunk, 0, chunk.length, pos);
      if (got === 0) {
        whole = false; // the file ended early
        break;
      }
      const part = chunk.subarray(0, got);
      sha256.update(part);
      sha1.update(part);
      await write(part);
      pos += got;
    }
    // One byte more than fstat said: the file grew while it was read.
    if (whole && fs.readSync(fd, Buffer.alloc(1), 0, 1, size) !== 0) whole = false;
  } finally {
    if (!whole) child.kill("SIGKILL");
    else child.stdin.end("\ndone\n");
  }
  const code = await exited;
  if (!whole) {
    await fsp.rm(marks, { force: true });
    return undefined;
  }
  const text = await fsp.readFile(marks, "utf8").catch(() => "");
  await fsp.rm(marks, { force: true });
  const oid = sha1.digest("hex");
  if (code !== 0) throw new EnvironmentError(`git fast-import failed (exit ${code}): ${Buffer.concat(stderr).toString("utf8").trim()}`);
  const exported = /^:1 ([0-9a-f]+)$/m.exec(text)?.[1];
  if (exported !== oid) throw new EnvironmentError(`git fast-import stored blob ${exported ?? "(none)"} for bytes whose id is ${oid}`);
  return { sha256: sha256.digest("hex"), oid, size };
}

/** SHA-256 and size of a blob read back as a stream; undefined when git cannot read it whole. */
export async function hashBlobStreamed(git: Git, oid: string): Promise<{ sha256: string; size: number } | undefined> {
  const child = git.spawnStreaming(["cat-file", "blob", oid]);
  child.stdin.end();
  child.stderr.resume();
  const hash = crypto.createHash("sha256");
  let size = 0;
  child.stdout.on("data", (b: Buffer) => {
    hash.update(b);
    size += b.length;
  });
  const code = await new Promise<number>((resolve) => {
    child.on("error", () => resolve(-1));
    child.on("close", (c) => resolve(c ?? -1));
  });
  return code === 0 ? { sha256: hash.digest("hex"), size } : undefined;
}
