/**
 * Paths on the command line, like every linter (issue 13, item 6; DESIGN.md "Paths on the
 * command line are relative to the current directory"): every path form of validate, check,
 * verify and conflicts from the repository root and from a subfolder, the errors (missing path,
 * path selecting nothing, path outside the repository: all exit 2), global options before or
 * after the verb, validate outside a git repository, and a report redirected into the repository.
 * The CLI runs in-process from the sources (as in validate-cli.test.ts), started in the folder
 * a test names; the redirect test spawns it, because only a real process has a stdout file.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/action/context.js";
import { readInputs } from "../../src/action/inputs.js";
import { main } from "../../src/cli.js";
import { verbs } from "../../src/commands/index.js";
import { loadConfig } from "../../src/config/load.js";
import { Git } from "../../src/io/git.js";
import { GIT_ENV, PROJECT_ROOT, withRepo, type CliRun, type TestRepo } from "../helpers/repo.js";

/** Run the CLI in-process as if started in `cwd`. */
async function cliIn(cwd: string, args: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    cwd,
    env: { ...process.env, ...GIT_ENV },
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    stdoutIsTTY: false,
    stderrIsTTY: false,
  });
  return { code, stdout, stderr };
}

interface Report {
  findings: { rule: string; file?: string }[];
  summary: { checked?: number };
}

/** The files with findings, in a --format json run from `cwd`. */
async function filesIn(cwd: string, args: string[]): Promise<{ code: number; files: string[]; checked?: number; stderr: string }> {
  const r = await cliIn(cwd, [...args, "--format", "json"]);
  const report = JSON.parse(r.stdout || '{"findings":[],"summary":{}}') as Report;
  const files = [...new Set(report.findings.map((f) => f.file ?? ""))].sort();
  return { code: r.code, files, ...(report.summary.checked !== undefined ? { checked: report.summary.checked } : {}), stderr: r.stderr };
}

/**
 * A repository with one broken file in each place, so that which files a path selected shows
 * in the findings: config/bad.json, config/sub/bad.yaml, data/bad.json; config/ok.json is fine;
 * docs/ holds no JSON/YAML at all.
 */
function layout(repo: TestRepo): { root: string; sub: string } {
  repo.write("config/ok.json", '{"a": 1}\n');
  repo.write("config/bad.json", '{"a": 1,}\n');
  repo.write("config/sub/bad.yaml", "a: 1\na: 2\n");
  repo.write("data/bad.json", "{bad\n");
  repo.write("docs/README.md", "# docs\n");
  return { root: repo.dir, sub: path.join(repo.dir, "config") };
}

const CONFIG_BAD = ["config/bad.json", "config/sub/bad.yaml"];
const ALL_BAD = ["config/bad.json", "config/sub/bad.yaml", "data/bad.json"];

