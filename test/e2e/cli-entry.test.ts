/**
 * The built CLI's entry points as a user's shell starts them: every verb is loaded on demand
 * (its own bundle chunk), so each verb's help is run from the bundle in a fresh process; and
 * bin/integrity-guard.js, which turns on Node's compile cache (Node 22.1+) before it loads the
 * bundle, must run the CLI unchanged whatever the cache folder is like.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import module from "node:module";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { verbs } from "../../src/commands/index.js";
import { VERSION } from "../../src/version.js";
import { SEMI_SPACE_MIB } from "../../bin/young-generation.js";
import { CLI_BUNDLE, DIST_DIR, GIT_ENV, PROJECT_ROOT, createRepo, makeTempDir } from "../helpers/repo.js";

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) fs.rmSync(t, { recursive: true, force: true });
});

function temp(): string {
  const dir = makeTempDir("ig-entry-");
  temps.push(dir);
  return dir;
}

/** The environment of a run, without any compile-cache setting of the caller's. */
function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.NODE_COMPILE_CACHE;
  delete env.NODE_DISABLE_COMPILE_CACHE;
  for (const [k, v] of Object.entries(extra)) if (v === undefined) delete env[k];
  return env;
}

function run(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [file, ...args], { cwd, env: cleanEnv(env), encoding: "utf8" });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A package folder as npm installs it: the real bin/ folder beside the dist/ under test (a
 * link, so IG_DIST builds are tested too).
 */
function installedBin(): string {
  const pkg = temp();
  // The whole bin/ folder, as package.json's "files" ships it (the entry imports its neighbours).
  fs.cpSync(path.join(PROJECT_ROOT, "bin"), path.join(pkg, "bin"), { recursive: true });
  fs.copyFileSync(path.join(PROJECT_ROOT, "package.json"), path.join(pkg, "package.json"));
  fs.symlinkSync(DIST_DIR, path.join(pkg, "dist"), "dir");
  return path.join(pkg, "bin/integrity-guard.js");
}

const hasCompileCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === "function";

describe("every verb loads from the built bundle", () => {
  for (const name of Object.keys(verbs)) {
    it(`${name} --help and help ${name} exit 0 with the verb's usage`, () => {
      const cwd = temp(); // not a repository: help needs none
      for (const args of [
        [name, "--help"],
        ["help", name],
      ]) {
        const r = run(CLI_BUNDLE, args, cwd);
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        expect(r.stdout.startsWith(`Usage: integrity-guard ${name}`)).toBe(true);
      }
    });
  }

  it("an unknown verb is still a usage error (exit 2) with a suggestion", () => {
    const r = run(CLI_BUNDLE, ["conflict"], temp());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "conflict"; did you mean "conflicts"\?/);
  });
});

describe("bin/integrity-guard.js and the compile cache", () => {
  it("prints the version and keeps its compiled code in the per-user cache folder where Node has the cache", () => {
    const bin = installedBin();
    const cache = temp();
    const r = run(bin, ["--version"], temp(), { XDG_CACHE_HOME: cache });
    expect(r).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
    const folder = path.join(cache, "integrity-guard", "node-compile-cache");
    // Node 22.1+ writes the cache on exit; Node 20 has no compile cache, and nothing is written.
    const written = fs.existsSync(folder) ? fs.readdirSync(folder, { recursive: true }).length : 0;
    if (hasCompileCache) expect(written).toBeGreaterThan(0);
    else expect(written).toBe(0);
  });

  it("runs a command unchanged from a warm cache, a cache folder that is a file, and with the cache turned off", () => {
    const bin = installedBin();
    const cwd = temp();
    const warm = temp();
    const notAFolder = path.join(temp(), "file");
    fs.writeFileSync(notAFolder, "not a folder\n");
    const expected = run(CLI_BUNDLE, ["validate", "--help"], cwd);
    expect(expected.code).toBe(0);
    for (const env of [
      { XDG_CACHE_HOME: warm },
      { XDG_CACHE_HOME: warm },
      { XDG_CACHE_HOME: notAFolder },
      { XDG_CACHE_HOME: warm, NODE_DISABLE_COMPILE_CACHE: "1" },
      // A relative XDG_CACHE_HOME is not a base folder (the XDG rule): the home folder is used.
      { XDG_CACHE_HOME: "relative", HOME: temp() },
    ]) {
      expect(run(bin, ["validate", "--help"], cwd, env)).toEqual(expected);
    }
    expect(fs.existsSync(path.join(cwd, "relative"))).toBe(false);
  });

  it("exits with the CLI's own code: 2 for a usage error", () => {
    const r = run(installedBin(), ["--no-such-option"], temp(), { XDG_CACHE_HOME: temp() });
    expect(r.code).toBe(2);
  });
});

/** Node can replace its own process (Node 22.15+, 23.11+; not Windows): where bin/ caps the young generation. */
const canReplace = typeof (process as { execve?: unknown }).execve === "function" && process.platform !== "win32";

