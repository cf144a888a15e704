/**
 * `check` and `check --staged` (the pre-commit hook) in real repositories: the index is what is
 * checked, GIT_INDEX_FILE is honoured, a check that cannot run does not hide the others.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runChecks } from "../../src/checks/run-checks.js";
import type { CheckContext } from "../../src/checks/types.js";
import { Git } from "../../src/io/git.js";
import { StagedSource } from "../../src/io/staged-source.js";
import { withRepo, type TestRepo } from "../helpers/repo.js";

const SCHEMA = JSON.stringify({ type: "object", required: ["id"], properties: { id: { type: "integer" } } });

function setup(repo: TestRepo) {
  repo.write(
    ".integrity-guard/config.yml",
    'version: 1\nvalidate:\n  schemas:\n    - files: ["data/*.json"]\n      schema: schemas/item.schema.json\n',
  );
  repo.write("schemas/item.schema.json", SCHEMA);
  repo.write("data/a.json", '{"id": 1}\n');
  repo.commitAll("base");
}

async function report(repo: TestRepo, args: string[], env?: NodeJS.ProcessEnv) {
  const r = await repo.cli([...args, "--format", "json"], env);
  return {
    code: r.code,
    stderr: r.stderr,
    ...(JSON.parse(r.stdout || "{}") as {
      findings: { rule: string; file?: string; line?: number; message: string }[];
      summary: Record<string, unknown>;
    }),
  };
}

describe("check --staged reads the index, not the working tree", () => {
  it("staged corrupt + fixed only in the working tree still fails; staged valid + broken afterwards passes", () =>
    withRepo(async (repo) => {
      setup(repo);
      repo.write("data/b.json", '{"id": 1,}\n');
      repo.git("add", "data/b.json");
      repo.write("data/b.json", '{"id": 2}\n');
      const staged = await report(repo, ["check", "--staged"]);
      expect(staged.code).toBe(1);
      expect(staged.findings).toMatchObject([{ rule: "parse/syntax", file: "data/b.json", line: 1 }]);
      expect((await repo.cli(["check"])).code).toBe(0);

      repo.git("add", "data/b.json");
      repo.write("data/b.json", '{"id": "broken later"}\n');
      const ok = await report(repo, ["check", "--staged"]);
      expect(ok.code).toBe(0);
      expect(ok.summary).toMatchObject({ source: "index", restrictedTo: 1, checked: 1 });
      expect((await repo.cli(["check"])).code).toBe(1);
    }));

  it("only staged changes are checked: a broken committed file that is not staged does not block", () =>
    withRepo(async (repo) => {
      setup(repo);
      repo.write("data/old.json", "{broken");
      repo.commitAll("broken, committed with --no-verify");
      repo.write("data/new.json", '{"id": "x"}');
      repo.git("add", "data/new.json");
      const r = await report(repo, ["check", "--staged"]);
      expect(r.findings.map((f) => f.file)).toEqual(["data/new.json"]);
      // The staged schema is used (the working-tree schema is not what will be committed).
      repo.write("schemas/item.schema.json", JSON.stringify({ type: "object", properties: { id: { type: "string" } } }));
      expect((await report(repo, ["check", "--staged"])).code).toBe(1);
      repo.git("add", "schemas/item.schema.json");
      expect((await report(repo, ["check", "--staged"])).code).toBe(0);
    }));

  it("honours GIT_INDEX_FILE (git commit -a / git commit <path> set it)", () =>
    withRepo(async (repo) => {
      setup(repo);
      const tmpIndex = path.join(repo.dir, ".git/index.tmp-test");
      fs.copyFileSync(path.join(repo.dir, ".git/index"), tmpIndex);
      repo.write("data/a.json", '{"id": "not an integer"}\n');
      // Stage the bad version into the temporary index only.
      const { execFileSync } = await import("node:child_process");
      execFileSync("git", ["add", "data/a.json"], { cwd: repo.dir, env: { ...process.env, GIT_INDEX_FILE: tmpIndex } });
      expect((await repo.cli(["check", "--staged"])).code).toBe(0); // the real index is clean
      const saved = process.env.GIT_INDEX_FILE;
      process.env.GIT_INDEX_FILE = tmpIndex; // git inherits our environment, as in a real hook
      try {
        const r = await report(repo, ["check", "--staged"]);
        expect(r.code).toBe(1);
        expect(r.findings).toMatchObject([{ rule: "schema/violation", file: "data/a.json" }]);
      } finally {
        if (saved === undefined) delete process.env.GIT_INDEX_FILE;
        else process.env.GIT_INDEX_FILE = saved;
      }
    }));

  it("works on an unborn branch (first commit) and names unresolved merge conflicts", () =>
    withRepo(async (repo) => {
      repo.write("a.json", "[1,]");
      repo.git("add", "a.json");
      const first = await report(repo, ["check", "--staged"]);
      expect(first.code).toBe(1);
      expect(first.findings[0]).toMatchObject({ rule: "parse/syntax", file: "a.json" });

      repo.write("a.json", '{"v": 0}\n');
      repo.commitAll("base");
      repo.git("checkout", "-q", "-b", "other");
      repo.write("a.json", '{"v": 1}\n');
      repo.commitAll("other");
      repo.git("checkout", "-q", "main");
      repo.write("a.json", '{"v": 2}\n');
      repo.commitAll("main");
      expect(repo.tryGit("merge", "-q", "other").status).not.toBe(0);
      const r = await report(repo, ["check", "--staged"]);
      expect(r.code).toBe(1);
      expect(r.findings).toMatchObject([{ rule: "parse/merge-conflict", file: "a.json" }]);
    }));

  it("--files and positionals restrict the run; summary.checks has per-check findings and ms", () =>
    withRepo(async (repo) => {
      setup(repo);
      repo.write("data/x.json", "{x");
      repo.write("data/y.json", "{y");
      const r = await report(repo, ["check", "--files", "data/x.json"]);
      expect(r.findings.map((f) => f.file)).toEqual(["data/x.json"]);
      const checks = r.summary.checks as Record<string, { findings: number; ms: number }>;
      expect(Object.keys(checks)).toEqual(["validate", "manifest", "conflicts", "sync"]);
      expect(checks.validate).toMatchObject({ findings: 1 });
      // Not configured: not even loaded (the hook stays near node's start-up time).
      expect(checks.manifest).toMatchObject({ findings: 0, skipped: true });
      expect(checks.sync).toMatchObject({ skipped: true });
      for (const c of Object.values(checks)) expect(typeof c.ms).toBe("number");
      expect((await report(repo, ["check", "data/y.json", "data/x.json"])).findings).toHaveLength(2);
      const typo = await repo.cli(["check", "--files", "data/typo.json"]);
      expect(typo.code).toBe(2);
      expect(typo.stderr).toContain("data/typo.json does not exist");
      expect((await repo.cli(["check", "--files", "../x.json"])).code).toBe(2);
    }));

  it("a schema that does not compile: exit 2, reported as check/failed, other findings still shown", () =>
    withRepo(async (repo) => {
      setup(repo);
      repo.write("schemas/item.schema.json", '{"type": 12}');
      repo.write("data/a.json", '{"id": 2}');
      const r = await report(repo, ["check"]);
      expect(r.code).toBe(2);
      expect(r.findings).toMatchObject([{ rule: "check/failed", message: expect.stringContaining("does not compile") }]);
    }));
});

describe("check --staged and validate.max_file_size", () => {
  afterEach(() => vi.restoreAllMocks());

  for (const args of [
    ["check", "--staged"],
    ["validate", "--staged"],
  ]) {
    it(`${args.join(" ")}: a staged blob over the limit is parse/too-large by its size from git, and never read`, () =>
      withRepo(async (repo) => {
        repo.write(".integrity-guard/config.yml", "version: 1\nvalidate:\n  max_file_size: 1KiB\n");
        repo.write("data/a.json", "{}\n");
        repo.commitAll("base");
        repo.write("data/big.json", JSON.stringify({ pad: "x".repeat(4096) }));
        repo.write("data/small.json", '{"a": 1,}');
        repo.git("add", "data");
        const bigOid = repo.git("rev-parse", ":data/big.json").trim();
        const asked: string[] = [];
        const { readBlobs, catFileBatch, spawnStreaming } = Git.prototype;
        // `cat-file --batch-command`: the objects whose contents are asked for.
        vi.spyOn(Git.prototype, "spawnStreaming").mockImplementation(function (this: Git, argv) {
          const child = spawnStreaming.call(this, argv);
          const record = (text: unknown) => {
            if (typeof text === "string") for (const m of text.matchAll(/^contents (.*)$/gm)) asked.push(m[1]!);
          };
          const write = child.stdin.write.bind(child.stdin) as (...a: unknown[]) => boolean;
          const end = child.stdin.end.bind(child.stdin) as (...a: unknown[]) => typeof child.stdin;
          child.stdin.write = ((...a: unknown[]) => (record(a[0]), write(...a))) as typeof child.stdin.write;
          child.stdin.end = ((...a: unknown[]) => (record(a[0]), end(...a))) as typeof child.stdin.end;
          return child;
        });
        vi.spyOn(Git.prototype, "readBlobs").mockImplementation(function (this: Git, oids) {
          asked.push(...oids);
          return readBlobs.call(this, oids);
        });
        vi.spyOn(Git.prototype, "catFileBatch").mockImplementation(function (this: Git, names) {
          asked.push(...names);
          return catFileBatch.call(this, names);
        });
        const r = await report(repo, args);
        expect(r.findings).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              rule: "parse/too-large",
              file: "data/big.json",
              message: expect.stringContaining("validate.max_file_size"),
            }),
            expect.objectContaining({ rule: "parse/syntax", file: "data/small.json" }),
          ]),
        );
        expect(asked.length).toBeGreaterThan(0); // the small file was read
        expect(asked).not.toContain(bigOid);
        expect(asked).not.toContain(":data/big.json");
      }));
  }
});

describe("runChecks", () => {
  it("a crashing check becomes check/crashed (exit 2) and does not hide the others' findings", () =>
    withRepo(async (repo) => {
      setup(repo);
      const git = await Git.open(repo.dir);
      const ctx: CheckContext = {
        root: repo.dir,
        git,
        config: { version: 1 },
        configPath: "c",
        source: new StagedSource(git),
        log: () => {},
        interactive: false,
      };
      const result = await runChecks(ctx, [
        { name: "first", load: async () => ({ name: "first", run: async () => [{ rule: "x/one", level: "warning", message: "one" }] }) },
        {
          name: "boom",
          load: async () => ({
            name: "boom",
            run: async () => {
              throw new TypeError("cannot read properties of undefined");
            },
          }),
        },
        { name: "last", load: async () => ({ name: "last", run: async () => [{ rule: "x/two", level: "error", message: "two" }] }) },
      ]);
      expect(result.exitCode).toBe(2);
      expect(result.findings.map((f) => f.rule)).toEqual(["x/one", "check/crashed", "x/two"]);
      expect(result.findings[1]!.message).toContain("the boom check crashed: cannot read properties of undefined");
      expect(result.checks.boom).toMatchObject({ findings: 1, failed: true });
    }));
});
