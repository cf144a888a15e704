/**
 * The hashing code that runs in each worker thread, as a self-contained JS string. It is a
 * string, not a file, because ncc bundles src/ into one file and vitest runs the .ts sources:
 * `new Worker(code, { eval: true })` works the same in both. It uses only node:fs, node:crypto
 * and node:worker_threads.
 *
 * `hashPath` is also compiled on the main thread (new Function) for runs too small to be worth
 * starting workers, so both paths share one implementation.
 */

/** function hashPath(fs, crypto, path, buf) -> result object. */
export const HASH_FUNCTION_SOURCE = String.raw`
function hashPath(fs, crypto, p, buf) {
  var fd;
  try {
    // O_NOFOLLOW: a symlink is never followed; O_NONBLOCK: a FIFO never blocks the open.
    fd = fs.openSync(p, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW || 0) | (fs.constants.O_NONBLOCK || 0));
  } catch (e) {
    return { err: e.code === "ELOOP" ? "is a symlink (not followed)" : String(e.message), code: e.code || "EIO" };
  }
  try {
    var st = fs.fstatSync(fd, { bigint: true });
    if (!st.isFile()) return { err: "not a regular file", code: "ENOTFILE" };
    var total = 0;
    var sha;
    var first = fs.readSync(fd, buf, 0, buf.length, null);
    if (first < buf.length && typeof crypto.hash === "function") {
      // Most state files fit in one read; a short read of a regular file is its end, so skip
      // the extra read that would return 0 and the Hash object (crypto.hash: node >= 20.12).
      total = first;
      sha = crypto.hash("sha256", buf.subarray(0, first), "hex");
    } else {
      var h = crypto.createHash("sha256");
      var n = first;
      while (n > 0) {
        h.update(n === buf.length ? buf : buf.subarray(0, n));
        total += n;
        if (n < buf.length) break;
        n = fs.readSync(fd, buf, 0, buf.length, null);
      }
      sha = h.digest("hex");
    }
    var stable = true;
    if (total > buf.length) {
      // A long read: make sure the file did not change under us before trusting its stat.
      var after = fs.fstatSync(fd, { bigint: true });
      stable = after.mtimeNs === st.mtimeNs && after.size === st.size && after.ctimeNs === st.ctimeNs;
    }
    return {
      sha: sha,
      size: total,
      exec: (Number(st.mode) & 0o111) !== 0,
      st: stable && BigInt(total) === st.size ? [String(st.size), String(st.mtimeNs), String(st.ino), String(st.ctimeNs)] : null,
    };
  } catch (e) {
    return { err: String(e.message), code: e.code || "EIO" };
  } finally {
    try { fs.closeSync(fd); } catch (e) { /* already gone */ }
  }
}
`;

/**
 * Worker: receives {counter (SharedArrayBuffer), bufSize}, then the paths in chunks as the main
 * thread finds them ({paths}), then {end: total}. Every worker gets every chunk, in the same
 * order, and takes the next index with Atomics.add on the shared counter, so big and small files
 * balance across workers without any sizes known up front, and hashing starts while the walk is
 * still running. An index claimed before its chunk arrived is held until it does. Results go
 * back in batches.
 */
export const WORKER_SOURCE = String.raw`
const fs = require("node:fs");
const crypto = require("node:crypto");
const { parentPort } = require("node:worker_threads");
${HASH_FUNCTION_SOURCE}
let counter, buf;
let paths = [];
let total = -1;
let held = -1;
let finished = false;
let batch = [];
let bytes = 0;
function pump() {
  for (;;) {
    const i = held >= 0 ? held : Atomics.add(counter, 0, 1);
    held = -1;
    if (total >= 0 && i >= total) {
      finished = true;
      parentPort.postMessage({ results: batch, done: true });
      return;
    }
    if (i >= paths.length) {
      held = i; // not sent yet: wait for the next chunk
      if (batch.length > 0) {
        parentPort.postMessage({ results: batch });
        batch = [];
        bytes = 0;
      }
      return;
    }
    const r = hashPath(fs, crypto, paths[i], buf);
    r.i = i;
    batch.push(r);
    bytes += r.size || 0;
    if (batch.length >= 512 || bytes >= 64 * 1024 * 1024) {
      parentPort.postMessage({ results: batch });
      batch = [];
      bytes = 0;
    }
  }
}
parentPort.on("message", (msg) => {
  if (finished) return;
  if (msg.counter) {
    counter = new Int32Array(msg.counter);
    buf = Buffer.allocUnsafe(msg.bufSize);
    return;
  }
  if (msg.paths) for (let k = 0; k < msg.paths.length; k++) paths.push(msg.paths[k]);
  if (msg.end !== undefined) total = msg.end;
  pump();
});
`;
