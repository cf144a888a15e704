// Replays a real repository's history through the pre-commit hook and the pull-request check,
// the way a team meets the tool: commit after commit, not one snapshot (the corpus script checks
// one snapshot). Reads bare mirrors, like scripts/real-world-corpus.mjs.
//
//   node scripts/replay-history.mjs [--mirrors DIR] [--out DIR] [--count N] [--max N] [--ref REV]
//                                   [--no-pr] [--keep] OWNER/NAME...
//
// --count  first-parent commits of the range, newest back from --ref (default 200; merges included)
// --max    commits replayed at most (default 40): those touching JSON/YAML (or .gitattributes,
//          .gitmodules, a submodule, a symlink), spread evenly over the range
// --ref    where the range ends (default HEAD of the mirror)
// --commits REV,REV...  replay exactly these commits (each against its first parent), e.g. the
//          commits that a later "fix invalid JSON" commit repaired, and those fixes
// --max    is not applied to --commits
// --no-pr  skip the pull-request check (the hook only)
// --flows auto|MERGE,...  instead of a range: the pull-request flows of real merges (a PR range
//          checked at once, GitHub's merge ref, merge, squash, rebase --exec, revert; see flows())
// --max-flows  merges taken by --flows auto (default 3), from the last --count first-parent commits
// --out    where the per-repository JSON record goes (default /tmp/replay)
// --keep   keep the scratch repository (printed)
//
// Per repository:
//   1. a scratch repository borrows the mirror's objects (alternates), checks out the parent of
//      the range's first commit, runs `integrity-guard init` (defaults) and commits what init
//      wrote (the "overlay", kept in every later tree: a team commits its config once);
//   2. for each sampled commit C (first parent P): the scratch branch is brought to P's tree
//      (one catch-up commit, --no-verify, when commits were skipped), then C's tree is applied to
//      the index and the work tree by a two-way `git read-tree -m -u` (renames, deletions, mode
//      changes, symlinks and gitlinks as git checks them out), and `git commit -C C` runs with the
//      installed hook. A block is recorded with `check --staged --format json`, then the commit
//      is made with --no-verify so that the history goes on. A merge is replayed as its
//      first-parent change (what `git merge` stages; the hook there is pre-merge-commit, which
//      runs the same check);
//   3. the built Action (dist/action/index.js) runs in pull-request mode, base = the replayed P,
//      head = the replayed C, as the runner starts it (INPUT_*, GITHUB_EVENT_PATH, ...; no token,
//      no comment); its findings file is recorded;
//   4. cost: CPU time (user+sys, children included, from /usr/bin/time) of `git commit` with the
//      hook and of the same commit with --no-verify (the hooked commit is undone with
//      `reset --soft` and made again), per commit.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const CLI = path.join(root, "bin/integrity-guard.js");
const ACTION = path.join(root, "dist/action/index.js");

function parseArgs(argv) {
  const o = {
    mirrors: process.env.IG_MIRRORS || "/work/.mirror",
    out: "/tmp/replay",
    count: 200,
    max: 40,
    ref: "HEAD",
    pr: true,
    maxFlows: 3,
    keep: false,
    repos: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--mirrors") o.mirrors = argv[++i];
    else if (a === "--out") o.out = argv[++i];
    else if (a === "--count") o.count = Number(argv[++i]);
    else if (a === "--max") o.max = Number(argv[++i]);
    else if (a === "--ref") o.ref = argv[++i];
    else if (a === "--commits") o.commits = argv[++i].split(",").filter(Boolean);
    else if (a === "--no-pr") o.pr = false;
    else if (a === "--flows") o.flows = argv[++i];
    else if (a === "--max-flows") o.maxFlows = Number(argv[++i]);
    else if (a === "--keep") o.keep = true;
    else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
    else o.repos.push(a);
  }
  if (o.repos.length === 0) throw new Error("usage: node scripts/replay-history.mjs [options] OWNER/NAME...");
  return o;
}

/** The paths whose change makes a commit worth replaying. */
const INTERESTING = /\.(json|jsonc|json5|ya?ml)$|(^|\/)\.(gitattributes|gitmodules)$|(^|\/)\.[a-z]+rc$/i;

