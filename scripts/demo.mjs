// `npm run demo`: the pre-commit hook at work in a throwaway repository.
// Copies examples/agent-workspace into a fresh temporary git repository, installs the hook with
// the built CLI (`init --hook-only`: the example brings its own config), seals the state files
// and makes a good commit,
// then breaks meeting.json twice (a trailing comma, then a schema violation) and shows
// `git commit` blocked with file:line:column while HEAD stays where it was.
// Exits 0 when everything behaved as described, 1 otherwise. IG_DIST selects a private build.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dist = process.env.IG_DIST ? path.resolve(process.env.IG_DIST) : path.join(root, "dist");
const cli = path.join(dist, "cli/index.js");
const example = path.join(root, "examples/agent-workspace");
const meeting = "agent_workspaces/meeting/meeting.json";

const failures = [];
const say = (s = "") => process.stdout.write(s + "\n");
const step = (n, title) => say(`\n== ${n}. ${title}`);
const indent = (text) =>
  text
    .replace(/\n+$/, "")
    .split("\n")
    .map((l) => `   | ${l}`)
    .join("\n");
const expect = (ok, what) => {
  say(`   ${ok ? "ok" : "UNEXPECTED"}: ${what}`);
  if (!ok) failures.push(what);
};

if (!fs.existsSync(cli)) {
  say(`building the CLI bundle (${path.relative(root, cli) || cli} is missing)...`);
  execFileSync(process.execPath, [path.join(root, "scripts/build.mjs")], { cwd: root, stdio: "inherit", env: process.env });
}

const repo = fs.mkdtempSync(path.join(os.tmpdir(), "integrity-guard-demo-"));
// The person's own git settings (a global core.hooksPath, commit signing, templates) must not
// change what the demo shows: an empty global config, a fixed identity.
const emptyGlobal = path.join(repo, ".git-global-config");
const env = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: emptyGlobal,
  GIT_AUTHOR_NAME: "Demo",
  GIT_AUTHOR_EMAIL: "demo@example.com",
  GIT_COMMITTER_NAME: "Demo",
  GIT_COMMITTER_EMAIL: "demo@example.com",
  NO_COLOR: "1",
};
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: repo, env, encoding: "utf8" });
  return { code: r.status ?? -1, out: `${r.stdout ?? ""}${r.stderr ?? ""}` };
};
const git = (...args) => run("git", args);
const head = () => git("rev-parse", "--verify", "--quiet", "HEAD").out.trim();
const show = (label, r) => {
  say(`   $ ${label}   (exit ${r.code})`);
  if (r.out.trim()) say(indent(r.out));
};

say("integrity-guard demo: a pre-commit hook that blocks corrupt JSON/YAML");
say(`temporary repository: ${repo}`);

step(1, "a fresh git repository holding the agent workspace example");
fs.writeFileSync(emptyGlobal, "");
fs.cpSync(example, repo, { recursive: true });
fs.writeFileSync(path.join(repo, ".gitignore"), "node_modules/\n.git-global-config\n");
git("init", "-q", "-b", "main");
// What `npm install --save-dev integrity-guard` provides: the package under
// node_modules/integrity-guard/ and node_modules/.bin/integrity-guard a symlink into it, which
// the hook runs before looking on PATH (it refuses anything else). Here it runs the bundle just built.
const pkgBin = path.join(repo, "node_modules/integrity-guard/bin/integrity-guard.js");
fs.mkdirSync(path.dirname(pkgBin), { recursive: true });
fs.writeFileSync(pkgBin, `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(cli)} "$@"\n`, { mode: 0o755 });
const bin = path.join(repo, "node_modules/.bin/integrity-guard");
fs.mkdirSync(path.dirname(bin), { recursive: true });
fs.symlinkSync("../integrity-guard/bin/integrity-guard.js", bin);
say(indent(run("git", ["ls-files", "--others", "--exclude-standard"]).out));

step(2, "install the pre-commit hook: integrity-guard init --hook-only");
const init = run(process.execPath, [cli, "init", "--hook-only"]);
show("integrity-guard init --hook-only", init);
expect(init.code === 0 && fs.existsSync(path.join(repo, ".git/hooks/pre-commit")), "init installed .git/hooks/pre-commit");

step(3, "seal the protected state files, then a good commit passes");
// The example's manifest.include covers the workspace: a change to those files must come
// with a resealed manifest (.integrity-guard/manifest.json), so seal before the first commit.
const seal = run(bin, ["seal"]);
show("integrity-guard seal", seal);
expect(seal.code === 0, "seal wrote .integrity-guard/manifest.json");
git("add", "-A");
const good = git("commit", "-q", "-m", "agent workspace");
show('git commit -m "agent workspace"', good);
const before = head();
expect(good.code === 0 && before !== "", `the commit was made (HEAD ${before.slice(0, 12)})`);
if (good.code !== 0) finish(); // nothing below means anything without a first commit

const blocked = (n, title, edit, pattern) => {
  step(n, title);
  const file = path.join(repo, meeting);
  const original = fs.readFileSync(file, "utf8");
  fs.writeFileSync(file, edit(original));
  const diff = git("diff", "--no-color", "-U0", "--", meeting);
  say(
    indent(
      diff.out
        .split("\n")
        .filter((l) => /^[-+][^-+]/.test(l))
        .join("\n"),
    ),
  );
  const r = git("commit", "-a", "-m", title);
  show(`git commit -a -m "${title}"`, r);
  if (r.out.includes("manifest/")) {
    say("   (manifest/unsealed-change: the file is sealed in .integrity-guard/manifest.json and changed without `integrity-guard seal`)");
  }
  expect(r.code !== 0, "git commit was blocked (non-zero exit)");
  expect(pattern.test(r.out), `the message names ${meeting}:line:column`);
  expect(/--no-verify/.test(r.out), "the message says how to bypass (git commit --no-verify)");
  expect(head() === before, `HEAD is unchanged (${before.slice(0, 12)})`);
  fs.writeFileSync(file, original);
  git("add", "--", meeting);
};

const at = new RegExp(`${meeting.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:\\d+:\\d+`);
blocked(4, "corrupt JSON: a trailing comma", (t) => t.replace(/("corruption prevention protocols")\]/, "$1,]"), at);
blocked(5, "a schema violation: session_type not in the enum", (t) => t.replace('"captain_oversight_active"', '"coffee_break"'), at);

finish();

function finish() {
  say("\n== done");
  if (failures.length === 0) {
    say("the hook let the good commit through and blocked both corrupt ones, naming file:line:column.");
  } else {
    say(`the demo did NOT behave as expected (${failures.length}):`);
    for (const f of failures) say(`  - ${f}`);
  }
  say(`explore the repository: cd ${repo}   (git log, cat .git/hooks/pre-commit; remove it with rm -rf when done)`);
  process.exit(failures.length === 0 ? 0 : 1);
}

function shellQuote(s) {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