describe("paths are relative to the current directory", () => {
  it("from the repository root: file, folder, folder/, ./folder, ., absolute, glob", () =>
    withRepo(async (repo) => {
      const { root } = layout(repo);
      const cases: [string[], string[]][] = [
        [["config/bad.json"], ["config/bad.json"]],
        [["config"], CONFIG_BAD],
        [["config/"], CONFIG_BAD],
        [["./config"], CONFIG_BAD],
        [["."], ALL_BAD],
        [["./"], ALL_BAD],
        [[path.join(root, "config")], CONFIG_BAD],
        [[path.join(root, "data/bad.json")], ["data/bad.json"]],
        [[root], ALL_BAD],
        [["config/**/*.yaml"], ["config/sub/bad.yaml"]],
        [["**/bad.json"], ["config/bad.json", "data/bad.json"]],
        [
          ["config/sub", "data/bad.json"],
          ["config/sub/bad.yaml", "data/bad.json"],
        ],
      ];
      for (const [args, expected] of cases) {
        const r = await filesIn(root, ["validate", ...args]);
        expect({ args, code: r.code, files: r.files, stderr: r.stderr }).toEqual({ args, code: 1, files: expected, stderr: "" });
      }
      // A clean file named alone: exit 0, and it was checked (not skipped).
      const ok = await filesIn(root, ["validate", "config/ok.json"]);
      expect([ok.code, ok.files, ok.checked]).toEqual([0, [], 1]);
    }));

  it("from a subfolder: file, folder, folder/, ./folder, ., .., absolute, glob; reports stay repo-relative", () =>
    withRepo(async (repo) => {
      const { root, sub } = layout(repo);
      const cases: [string[], string[]][] = [
        [["bad.json"], ["config/bad.json"]],
        [["sub"], ["config/sub/bad.yaml"]],
        [["sub/"], ["config/sub/bad.yaml"]],
        [["./sub"], ["config/sub/bad.yaml"]],
        [["."], CONFIG_BAD],
        [[".."], ALL_BAD],
        [["../data"], ["data/bad.json"]],
        [["../data/bad.json"], ["data/bad.json"]],
        [[path.join(root, "data")], ["data/bad.json"]],
        [["**/*.yaml"], ["config/sub/bad.yaml"]],
        [["../*/bad.json"], ["config/bad.json", "data/bad.json"]],
      ];
      for (const [args, expected] of cases) {
        const r = await filesIn(sub, ["validate", ...args]);
        expect({ args, code: r.code, files: r.files, stderr: r.stderr }).toEqual({ args, code: 1, files: expected, stderr: "" });
      }
      // Text output names files repo-relative too (the same name as in JSON, SARIF and annotations).
      const text = await cliIn(sub, ["validate", "bad.json"]);
      expect(text.stdout).toContain("config/bad.json:1:");
    }));

  it("check, verify and conflicts take the same paths, from the root and from a subfolder", () =>
    withRepo(async (repo) => {
      const { root, sub } = layout(repo);
      repo.write(
        ".integrity-guard/config.yml",
        'version: 1\nmanifest:\n  include: ["config/**"]\nconfig:\n  files: ["config/*.json", "config/sub/*.yaml"]\n',
      );
      repo.write("config/bad.json", '{"a": 2}\n'); // parses now: a conflict with config/ok.json instead
      repo.write("config/sub/bad.yaml", "b: 1\n");
      repo.write("config/sub/other.yaml", "b: 2\n");
      expect((await cliIn(root, ["seal"])).code).toBe(0);
      repo.write("config/sub/other.yaml", "b: 3\n"); // drift after sealing

      // check: the per-file checks look only at the named paths (data/bad.json is not named).
      const check = await filesIn(sub, ["check", "sub"]);
      expect(check.code).toBe(1);
      expect(check.files).toContain("config/sub/other.yaml"); // manifest/modified
      expect(check.files).not.toContain("data/bad.json");
      // The manifest check is narrowed too; conflicts compare the whole configuration set (documented).
      const checkData = await cliIn(sub, ["check", "../data", "--format", "json"]);
      const ruled = (JSON.parse(checkData.stdout) as Report).findings.map((f) => `${f.rule} ${f.file ?? ""}`);
      expect(ruled).toContain("parse/syntax data/bad.json");
      expect(ruled.filter((r) => r.startsWith("manifest/"))).toEqual([]);

      // verify: only the named part of the manifest.
      for (const [cwd, args] of [
        [sub, ["verify", "sub"]],
        [sub, ["verify", "."]],
        [sub, ["verify", "sub/other.yaml"]],
        [root, ["verify", "config/sub/"]],
        [root, ["verify", "config/**/*.yaml"]],
        [root, ["verify", path.join(root, "config")]],
      ] as const) {
        const r = await filesIn(cwd, [...args]);
        expect({ args, code: r.code, files: r.files }).toEqual({ args, code: 1, files: ["config/sub/other.yaml"] });
      }
      const clean = await filesIn(sub, ["verify", "bad.json"]);
      expect([clean.code, clean.files]).toEqual([0, []]);
      // A sealed file that is gone is still a path verify knows: reported missing, not "does not exist".
      fs.rmSync(path.join(root, "config/ok.json"));
      const gone = await cliIn(sub, ["verify", "ok.json", "--format", "json"]);
      expect(gone.code).toBe(1);
      expect(JSON.parse(gone.stdout)).toMatchObject({ findings: [{ rule: "manifest/missing", file: "config/ok.json" }] });
      repo.write("config/ok.json", '{"a": 1}\n');

      // conflicts: the findings that involve the named files.
      const conflictsSub = await cliIn(sub, ["conflicts", "sub", "--format", "json"]);
      const found = JSON.parse(conflictsSub.stdout) as { findings: { rule: string; key?: string }[] };
      expect(conflictsSub.code).toBe(1);
      expect(found.findings.map((f) => [f.rule, f.key])).toEqual([["config/conflict", "b"]]);
      const conflictsOk = await cliIn(sub, ["conflicts", "ok.json", "--format", "json"]);
      expect((JSON.parse(conflictsOk.stdout) as typeof found).findings.map((f) => [f.rule, f.key])).toEqual([["config/conflict", "a"]]);
      const notInSet = await cliIn(sub, ["conflicts", "../data/bad.json"]);
      expect(notInSet.code).toBe(2);
      expect(notInSet.stderr).toContain('"../data/bad.json" is not a file of the configuration set');
    }));
});

