/**
 * What the programs we start can see. In the Action the step's environment holds INPUT_TOKEN,
 * ACTIONS_RUNTIME_TOKEN and ACTIONS_ID_TOKEN_REQUEST_* (OIDC tokens for cloud accounts), and a
 * snapshot job holds the signing key text (snapshots.sign.key: env:NAME). git passes its
 * environment to everything it runs: `core.fsmonitor`, hooks (a `core.hooksPath` an earlier
 * `npm ci` pointed at the repository's husky scripts), credential helpers, `gpg.ssh.program`.
 * Each of them saw every token. And git's messages, which we read (a lost compare-and-swap, a
 * missing remote ref), were in the user's language.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Git } from "../../src/io/git.js";
import { createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";
import { makeSshKey, snapshotConfig, type SshKey } from "../helpers/keys.js";
import { payloads, runActionBundle } from "../e2e/action-harness.js";

const cleanups: (() => void)[] = [];
const saved = new Map<string, string | undefined>();
afterEach(() => {
  for (const [k, v] of saved) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  saved.clear();
  for (const c of cleanups.splice(0)) c();
});

/** Set process.env[k] for this test (the in-process CLI's children inherit process.env). */
function setEnv(vars: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(vars)) {
    if (!saved.has(k)) saved.set(k, process.env[k]);
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

function repo(): TestRepo {
  const r = createRepo();
  cleanups.push(() => r.cleanup());
  return r;
}

/** A script that writes its environment (NUL-separated, as /proc/self/environ) to `dump`, then exits `code`. */
function envDumper(dump: string, code: number, then = ""): string {
  const dir = makeTempDir("ig-envdump-");
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const script = path.join(dir, "dump.sh");
  fs.writeFileSync(script, `#!/bin/sh\nenv -0 >> '${dump}'\n${then || `exit ${code}`}\n`, { mode: 0o755 });
  return script;
}

function readDump(dump: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const entry of fs.readFileSync(dump, "utf8").split("\0")) {
    const eq = entry.indexOf("=");
    if (eq > 0) vars.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return vars;
}

const RUNNER = {
  INPUT_TOKEN: "ghs_inputtoken0000000000000000000000000",
  INPUT_COMMAND: "check",
  ACTIONS_RUNTIME_TOKEN: "eyJruntime.token.value",
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: "eyJoidc.request.token",
  ACTIONS_ID_TOKEN_REQUEST_URL: "https://pipelines.example/oidc?x=1",
};

describe("programs git runs do not see the runner's tokens", () => {
  it("core.fsmonitor (run by git status): no INPUT_*, no ACTIONS_*; HOME, PATH and the user's GIT_* and other variables pass", async () => {
    const r = repo();
    r.write("a.json", "{}\n");
    r.commitAll();
    const dump = path.join(r.dir, "..", path.basename(r.dir) + ".env");
    cleanups.push(() => fs.rmSync(dump, { force: true }));
    r.git("config", "core.fsmonitor", envDumper(dump, 1));
    setEnv({ ...RUNNER, GIT_TRACE2_EVENT_NESTING: "3", IG_USER_SETTING: "kept" });
    const git = await Git.open(r.dir);
    await git.changedPaths();
    const seen = readDump(dump);
    expect(seen.size).toBeGreaterThan(0);
    for (const name of Object.keys(RUNNER)) expect(seen.has(name), name).toBe(false);
    expect([...seen.values()].join("\n")).not.toContain("inputtoken");
    expect(seen.get("HOME")).toBe(process.env.HOME);
    // git puts its exec-path in front.
    expect(seen.get("PATH")?.endsWith(process.env.PATH!)).toBe(true);
    expect(seen.get("GIT_TRACE2_EVENT_NESTING")).toBe("3");
    expect(seen.get("IG_USER_SETTING")).toBe("kept");
  });

  it("a pre-push hook (core.hooksPath) run by the restore's push does not see them either", async () => {
    const r = repo();
    const remote = createRepo({ bare: true });
    cleanups.push(() => remote.cleanup());
    r.write("a.json", "{}\n");
    r.commitAll();
    const dump = path.join(r.dir, "..", path.basename(r.dir) + ".hook.env");
    cleanups.push(() => fs.rmSync(dump, { force: true }));
    const hooks = makeTempDir("ig-hooks-");
    cleanups.push(() => fs.rmSync(hooks, { recursive: true, force: true }));
    fs.copyFileSync(envDumper(dump, 0), path.join(hooks, "pre-push"));
    fs.chmodSync(path.join(hooks, "pre-push"), 0o755);
    r.git("config", "core.hooksPath", hooks);
    setEnv(RUNNER);
    const git = await Git.open(r.dir);
    await git.pushBranch(remote.dir, "main");
    const seen = readDump(dump);
    expect(seen.size).toBeGreaterThan(0);
    for (const name of Object.keys(RUNNER)) expect(seen.has(name), name).toBe(false);
  });
});

describe("the signing key text is not passed on", () => {
  let key: SshKey;
  beforeAll(() => {
    key = makeSshKey();
  });
  afterAll(() => key.cleanup());

  it("gpg.ssh.program (run by commit-tree -S) sees neither the key's variable nor its text, and the snapshot is still signed", async () => {
    const r = repo();
    r.write(".integrity-guard/config.yml", snapshotConfig());
    r.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
    r.write("data/a.json", "[1]\n");
    r.commitAll();
    const dump = path.join(r.dir, "..", path.basename(r.dir) + ".sign.env");
    cleanups.push(() => fs.rmSync(dump, { force: true }));
    // The wrapper signs for real: the snapshot must still verify.
    r.git("config", "gpg.ssh.program", envDumper(dump, 0, 'exec ssh-keygen "$@"'));
    // The CLI reads the key from its environment, which is process.env in a real run.
    setEnv({ IG_TEST_SIGNING_KEY: key.privateKey, SIGNING_KEY_COPY: key.privateKey });
    const out = await r.cli(["snapshot", "--set", "hourly"]);
    expect(out.code, out.stderr).toBe(0);
    const seen = readDump(dump);
    expect(seen.size).toBeGreaterThan(0);
    expect(seen.has("IG_TEST_SIGNING_KEY")).toBe(false);
    expect(seen.has("SIGNING_KEY_COPY")).toBe(false);
    const body = key.privateKey.split("\n")[1]!;
    expect([...seen.values()].join("\n")).not.toContain(body);
    const list = await r.cli(["snapshots", "--format", "json"]);
    expect(JSON.parse(list.stdout).snapshots[0].signature).toBe("good");
  });
});

describe("git's messages are read in English whatever the user's language", () => {
  // LANGUAGE picks git's translations even under the C.UTF-8 locale (the only one installed on
  // most CI images); a German desktop has LANG=de_DE.UTF-8 and gets the same messages.
  for (const locale of [
    { LANGUAGE: "de", LC_ALL: "C.UTF-8" },
    { LANGUAGE: "de", LC_ALL: undefined, LANG: "C.UTF-8" },
  ]) {
    it(`a lost compare-and-swap is false, not an error (${JSON.stringify(locale)})`, async () => {
      const r = repo();
      r.write("a.json", "{}\n");
      r.commitAll();
      const head = r.git("rev-parse", "HEAD").trim();
      setEnv(locale);
      const git = await Git.open(r.dir);
      // The ref already exists: expected "must not exist" loses the race.
      expect(await git.updateRefCas("refs/heads/main", head, "0".repeat(40), "test")).toBe(false);
      expect(await git.updateRefCas("refs/heads/other", head, head, "test")).toBe(false);
    });

    it(`a remote without the branch is false, not an error (${JSON.stringify(locale)})`, async () => {
      const r = repo();
      const remote = createRepo({ bare: true });
      cleanups.push(() => remote.cleanup());
      r.write("a.json", "{}\n");
      r.commitAll();
      r.git("push", "-q", remote.dir, "main");
      setEnv(locale);
      const git = await Git.open(r.dir);
      expect(await git.fetchRef(remote.dir, "refs/heads/integrity-snapshots", "refs/integrity-guard/t")).toBe(false);
    });
  }

  it('a repository git refuses for dubious ownership is named so, not "not a git work tree" (German git)', async () => {
    const r = repo();
    r.write(".integrity-guard/config.yml", "version: 1\n");
    r.commitAll();
    // git's own switch for testing its ownership check without a second user.
    setEnv({ LANGUAGE: "de", LC_ALL: "C.UTF-8", GIT_TEST_ASSUME_DIFFERENT_OWNER: "1", GIT_CONFIG_GLOBAL: "/dev/null" });
    const out = await r.cli(["check"]);
    expect(out.code, out.stderr).toBe(2);
    expect(out.stderr).toContain(`git config --global --add safe.directory ${r.dir}`);
    expect(out.stderr).not.toContain("not inside a git work tree");
  });

  it("LC_ALL's character set is kept (LC_CTYPE): a non-ASCII file name is listed as it is", async () => {
    const r = repo();
    r.write("données.json", "{}\n");
    r.commitAll();
    setEnv({ LANGUAGE: "de", LC_ALL: "C.UTF-8" });
    const git = await Git.open(r.dir);
    expect((await git.lsStaged()).map((e) => e.path)).toEqual(["données.json"]);
  });
});

describe("the Action's restore push (built bundle, run as the runner runs it)", () => {
  let key: SshKey;
  beforeAll(() => {
    key = makeSshKey();
  });
  afterAll(() => key.cleanup());

  it("a pre-push hook sees no token: not INPUT_TOKEN, not the same token as GITHUB_TOKEN, not ACTIONS_*, not the signing key", async () => {
    const origin = createRepo({ bare: true });
    cleanups.push(() => origin.cleanup());
    const r = repo();
    r.write(".integrity-guard/config.yml", snapshotConfig({ sets: "    hourly: { paths: [data/], keep: 5 }" }));
    r.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
    r.write("data/state.json", '{"status": "ok"}\n');
    r.commitAll("base");
    r.git("remote", "add", "origin", origin.dir);
    r.git("push", "-q", "origin", "main");
    const snap = await r.cli(["snapshot", "--set", "hourly"], { IG_TEST_SIGNING_KEY: key.privateKey });
    expect(snap.code, snap.stderr).toBe(0);
    r.write("data/state.json", '{"status": "o');
    r.commitAll("a cut write");
    r.git("push", "-q", "origin", "main");
    // What an earlier `npm ci` leaves when the repository uses husky: hooks from a tracked folder.
    const dump = path.join(r.dir, "..", path.basename(r.dir) + ".action.env");
    cleanups.push(() => fs.rmSync(dump, { force: true }));
    r.write(".husky/pre-push", fs.readFileSync(envDumper(dump, 0)));
    fs.chmodSync(path.join(r.dir, ".husky/pre-push"), 0o755);
    r.commitAll("husky");
    r.git("push", "-q", "origin", "main");
    r.git("config", "core.hooksPath", ".husky");
    const token = "ghs_testtoken123456";
    const run = await runActionBundle({
      repo: r,
      eventName: "workflow_dispatch",
      payload: payloads.workflowDispatch({}),
      inputs: { command: "restore", snapshot: "hourly", mode: "push", comment: "false", token },
      env: {
        IG_TEST_SIGNING_KEY: key.privateKey,
        GITHUB_TOKEN: token,
        // Another token, for a credential helper (`gh auth setup-git`): the user's to pass on.
        GH_TOKEN: "ghp_othertoken0000000000000000000000",
        ...RUNNER,
        INPUT_TOKEN: token,
        INPUT_COMMAND: "restore",
        GITHUB_REF: "refs/heads/main",
        GITHUB_REF_NAME: "main",
        GITHUB_REF_TYPE: "branch",
      },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(origin.git("show", "refs/heads/main:data/state.json")).toBe('{"status": "ok"}\n');
    const seen = readDump(dump);
    expect(seen.size).toBeGreaterThan(0);
    for (const name of [
      "INPUT_TOKEN",
      "INPUT_COMMAND",
      "GITHUB_TOKEN",
      "ACTIONS_RUNTIME_TOKEN",
      "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
      "IG_TEST_SIGNING_KEY",
    ])
      expect(seen.has(name), name).toBe(false);
    expect([...seen.values()].join("\n")).not.toContain(token);
    expect(seen.get("GITHUB_REPOSITORY")).toBe("acme/app");
    expect(seen.get("GH_TOKEN")).toBe("ghp_othertoken0000000000000000000000");
  });
});

describe("the user's global git config does not change what we read", () => {
  let key: SshKey;
  beforeAll(() => {
    key = makeSshKey();
  });
  afterAll(() => key.cleanup());

  /** A global config file (GIT_CONFIG_GLOBAL, as ~/.gitconfig) with `text`, for this test. */
  function globalConfig(text: string): void {
    const dir = makeTempDir("ig-gitglobal-");
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.writeFileSync(path.join(dir, "config"), text);
    setEnv({ GIT_CONFIG_GLOBAL: path.join(dir, "config") });
  }

  it("log.showSignature (and i18n.logOutputEncoding, color.ui, core.quotePath): snapshots are taken, listed and restored as without them", async () => {
    const r = repo();
    r.write(".integrity-guard/config.yml", snapshotConfig({ sets: '    hourly: { paths: ["données/"], keep: 5 }' }));
    r.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
    r.write("données/état.json", '{"v":1}\n');
    r.commitAll();
    setEnv({ IG_TEST_SIGNING_KEY: key.privateKey });
    expect((await r.cli(["snapshot", "--set", "hourly"])).code).toBe(0);
    // Both are common in the ~/.gitconfig of people who sign their commits or use a Latin-1 terminal.
    globalConfig(
      `[log]\n\tshowSignature = true\n[i18n]\n\tlogOutputEncoding = ISO-8859-1\n[gpg "ssh"]\n\tallowedSignersFile = ${path.join(r.dir, ".integrity-guard/allowed_signers")}\n[color]\n\tui = always\n[core]\n\tpager = cat\n\tquotePath = true\n`,
    );
    // A new tip: the chain is read from git again (an unchanged one is cached per process).
    r.write("données/état.json", '{"v":2}\n');
    const taken = await r.cli(["snapshot", "--set", "hourly"]);
    expect(taken.code, taken.stdout + taken.stderr).toBe(0);
    const tip = r.git("rev-parse", "integrity-snapshots").trim();
    const listed = await r.cli(["snapshots", "--format", "json"]);
    expect(listed.code, listed.stderr).toBe(0);
    const snapshots = JSON.parse(listed.stdout).snapshots as { id: string; set: string; signature: string }[];
    expect(snapshots.map((s) => [s.id, s.set, s.signature])).toEqual([
      [tip, "hourly", "good"],
      [r.git("rev-parse", `${tip}^`).trim(), "hourly", "good"],
    ]);
    const git = await Git.open(r.dir);
    expect((await git.snapshotCommitLog("refs/heads/integrity-snapshots", "refs/integrity-snapshots/epochs/")).map((c) => c.id)).toEqual(
      snapshots.map((s) => s.id),
    );
    r.write("données/état.json", '{"v":');
    const restored = await r.cli(["restore", "latest"]);
    expect(restored.code, restored.stdout + restored.stderr).toBe(0);
    expect(r.read("données/état.json")).toBe('{"v":2}\n');
  });

  for (const setting of ["[diff]\n\tnoprefix = true\n", "[diff]\n\tmnemonicPrefix = true\n\tsrcPrefix = x/\n\tdstPrefix = y/\n"]) {
    it(`the pull request's changed lines read from git diff (${JSON.stringify(setting)})`, async () => {
      const { changedLinesFromGit } = await import("../../src/action/changed-lines.js");
      const r = repo();
      r.write("b/x.json", "[1]\n");
      r.write("y.json", "[1]\n");
      r.commitAll();
      const base = r.git("rev-parse", "HEAD").trim();
      r.write("b/x.json", "[1,\n2]\n");
      r.write("y.json", "[\n1]\n");
      r.commitAll();
      const head = r.git("rev-parse", "HEAD").trim();
      const git = await Git.open(r.dir);
      const plain = await changedLinesFromGit(git, base, head);
      expect([...plain!.keys()].sort()).toEqual(["b/x.json", "y.json"]);
      globalConfig(setting);
      expect(await changedLinesFromGit(git, base, head)).toEqual(plain);
    });
  }
});

describe("the hook under a user's global git config that changes porcelain output", () => {
  it("from a subfolder, with diff.relative, status.relativePaths, color.ui=always, quotePath, noprefix, a pager: corrupt blocked, good passed", async () => {
    const { main } = await import("../../src/cli.js");
    const r = repo();
    r.write(".integrity-guard/config.yml", "version: 1\n");
    r.write("sub/keep.json", "{}\n");
    r.write("other/ok.json", "{}\n");
    r.commitAll();
    const dir = makeTempDir("ig-gitglobal-");
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.writeFileSync(
      path.join(dir, "config"),
      "[diff]\n\trelative = true\n\tnoprefix = true\n\tmnemonicPrefix = true\n[status]\n\trelativePaths = true\n[color]\n\tui = always\n[core]\n\tquotePath = true\n\tpager = false\n[pager]\n\tdiff = true\n\tstatus = true\n[log]\n\tshowSignature = true\n",
    );
    setEnv({ GIT_CONFIG_GLOBAL: path.join(dir, "config") });
    const staged = async () => {
      let stdout = "";
      const code = await main(["check", "--staged", "--format", "json"], {
        cwd: path.join(r.dir, "sub"),
        env: { ...process.env },
        stdout: (s) => (stdout += s),
        stderr: () => undefined,
        stdoutIsTTY: false,
        stderrIsTTY: false,
      });
      return { code, files: (JSON.parse(stdout).findings as { file?: string }[]).map((f) => f.file) };
    };
    r.write("other/bad é.json", '{"a": 1,}\n');
    r.write("other/ok.json", '{"a": 1}\n');
    r.git("add", "-A");
    expect(await staged()).toEqual({ code: 1, files: ["other/bad é.json"] });
    r.write("other/bad é.json", '{"a": 1}\n');
    r.git("add", "-A");
    expect(await staged()).toEqual({ code: 0, files: [] });
  });
});

describe("the Action's first git processes (built bundle)", () => {
  it("the base commit's fetch of a shallow pull request checkout: remote.origin.uploadpack sees no GITHUB_TOKEN holding the token", async () => {
    // origin: main (the base) and feature (the pull request); the runner's clone has the head only.
    const origin = repo();
    origin.write("a.json", "{}\n");
    origin.commitAll("base");
    const base = origin.git("rev-parse", "HEAD").trim();
    origin.git("switch", "-q", "-c", "feature");
    origin.write("a.json", '{"b": 1}\n');
    origin.commitAll("pr");
    const head = origin.git("rev-parse", "HEAD").trim();
    const dir = makeTempDir("ig-shallow-");
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const clone = createRepo({ dir });
    cleanups.push(() => clone.cleanup());
    clone.git("remote", "add", "origin", `file://${origin.dir}`);
    clone.git("fetch", "-q", "--depth=1", "origin", "feature");
    clone.git("checkout", "-q", "--detach", head);
    expect(clone.tryGit("cat-file", "-e", `${base}^{commit}`).status).not.toBe(0);
    const dump = path.join(dir, "..", path.basename(dir) + ".fetch.env");
    cleanups.push(() => fs.rmSync(dump, { force: true }));
    clone.git("config", "remote.origin.uploadpack", envDumper(dump, 0, 'exec git-upload-pack "$@"'));
    const token = "ghs_testtoken123456";
    const run = await runActionBundle({
      repo: clone,
      eventName: "pull_request",
      payload: payloads.pullRequest(5, { ref: "main", sha: base }, { ref: "feature", sha: head }),
      inputs: { comment: "false", token },
      env: { GITHUB_TOKEN: token, GITHUB_API_URL: "http://127.0.0.1:9" },
    });
    expect(run.stdout).toContain(`git fetch --no-tags --depth=1 origin ${base}`);
    const seen = readDump(dump);
    expect(seen.size).toBeGreaterThan(0);
    expect(seen.has("GITHUB_TOKEN")).toBe(false);
    expect(seen.has("INPUT_TOKEN")).toBe(false);
  });
});
