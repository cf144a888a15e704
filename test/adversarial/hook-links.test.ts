/**
 * The pre-commit hook and staged symlinks. A schema-mapped data file turned into a link to
 * another file of the repository is what its readers get through it: `ln -sf ../other/loose.json
 * data/state.json && git add data/state.json && git commit` must be judged by data/*.json's
 * schema, on the link's target AS STAGED (the index is what the commit holds). Run as users do:
 * a real `git commit` with the installed hook, and the built CLI's `check --staged`.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Git } from "../../src/io/git.js";
import { StagedSource } from "../../src/io/staged-source.js";
import type { TestRepo } from "../helpers/repo.js";
import { commit, head, hookRepo, SCHEMA_VIOLATION, VALID } from "../e2e/hook-fixture.js";

let repo: TestRepo | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  repo?.cleanup();
  repo = undefined;
});

/** Valid JSON that data/**\/*.json's schema refuses (id and count missing). */
const LOOSE = '{"unrelated": true}\n';

/** The hook repository (data/**\/*.json -> schemas/data.schema.json) plus `files`, committed. */
function setup(files: Record<string, string> = {}): TestRepo {
  const r = hookRepo();
  repo = r;
  for (const [p, c] of Object.entries(files)) r.write(p, c);
  if (Object.keys(files).length) {
    r.git("add", "--", ...Object.keys(files));
    r.git("commit", "-q", "--no-verify", "-m", "files");
  }
  return r;
}

function link(r: TestRepo, at: string, target: string): void {
  const abs = path.join(r.dir, at);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.rmSync(abs, { force: true });
  fs.symlinkSync(target, abs);
}

/** The built CLI's `check --staged --format json`: exit code and each "rule file" of the findings. */
function staged(r: TestRepo): { code: number; findings: string[]; stderr: string } {
  const run = r.cliBundle(["check", "--staged", "--format", "json"]);
  const report = JSON.parse(run.stdout || "{}") as { findings?: { rule: string; file?: string }[] };
  // One finding per missing key: the rule and file once each.
  const findings = [...new Set((report.findings ?? []).map((f) => `${f.rule} ${f.file ?? ""}`))].sort();
  return { code: run.code, findings, stderr: run.stderr };
}

/** A real `git commit` through the installed hook: whether it passed, and whether HEAD moved. */
function gitCommit(r: TestRepo): { passed: boolean; out: string } {
  const before = head(r);
  const c = commit(r);
  expect(c.status === 0, c.out).toBe(head(r) !== before);
  return { passed: c.status === 0, out: c.out };
}

