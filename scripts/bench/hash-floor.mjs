// The floor of a cold verify in node on this machine: two worker threads that do nothing but
// what hashing a file needs (open, fstat, read, close, SHA-256) for every path in a
// `sha256sum -c` list. No walk, no manifest, no stat cache, no report. The manifest bench runs
// it beside `integrity-guard verify --no-cache` to show how much of the gap to a target is
// node's per-file cost rather than the tool's. Usage: node hash-floor.mjs SUMS (in the corpus).
import fs from "node:fs";
import os from "node:os";
import { Worker } from "node:worker_threads";

const paths = fs
  .readFileSync(process.argv[2] ?? "SUMS", "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => l.slice(66));
const code = `
const fs = require("node:fs"), crypto = require("node:crypto");
const { parentPort, workerData } = require("node:worker_threads");
const buf = Buffer.allocUnsafe(128 * 1024);
let n = 0;
for (const p of workerData) {
  const fd = fs.openSync(p, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  fs.fstatSync(fd, { bigint: true });
  let k = fs.readSync(fd, buf, 0, buf.length, null);
  if (k < buf.length) crypto.hash("sha256", buf.subarray(0, k), "hex"); // one read: the tool's fast path too
  else {
    const h = crypto.createHash("sha256");
    for (; k > 0; k = fs.readSync(fd, buf, 0, buf.length, null)) h.update(buf.subarray(0, k));
    h.digest("hex");
  }
  fs.closeSync(fd);
  n++;
}
parentPort.postMessage(n);`;
const threads = Math.min(os.availableParallelism(), 2);
const share = Math.ceil(paths.length / threads);
const done = await Promise.all(
  Array.from({ length: threads }, (_, t) => {
    const w = new Worker(code, { eval: true, workerData: paths.slice(t * share, (t + 1) * share) });
    return new Promise((resolve, reject) => {
      w.once("message", (n) => void w.terminate().then(() => resolve(n)));
      w.once("error", reject);
    });
  }),
);
if (done.reduce((a, b) => a + b, 0) !== paths.length) process.exit(3);