const median = (xs) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function replay(spec, o) {
  const [owner, name] = spec.split("/");
  let mirror = path.join(o.mirrors, `${owner}+${name}`, "repo");
  if (!fs.existsSync(mirror)) mirror = path.join(o.mirrors, `${owner}+${name}`);
  if (!fs.existsSync(path.join(mirror, "objects"))) throw new Error(`${spec}: no bare mirror at ${mirror} (fetch github:${spec} first)`);
  const m = (...args) =>
    execFileSync("git", ["--git-dir", mirror, ...args], { encoding: "utf8", maxBuffer: 256 << 20, stdio: ["ignore", "pipe", "pipe"] });

  const tip = m("rev-parse", `${o.ref}^{commit}`).trim();
  // --commits: exactly those (each against its first parent), every one replayed.
  const range = o.commits
    ? o.commits.map((c) => m("rev-parse", `${c}^{commit}`).trim())
    : m("rev-list", "--first-parent", "-n", String(o.count), tip).trim().split("\n").reverse();
  // What each commit changes against its first parent (a root commit has none to replay).
  const touching = [];
  const kinds = { merges: 0, renames: 0, deletions: 0, modes: 0, symlinks: 0, gitlinks: 0 };
  for (const c of range) {
    const parents = m("rev-list", "--parents", "-n", "1", c).trim().split(" ").slice(1);
    if (parents.length === 0) continue;
    // Rename detection reads the blobs; a snapshot lacks those of 4 MiB and more.
    let rawText;
    try {
      rawText = m("diff-tree", "-r", "-M", "--raw", "-z", "--no-commit-id", parents[0], c);
    } catch {
      rawText = m("diff-tree", "-r", "--raw", "-z", "--no-commit-id", parents[0], c);
    }
    const raw = rawText.split("\0").filter(Boolean);
    let hit = false;
    const shape = { merge: parents.length > 1, renames: 0, deletions: 0, modes: 0, symlinks: 0, gitlinks: 0 };
    for (let i = 0; i < raw.length; i++) {
      const meta = raw[i];
      if (!meta.startsWith(":")) continue;
      const [oldMode, newMode, , , status] = meta.slice(1).split(" ");
      const paths = status.startsWith("R") || status.startsWith("C") ? [raw[++i], raw[++i]] : [raw[++i]];
      if (status.startsWith("R")) shape.renames++;
      if (status === "D") shape.deletions++;
      if (status === "M" && oldMode !== newMode) shape.modes++;
      if (oldMode === "120000" || newMode === "120000") shape.symlinks++;
      if (oldMode === "160000" || newMode === "160000") shape.gitlinks++;
      if (paths.some((p) => INTERESTING.test(p)) || oldMode === "120000" || newMode === "120000" || newMode === "160000") hit = true;
    }
    if (hit || o.commits) touching.push({ commit: c, parent: parents[0], ...shape });
  }
  // Spread the sample evenly over the range, oldest first.
  const sample =
    o.commits || touching.length <= o.max
      ? touching
      : Array.from({ length: o.max }, (_, i) => touching[Math.floor((i * touching.length) / o.max)]);
  for (const s of sample) {
    if (s.merge) kinds.merges++;
    for (const k of ["renames", "deletions", "modes", "symlinks", "gitlinks"]) kinds[k] += s[k] ? 1 : 0;
  }
  const record = {
    repo: spec,
    tip,
    range: { first: range[0], last: range.at(-1), commits: range.length },
    touching: touching.length,
    sampled: sample.length,
    shapes: kinds,
    init: null,
    commits: [],
  };
  if (sample.length === 0) return record;

  const sc = setupScratch(mirror, name, sample[0].parent);
  record.init = sc.init;
  const { work, env, run, git, timed, withOverlay } = sc;
  const moveTo = (tree) => git("read-tree", "-m", "-u", "HEAD", tree);

  for (const [n, s] of sample.entries()) {
    const entry = {
      commit: s.commit,
      parent: s.parent,
      merge: s.merge,
      subject: m("log", "-1", "--format=%s", s.commit).trim().slice(0, 120),
    };
    const pTree = withOverlay(s.parent);
    if (git("rev-parse", "HEAD^{tree}").trim() !== pTree) {
      moveTo(pTree);
      git("commit", "-q", "--no-verify", "--allow-empty", "-m", `catch-up to ${s.parent.slice(0, 12)}`);
    }
    const base = git("rev-parse", "HEAD").trim();
    moveTo(withOverlay(s.commit));
    const files = git("diff", "--cached", "--name-status", "-M", "HEAD").trim();
    entry.changed = files ? files.split("\n").length : 0;
    const hooked = timed("git", ["commit", "-q", "--allow-empty", "-C", s.commit]);
    entry.hook = { code: hooked.r.status, cpu: hooked.cpu, wall: hooked.wall };
    const said = (hooked.r.stdout + hooked.r.stderr).trim();
    // Undo a commit the hook let through: the --no-verify commit below is timed on the same index,
    // and the findings are read from it.
    if (hooked.r.status === 0) git("reset", "-q", "--soft", "HEAD^");
    if (hooked.r.status !== 0 || (said && !/^✔ no findings \(\d+ files? checked\)$/.test(said))) {
      // What the hook saw, as JSON (the text is kept short for the record).
      entry.hook.output = said.slice(0, 3000);
      const j = run(process.execPath, [CLI, "check", "--staged", "--format", "json"]);
      try {
        entry.hook.findings = JSON.parse(j.stdout).findings.map((f) => ({
          rule: f.rule,
          level: f.level,
          file: f.file,
          line: f.line,
          message: f.message.slice(0, 300),
        }));
      } catch {
        entry.hook.findings = [{ rule: "replay/unreadable-json", level: "error", message: (j.stdout + j.stderr).slice(0, 500) }];
      }
    }
    const plain = timed("git", ["commit", "-q", "--allow-empty", "--no-verify", "-C", s.commit]);
    if (plain.r.status !== 0) throw new Error(`${spec} ${s.commit}: commit --no-verify failed: ${plain.r.stderr}`);
    entry.plain = { cpu: plain.cpu, wall: plain.wall };
    const head = git("rev-parse", "HEAD").trim();
    if (o.pr) entry.pr = pullRequest(sc.scratch, work, env, base, head, n + 1);
    record.commits.push(entry);
    const flag = entry.hook.code !== 0 ? "BLOCK" : "ok";
    const prFlag = entry.pr ? (entry.pr.code !== 0 ? `PR:${entry.pr.status || entry.pr.code}` : "PR:ok") : "";
    process.stderr.write(
      `${spec} [${n + 1}/${sample.length}] ${s.commit.slice(0, 10)} ${flag} ${prFlag} hook ${entry.hook.cpu}ms/plain ${entry.plain.cpu}ms ${entry.subject.slice(0, 60)}\n`,
    );
  }
  record.missingFromSnapshot = [...sc.missing].sort();
  if (o.keep) record.scratch = sc.scratch;
  else fs.rmSync(sc.scratch, { recursive: true, force: true });
  return record;
}

