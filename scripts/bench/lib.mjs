// Shared helpers for the benchmarks. Every figure is printed as a ratio against a peer tool run
// in the same process tree, so machines of different speed give comparable numbers.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
export const DIST = process.env.IG_DIST ? path.resolve(process.env.IG_DIST) : path.join(ROOT, "dist");
export const CLI = path.join(DIST, "cli/index.js");
/** BENCH_SCALE=0.1 shrinks corpora for a quick look while developing; 1 is the real bench. */
export const SCALE = Number(process.env.BENCH_SCALE ?? "1");
/** The environment every bench runs git (and our CLI) in: no system config, a fixed identity. */
export const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_AUTHOR_NAME: "b",
  GIT_AUTHOR_EMAIL: "b@b",
  GIT_COMMITTER_NAME: "b",
  GIT_COMMITTER_EMAIL: "b@b",
};
export const WORK = process.env.BENCH_DIR ?? path.join(os.tmpdir(), "integrity-guard-bench");

/** Wall time of fn in ms (best of `runs`). */
export function timeIt(fn, runs = 3) {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return best;
}

/** Run a command; throws with its stderr on failure unless okCodes allows. */
export function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 30, ...options });
  if (r.error) throw r.error;
  if (!(options.okCodes ?? [0]).includes(r.status)) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return r;
}

/** Install a Debian package when its command is missing (the bench's peers only, never tests). */
export function ensureApt(command, pkg = command) {
  if (spawnSync("sh", ["-c", `command -v ${command}`]).status === 0) return true;
  try {
    execFileSync("apt-get", ["update", "-qq"], { stdio: "ignore" });
    execFileSync("apt-get", ["install", "-y", "-qq", pkg], { stdio: "ignore", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    return true;
  } catch {
    console.log(`  (could not install ${pkg}; its comparison is skipped)`);
    return false;
  }
}

/** Install an npm package into .bench/peers and return the path of its binary. */
export function ensureNpmBin(pkg, bin) {
  const dir = path.join(ROOT, ".bench/peers");
  const binPath = path.join(dir, "node_modules/.bin", bin);
  if (!fs.existsSync(binPath)) {
    fs.mkdirSync(dir, { recursive: true });
    execFileSync("npm", ["install", "--prefix", dir, "--no-audit", "--no-fund", "--silent", pkg], { stdio: "ignore" });
  }
  return binPath;
}

/**
 * Where one run of our CLI spends its CPU, by stage: the IG_STAGE_LOG lines (src/io/hash/stage-log.ts)
 * of one run of `args` in `cwd`, as "stage all/main" in ms (all: every thread of the process, main: the
 * main thread alone, so the rest is the hash/parse workers and V8's compiler and GC threads).
 * Stages end where the command says; start-up is the node process, the bundle and the command's chunk.
 */
export function stageBreakdown(args, cwd) {
  const file = path.join(os.tmpdir(), `ig-stages-${process.pid}.log`);
  fs.rmSync(file, { force: true });
  run(process.execPath, [CLI, ...args], { cwd, okCodes: [0, 1], env: { ...process.env, IG_STAGE_LOG: file } });
  const lines = fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n") : [];
  fs.rmSync(file, { force: true });
  const parts = [];
  for (const l of lines) {
    const m = /^stage (.+?): cpu (\d+)(?: \(main thread (\d+)\))? ms/.exec(l);
    if (m) parts.push(`${m[1]} ${m[2]}${m[3] === undefined ? "" : `/${m[3]}`}`);
  }
  return parts.length > 0 ? `    cpu by stage (ms, all threads/main thread, one run): ${parts.join(", ")}` : "    (no stage log)";
}

export function header(title) {
  console.log(`\n## ${title}`);
}

/** Print one comparison row: ours vs the peer, as a ratio (>1 means we are faster). */
export function compare(label, oursMs, peerLabel, peerMs, target) {
  const ratio = peerMs / oursMs;
  const shown = target === undefined ? "" : String(Number(target.toFixed(2))); // 1/3 prints as 0.33
  const verdict = target === undefined ? "" : ratio >= target ? `  OK (target >= ${shown}x)` : `  BELOW TARGET (${shown}x)`;
  console.log(`  ${label}: ours ${oursMs.toFixed(1)} ms, ${peerLabel} ${peerMs.toFixed(1)} ms -> ${ratio.toFixed(2)}x${verdict}`);
  return ratio;
}

export function mkdirClean(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