describe("check --staged (the hook) is unchanged", () => {
  it("checks the staged changes of the whole repository from any folder; file lists from tools never block on files no check reads", () =>
    withRepo(async (repo) => {
      const { root, sub } = layout(repo);
      repo.commitAll();
      repo.write("data/bad.json", "{still bad\n");
      repo.write("docs/README.md", "# changed\n");
      repo.git("add", "data/bad.json", "docs/README.md");
      for (const cwd of [root, sub]) {
        const r = await filesIn(cwd, ["check", "--staged"]);
        expect([r.code, r.files]).toEqual([1, ["data/bad.json"]]);
      }
      // lint-staged passes absolute paths of every staged file it matched, README.md included.
      const listed = await filesIn(sub, ["check", "--staged", path.join(root, "docs/README.md"), path.join(root, "data/bad.json")]);
      expect([listed.code, listed.files]).toEqual([1, ["data/bad.json"]]);
      const readmeOnly = await cliIn(root, ["check", "--staged", "docs/README.md"]);
      expect([readmeOnly.code, readmeOnly.stderr]).toEqual([0, ""]);
      // A name git does not have staged is still an error, never a green run.
      const typo = await cliIn(root, ["check", "--staged", "data/bda.json"]);
      expect(typo.code).toBe(2);
      expect(typo.stderr).toContain("data/bda.json is not in the git index");
    }));
});

describe("the Action's pull-request files are a file list", () => {
  it("a changed README.md among them is left out, never exit 2; the JSON beside it is checked", () =>
    withRepo(async (repo) => {
      const { root } = layout(repo);
      const spec = await verbs.check!.load();
      const git = await Git.open(root);
      const ctx = buildContext({
        inputs: readInputs(() => ""),
        spec,
        git,
        loaded: await loadConfig(root),
        env: {},
        log: () => undefined,
        prPaths: ["docs/README.md", "data/bad.json"],
      });
      const result = await spec.run(ctx);
      expect(result.exitCode).toBeUndefined();
      expect([...new Set(result.findings.map((f) => f.file))]).toEqual(["data/bad.json"]);
    }));
});