/**
 * A scratch repository borrowing the mirror's objects, at `first`'s tree with init's files
 * committed over it (see the header). Returns the helpers the replays use.
 */
function setupScratch(mirror, name, first) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `ig-replay-${name}-`));
  const home = path.join(scratch, "home");
  const work = path.join(scratch, "work");
  const shim = path.join(scratch, "bin");
  fs.mkdirSync(home);
  fs.mkdirSync(shim);
  // The hook calls `integrity-guard` from PATH, as after a global install.
  fs.writeFileSync(path.join(shim, "integrity-guard"), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`, { mode: 0o755 });
  const env = {
    PATH: `${shim}:${process.env.PATH}`,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_NAME: "Replay",
    GIT_AUTHOR_EMAIL: "replay@example.com",
    GIT_COMMITTER_NAME: "Replay",
    GIT_COMMITTER_EMAIL: "replay@example.com",
    LANG: "C.UTF-8",
  };
  const run = (cmd, args, extra = {}) => spawnSync(cmd, args, { cwd: work, env, encoding: "utf8", maxBuffer: 256 << 20, ...extra });
  const git = (...args) => {
    const r = run("git", args);
    if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
    return r.stdout;
  };
  /** Run and measure CPU (user+sys, waited-for children included) and wall time. */
  const timed = (cmd, args) => {
    const tf = path.join(scratch, "time.txt");
    const t0 = process.hrtime.bigint();
    const r = run("/usr/bin/time", ["-f", "%U %S", "-o", tf, cmd, ...args]);
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    const [u, s] = fs.readFileSync(tf, "utf8").trim().split("\n").at(-1).split(" ").map(Number);
    return { r, cpu: Math.round((u + s) * 1000), wall: Math.round(wall) };
  };

  fs.mkdirSync(work);
  git("init", "-q", "-b", "replay");
  fs.writeFileSync(path.join(work, ".git/objects/info/alternates"), path.join(mirror, "objects") + "\n");
  git("config", "core.autocrlf", "false");
  git("config", "gc.auto", "0");
  const missing = new Set();
  let overlay = [];
  /** tree of `commit` with init's files laid over it */
  const withOverlay = (commit) => {
    const idx = path.join(scratch, "overlay-index");
    fs.rmSync(idx, { force: true });
    const e = { ...env, GIT_INDEX_FILE: idx };
    execFileSync("git", ["read-tree", commit], { cwd: work, env: e });
    // A snapshot lacks files of 4 MiB and more (and LFS content): such a path is left out of
    // both trees of a step, so it never changes (the record counts them).
    const blobs = execFileSync("git", ["ls-files", "-s", "-z"], { cwd: work, env: e, encoding: "utf8", maxBuffer: 256 << 20 })
      .split("\0")
      .filter(Boolean)
      .map((l) => ({ mode: l.slice(0, 6), oid: l.slice(7, 47), path: l.slice(l.indexOf("\t") + 1) }))
      .filter((b) => b.mode !== "160000");
    const check = spawnSync("git", ["cat-file", "--batch-check=%(objectname)"], {
      cwd: work,
      env: e,
      input: blobs.map((b) => b.oid).join("\n") + "\n",
      encoding: "utf8",
      maxBuffer: 256 << 20,
    });
    const gone = new Set(
      check.stdout
        .split("\n")
        .filter((l) => l.endsWith(" missing"))
        .map((l) => l.split(" ")[0]),
    );
    const dropped = blobs.filter((b) => gone.has(b.oid)).map((b) => b.path);
    for (const p of dropped) missing.add(p);
    if (dropped.length)
      execFileSync("git", ["update-index", "--force-remove", "-z", "--stdin"], { cwd: work, env: e, input: dropped.join("\0") + "\0" });
    for (const f of overlay)
      execFileSync("git", ["update-index", "--add", "--cacheinfo", `${f.mode},${f.oid},${f.path}`], { cwd: work, env: e });
    return execFileSync("git", ["write-tree"], { cwd: work, env: e, encoding: "utf8" }).trim();
  };
  git("read-tree", "-u", "--reset", withOverlay(first));
  git("commit", "-q", "--no-verify", "--allow-empty", "-m", `start at ${first.slice(0, 12)}`);
  const init = run(process.execPath, [CLI, "init"]);
  const initRec = { code: init.status, output: (init.stdout + init.stderr).slice(0, 4000) };
  // In a husky repository init adds its lines to .husky/pre-commit and the others, which git runs
  // only after `npm install` (core.hooksPath = .husky/_), beside the repository's own lines
  // (lint-staged, ...) that need its dependencies. The replay installs the hooks init writes for
  // a repository without husky (taken from an empty one) into .git/hooks instead.
  const hooks = path.join(work, ".git/hooks");
  if (!fs.existsSync(path.join(hooks, "pre-commit"))) {
    const plain = path.join(scratch, "plain");
    fs.mkdirSync(plain);
    run("git", ["init", "-q"], { cwd: plain });
    run(process.execPath, [CLI, "init", "--hook-only"], { cwd: plain });
    for (const h of ["pre-commit", "pre-merge-commit", "prepare-commit-msg"]) {
      fs.copyFileSync(path.join(plain, ".git/hooks", h), path.join(hooks, h));
      fs.chmodSync(path.join(hooks, h), 0o755);
    }
    initRec.hook = "husky: replayed with init's plain hooks in .git/hooks";
  }
  git("add", "-A");
  git("commit", "-q", "--no-verify", "--allow-empty", "-m", "integrity-guard init");
  overlay = git("diff-tree", "-r", "--no-commit-id", "--raw", "-z", "HEAD^", "HEAD")
    .split("\0")
    .filter(Boolean)
    .reduce((acc, x, i, a) => (x.startsWith(":") ? [...acc, { meta: x.slice(1).split(" "), path: a[i + 1] }] : acc), [])
    .map((e) => ({ mode: e.meta[1], oid: e.meta[3], path: e.path }));

  return { scratch, work, env, run, git, timed, withOverlay, missing, init: initRec };
}

/** The built Action in pull-request mode, as the runner starts it. */
function pullRequest(scratch, work, env, base, head, n, sha = head) {
  const tmp = fs.mkdtempSync(path.join(scratch, "runner-"));
  const files = { event: path.join(tmp, "event.json"), output: path.join(tmp, "output.txt"), summary: path.join(tmp, "summary.md") };
  const repository = {
    id: 1,
    name: "app",
    full_name: "acme/app",
    private: false,
    owner: { login: "acme", id: 1, type: "Organization" },
    default_branch: "main",
  };
  const payload = {
    action: "synchronize",
    number: n,
    before: base,
    after: head,
    pull_request: {
      number: n,
      state: "open",
      user: { login: "octocat", id: 583231, type: "User" },
      head: { ref: "feature", sha: head, repo: repository },
      base: { ref: "main", sha: base, repo: repository },
    },
    repository,
    sender: { login: "octocat", id: 583231, type: "User" },
  };
  fs.writeFileSync(files.event, JSON.stringify(payload));
  fs.writeFileSync(files.output, "");
  fs.writeFileSync(files.summary, "");
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [ACTION], {
    cwd: work,
    encoding: "utf8",
    maxBuffer: 256 << 20,
    env: {
      ...env,
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: files.event,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_WORKSPACE: work,
      GITHUB_REPOSITORY: "acme/app",
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_RUN_ID: "1",
      GITHUB_SHA: sha,
      RUNNER_TEMP: tmp,
      INPUT_COMMAND: "check",
      INPUT_TOKEN: "",
      INPUT_COMMENT: "false",
      "INPUT_FAIL-ON": "error",
      "INPUT_WORKING-DIRECTORY": "",
      INPUT_MODE: "",
    },
  });
  const out = {};
  const lines = fs.readFileSync(files.output, "utf8").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const d = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (d) {
      const v = [];
      for (i++; i < lines.length && lines[i] !== d[2]; i++) v.push(lines[i]);
      out[d[1]] = v.join("\n");
    }
  }
  const res = { code: r.status, status: out.status, ms: Math.round(Number(process.hrtime.bigint() - t0) / 1e6) };
  if (out["findings-file"] && fs.existsSync(out["findings-file"])) {
    const report = JSON.parse(fs.readFileSync(out["findings-file"], "utf8"));
    res.checked = report.summary?.checked;
    res.findings = report.findings.map((f) => ({
      rule: f.rule,
      level: f.level,
      file: f.file,
      line: f.line,
      message: f.message.slice(0, 300),
    }));
  }
  if (r.status !== 0 && !res.findings) res.output = (r.stdout + r.stderr).slice(-3000);
  fs.rmSync(tmp, { recursive: true, force: true });
  return res;
}

/**
 * The pull-request flows teams use, rebuilt from real merges: for a merge commit M of the
 * first-parent line (first parent P1, the PR's branch tip P2, merge base B), the branch's commits
 * B..P2 are made one by one through the hook on a branch `feature` started at B, `main` moves to
 * P1 (the newer base), and then:
 *   - pr-range: the Action with base = B (the merge base), head = the branch tip, checked out;
 *   - pr-merge-ref: the Action as GitHub runs it: base.sha = main's tip, head.sha = the branch
 *     tip, the checkout (and GITHUB_SHA) the test merge commit refs/pull/N/merge (M's tree);
 *   - merge: `git merge --no-ff feature` on main (pre-merge-commit; a merge that stops on
 *     conflicts is resolved with M's tree and finished by `git commit`: pre-commit);
 *   - squash: `git merge --squash feature` on main, then `git commit` (pre-commit), and the
 *     Action on the squash commit (base = main);
 *   - rebase: `git rebase --exec` onto main, the exec step making each rebased commit again
 *     through the hook (`reset --soft HEAD^` + `commit -C`); a rebase that stops on a conflict
 *     is aborted and recorded as such (a hand resolution is not a shape the tool makes);
 *     then the Action on the rebased branch (base = main);
 *   - revert: `git revert -n -m 1` of the merge, then `git commit` (pre-commit), and the Action
 *     on the revert (base = the merge); and `git revert -n` of the branch's last commit on the
 *     squash branch (the change undone after the squash), then `git commit`.
 * A blocked commit is recorded (`check --staged --format json`) and made with --no-verify.
 */
function flows(spec, o) {
  const [owner, name] = spec.split("/");
  let mirror = path.join(o.mirrors, `${owner}+${name}`, "repo");
  if (!fs.existsSync(mirror)) mirror = path.join(o.mirrors, `${owner}+${name}`);
  const m = (...args) =>
    execFileSync("git", ["--git-dir", mirror, ...args], { encoding: "utf8", maxBuffer: 256 << 20, stdio: ["ignore", "pipe", "pipe"] });
  const tip = m("rev-parse", `${o.ref}^{commit}`).trim();
  let merges;
  if (o.flows !== "auto") merges = o.flows.split(",").map((c) => m("rev-parse", `${c}^{commit}`).trim());
  else {
    // Merges of the first-parent line whose branch has 2-12 commits, touches JSON/YAML, and
    // holds no merge itself; spread evenly, newest last.
    const cands = [];
    for (const c of m("rev-list", "--first-parent", "--min-parents=2", "-n", String(o.count), tip).trim().split("\n").filter(Boolean)) {
      const [p1, p2] = m("rev-list", "--parents", "-n", "1", c).trim().split(" ").slice(1);
      const b = m("merge-base", p1, p2).trim();
      const n = Number(m("rev-list", "--count", `${b}..${p2}`).trim());
      if (n < 2 || n > 12 || m("rev-list", "--min-parents=2", `${b}..${p2}`).trim()) continue;
      if (b === p1) continue; // a fast-forwardable branch: no newer base to rebase onto
      const files = m("diff", "--name-only", "-z", b, p2).split("\0").filter(Boolean);
      if (files.some((f) => INTERESTING.test(f))) cands.push(c);
    }
    cands.reverse();
    merges =
      cands.length <= o.maxFlows ? cands : Array.from({ length: o.maxFlows }, (_, i) => cands[Math.floor((i * cands.length) / o.maxFlows)]);
  }
  const record = { repo: spec, tip, flows: [] };
  for (const mc of merges) {
    const [p1, p2] = m("rev-list", "--parents", "-n", "1", mc).trim().split(" ").slice(1);
    if (!p2) throw new Error(`${spec} ${mc}: not a merge`);
    const b = m("merge-base", p1, p2).trim();
    const branch = m("rev-list", "--reverse", "--first-parent", `${b}..${p2}`).trim().split("\n").filter(Boolean);
    const sc = setupScratch(mirror, name, b);
    const { work, env, run, git, timed, withOverlay } = sc;
    const flow = { merge: mc, subject: m("log", "-1", "--format=%s", mc).trim().slice(0, 120), base: b, p1, branch, steps: [] };
    record.flows.push(flow);
    const say = (msg) => process.stderr.write(`${spec} ${mc.slice(0, 10)} ${msg}\n`);
    /** Record what a (possibly blocked) hooked command said; on a block, the staged findings. */
    const findings = () => {
      const j = run(process.execPath, [CLI, "check", "--staged", "--format", "json"]);
      try {
        return JSON.parse(j.stdout).findings.map((f) => ({
          rule: f.rule,
          level: f.level,
          file: f.file,
          line: f.line,
          message: f.message.slice(0, 300),
        }));
      } catch {
        return [{ rule: "replay/unreadable-json", level: "error", message: (j.stdout + j.stderr).slice(0, 500) }];
      }
    };
    const step = (kind, extra) => {
      const st = { kind, ...extra };
      flow.steps.push(st);
      const bad = (st.code !== undefined && st.code !== 0) || (st.pr && st.pr.code !== 0);
      say(
        `${kind} ${st.note ?? ""} ${st.code === undefined ? "" : bad && st.code !== 0 ? "BLOCK" : "ok"}${st.pr ? ` PR:${st.pr.code === 0 ? "ok" : st.pr.status || st.pr.code}` : ""}`,
      );
      return st;
    };
    /** `git commit` with the hook; a block is recorded and the commit made with --no-verify. */
    const commitHooked = (args) => {
      const t = timed("git", ["commit", "-q", "--allow-empty", ...args]);
      const res = { code: t.r.status, cpu: t.cpu };
      const said = /\((\d+) files? checked\)/.exec(t.r.stdout + t.r.stderr);
      if (said) res.checked = Number(said[1]);
      if (t.r.status !== 0) {
        res.output = (t.r.stdout + t.r.stderr).trim().slice(0, 3000);
        res.findings = findings();
        git("commit", "-q", "--allow-empty", "--no-verify", ...args);
      }
      return res;
    };
    const pr = (base, head, n, checkout = head) => {
      const back = git("rev-parse", "--abbrev-ref", "HEAD").trim();
      git("checkout", "-q", "--detach", checkout);
      const res = pullRequest(sc.scratch, work, env, base, head, n, checkout);
      git("checkout", "-q", back);
      return res;
    };
    const start = git("rev-parse", "HEAD").trim();
    // feature: the branch's commits through the hook
    git("checkout", "-q", "-b", "feature");
    for (const c of branch) {
      git("read-tree", "-m", "-u", "HEAD", withOverlay(c));
      step("branch-commit", { commit: c, note: c.slice(0, 10), ...commitHooked(["-C", c]) });
    }
    const featureTip = git("rev-parse", "HEAD").trim();
    // main moves on to P1
    git("checkout", "-q", "-B", "main", start);
    git("read-tree", "-m", "-u", "HEAD", withOverlay(p1));
    git("commit", "-q", "--no-verify", "--allow-empty", "-m", `main at ${p1.slice(0, 12)}`);
    const mainTip = git("rev-parse", "HEAD").trim();
    const mTree = withOverlay(mc);
    step("pr-range", { pr: pr(start, featureTip, 1) });
    const mergeRef = git("commit-tree", mTree, "-p", mainTip, "-p", featureTip, "-m", "Merge into main (refs/pull/2/merge)").trim();
    step("pr-merge-ref", { pr: pr(mainTip, featureTip, 2, mergeRef) });
    // merge
    const mg = timed("git", ["merge", "-q", "--no-ff", "--no-edit", "feature"]);
    const merge = { code: mg.r.status, cpu: mg.cpu };
    if (mg.r.status !== 0) {
      merge.output = (mg.r.stdout + mg.r.stderr).trim().slice(0, 3000);
      if (fs.existsSync(path.join(work, ".git/MERGE_HEAD")) && /CONFLICT/.test(merge.output)) {
        // conflicts: the real merge's resolution, finished by `git commit`
        merge.note = "conflicts, resolved with the merge's tree";
        git("read-tree", "-u", "--reset", mTree);
        Object.assign(merge, { resolved: commitHooked(["--no-edit"]) });
        merge.code = merge.resolved.code;
      } else {
        merge.findings = findings();
        git("commit", "-q", "--no-verify", "--no-edit");
      }
    }
    step("merge", merge);
    const merged = git("rev-parse", "HEAD").trim();
    // revert of the merge
    const rv = run("git", ["revert", "-n", "-m", "1", merged]);
    if (rv.status === 0) {
      const res = commitHooked(["-m", `Revert the merge of ${p2.slice(0, 10)}`]);
      step("revert-merge", { ...res, pr: pr(merged, git("rev-parse", "HEAD").trim(), 3) });
    } else step("revert-merge", { note: `revert stopped: ${(rv.stdout + rv.stderr).trim().slice(0, 200)}` });
    run("git", ["reset", "-q", "--hard"]);
    // squash
    git("checkout", "-q", "-B", "squash", mainTip);
    const sq = run("git", ["merge", "--squash", "feature"]);
    let squash;
    if (sq.status !== 0) {
      git("read-tree", "-u", "--reset", mTree);
      squash = { note: "conflicts, resolved with the merge's tree", ...commitHooked(["-m", "Squashed"]) };
    } else squash = commitHooked(["-m", "Squashed"]);
    const squashed = git("rev-parse", "HEAD").trim();
    step("squash", { ...squash, pr: pr(mainTip, squashed, 4) });
    // revert the branch's last commit after the squash
    const last = featureTip;
    const rv2 = run("git", ["revert", "-n", last]);
    if (rv2.status === 0)
      step("revert-commit", {
        ...commitHooked(["-m", `Revert ${branch.at(-1).slice(0, 10)}`]),
        pr: pr(squashed, git("rev-parse", "HEAD").trim(), 5),
      });
    else step("revert-commit", { note: `revert stopped (conflict): ${(rv2.stdout + rv2.stderr).trim().slice(0, 200)}` });
    run("git", ["reset", "-q", "--hard"]);
    // rebase onto main, each rebased commit made again through the hook
    git("checkout", "-q", "-B", "rebased", featureTip);
    const log = path.join(sc.scratch, "rebase-hook.log");
    const exec = path.join(sc.scratch, "recommit.sh");
    fs.writeFileSync(
      exec,
      `#!/bin/sh\n# make the rebased commit again through the hook; a block is logged and the commit made with --no-verify\nh=$(git rev-parse HEAD)\ngit reset -q --soft HEAD^\nif git commit -q --allow-empty -C "$h" >"${log}.last" 2>&1; then echo "ok $h" >>"${log}"; else echo "BLOCK $h" >>"${log}"; cat "${log}.last" >>"${log}"; git commit -q --allow-empty --no-verify -C "$h"; fi\n`,
      { mode: 0o755 },
    );
    // onto main before the merge (P1): main itself holds the branch since the merge step
    const rb = run("git", ["rebase", "-q", "--exec", exec, mainTip]);
    const rebaseLog = fs.existsSync(log) ? fs.readFileSync(log, "utf8") : "";
    if (rb.status !== 0) {
      run("git", ["rebase", "--abort"]);
      step("rebase", {
        note: `stopped (conflict), aborted: ${
          (rb.stdout + rb.stderr)
            .trim()
            .split("\n")
            .find((l) => /CONFLICT|error/.test(l)) ?? ""
        }`.slice(0, 300),
        log: rebaseLog.slice(0, 3000),
      });
    } else {
      const blocks = (rebaseLog.match(/^BLOCK /gm) || []).length;
      const made = (rebaseLog.match(/^(ok|BLOCK) /gm) || []).length;
      step("rebase", {
        code: blocks ? 1 : 0,
        note: `${made} of ${branch.length} commits re-made through the hook, ${blocks} blocked`,
        log: blocks ? rebaseLog.slice(0, 3000) : undefined,
        pr: pr(mainTip, git("rev-parse", "HEAD").trim(), 6),
      });
    }
    flow.missingFromSnapshot = [...sc.missing].sort();
    if (o.keep) flow.scratch = sc.scratch;
    else fs.rmSync(sc.scratch, { recursive: true, force: true });
  }
  return record;
}

