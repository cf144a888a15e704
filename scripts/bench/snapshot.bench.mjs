// Snapshot and restore of a 10,000-file set against restic (Debian's package) in the same run:
// first snapshot, incremental after 10 changed files, and a whole-set restore with verification.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { CLI, SCALE, WORK, compare, ensureApt, header, mkdirClean, run } from "./lib.mjs";

header("snapshot / restore vs restic");
const N = Math.max(100, Math.round(10_000 * SCALE));
const base = mkdirClean(path.join(WORK, "snapshot"));
const repo = path.join(base, "repo");
const env = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_AUTHOR_NAME: "b",
  GIT_AUTHOR_EMAIL: "b@e",
  GIT_COMMITTER_NAME: "b",
  GIT_COMMITTER_EMAIL: "b@e",
  RESTIC_PASSWORD: "bench",
};
fs.mkdirSync(path.join(repo, ".integrity-guard"), { recursive: true });
execFileSync("git", ["init", "-q", "-b", "main", repo], { env });
execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "bench@e", "-f", path.join(base, "key")]);
const pub = fs.readFileSync(path.join(base, "key.pub"), "utf8").split(" ").slice(0, 2).join(" ");
fs.writeFileSync(path.join(repo, ".integrity-guard/allowed_signers"), `bench@e namespaces="git" ${pub}\n`);
fs.writeFileSync(
  path.join(repo, ".integrity-guard/config.yml"),
  `version: 1\nsnapshots:\n  sign: { format: ssh, key: ${path.join(base, "key")}, allowed_signers: .integrity-guard/allowed_signers }\n  sets:\n    bench: { paths: ["data/"] }\n`,
);
const file = (i) => path.join(repo, "data", `d${String(i % 100).padStart(2, "0")}`, `f${i}.json`);
for (let i = 0; i < N; i++) {
  fs.mkdirSync(path.dirname(file(i)), { recursive: true });
  fs.writeFileSync(file(i), JSON.stringify({ id: i, name: `item ${i}`, tags: ["a", "b"], value: i * 3.14 }) + "\n");
}
const change = (round) => {
  for (let k = 0; k < 10; k++) fs.writeFileSync(file((k * 997 + round * 13) % N), JSON.stringify({ round, k }) + "\n");
};
const timed = (fn) => {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const ours = (...args) => run(process.execPath, [CLI, ...args], { cwd: repo, env });
console.log(`  ${N} files (BENCH_SCALE=${SCALE}); ours signs with ssh and reads every blob back`);

const oursFirst = timed(() => ours("snapshot", "--set", "bench"));
const oursIncr = [];
for (let r = 1; r <= 3; r++) {
  change(r);
  oursIncr.push(timed(() => ours("snapshot", "--set", "bench")));
}

// Restore: the whole set into a missing folder, verified against the manifest.
fs.rmSync(path.join(repo, "data"), { recursive: true, force: true });
let restoreOut = "";
const oursRestore = timed(() => (restoreOut = ours("restore", "bench").stdout));
if (!/verified \d+ files/.test(restoreOut)) throw new Error(`restore did not verify:\n${restoreOut}`);

if (ensureApt("restic")) {
  const rrepo = path.join(base, "restic-repo");
  run("restic", ["init", "--quiet", "--repo", rrepo], { env });
  const resticFirst = timed(() => run("restic", ["backup", "--quiet", "--repo", rrepo, "data"], { cwd: repo, env }));
  const resticIncr = [];
  for (let r = 11; r <= 13; r++) {
    change(r);
    resticIncr.push(timed(() => run("restic", ["backup", "--quiet", "--repo", rrepo, "data"], { cwd: repo, env })));
  }
  const target = mkdirClean(path.join(base, "restic-restore"));
  const resticRestore = timed(() => run("restic", ["restore", "--quiet", "--repo", rrepo, "latest", "--target", target], { env }));
  compare(`first snapshot (${N} files)`, oursFirst, "restic backup", resticFirst, 1);
  compare("incremental (10 changed, best of 3)", Math.min(...oursIncr), "restic backup", Math.min(...resticIncr), 1);
  compare(`restore whole set + verify (${N} files)`, oursRestore, "restic restore", resticRestore, 1);
} else {
  console.log(
    `  first ${oursFirst.toFixed(1)} ms, incremental ${Math.min(...oursIncr).toFixed(1)} ms, restore ${oursRestore.toFixed(1)} ms (restic missing)`,
  );
}
const limit = 5000 * (N / 10_000);
console.log(
  `  restore+verify ${oursRestore.toFixed(0)} ms for ${N} files: ${oursRestore <= limit ? "OK" : "ABOVE"} target (< ${limit.toFixed(0)} ms, i.e. 5 s per 10,000 files)`,
);