describe("a path that does not exist, selects nothing or leaves the repository is exit 2", () => {
  it("a missing path names the path, the current directory and, from a subfolder, the likely fix", () =>
    withRepo(async (repo) => {
      const { root, sub } = layout(repo);
      for (const verb of ["validate", "check", "verify", "conflicts"]) {
        const r = await cliIn(root, [verb, "config/nope.json"]);
        expect({ verb, code: r.code, stdout: r.stdout }).toEqual({ verb, code: 2, stdout: "" });
        expect(r.stderr).toContain("config/nope.json does not exist");
      }
      // A hostile name cannot forge a line of the message: control characters are shown escaped.
      const forged = await cliIn(root, ["validate", "x.json\nintegrity-guard: all good"]);
      expect(forged.code).toBe(2);
      expect(forged.stderr).toContain('"x.json\\nintegrity-guard: all good" does not exist');
      expect(forged.stderr.split("\n").filter((l) => l.startsWith("integrity-guard: all good"))).toEqual([]);
      const folder = await cliIn(root, ["validate", "nope/"]);
      expect(folder.code).toBe(2);
      expect(folder.stderr).toContain("nope/ does not exist");
      // Named from the root while standing in config/: the message says what the path is from here.
      const fromSub = await cliIn(sub, ["validate", "data/bad.json"]);
      expect(fromSub.code).toBe(2);
      expect(fromSub.stderr).toContain(`paths are relative to the current directory ${sub}`);
      expect(fromSub.stderr).toContain('from the current directory that file is "../data/bad.json"');
      // A tracked folder deleted from the working tree: gone, not a run that checks nothing.
      repo.commitAll();
      fs.rmSync(path.join(root, "data"), { recursive: true });
      for (const arg of ["data", "data/"]) {
        const gone = await cliIn(root, ["validate", arg]);
        expect([arg, gone.code]).toEqual([arg, 2]);
        expect(gone.stderr).toContain(`${arg} does not exist`);
      }
    }));

  it("a folder or glob that selects nothing checkable, or a lone file validate does not read", () =>
    withRepo(async (repo) => {
      const { root, sub } = layout(repo);
      const cases: [string, string[], string][] = [
        [root, ["validate", "docs"], '"docs" selects no JSON/YAML file that validate checks'],
        [root, ["validate", "docs/"], '"docs/" selects no JSON/YAML file that validate checks'],
        [root, ["validate", "docs/README.md"], '"docs/README.md" selects no JSON/YAML file that validate checks'],
        [root, ["validate", "config/*.toml"], 'no JSON/YAML file that validate checks matches "config/*.toml"'],
        [sub, ["validate", "../docs"], '"../docs" selects no JSON/YAML file that validate checks'],
        [root, ["check", "docs"], '"docs" selects no file that check checks'],
        [root, ["verify", "config"], '"config" selects no file that the manifest covers or has sealed'],
      ];
      for (const [cwd, args, message] of cases) {
        const r = await cliIn(cwd, args);
        expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: "" });
        expect(r.stderr).toContain(message);
        expect(r.stderr).toContain("fix:");
      }
      // validate.exclude is honoured for folders: an excluded folder selects nothing.
      repo.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  exclude: ["data/**"]\n');
      expect((await cliIn(root, ["validate", "data"])).code).toBe(2);
      // ... while a file named one by one is still read as today (then reported skipped by the exclude).
      const named = await filesIn(root, ["validate", "config/ok.json", "data/bad.json"]);
      expect(named.code).toBe(0);
    }));

  it("a path outside the repository, lexically or through a symlink, is exit 2", () =>
    withRepo(async (repo) => {
      const { root, sub } = layout(repo);
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), "ig-outside-"));
      try {
        fs.writeFileSync(path.join(outside, "x.json"), "{bad");
        fs.symlinkSync(outside, path.join(root, "linked"));
        const cases: [string, string[]][] = [
          [root, ["validate", "../x.json"]],
          [root, ["validate", ".."]],
          [sub, ["validate", "../.."]],
          [root, ["validate", path.join(outside, "x.json")]],
          [root, ["validate", outside]],
          [root, ["validate", "../*.json"]],
          [root, ["check", outside]],
          [root, ["verify", ".."]],
          [root, ["conflicts", ".."]],
        ];
        for (const [cwd, args] of cases) {
          const r = await cliIn(cwd, args);
          expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: "" });
          expect(r.stderr).toContain("is outside the repository");
        }
        const viaLink = await cliIn(root, ["validate", "linked/x.json"]);
        expect(viaLink.code).toBe(2);
        expect(viaLink.stderr).toContain("symlink");
        const linkedFolder = await cliIn(root, ["validate", "linked"]);
        expect(linkedFolder.code).toBe(2);
        expect(linkedFolder.stderr).toContain("symlink");
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
      }
    }));
});

