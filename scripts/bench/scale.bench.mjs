// The issue-20 table at scale: BENCH_PROFILE=scale npm run bench (or node scripts/bench/scale.bench.mjs).
// Builds trees of 10,000 and 100,000 small JSON files (about 100 a folder; 500,000 too with
// BENCH_SCALE_500K=1, which takes a long time) once under $BENCH_DIR/scale-<N> (delete it to
// rebuild), then prints every row of the table as ours against the same peers, run
// interleaved in the same process tree, with peak RSS (from /usr/bin/time, or the hook's own
// process.resourceUsage()). Without BENCH_PROFILE=scale this file prints one line and exits:
// CI runs the normal scale only.
//
//   BENCH_SCALE_SIZES=10000,100000   tree sizes (default; 500000 is added by BENCH_SCALE_500K=1)
//   BENCH_SCALE_RUNS=3               runs per row (median); BENCH_SCALE_ROWS=snapshot,seal to pick rows
// At 500,000 files the snapshot and restore rows run only when BENCH_SCALE_ROWS names them; the
// rest (BENCH_SCALE_RUNS=1) takes about 30 minutes on a shared 2-core machine.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CLI, GIT_ENV, WORK, run, ensureApt } from "./lib.mjs";

if (process.env.BENCH_PROFILE !== "scale") {
  console.log("\n## scale (issue 20): skipped; BENCH_PROFILE=scale npm run bench runs it");
  process.exit(0);
}

const SIZES = (process.env.BENCH_SCALE_SIZES ?? "10000,100000")
  .split(",")
  .map(Number)
  .concat(process.env.BENCH_SCALE_500K === "1" ? [500_000] : []);
const RUNS = Number(process.env.BENCH_SCALE_RUNS ?? "3");
const ROWS = process.env.BENCH_SCALE_ROWS?.split(",");
const want = (row) => !ROWS || ROWS.some((r) => row.includes(r));
const node = process.execPath;
const TIME = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const env = { ...GIT_ENV, RESTIC_PASSWORD: "bench" };
const hasRestic = ensureApt("restic");

