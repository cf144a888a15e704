// Manifest bench (issue 3): seal/verify against sha256sum -c and git status on
// corpus A (20,000 files of 1-8 KiB, nested, tracked) and corpus B (20 files of 50 MiB).
// BENCH_SCALE scales file counts (A) and file sizes (B). Ratios are peer time / our time.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { CLI, GIT_ENV, SCALE, WORK, compare, header, run, mkdirClean, timeIt } from "./lib.mjs";

const node = process.execPath;
const ours = (cwd, args) => run(node, [CLI, ...args], { cwd, okCodes: [0] });
const git = (cwd, ...args) => run("git", args, { cwd, env: GIT_ENV });

function makeRepo(dir) {
  mkdirClean(dir);
  git(dir, "init", "-q", "-b", "main");
  fs.mkdirSync(path.join(dir, ".integrity-guard"));
  fs.writeFileSync(path.join(dir, ".integrity-guard/config.yml"), 'version: 1\nmanifest:\n  include: ["data/**"]\n');
}

/** Corpus A: nested folders (20 per folder, folders 2 deep), 1-8 KiB each, committed. */
function corpusA() {
  const dir = path.join(WORK, "manifest-A");
  const count = Math.max(100, Math.round(20000 * SCALE));
  makeRepo(dir);
  let seed = 1;
  for (let i = 0; i < count; i++) {
    const rel = `data/d${Math.floor(i / 400)}/e${Math.floor(i / 20) % 20}/f${i}.bin`;
    const abs = path.join(dir, rel);
    if (i % 20 === 0) fs.mkdirSync(path.dirname(abs), { recursive: true });
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    fs.writeFileSync(abs, crypto.randomBytes(1024 + (seed % 7169)));
  }
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "corpus A");
  return { dir, count };
}

/** Corpus B: 20 files of 50 MiB (scaled), untracked: git is not the point here. */
function corpusB() {
  const dir = path.join(WORK, "manifest-B");
  const size = Math.max(1 << 20, Math.round(50 * (1 << 20) * SCALE));
  makeRepo(dir);
  fs.mkdirSync(path.join(dir, "data"));
  const chunk = crypto.randomBytes(1 << 20);
  for (let i = 0; i < 20; i++) {
    const fd = fs.openSync(path.join(dir, `data/big${i}.bin`), "w");
    for (let off = 0; off < size; off += chunk.length) fs.writeSync(fd, chunk, 0, Math.min(chunk.length, size - off));
    fs.closeSync(fd);
  }
  return { dir, bytes: size * 20 };
}

/** Peak RSS (KiB) of a command via GNU time, or undefined when /usr/bin/time is missing. */
function peakKiB(cmd, args, cwd) {
  if (!fs.existsSync("/usr/bin/time")) return undefined;
  const r = run("/usr/bin/time", ["-f", "%M", cmd, ...args], { cwd });
  return Number(r.stderr.trim().split("\n").pop());
}

header(`manifest (BENCH_SCALE=${SCALE})`);
const A = corpusA();
const B = corpusB();
// Flush the freshly written corpora: otherwise the first tool measured competes with the
// kernel writing back a gigabyte of dirty pages, and the comparison is unfair to it.
run("sync", []);
for (const c of [A, B]) {
  ours(c.dir, ["seal"]);
  const sums = run(node, [CLI, "seal", "--format", "sha256sum"], { cwd: c.dir }).stdout;
  fs.writeFileSync(path.join(c.dir, "SUMS"), sums);
}
const sha = (dir) => () => run("sha256sum", ["-c", "--quiet", "SUMS"], { cwd: dir });

// Cold: no stat cache; every file read and hashed (both tools read from the page cache).
const coldB = timeIt(() => ours(B.dir, ["verify", "--no-cache"]), 3);
const shaB = timeIt(sha(B.dir), 3);
compare(`cold verify B (20 x ${(B.bytes / 20 / (1 << 20)).toFixed(1)} MiB)`, coldB, "sha256sum -c", shaB, 5);
console.log(
  `    throughput: ours ${(B.bytes / (1 << 20) / (coldB / 1000)).toFixed(0)} MiB/s, sha256sum ${(B.bytes / (1 << 20) / (shaB / 1000)).toFixed(0)} MiB/s`,
);

const coldA = timeIt(() => ours(A.dir, ["verify", "--no-cache"]), 3);
const shaA = timeIt(sha(A.dir), 3);
compare(`cold verify A (${A.count} files)`, coldA, "sha256sum -c", shaA, 1.5);
// What node itself allows: two threads that only open, fstat, read, hash and close each file.
const floorA = timeIt(
  () => run(node, [path.join(path.dirname(new URL(import.meta.url).pathname), "hash-floor.mjs"), "SUMS"], { cwd: A.dir }),
  3,
);
compare(`    floor: bare 2-thread read+hash of A, no walk/manifest/cache`, floorA, "sha256sum -c", shaA);

// Warm: nothing changed; start-up included on both sides.
ours(A.dir, ["verify"]);
const warmA = timeIt(() => ours(A.dir, ["verify"]), 5);
const gitStatus = timeIt(() => git(A.dir, "status", "--porcelain"), 5);
compare(`warm verify A (${A.count} files)`, warmA, "git status", gitStatus, 1 / 3);
console.log(`    (target: ours within 3x of git status, i.e. ratio >= 0.33)`);

const peak = peakKiB(node, [CLI, "verify", "--no-cache"], B.dir);
if (peak !== undefined) {
  const mib = peak / 1024;
  console.log(`  peak RSS verify --no-cache B: ${mib.toFixed(1)} MiB${mib < 150 ? "  OK (target < 150 MB)" : "  ABOVE TARGET (150 MB)"}`);
  const peakSha = peakKiB("sha256sum", ["-c", "--quiet", "SUMS"], B.dir);
  if (peakSha !== undefined) console.log(`    (sha256sum -c: ${(peakSha / 1024).toFixed(1)} MiB)`);
}
const seal = timeIt(() => ours(A.dir, ["seal", "--no-cache"]), 1);
console.log(`  seal --no-cache A: ${seal.toFixed(0)} ms`);
if (!process.env.BENCH_KEEP) for (const c of [A, B]) fs.rmSync(c.dir, { recursive: true, force: true });