describe("global options before or after the verb", () => {
  it("--format, --config and -C anywhere; -C and --config are relative to the current directory", () =>
    withRepo(async (repo) => {
      const { root, sub } = layout(repo);
      const forms: [string, string[]][] = [
        [root, ["--format", "json", "validate", "config"]],
        [root, ["validate", "--format", "json", "config"]],
        [root, ["validate", "config", "--format", "json"]],
        [root, ["-f", "json", "validate", "config"]],
        [root, ["--format=json", "validate", "config"]],
        [root, ["-C", "config", "--format", "json", "validate", "."]],
        [root, ["--format", "json", "-C", "config", "validate", "."]],
        [root, ["validate", "-C", "config", "--format", "json", "."]],
        [root, ["--cwd", sub, "--format", "json", "validate"]],
        [sub, ["--format", "json", "validate", "."]],
        [path.join(sub, "sub"), ["-C", "..", "--format", "json", "validate", "."]],
      ];
      for (const [cwd, args] of forms) {
        const r = await cliIn(cwd, args);
        expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 1, stderr: "" });
        const files = (JSON.parse(r.stdout) as Report).findings.map((f) => f.file);
        // -C config with no path validates the whole repository (as git -C does): the run is not narrowed.
        const expected = args.includes("validate") && args[args.length - 1] === "validate" ? ALL_BAD : CONFIG_BAD;
        expect([...new Set(files)].sort(), args.join(" ")).toEqual(expected);
      }
      // --config PATH is relative to the current directory (or -C), before or after the verb.
      repo.write("alt/ig.yml", 'version: 1\nvalidate:\n  exclude: ["config/sub/**"]\n');
      for (const [cwd, args] of [
        [sub, ["--config", "../alt/ig.yml", "--format", "json", "validate", "."]],
        [sub, ["validate", ".", "--config", "../alt/ig.yml", "--format", "json"]],
        [root, ["-C", "alt", "--config", "ig.yml", "--format", "json", "validate", "../config"]],
      ] as const) {
        const r = await cliIn(cwd, [...args]);
        expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 1, stderr: "" });
        expect((JSON.parse(r.stdout) as Report).findings.map((f) => f.file)).toEqual(["config/bad.json"]);
      }
      const noDir = await cliIn(root, ["-C", "nope", "validate"]);
      expect(noDir.code).toBe(2);
      expect(noDir.stderr).toContain('-C "nope": no such folder');
      const badFormat = await cliIn(root, ["--format", "yaml", "validate"]);
      expect(badFormat.code).toBe(2);
      expect(badFormat.stderr).toContain('--format "yaml" is not accepted');
    }));

  it("--help per verb teaches the path forms", () =>
    withRepo(async (repo) => {
      for (const verb of ["validate", "check", "verify", "conflicts"]) {
        for (const args of [
          [verb, "--help"],
          ["--help", verb],
          ["help", verb],
        ]) {
          const r = await cliIn(repo.dir, args);
          expect(r.code, args.join(" ")).toBe(0);
          expect(r.stdout, args.join(" ")).toContain("relative to the current directory");
          expect(r.stdout, args.join(" ")).toMatch(/quote/i);
        }
      }
    }));
});