function summarizeFlows(rec) {
  const lines = [`== ${rec.repo} flows: ${rec.flows.length} merges`];
  for (const f of rec.flows) {
    lines.push(`   ${f.merge.slice(0, 12)} (${f.branch.length} branch commits) ${f.subject.slice(0, 70)}`);
    for (const s of f.steps) {
      const bad = (s.code !== undefined && s.code !== 0) || (s.pr && s.pr.code !== 0);
      lines.push(
        `      ${s.kind}${s.note ? ` [${s.note}]` : ""}: hook ${s.code ?? "-"}${s.pr ? `, PR ${s.pr.code}` : ""}${bad ? "  <<<" : ""}`,
      );
      for (const x of [...(s.findings || []), ...(s.resolved?.findings || [])].filter((x) => x.level !== "notice"))
        lines.push(`         hook ${x.level} ${x.rule} ${x.file ?? ""}:${x.line ?? ""} ${x.message.slice(0, 140)}`);
      for (const x of (s.pr?.findings || []).filter((x) => x.level !== "notice"))
        lines.push(`         pr   ${x.level} ${x.rule} ${x.file ?? ""}:${x.line ?? ""} ${x.message.slice(0, 140)}`);
      if (s.pr && s.pr.code !== 0 && !s.pr.findings) lines.push(`         pr output: ${s.pr.output?.slice(-400)}`);
      if (s.log && s.code) lines.push(`         ${s.log.slice(0, 600).replace(/\n/g, "\n         ")}`);
    }
  }
  return lines.join("\n");
}

