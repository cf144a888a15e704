// Manifest bench (issue 3): seal/verify against sha256sum -c and git status on
// corpus A (20,000 files of 1-8 KiB, nested, tracked) and corpus B (20 files of 50 MiB).
// BENCH_SCALE scales file counts (A) and file sizes (B). Ratios are peer time / our time.
// Each row of corpus A also prints CPU time (user+sys of the process, its threads and the
// processes it waited for: git), whose ratios a shared, loaded machine moves far less than wall
// time's. BENCH_MANIFEST=A runs corpus A's rows only (no 1 GB corpus B to write), for measuring
// the small-file rows (issue 20) quickly.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { CLI, GIT_ENV, SCALE, WORK, compare, header, run, mkdirClean, stageBreakdown, timeIt } from "./lib.mjs";

const node = process.execPath;
const ours = (cwd, args) => run(node, [CLI, ...args], { cwd, okCodes: [0] });
const git = (cwd, ...args) => run("git", args, { cwd, env: GIT_ENV });

/** BENCH_BASE_DIST: another build (a change's base) whose cold verify of A runs in the same turns as ours. */
const BASE_CLI = process.env.BENCH_BASE_DIST ? path.join(path.resolve(process.env.BENCH_BASE_DIST), "cli/index.js") : undefined;
/** Run corpus B's rows too (BENCH_MANIFEST=A: corpus A's only). */
const withB = process.env.BENCH_MANIFEST !== "A";

/**
 * CPU time (ms, user+sys) that the processes this one waited for used, from /proc/self/stat
 * (cutime and cstime, in clock ticks): what spawnSync's children and their threads and children
 * cost. Undefined where /proc is missing.
 */