describe("validate outside a git repository", () => {
  it("validates named files and folders; the config is found upward; no path, or another verb, is exit 2", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ig-nogit-"));
    try {
      expect(spawnSync("git", ["rev-parse", "--show-toplevel"], { cwd: dir }).status).not.toBe(0); // precondition
      fs.mkdirSync(path.join(dir, "conf/deep"), { recursive: true });
      fs.writeFileSync(path.join(dir, "conf/dup.json"), '{"a": 1, "a": 2}');
      fs.writeFileSync(path.join(dir, "conf/deep/ok.yaml"), "a: 1\n");
      fs.writeFileSync(path.join(dir, "conf/deep/bad.yml"), "a: [1\n");
      const conf = path.join(dir, "conf");
      const byArgs: [string, string[], number, string[]][] = [
        [dir, ["validate", "conf/dup.json"], 1, ["conf/dup.json"]],
        [dir, ["validate", "conf/deep/ok.yaml"], 0, []],
        [dir, ["validate", "conf"], 1, ["conf/deep/bad.yml", "conf/dup.json"]],
        [dir, ["validate", "."], 1, ["conf/deep/bad.yml", "conf/dup.json"]],
        [dir, ["validate", "conf/**/*.yml"], 1, ["conf/deep/bad.yml"]],
        [conf, ["validate", "deep"], 1, ["deep/bad.yml"]],
        [conf, ["validate", path.join(conf, "dup.json")], 1, ["dup.json"]],
      ];
      for (const [cwd, args, code, files] of byArgs) {
        const r = await filesIn(cwd, args);
        expect({ args, code: r.code, files: r.files, stderr: r.stderr }).toEqual({ args, code, files, stderr: "" });
      }
      // A config above the current directory applies, and names files relative to its folder.
      fs.mkdirSync(path.join(dir, ".integrity-guard"));
      fs.writeFileSync(path.join(dir, ".integrity-guard/config.yml"), 'version: 1\nvalidate:\n  exclude: ["conf/deep/**"]\n');
      const withConfig = await filesIn(conf, ["validate", "."]);
      expect([withConfig.code, withConfig.files]).toEqual([1, ["conf/dup.json"]]);

      const none = await cliIn(dir, ["validate"]);
      expect(none.code).toBe(2);
      expect(none.stderr).toContain("is not inside a git work tree, and validate was given no file or folder to check");
      expect(none.stderr).toContain("integrity-guard validate config/ data.json");
      const missing = await cliIn(dir, ["validate", "conf/nope.json"]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("conf/nope.json does not exist");
      const outside = await cliIn(conf, ["validate", "../.."]);
      expect(outside.code).toBe(2);
      expect(outside.stderr).toContain("is outside the folder");
      for (const args of [["check", "conf"], ["validate", "--staged", "conf"], ["verify"]]) {
        const r = await cliIn(dir, args);
        expect(r.code, args.join(" ")).toBe(2);
        expect(r.stderr, args.join(" ")).toContain("is not inside a git work tree");
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a report redirected into the repository", () => {
  /** Run the CLI from the sources as a real process, stdout written to `out` (what the shell does for `> out`). */
  function runTo(cwd: string, args: string[], out: string, flags: "w" | "a" = "w"): { code: number; stderr: string; report: string } {
    const fd = fs.openSync(out, flags);
    try {
      const r = spawnSync(
        process.execPath,
        [path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(PROJECT_ROOT, "src/main.ts"), ...args],
        {
          cwd,
          env: { ...process.env, ...GIT_ENV },
          stdio: ["ignore", fd, "pipe"],
          encoding: "utf8",
        },
      );
      return { code: r.status ?? -1, stderr: r.stderr, report: fs.readFileSync(out, "utf8") };
    } finally {
      fs.closeSync(fd);
    }
  }

  it("is not reported as a broken file of the repository; the other files still are", () =>
    withRepo((repo) => {
      repo.write("config/ok.json", '{"a": 1}\n');
      const clean = runTo(repo.dir, ["check", "--format", "json"], path.join(repo.dir, "report.json"));
      expect(clean.stderr).toContain("report.json was not reported: it is this run's own output");
      expect(clean.code).toBe(0);
      expect(JSON.parse(clean.report)).toMatchObject({ version: 1, findings: [] });

      // From a subfolder, into that subfolder, with a real finding elsewhere: only the real one.
      repo.write("data/bad.json", "{bad\n");
      const sub = path.join(repo.dir, "config");
      const bad = runTo(sub, ["validate", "..", "--format", "json"], path.join(sub, "out.json"));
      expect(bad.code).toBe(1);
      expect((JSON.parse(bad.report) as Report).findings.map((f) => f.file)).toEqual(["data/bad.json"]);
      expect(bad.stderr).toContain("config/out.json was not reported");
    }));
});
