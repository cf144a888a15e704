// The pre-commit hook at scale (issue 20): a repository of HOOK_FILES small JSON files (default
// 50,000, about 100 a folder), all sealed, and a commit of one file with the hook against
// `git commit --no-verify`. Not part of `npm run bench` (building the tree takes a minute):
//
//   node scripts/bench/hook-scale.mjs            # HOOK_FILES=100000 HOOK_RUNS=5 to change
//   IG_DIST=/tmp/dist-before node scripts/bench/hook-scale.mjs   # another build
//
// The tree is built once under $BENCH_DIR/hook-scale-<N> and reused (delete it to rebuild).
// HOOK_SEAL=0 builds it without a manifest (hook-scale-<N>-unsealed; only the first row runs).
// Rows: a commit of one file outside the manifest; a commit of one sealed file with the
// manifest resealed (seal runs before, untimed). Each row prints the median wall time with the
// hook, without it, their ratio, the time the hook adds, the same for CPU time (user+sys of the
// commit and every process it waited for, from /usr/bin/time), and the hook's peak RSS (its
// node process, from process.resourceUsage()). The tree holds a config set and the config sets
// `config.files`, so the conflicts check is configured too.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CLI, GIT_ENV, WORK, run } from "./lib.mjs";

const N = Number(process.env.HOOK_FILES ?? "50000");
const RUNS = Number(process.env.HOOK_RUNS ?? "5");
const SEALED = process.env.HOOK_SEAL !== "0";
const dir = path.join(WORK, `hook-scale-${N}${SEALED ? "" : "-unsealed"}`);
const node = process.execPath;
const git = (...args) => run("git", args, { cwd: dir, env: GIT_ENV });
const ours = (...args) => run(node, [CLI, ...args], { cwd: dir, env: GIT_ENV, okCodes: [0] });

function build() {
  if (fs.existsSync(path.join(dir, ".git/bench-ready"))) return;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  git("init", "-q", "-b", "main");
  fs.mkdirSync(path.join(dir, ".integrity-guard"));
  // A config set and a sync rule too: the hook should not analyse them when none of their files is staged.
  fs.writeFileSync(
    path.join(dir, ".integrity-guard/config.yml"),
    [
      "version: 1",
      "manifest:",
      '  include: ["data/**"]',
      "config:",
      '  files: ["conf/*.json"]',
      '  precedence: ["conf/base.json", "conf/prod.json"]',
      "",
    ].join("\n"),
  );
  fs.mkdirSync(path.join(dir, "conf"));
  fs.writeFileSync(path.join(dir, "conf/base.json"), JSON.stringify({ a: 1, b: { c: 2 } }, null, 2) + "\n");
  fs.writeFileSync(path.join(dir, "conf/prod.json"), JSON.stringify({ b: { d: 3 } }, null, 2) + "\n");
  fs.mkdirSync(path.join(dir, "notes"));
  fs.writeFileSync(path.join(dir, "notes/free.json"), '{"n":0}\n');
  for (let i = 0; i < N; i++) {
    const rel = `data/d${Math.floor(i / 100)}/f${i}.json`;
    if (i % 100 === 0) fs.mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), JSON.stringify({ id: i, name: `item ${i}`, tags: ["a", "b"], value: i * 7 }) + "\n");
  }
  git("add", "-A");
  git("commit", "-q", "--no-verify", "-m", "tree");
  if (SEALED) {
    ours("seal");
    git("add", ".integrity-guard/"); // the root and, above 4,096 entries, its shard files
    git("commit", "-q", "--no-verify", "-m", "seal");
    ours("verify"); // warms the caches as a user's first verify would
  }
  fs.writeFileSync(path.join(dir, ".git/bench-ready"), "");
}

/** The hook: the built CLI's `check --staged`, its peak RSS appended to a file on exit. */
function installHook(rssFile) {
  const preload = path.join(dir, ".git/rss-preload.mjs");
  fs.writeFileSync(
    preload,
    `import fs from "node:fs";\nprocess.on("exit", () => fs.appendFileSync(${JSON.stringify(rssFile)}, process.resourceUsage().maxRSS + "\\n"));\n`,
  );
  const hook = path.join(dir, ".git/hooks/pre-commit");
  fs.writeFileSync(
    hook,
    `#!/bin/sh\nexec ${JSON.stringify(node)} --import ${JSON.stringify(preload)} ${JSON.stringify(CLI)} check --staged\n`,
  );
  fs.chmodSync(hook, 0o755);
}

/** Wall and CPU ms (user+sys of git and the processes it waited for: the hook and its children) of one commit. */
function commit(...args) {
  const cpuFile = path.join(os.tmpdir(), `hook-scale-cpu-${process.pid}.txt`);
  const t = process.hrtime.bigint();
  run("/usr/bin/time", ["-f", "%U %S", "-o", cpuFile, "git", "commit", "-q", ...args], { cwd: dir, env: GIT_ENV });
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  const [u, s] = fs.readFileSync(cpuFile, "utf8").trim().split("\n").pop().split(" ").map(Number);
  fs.rmSync(cpuFile, { force: true });
  return { wall, cpu: (u + s) * 1000 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let tick = 0;
// Unique per run of the script: the tree is reused, and a change identical to a committed one is no change.
const RUN_ID = `${process.pid}-${Date.now()}`;
/** Stage one change for a row; returns the commit arguments' paths. */
const rows = {
  "1 file outside the manifest": () => {
    fs.writeFileSync(path.join(dir, "notes/free.json"), `{"n":${++tick},"run":"${RUN_ID}"}\n`);
    git("add", "notes/free.json");
  },
  "1 sealed file, resealed": () => {
    const rel = `data/d${tick % Math.ceil(N / 100)}/f${(tick % Math.ceil(N / 100)) * 100}.json`;
    fs.writeFileSync(path.join(dir, rel), JSON.stringify({ id: ++tick, changed: true, run: RUN_ID }) + "\n");
    ours("seal");
    git("add", rel, ".integrity-guard/");
  },
};

build();
const rssFile = path.join(os.tmpdir(), `hook-scale-rss-${process.pid}.txt`);
installHook(rssFile);
console.log(`\n## hook at scale: ${N} ${SEALED ? "sealed" : "unsealed"} files, ${RUNS} runs each, interleaved (${CLI})`);
for (const [label, stage] of Object.entries(rows)) {
  if (!SEALED && label !== "1 file outside the manifest") continue;
  const withHook = [];
  const without = [];
  const rss = [];
  for (let i = 0; i < RUNS; i++) {
    stage();
    fs.rmSync(rssFile, { force: true });
    withHook.push(commit("-m", "with hook"));
    rss.push(Number(fs.readFileSync(rssFile, "utf8").trim()) / 1024);
    stage();
    without.push(commit("--no-verify", "-m", "without"));
  }
  for (const kind of ["wall", "cpu"]) {
    const h = median(withHook.map((r) => r[kind]));
    const n = median(without.map((r) => r[kind]));
    console.log(
      `- commit of ${label}${SEALED ? "" : " (no manifest)"}, ${kind}: hook ${h.toFixed(0)} ms, --no-verify ${n.toFixed(0)} ms, ` +
        `ratio ${(h / n).toFixed(2)}x, hook adds ${(h - n).toFixed(0)} ms` +
        (kind === "wall" ? `, hook peak RSS ${median(rss).toFixed(0)} MB` : ""),
    );
  }
}
fs.rmSync(rssFile, { force: true });