function childCpuMs() {
  try {
    const stat = fs.readFileSync("/proc/self/stat", "latin1");
    // Fields after the command name (which may hold spaces) start at its closing parenthesis.
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // cutime and cstime are fields 16 and 17 of the whole line: 13 and 14 after the name (0-based).
    return ((Number(f[13]) + Number(f[14])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/**
 * Wall time (best of `runs`, as timeIt) and the median CPU time of one run of fn (undefined
 * without /proc). Clock ticks are 10 ms: enough for the rows here (hundreds of ms).
 */
function timeAndCpu(fn, runs = 3) {
  const cpu = [];
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const c0 = childCpuMs();
    const t = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
    const c1 = childCpuMs();
    if (c0 !== undefined && c1 !== undefined) cpu.push(c1 - c0);
  }
  cpu.sort((a, b) => a - b);
  return { wall: best, cpu: cpu.length === runs ? cpu[Math.floor(runs / 2)] : undefined };
}

/**
 * Median wall and CPU time (ms) of each of several commands, run in turns: each round runs every
 * command once, starting one later each round. The small-file rows compare tools whose runs take
 * about a second each on a machine shared with other work, whose load drifts over a minute:
 * three runs of one tool then three of the next compared each to a different load, and a ratio
 * moved by 30% between two runs of the bench. In turns, every tool meets the same load, and the
 * median is not a lucky quiet moment (best-of) either. BENCH_ROUNDS sets the rounds (default 5).
 * @param {Record<string, () => void>} fns the commands, by label
 * @returns {Record<string, { wall: number; cpu: number | undefined }>}
 */
function inTurns(fns, rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? "5") || 5)) {
  const labels = Object.keys(fns);
  const walls = Object.fromEntries(labels.map((l) => [l, []]));
  const cpus = Object.fromEntries(labels.map((l) => [l, []]));
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < labels.length; k++) {
      const label = labels[(r + k) % labels.length];
      const c0 = childCpuMs();
      const t = process.hrtime.bigint();
      fns[label]();
      walls[label].push(Number(process.hrtime.bigint() - t) / 1e6);
      const c1 = childCpuMs();
      if (c0 !== undefined && c1 !== undefined) cpus[label].push(c1 - c0);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return Object.fromEntries(
    labels.map((l) => [l, { wall: median(walls[l]), cpu: cpus[l].length === rounds ? median(cpus[l]) : undefined }]),
  );
}

/** The CPU line under a row: ours and the peer's CPU time and their ratio (peer / ours). */
function cpuRow(ours, peerLabel, peer) {
  if (ours.cpu === undefined || peer.cpu === undefined || ours.cpu <= 0) return;
  console.log(
    `    cpu (user+sys, median): ours ${ours.cpu.toFixed(0)} ms, ${peerLabel} ${peer.cpu.toFixed(0)} ms -> ${(peer.cpu / ours.cpu).toFixed(2)}x`,
  );
}

function makeRepo(dir) {
  mkdirClean(dir);
  git(dir, "init", "-q", "-b", "main");
  // No automatic gc: committing 20,000 new objects starts a detached `git gc --auto`, which packed
  // the repository while the rows below were measured (CPU taken from whichever tool ran then)
  // and was still writing into .git when the corpus was removed (ENOTEMPTY).
  git(dir, "config", "gc.auto", "0");
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
const B = withB ? corpusB() : undefined;
const corpora = B ? [A, B] : [A];
// Flush the freshly written corpora: otherwise the first tool measured competes with the
// kernel writing back a gigabyte of dirty pages, and the comparison is unfair to it.
run("sync", []);
for (const c of corpora) {
  ours(c.dir, ["seal"]);
  const sums = run(node, [CLI, "seal", "--format", "sha256sum"], { cwd: c.dir }).stdout;
  fs.writeFileSync(path.join(c.dir, "SUMS"), sums);
}
const sha = (dir) => () => run("sha256sum", ["-c", "--quiet", "SUMS"], { cwd: dir });

// Cold: no stat cache; every file read and hashed (both tools read from the page cache).
if (B) {
  const coldB = timeIt(() => ours(B.dir, ["verify", "--no-cache"]), 3);
  const shaB = timeIt(sha(B.dir), 3);
  compare(`cold verify B (20 x ${(B.bytes / 20 / (1 << 20)).toFixed(1)} MiB)`, coldB, "sha256sum -c", shaB, 5);
  console.log(
    `    throughput: ours ${(B.bytes / (1 << 20) / (coldB / 1000)).toFixed(0)} MiB/s, sha256sum ${(B.bytes / (1 << 20) / (shaB / 1000)).toFixed(0)} MiB/s`,
  );
}

// Ours, the peer and node's floor (two threads that only open, fstat, read, hash and close each
// file) in turns, medians (inTurns says why).
const cold = inTurns({
  ours: () => ours(A.dir, ["verify", "--no-cache"]),
  sha: sha(A.dir),
  floor: () => run(node, [path.join(path.dirname(new URL(import.meta.url).pathname), "hash-floor.mjs"), "SUMS"], { cwd: A.dir }),
  // BENCH_BASE_DIST=/path/to/other/dist: that build too, in the same turns (a change against its base).
  ...(BASE_CLI ? { base: () => run(node, [BASE_CLI, "verify", "--no-cache"], { cwd: A.dir }) } : {}),
});
const { ours: coldA, sha: shaA, floor: floorA } = cold;
compare(`cold verify A (${A.count} files, medians in turns)`, coldA.wall, "sha256sum -c", shaA.wall, 1.5);
cpuRow(coldA, "sha256sum -c", shaA);
if (cold.base) {
  compare(`    this build against BENCH_BASE_DIST`, coldA.wall, "base", cold.base.wall);
  cpuRow(coldA, "base", cold.base);
}
compare(`    floor: bare 2-thread read+hash of A, no walk/manifest/cache`, floorA.wall, "sha256sum -c", shaA.wall);
cpuRow(floorA, "sha256sum -c", shaA);
console.log(
  `    ours / floor: wall ${(coldA.wall / floorA.wall).toFixed(2)}x${coldA.cpu && floorA.cpu ? `, cpu ${(coldA.cpu / floorA.cpu).toFixed(2)}x` : ""} (target: within 1.3x)`,
);
// Where ours spends what the floor does not (issue 20): its stages, main thread apart.
console.log(stageBreakdown(["verify", "--no-cache"], A.dir));

// Warm: nothing changed; start-up included on both sides.
ours(A.dir, ["verify"]);
const warmA = timeAndCpu(() => ours(A.dir, ["verify"]), 5);
const gitStatus = timeAndCpu(() => git(A.dir, "status", "--porcelain"), 5);
compare(`warm verify A (${A.count} files)`, warmA.wall, "git status", gitStatus.wall, 1 / 3);
cpuRow(warmA, "git status", gitStatus);
console.log(`    (target: ours within 3x of git status, i.e. ratio >= 0.33)`);

const peak = B && peakKiB(node, [CLI, "verify", "--no-cache"], B.dir);
if (B && peak !== undefined) {
  const mib = peak / 1024;
  console.log(`  peak RSS verify --no-cache B: ${mib.toFixed(1)} MiB${mib < 150 ? "  OK (target < 150 MB)" : "  ABOVE TARGET (150 MB)"}`);
  const peakSha = peakKiB("sha256sum", ["-c", "--quiet", "SUMS"], B.dir);
  if (peakSha !== undefined) console.log(`    (sha256sum -c: ${(peakSha / 1024).toFixed(1)} MiB)`);
}
const seal = timeIt(() => ours(A.dir, ["seal", "--no-cache"]), 1);
console.log(`  seal --no-cache A: ${seal.toFixed(0)} ms`);
if (!process.env.BENCH_KEEP) for (const c of corpora) fs.rmSync(c.dir, { recursive: true, force: true });
