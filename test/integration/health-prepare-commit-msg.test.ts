/**
 * `init` installs a prepare-commit-msg hook since session 17 (the step `git rebase --continue`
 * commits with `-n`). `health` listed only pre-commit and pre-merge-commit, so a clone where
 * that hook was lost, or never installed (every install made before session 17), said nothing.
 * It is listed now: running after `init`; "not installed, run init --hook-only" (a notice, not
 * "stopped") where it was never installed; stopped when our copy is there but git skips it.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const LOCAL = { CI: "", GITHUB_ACTIONS: "" };

interface HealthJson {
  hooks?: { hook: string; runs: boolean; stopped: boolean }[];
  findings?: { rule: string; level: string; key?: string; fix?: string }[];
}

async function installed(): Promise<TestRepo> {
  const r = createRepo();
  repo = r;
  r.write(".integrity-guard/config.yml", "version: 1\n");
  r.write("data/a.json", '{"a": 1}\n');
  r.commitAll("initial");
  const init = await r.cli(["init", "--hook-only"], LOCAL);
  expect(init.code, init.stderr + init.stdout).toBe(0);
  return r;
}

async function health(r: TestRepo): Promise<{ json: HealthJson; text: string }> {
  const out = await r.cli(["health", "--format", "json", "--no-record"], LOCAL);
  const text = await r.cli(["health", "--no-record"], LOCAL);
  return { json: JSON.parse(out.stdout) as HealthJson, text: text.stdout };
}

const hookFindings = (j: HealthJson) =>
  (j.findings ?? []).filter((f) => f.rule.startsWith("hook/")).map((f) => `${f.rule} ${f.level} ${f.key}`);

describe("health and the prepare-commit-msg hook", () => {
  it("lists it as running after init", async () => {
    const r = await installed();
    const h = await health(r);
    expect(h.json.hooks?.map((s) => [s.hook, s.runs])).toEqual([
      ["pre-commit", true],
      ["pre-merge-commit", true],
      ["prepare-commit-msg", true],
    ]);
    expect(hookFindings(h.json)).toEqual([]);
  });

  it("an install made before it existed: not installed (a notice with the fix), not stopped", async () => {
    const r = await installed();
    fs.rmSync(path.join(r.dir, ".git/hooks/prepare-commit-msg"));
    const h = await health(r);
    expect(h.json.hooks?.find((s) => s.hook === "prepare-commit-msg")).toMatchObject({ runs: false, stopped: false });
    expect(hookFindings(h.json)).toEqual(["hook/not-installed notice prepare-commit-msg"]);
    expect(h.json.findings?.find((f) => f.key === "prepare-commit-msg")?.fix).toContain("init --hook-only");
    expect(h.text).toMatch(/prepare-commit-msg +-- +not installed: run `integrity-guard init --hook-only`/);
    // `check` says nothing about it (its one line is for hooks that stopped).
    expect((await r.cli(["check"], LOCAL)).stderr).not.toContain("prepare-commit-msg");
  });

  it("our hook there but not executable: stopped", async () => {
    const r = await installed();
    fs.chmodSync(path.join(r.dir, ".git/hooks/prepare-commit-msg"), 0o644);
    const h = await health(r);
    expect(hookFindings(h.json)).toEqual(["hook/not-running warning prepare-commit-msg"]);
  });
});