describe("a staged symlink to a staged file is checked as that file under the link's name", () => {
  it("blocks the bypass: data/state.json linked to an unmapped file that breaks the schema", () => {
    const r = setup({ "other/loose.json": LOOSE });
    link(r, "data/state.json", "../other/loose.json");
    r.git("add", "data/state.json");
    expect(staged(r)).toMatchObject({ code: 1, findings: ["schema/violation data/state.json"] });
    const c = gitCommit(r);
    expect(c.passed).toBe(false);
    expect(c.out).toContain("data/state.json");
  });

  it("lets a link to a valid file through", () => {
    const r = setup({ "other/good.json": VALID });
    link(r, "data/state.json", "../other/good.json");
    r.git("add", "data/state.json");
    expect(staged(r)).toMatchObject({ code: 0, findings: [] });
    expect(gitCommit(r).passed).toBe(true);
  });

  it("reads the target as staged, not as the working tree holds it", () => {
    const r = setup({ "other/t.json": VALID });
    link(r, "data/state.json", "../other/t.json");
    // Staged: the broken content; working tree: valid again (not staged).
    r.write("other/t.json", SCHEMA_VIOLATION);
    r.git("add", "data/state.json", "other/t.json");
    r.write("other/t.json", VALID);
    expect(staged(r)).toMatchObject({ code: 1, findings: ["schema/violation data/state.json"] });
    expect(gitCommit(r).passed).toBe(false);
    // The other way round: staged valid, working tree broken: the commit holds valid data.
    r.write("other/t.json", VALID);
    r.git("add", "other/t.json");
    r.write("other/t.json", SCHEMA_VIOLATION);
    expect(staged(r)).toMatchObject({ code: 0, findings: [] });
  });

  it("follows a chain of staged links, and a link through a linked folder", () => {
    const r = setup({ "other/loose.json": LOOSE });
    link(r, "other/hop.json", "loose.json");
    link(r, "lnk", "other");
    link(r, "data/state.json", "../other/hop.json");
    link(r, "data/b.json", "../lnk/loose.json");
    r.git("add", "other/hop.json", "lnk", "data/state.json", "data/b.json");
    expect(staged(r)).toMatchObject({ code: 1, findings: ["schema/violation data/b.json", "schema/violation data/state.json"] });
  });

  it("resolves `..` after a link from the link's target, as the kernel does (not lexically)", () => {
    // lnk -> deep/inner, so lnk/.. is deep/: readers of data/state.json get deep/loose.json.
    const r = setup({ "loose.json": VALID, "deep/loose.json": LOOSE, "deep/inner/keep.txt": "x\n" });
    link(r, "lnk", "deep/inner");
    link(r, "data/state.json", "../lnk/../loose.json");
    r.git("add", "lnk", "data/state.json");
    expect(fs.readFileSync(path.join(r.dir, "data/state.json"), "utf8")).toBe(LOOSE);
    expect(staged(r)).toMatchObject({ code: 1, findings: ["schema/violation data/state.json"] });
  });
});