describe("bin/integrity-guard.js and the young generation (issue 20: peak RSS of whole-tree commands)", () => {
  /**
   * Runs bin/ with a preload (through NODE_OPTIONS, which a replaced process keeps) that records,
   * as the CLI's process exits, its pid and node's own arguments: what the command actually ran
   * with, not what bin/ meant to do.
   */
  function runRecorded(
    args: string[],
    cwd: string,
    extraNodeOptions = "",
    extraEnv: NodeJS.ProcessEnv = { IG_YOUNG_GENERATION_FROM: "0" },
  ) {
    const out = path.join(temp(), "run.json");
    const preload = path.join(temp(), "record.mjs");
    fs.writeFileSync(
      preload,
      [
        'import fs from "node:fs";',
        "process.on('exit', () => fs.appendFileSync(" +
          JSON.stringify(out) +
          ", JSON.stringify({ pid: process.pid, execArgv: process.execArgv }) + '\\n'));",
        "",
      ].join("\n"),
    );
    const env = cleanEnv({
      ...GIT_ENV,
      XDG_CACHE_HOME: temp(),
      IG_YOUNG_GENERATION_FROM: undefined,
      ...extraEnv,
      NODE_OPTIONS: `--import ${preload} ${extraNodeOptions}`.trim(),
    });
    const r = spawnSync(process.execPath, [installedBin(), ...args], { cwd, env, encoding: "utf8" });
    const lines = fs.readFileSync(out, "utf8").trim().split("\n");
    return { code: r.status, pid: r.pid, stderr: r.stderr, runs: lines.map((l) => JSON.parse(l) as { pid: number; execArgv: string[] }) };
  }

  function sealedRepo(): string {
    const repo = createRepo();
    temps.push(repo.dir);
    repo.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
    repo.write("data/a.json", '{"a":1}\n');
    repo.commitAll("data");
    expect(repo.cliBundle(["seal"]).code).toBe(0);
    repo.commitAll("sealed");
    return repo.dir;
  }

  // IG_YOUNG_GENERATION_FROM=0: this small repository counts as a big tree.
  it("reseals and verifies with the cap where node can replace its process (same pid, one exit), else as before", () => {
    const cwd = sealedRepo();
    fs.writeFileSync(path.join(cwd, "data/a.json"), '{"a":2}\n');
    for (const verb of ["seal", "verify"]) {
      const r = runRecorded([verb], cwd);
      expect(r.code, r.stderr).toBe(0);
      // One process ran the command and exited: the one spawned (replaced, not a child left waiting).
      expect(r.runs).toHaveLength(1);
      expect(r.runs[0]!.pid).toBe(r.pid);
      expect(r.runs[0]!.execArgv.includes(`--max-semi-space-size=${SEMI_SPACE_MIB}`)).toBe(canReplace);
    }
  });

  it("never starts the hook again (check --staged), nor help, a run whose young generation the user sized, or a small tree", () => {
    const cwd = sealedRepo();
    for (const [args, nodeOptions, env] of [
      [["check", "--staged"], "", undefined],
      [["verify", "--help"], "", undefined],
      [["verify"], "--max-semi-space-size=8", undefined],
      // The default threshold: an index of two entries is far below it.
      [["verify"], "", {}],
    ] as const) {
      const r = runRecorded([...args], cwd, nodeOptions, env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.runs).toHaveLength(1);
      expect(r.runs[0]!.execArgv.some((a) => a.includes("semi-space"))).toBe(false);
    }
  });
});

describe("bin/ keeps V8's young generation small in whole-tree commands on every runtime (issue 20)", () => {
  /**
   * Runs bin/ (IG_YOUNG_GENERATION_FROM=0: a big tree) with a preload that, as the process exits, makes V8 want a bigger young generation (400,000 objects
   * that all survive: the default doubles it to 16 MiB semi-spaces) and records the size it got.
   */
  function youngGenerationMiB(args: string[], cwd: string, nodeOptions = ""): { code: number | null; stderr: string; mib: number } {
    const out = path.join(temp(), "young.txt");
    const preload = path.join(temp(), "grow.mjs");
    fs.writeFileSync(
      preload,
      [
        'import fs from "node:fs";',
        'import v8 from "node:v8";',
        "process.on('exit', () => {",
        "  const keep = [];",
        "  for (let i = 0; i < 400000; i++) keep.push({ i, s: 'x' + i });",
        "  const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');",
        `  fs.writeFileSync(${JSON.stringify(out)}, String(space.space_size / 1048576) + ' ' + keep.length);`,
        "});",
        "",
      ].join("\n"),
    );
    const env = cleanEnv({
      ...GIT_ENV,
      XDG_CACHE_HOME: temp(),
      IG_YOUNG_GENERATION_FROM: "0",
      NODE_OPTIONS: `--import ${preload} ${nodeOptions}`.trim(),
    });
    const r = spawnSync(process.execPath, [installedBin(), ...args], { cwd, env, encoding: "utf8" });
    const [mib, kept] = fs.readFileSync(out, "utf8").split(" ").map(Number);
    expect(kept).toBe(400000);
    return { code: r.status, stderr: r.stderr, mib: mib! };
  }

  it("verify, seal and a whole-tree check never grow it past its starting size; the hook and a user's size are left alone", () => {
    const repo = createRepo();
    temps.push(repo.dir);
    repo.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
    repo.write("data/a.json", '{"a":1}\n');
    repo.commitAll("data");
    for (const args of [["seal"], ["verify"], ["verify", "--no-cache"], ["check"]]) {
      const r = youngGenerationMiB(args, repo.dir);
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
      // Capped at start (2 MiB semi-spaces) where node can start again, else held at 1 MiB (Node 20); grown, 16 MiB each.
      expect(r.mib, args.join(" ")).toBeLessThanOrEqual(4);
    }
    repo.write("data/a.json", '{"a":2}\n');
    repo.git("add", "data/a.json");
    // Left as node sizes it: the hook (its start-up matters, it holds little) and a size the user chose.
    const hook = youngGenerationMiB(["check", "--staged"], repo.dir);
    expect(hook.mib).toBeGreaterThan(4);
    const sized = youngGenerationMiB(["verify"], repo.dir, "--max-semi-space-size=8");
    expect(sized.mib).toBeGreaterThan(4);
  });
});