function summarize(rec) {
  const lines = [
    `== ${rec.repo} ${rec.range.first.slice(0, 10)}..${rec.range.last.slice(0, 10)} (${rec.range.commits} first-parent commits, ${rec.touching} touch JSON/YAML, ${rec.sampled} replayed; merges ${rec.shapes.merges}, renames ${rec.shapes.renames}, deletions ${rec.shapes.deletions}, mode changes ${rec.shapes.modes}, symlinks ${rec.shapes.symlinks}, gitlinks ${rec.shapes.gitlinks})`,
  ];
  if (rec.missingFromSnapshot?.length)
    lines.push(
      `   left out (not in the snapshot): ${rec.missingFromSnapshot.length} files, e.g. ${rec.missingFromSnapshot.slice(0, 3).join(", ")}`,
    );
  if (rec.init && rec.init.code !== 0) lines.push(`   init exited ${rec.init.code}`);
  if (rec.init?.hook) lines.push(`   hook: ${rec.init.hook}`);
  const blocks = rec.commits.filter((c) => c.hook.code !== 0);
  const prFails = rec.commits.filter((c) => c.pr && c.pr.code !== 0);
  lines.push(`   hook blocks: ${blocks.length}; PR check failures: ${prFails.length}`);
  for (const c of rec.commits) {
    const hookF = (c.hook.findings || []).filter((f) => f.level !== "notice");
    const prF = (c.pr?.findings || []).filter((f) => f.level !== "notice");
    if (c.hook.code === 0 && (!c.pr || c.pr.code === 0) && hookF.length === 0 && prF.length === 0) continue;
    lines.push(`   ${c.commit.slice(0, 12)} hook=${c.hook.code} pr=${c.pr ? c.pr.code : "-"} ${c.subject.slice(0, 70)}`);
    for (const f of hookF) lines.push(`      hook ${f.level} ${f.rule} ${f.file ?? ""}:${f.line ?? ""} ${f.message.slice(0, 140)}`);
    for (const f of prF) lines.push(`      pr   ${f.level} ${f.rule} ${f.file ?? ""}:${f.line ?? ""} ${f.message.slice(0, 140)}`);
    if (c.pr && c.pr.code !== 0 && !c.pr.findings) lines.push(`      pr output: ${c.pr.output?.slice(-400)}`);
  }
  const hookCpu = rec.commits.map((c) => c.hook.cpu);
  const plainCpu = rec.commits.map((c) => c.plain.cpu);
  const extra = rec.commits.map((c) => c.hook.cpu - c.plain.cpu);
  const prMs = rec.commits.filter((c) => c.pr).map((c) => c.pr.ms);
  lines.push(
    `   CPU ms median: commit with hook ${median(hookCpu)}, --no-verify ${median(plainCpu)}, hook's own ${median(extra)}; wall ms median with hook ${median(rec.commits.map((c) => c.hook.wall))}, --no-verify ${median(rec.commits.map((c) => c.plain.wall))}; PR check wall ms median ${median(prMs)}`,
  );
  return lines.join("\n");
}

const o = parseArgs(process.argv.slice(2));
fs.mkdirSync(o.out, { recursive: true });
for (const spec of o.repos) {
  let rec;
  try {
    if (o.flows) {
      rec = flows(spec, o);
      fs.writeFileSync(path.join(o.out, `${spec.replace("/", "+")}.flows.json`), JSON.stringify(rec, null, 2) + "\n");
      console.log(summarizeFlows(rec));
      continue;
    }
    rec = replay(spec, o);
  } catch (e) {
    console.log(`== ${spec}: ${e.message}`);
    continue;
  }
  fs.writeFileSync(path.join(o.out, `${spec.replace("/", "+")}.json`), JSON.stringify(rec, null, 2) + "\n");
  console.log(summarize(rec));
}