describe("staged symlinks that lead nowhere to check", () => {
  for (const [what, target, extra] of [
    ["absolute, out of the repository", "/nonexistent-ig-hooklinks/state.json", {}],
    ["relative, `..` beyond the root", "../../outside.json", {}],
    ["through another staged link that leaves", "../other/hop.json", { "other/hop.json": "/nonexistent-ig-hooklinks/x.json" }],
    ["into .git/", "../.git/config", {}],
  ] as const) {
    it(`refuses a link ${what}`, () => {
      const r = setup();
      for (const [at, t] of Object.entries(extra)) link(r, at, t);
      link(r, "data/state.json", target);
      r.git("add", "data/state.json", ...Object.keys(extra));
      // A staged link on the way that leaves is reported by its own name too.
      const own = Object.keys(extra).map((p) => `path/symlink-outside ${p}`);
      expect(staged(r)).toMatchObject({ code: 1, findings: ["path/symlink-outside data/state.json", ...own].sort() });
      expect(gitCommit(r).passed).toBe(false);
    });
  }

  it("skips a dangling link, like a deleted file (and as the working-tree check does)", () => {
    const r = setup();
    link(r, "data/state.json", "../other/missing.json");
    r.git("add", "data/state.json");
    expect(staged(r)).toMatchObject({ code: 0, findings: [] });
    expect(r.cliBundle(["check"]).code).toBe(0);
    expect(gitCommit(r).passed).toBe(true);
  });

  it("reports a loop of staged links at names the selection checks (no reader can open them); the working-tree check reports the mapped one", () => {
    // Session 26: the commit introduces names no reader can open (links21-hook-loops.test.ts).
    const r = setup();
    link(r, "data/state.json", "../other/x.json");
    link(r, "other/x.json", "../data/state.json");
    r.git("add", "data/state.json", "other/x.json");
    expect(staged(r)).toMatchObject({ code: 1, findings: ["parse/unreadable data/state.json", "parse/unreadable other/x.json"] });
    const run = r.cliBundle(["check", "--format", "json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).findings.map((f: { file: string }) => f.file)).toEqual(["data/state.json"]);
  });

  it("skips a link whose target exists only in the working tree (not staged)", () => {
    const r = setup();
    r.write("other/unstaged.json", LOOSE);
    link(r, "data/state.json", "../other/unstaged.json");
    r.git("add", "data/state.json");
    expect(staged(r)).toMatchObject({ code: 0, findings: [] });
  });
});

describe("a staged link to a folder", () => {
  it("checks the folder's staged files under the link's name", () => {
    const r = setup({ "other/loose.json": LOOSE, "other/good.json": VALID });
    link(r, "data/linked", "../other");
    r.git("add", "data/linked");
    expect(staged(r)).toMatchObject({ code: 1, findings: ["schema/violation data/linked/loose.json"] });
    expect(gitCommit(r).passed).toBe(false);
  });

  it("lets a link to a folder of valid files through", () => {
    const r = setup({ "other/good.json": VALID });
    link(r, "data/linked", "../other");
    r.git("add", "data/linked");
    expect(staged(r)).toMatchObject({ code: 0, findings: [] });
  });
});

describe("the hook's cost", () => {
  it("runs no git process for links when none is staged, and does when one is", async () => {
    const r = setup({ "other/loose.json": LOOSE });
    let calls = 0;
    const exec = Git.prototype.exec;
    vi.spyOn(Git.prototype, "exec").mockImplementation(function (this: Git, ...args) {
      calls++;
      return exec.apply(this, args);
    });
    /** Git processes started inside the staged-link steps of one hook run. */
    const linkCalls: number[] = [];
    for (const name of ["followLinks", "withLinkedFolders"] as const) {
      const original = StagedSource.prototype[name] as (...a: unknown[]) => Promise<unknown>;
      vi.spyOn(StagedSource.prototype, name).mockImplementation(async function (this: StagedSource, ...args: unknown[]) {
        const before = calls;
        try {
          return await original.apply(this, args);
        } finally {
          linkCalls.push(calls - before);
        }
      } as never);
    }
    // HEAD's links (head-links.ts) are listed once per repository, then read from the cache.
    r.write("data/c.json", VALID);
    r.git("add", "data/c.json");
    expect((await r.cli(["check", "--staged"])).code).toBe(0);
    linkCalls.length = 0;
    r.write("data/b.json", VALID);
    r.git("add", "data/b.json");
    expect((await r.cli(["check", "--staged"])).code).toBe(0);
    expect(linkCalls.length).toBeGreaterThan(0);
    expect(linkCalls.every((n) => n === 0)).toBe(true);
    linkCalls.length = 0;
    link(r, "data/state.json", "../other/loose.json");
    r.git("add", "data/state.json");
    expect((await r.cli(["check", "--staged"])).code).toBe(1);
    expect(linkCalls.some((n) => n > 0)).toBe(true);
  });
});

describe("a staged symlink named on the command line (lint-staged names every staged file)", () => {
  function named(r: TestRepo, file: string): { code: number; rules: string[]; stderr: string } {
    const run = r.cliBundle(["check", "--staged", "--format", "json", file]);
    const report = JSON.parse(run.stdout || "{}") as { findings?: { rule: string; file?: string }[] };
    return {
      code: run.code,
      rules: [...new Set((report.findings ?? []).map((f) => `${f.rule} ${f.file ?? ""}`))].sort(),
      stderr: run.stderr,
    };
  }

  it("is checked as its staged target, not refused as missing from the index", () => {
    const r = setup({ "other/good.json": VALID, "other/loose.json": LOOSE });
    link(r, "data/state.json", "../other/good.json");
    r.git("add", "data/state.json");
    expect(named(r, "data/state.json")).toMatchObject({ code: 0, rules: [] });
    link(r, "data/state.json", "../other/loose.json");
    r.git("add", "data/state.json");
    expect(named(r, "data/state.json")).toMatchObject({ code: 1, rules: ["schema/violation data/state.json"] });
  });

  it("a path that is neither staged nor a link is still refused", () => {
    const r = setup();
    const run = r.cliBundle(["check", "--staged", "data/nowhere.json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("is not in the git index");
  });
});