/** Wall ms and peak RSS (MB, of the command's biggest process) of one command. */
function measure(cmd, args, cwd, extraEnv = {}) {
  const rssFile = path.join(os.tmpdir(), `scale-rss-${process.pid}`);
  const argv = TIME ? [TIME, "-f", "%M", "-o", rssFile, cmd, ...args] : [cmd, ...args];
  const t = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { cwd, env: { ...env, ...extraEnv }, encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  const rss = TIME ? Number(fs.readFileSync(rssFile, "utf8").trim().split("\n").pop()) / 1024 : NaN;
  fs.rmSync(rssFile, { force: true });
  return { ms, rss };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sh = (script, cwd) => measure("sh", ["-c", script], cwd);
const ours = (cwd, ...args) => measure(node, [CLI, ...args], cwd);
const git = (cwd, ...args) => run("git", args, { cwd, env });
/** A changed file gets a new inode (rename over it): the trees share inodes with the template. */
function rewrite(file, text) {
  fs.writeFileSync(file + ".tmp", text);
  fs.renameSync(file + ".tmp", file);
}

function row(label, n, oursRuns, peerLabel, peerRuns) {
  const o = median(oursRuns.map((r) => r.ms));
  const p = median(peerRuns.map((r) => r.ms));
  const rss = (runs) => (Number.isNaN(runs[0]?.rss) ? "" : `, ${median(runs.map((r) => r.rss)).toFixed(0)} MB`);
  console.log(
    `| ${label} | ${n} | ${(o / 1000).toFixed(2)} s${rss(oursRuns)} | ${peerLabel} ${(p / 1000).toFixed(2)} s${rss(peerRuns)} | ${(p / o).toFixed(2)}x |`,
  );
}

function buildTree(n) {
  const dir = path.join(WORK, `scale-${n}`);
  if (fs.existsSync(path.join(dir, "ready"))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  const t = path.join(dir, "template");
  for (let i = 0; i < n; i++) {
    const rel = `data/d${Math.floor(i / 100)}/f${i}.json`;
    if (i % 100 === 0) fs.mkdirSync(path.join(t, path.dirname(rel)), { recursive: true });
    fs.writeFileSync(path.join(t, rel), JSON.stringify({ id: i, name: `item ${i}`, tags: ["a", "b"], value: i * 7 }) + "\n");
  }
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "bench@e", "-f", path.join(dir, "key")]);
  fs.writeFileSync(path.join(dir, "ready"), "");
  return dir;
}

/** A repository whose data/ is hard-linked from the template (fast to make; changes use rewrite()). */
function makeRepo(dir, name) {
  const repo = path.join(dir, name);
  fs.rmSync(repo, { recursive: true, force: true });
  fs.mkdirSync(repo);
  execFileSync("cp", ["-al", path.join(dir, "template/data"), path.join(repo, "data")]);
  git(repo, "init", "-q", "-b", "main");
  // No detached auto-gc: it would run beside the timed commands and hold .git when the repository
  // is removed at the end (at 500,000 files that removal failed with ENOTEMPTY).
  git(repo, "config", "gc.auto", "0");
  const pub = fs.readFileSync(path.join(dir, "key.pub"), "utf8").split(" ").slice(0, 2).join(" ");
  fs.mkdirSync(path.join(repo, ".integrity-guard"));
  fs.writeFileSync(path.join(repo, ".integrity-guard/allowed_signers"), `bench@e namespaces="git" ${pub}\n`);
  fs.writeFileSync(
    path.join(repo, ".integrity-guard/config.yml"),
    [
      "version: 1",
      "manifest:",
      '  include: ["data/**"]',
      "snapshots:",
      `  sign: { format: ssh, key: ${path.join(dir, "key")}, allowed_signers: .integrity-guard/allowed_signers }`,
      "  sets:",
      '    bench: { paths: ["data/"] }',
      "",
    ].join("\n"),
  );
  fs.mkdirSync(path.join(repo, "notes"));
  fs.writeFileSync(path.join(repo, "notes/free.json"), '{"n":0}\n');
  return repo;
}

/** The hook (check --staged) with its peak RSS appended to `rssFile`. */
function installHook(repo, rssFile) {
  const preload = path.join(repo, ".git/rss-preload.mjs");
  fs.writeFileSync(
    preload,
    `import fs from "node:fs";\nprocess.on("exit", () => fs.appendFileSync(${JSON.stringify(rssFile)}, process.resourceUsage().maxRSS + "\\n"));\n`,
  );
  fs.writeFileSync(
    path.join(repo, ".git/hooks/pre-commit"),
    `#!/bin/sh\nexec ${JSON.stringify(node)} --import ${JSON.stringify(preload)} ${JSON.stringify(CLI)} check --staged\n`,
    { mode: 0o755 },
  );
}

function dropOurCaches(repo) {
  const state = path.join(repo, ".git/integrity-guard");
  for (const f of fs.existsSync(state) ? fs.readdirSync(state) : [])
    if (/cache|blobs/.test(f) && f !== "config-cache") fs.rmSync(path.join(state, f), { recursive: true, force: true });
}

console.log(
  `\n## scale (issue 20): ${SIZES.join(", ")} files, median of ${RUNS}, interleaved; ratio = peer time / ours (>1: we are faster)`,
);
console.log("| work | files | ours | peer | ratio |\n|---|---|---|---|---|");
for (const n of SIZES) {
  const dir = buildTree(n);
  const repo = makeRepo(dir, "repo");
  const list = path.join(dir, "SHA256SUMS");
  let tick = 0;
  const change = (k) => {
    for (let j = 0; j < k; j++) {
      const i = (++tick * 7919) % n;
      rewrite(path.join(repo, `data/d${Math.floor(i / 100)}/f${i}.json`), JSON.stringify({ i, tick, pid: process.pid }) + "\n");
    }
  };
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "--no-verify", "-m", "tree");

  if (want("seal")) {
    const [o, p] = [[], []];
    for (let r = 0; r < RUNS; r++) {
      fs.rmSync(path.join(repo, ".integrity-guard/manifest.json"), { force: true });
      dropOurCaches(repo);
      o.push(ours(repo, "seal"));
      p.push(sh(`find data -type f -print0 | sort -z | xargs -0 sha256sum > ${JSON.stringify(list)}`, repo));
    }
    row("first `seal`", n, o, "`sha256sum`", p);
    const [o2, p2] = [[], []];
    for (let r = 0; r < RUNS; r++) {
      change(1);
      o2.push(ours(repo, "seal"));
      change(1);
      p2.push(measure("git", ["add", "-A"], repo));
    }
    row("`seal` after 1 file changed", n, o2, "`git add -A`", p2);
    ours(repo, "seal");
    run("sh", ["-c", `find data -type f -print0 | sort -z | xargs -0 sha256sum > ${JSON.stringify(list)}`], { cwd: repo });
    const [o3, p3] = [[], []];
    for (let r = 0; r < RUNS; r++) {
      dropOurCaches(repo);
      o3.push(ours(repo, "verify"));
      p3.push(measure("sha256sum", ["-c", "--quiet", list], repo));
    }
    row("cold `verify`", n, o3, "`sha256sum -c`", p3);
  }
  if (want("check")) {
    const reader = path.join(dir, "read-parse.mjs");
    fs.writeFileSync(
      reader,
      `import fs from "node:fs";\nimport path from "node:path";\nfor (const f of fs.readdirSync("data", { recursive: true })) { const p = path.join("data", f); if (fs.statSync(p).isFile()) JSON.parse(fs.readFileSync(p, "utf8")); }\n`,
    );
    const [o, p] = [[], []];
    for (let r = 0; r < RUNS; r++) {
      o.push(measure(node, [CLI, "check"], repo));
      p.push(measure(node, [reader], repo));
    }
    row("`check`, whole tree", n, o, "node read + JSON.parse", p);
  }
  if (want("commit")) {
    if (!fs.existsSync(path.join(repo, ".integrity-guard/manifest.json"))) ours(repo, "seal");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "--no-verify", "-m", "sealed");
    const rssFile = path.join(os.tmpdir(), `scale-hook-rss-${process.pid}`);
    installHook(repo, rssFile);
    const stages = {
      "commit of 1 file outside the manifest": () => {
        rewrite(path.join(repo, "notes/free.json"), `{"n":${++tick},"pid":${process.pid}}\n`);
        git(repo, "add", "notes/free.json");
      },
      "commit of 1 sealed file, resealed": () => {
        change(1);
        ours(repo, "seal");
        git(repo, "add", "-A");
      },
    };
    for (const [label, stage] of Object.entries(stages)) {
      const [o, p] = [[], []];
      for (let r = 0; r < RUNS; r++) {
        stage();
        fs.rmSync(rssFile, { force: true });
        const t = measure("git", ["commit", "-q", "-m", "with hook"], repo);
        o.push({ ms: t.ms, rss: Number(fs.readFileSync(rssFile, "utf8").trim()) / 1024 });
        stage();
        p.push(measure("git", ["commit", "-q", "--no-verify", "-m", "without"], repo));
      }
      row(label, n, o, "`git commit --no-verify`", p);
    }
    fs.rmSync(path.join(repo, ".git/hooks/pre-commit"), { force: true });
    fs.rmSync(rssFile, { force: true });
  }
  // The 500,000 column has no snapshot rows (a first snapshot there is most of an hour on
  // a shared 2-core machine): only when named in BENCH_SCALE_ROWS.
  const snapshots = n < 500_000 || (ROWS !== undefined && ROWS.some((r) => r === "snapshot" || r === "restore"));
  if (snapshots && (want("snapshot") || want("restore"))) {
    const [first, rFirst, incr, rIncr, rest, rRest] = [[], [], [], [], [], []];
    const snapRepos = [];
    const resticRepo = (r) => path.join(dir, `restic${r}`);
    for (let r = 0; r < RUNS; r++) {
      // A fresh repository each round: a first snapshot into an empty object store.
      const s = makeRepo(dir, `snap${r}`);
      snapRepos.push(s);
      // Both sides read the files from the page cache: whoever went first would pay for the disk.
      run("sh", ["-c", "find data -type f -exec cat {} + > /dev/null"], { cwd: s });
      first.push(ours(s, "snapshot", "--set", "bench"));
      if (hasRestic) {
        fs.rmSync(resticRepo(r), { recursive: true, force: true });
        run("restic", ["--quiet", "init", "--repo", resticRepo(r)], { env });
        rFirst.push(measure("restic", ["--quiet", "backup", "--repo", resticRepo(r), "data"], s));
      }
    }
    for (let r = 0; r < RUNS; r++) {
      // 10 changed files, then each side takes its next backup of the same tree.
      const s = snapRepos[r];
      for (let j = 0; j < 10; j++) {
        const i = (++tick * 7919) % n;
        rewrite(path.join(s, `data/d${Math.floor(i / 100)}/f${i}.json`), JSON.stringify({ i, tick }) + "\n");
      }
      incr.push(ours(s, "snapshot", "--set", "bench"));
      if (hasRestic) rIncr.push(measure("restic", ["--quiet", "backup", "--repo", resticRepo(r), "data"], s));
    }
    row("first `snapshot`", n, first, "`restic backup`", rFirst);
    row("incremental `snapshot`, 10 changed", n, incr, "`restic backup`", rIncr);
    if (want("restore")) {
      // Both sides restore into a folder whose files were removed just before (ours: the set's
      // folder; restic: its previous restore, made once untimed): removing that many files leaves
      // file system work that slows the next creations, and it must land on both sides.
      const target = path.join(dir, "restic-target");
      if (hasRestic) run("restic", ["--quiet", "restore", "--repo", resticRepo(0), "latest", "--target", target], { env });
      for (let r = 0; r < RUNS; r++) {
        const s = snapRepos[r];
        fs.rmSync(path.join(s, "data"), { recursive: true, force: true });
        rest.push(ours(s, "restore", "bench"));
        if (hasRestic) {
          fs.rmSync(target, { recursive: true, force: true });
          rRest.push(measure("restic", ["--quiet", "restore", "--repo", resticRepo(r), "latest", "--target", target], dir));
        }
      }
      fs.rmSync(target, { recursive: true, force: true });
      row("`restore` of the set", n, rest, "`restic restore`", rRest);
    }
    // git may still run a detached auto-gc in them: retried, and a leftover is only disk space.
    for (const s of snapRepos) fs.rmSync(s, { recursive: true, force: true, maxRetries: 5 });
    for (let r = 0; r < RUNS; r++) fs.rmSync(resticRepo(r), { recursive: true, force: true });
  }
  try {
    fs.rmSync(repo, { recursive: true, force: true, maxRetries: 5 });
  } catch (error) {
    console.warn(`(left ${repo} behind: ${error.message})`); // the table is printed: only disk space
  }
}
