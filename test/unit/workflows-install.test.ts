/**
 * `init --workflows`: what the three workflows contain (permissions, crons per set, shared
 * concurrency, only the snapshot ref fetched), that templates/ is fresh, and that existing files
 * are never overwritten without --force (they are kept, with a warning).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Config } from "../../src/config/types.js";
import {
  CONCURRENCY_GROUP,
  installWorkflows,
  renderWorkflows,
  scheduledSets,
  TEMPLATE_CONFIG,
  WORKFLOW_FILES,
} from "../../src/io/workflows.js";
import { PROJECT_ROOT, withRepo } from "../helpers/repo.js";

type Wf = {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  jobs: Record<
    string,
    { if?: string; steps: { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }[] }
  >;
};
const load = (text: string) => parse(text) as Wf;
const config: Config = {
  version: 1,
  snapshots: {
    sign: { format: "ssh", key: "env:MY_KEY" },
    sets: { hourly: { paths: ["a/"], keep: 24 }, nightly: { paths: ["b/"], schedule: "5 1 * * *" }, weekly: { paths: ["c/"], keep: 4 } },
  },
};

describe("generated workflows", () => {
  const { files } = renderWorkflows(config);

  it("templates/workflows/ is what the generator writes for the template config (fresh)", () => {
    const gen = renderWorkflows(TEMPLATE_CONFIG).files;
    for (const name of WORKFLOW_FILES) {
      const file = path.join(PROJECT_ROOT, "templates/workflows", name);
      if (process.env.IG_UPDATE_TEMPLATES === "1") fs.writeFileSync(file, gen.get(name)!);
      expect(
        fs.readFileSync(file, "utf8"),
        `${name} is stale: IG_UPDATE_TEMPLATES=1 npx vitest run test/unit/workflows-install.test.ts`,
      ).toBe(gen.get(name));
    }
  });

  it("check: pull_request and push, contents read, pull-requests write, shallow checkout", () => {
    const wf = load(files.get("integrity-check.yml")!);
    expect(Object.keys(wf.on).sort()).toEqual(["pull_request", "push"]);
    expect(wf.permissions).toEqual({ contents: "read", "pull-requests": "write", checks: "write" });
    const steps = wf.jobs.check!.steps;
    expect(steps[0]).toEqual({ uses: "actions/checkout@v5", with: { "persist-credentials": false } });
    expect(steps[1]).toMatchObject({ uses: "integrity-guard/integrity-guard@v1", id: "integrity", with: { command: "check" } });
    // The full report survives the job, also when the check fails.
    expect(steps[2]).toMatchObject({
      if: "always() && steps.integrity.outputs.report-dir != ''",
      uses: "actions/upload-artifact@v6",
      with: { name: "integrity-guard-report", path: "${{ steps.integrity.outputs.report-dir }}" },
    });
  });

  it("snapshot: one cron per set (config schedule or the default), contents write, shared concurrency never cancelled", () => {
    const wf = load(files.get("integrity-snapshot.yml")!);
    expect(wf.on.schedule).toEqual([{ cron: "17 * * * *" }, { cron: "5 1 * * *" }, { cron: "41 3 * * 0" }]);
    expect(wf.permissions).toEqual({ contents: "write" });
    expect(wf.concurrency).toEqual({ group: CONCURRENCY_GROUP, "cancel-in-progress": false });
    expect(Object.keys(wf.jobs)).toEqual(["snapshot-hourly", "snapshot-nightly", "snapshot-weekly"]);
    expect(wf.jobs["snapshot-nightly"]!.if).toBe("github.event.schedule == '5 1 * * *' || inputs.set == 'nightly'");
    const step = wf.jobs["snapshot-hourly"]!.steps.find((s) => s.with?.command === "snapshot")!;
    expect(step).toMatchObject({ with: { command: "snapshot", set: "hourly" }, env: { MY_KEY: "${{ secrets.MY_KEY }}" } });
    // prune only for sets with keep
    expect(wf.jobs["snapshot-hourly"]!.steps.some((s) => s.with?.command === "prune")).toBe(true);
    expect(wf.jobs["snapshot-nightly"]!.steps.some((s) => s.with?.command === "prune")).toBe(false);
  });

  it("restore: workflow_dispatch with snapshot, paths, mode pr|push; contents and pull-requests write; same concurrency group", () => {
    const wf = load(files.get("integrity-restore.yml")!);
    const inputs = (wf.on.workflow_dispatch as { inputs: Record<string, { type: string; options?: string[]; default?: string }> }).inputs;
    expect(Object.keys(inputs)).toEqual(["snapshot", "paths", "mode"]);
    expect(inputs.mode).toMatchObject({ type: "choice", options: ["pr", "push"], default: "pr" });
    expect(wf.permissions).toEqual({ contents: "write", "pull-requests": "write" });
    expect(wf.concurrency).toEqual({ group: CONCURRENCY_GROUP, "cancel-in-progress": false });
    expect(wf.jobs.restore!.steps.at(-1)).toMatchObject({
      with: { command: "restore", snapshot: "${{ inputs.snapshot }}", paths: "${{ inputs.paths }}", mode: "${{ inputs.mode }}" },
    });
  });

  it("no workflow fetches the full history; snapshot and restore fetch only the snapshot refs", () => {
    for (const [name, text] of files) {
      expect(text, name).not.toMatch(/fetch-depth/);
      for (const job of Object.values(load(text).jobs)) {
        for (const s of job.steps) {
          if (s.run?.includes("git fetch")) {
            expect(s.run).toMatch(/git fetch --no-tags origin \+refs\/heads\/integrity-snapshots:refs\/heads\/integrity-snapshots\n/);
            // Both fetch the closed epochs: after the first prune the chain lives there (issue 15).
            expect(s.run).toContain("git fetch --no-tags origin '+refs/integrity-snapshots/epochs/*:refs/integrity-snapshots/epochs/*'\n");
            expect(s.run.match(/git fetch/g)).toHaveLength(2);
          }
          if (s.run) expect(s.run, `${name}: no expression in a shell script (injection)`).not.toContain("${{");
        }
      }
    }
  });

  it("sets sharing a cron share one schedule entry; an invalid schedule is a config error", () => {
    const shared = renderWorkflows({
      version: 1,
      snapshots: { sets: { a: { paths: ["a"] }, b: { paths: ["b"], schedule: "23  2 * * *" } } },
    });
    expect(load(shared.files.get("integrity-snapshot.yml")!).on.schedule).toEqual([{ cron: "23 2 * * *" }]);
    expect(() => scheduledSets({ version: 1, snapshots: { sets: { a: { paths: ["a"], schedule: "hourly" } } } })).toThrow(
      /snapshots.sets.a.schedule "hourly" is not a five-field cron/,
    );
    expect(() => scheduledSets({ version: 1, snapshots: { sets: { a: { paths: ["a"], schedule: "* * * *" } } } })).toThrow(/five-field/);
  });

  it("without snapshot sets only the check workflow is written, with a note why", () => {
    const r = renderWorkflows({ version: 1 });
    expect([...r.files.keys()]).toEqual(["integrity-check.yml"]);
    expect(r.notes.join("\n")).toMatch(/no snapshots.sets/);
  });
});

describe("installWorkflows", () => {
  it("writes the three files, is idempotent, keeps a changed file without force (with a warning)", async () => {
    await withRepo(async (repo) => {
      const first = await installWorkflows(repo.dir, config);
      expect(first.written).toEqual([
        ".github/workflows/integrity-check.yml",
        ".github/workflows/integrity-snapshot.yml",
        ".github/workflows/integrity-restore.yml",
      ]);
      expect(first.notes.join("\n")).toMatch(/repository secret MY_KEY/);
      const again = await installWorkflows(repo.dir, config);
      expect(again.written).toEqual([]);

      repo.write(".github/workflows/integrity-check.yml", "# mine\n");
      const snapBefore = repo.read(".github/workflows/integrity-snapshot.yml");
      const kept = await installWorkflows(repo.dir, { ...config, snapshots: { ...config.snapshots, sets: { x: { paths: ["x"] } } } });
      expect(kept.written).toEqual([]);
      expect(kept.notes.join("\n")).toMatch(/warning: kept .*integrity-check\.yml, .*integrity-snapshot\.yml.*: they differ/);
      expect(repo.read(".github/workflows/integrity-check.yml")).toBe("# mine\n");
      expect(repo.read(".github/workflows/integrity-snapshot.yml")).toBe(snapBefore);

      const dry = await installWorkflows(repo.dir, config, { force: true, dryRun: true });
      expect(dry.written).toEqual([".github/workflows/integrity-check.yml"]);
      expect(repo.read(".github/workflows/integrity-check.yml")).toBe("# mine\n");

      const forced = await installWorkflows(repo.dir, config, { force: true });
      expect(forced.written).toEqual([".github/workflows/integrity-check.yml"]);
      expect(repo.read(".github/workflows/integrity-check.yml")).toContain("name: integrity check");
    });
  });

  it("refuses a .github/workflows that is a symlink out of the repository", async () => {
    await withRepo(async (repo) => {
      const outside = fs.mkdtempSync(path.join(path.dirname(repo.dir), "ig-outside-"));
      try {
        fs.mkdirSync(path.join(repo.dir, ".github"));
        fs.symlinkSync(outside, path.join(repo.dir, ".github/workflows"));
        await expect(installWorkflows(repo.dir, config)).rejects.toThrow(/outside the repository/);
        expect(fs.readdirSync(outside)).toEqual([]);
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
      }
    });
  });

  it("integrity-guard init --workflows writes them through the CLI", async () => {
    await withRepo(async (repo) => {
      const r = await repo.cli(["init", "--workflows"]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      // init wrote the starter config first; the workflows follow from it.
      const { loadConfig } = await import("../../src/config/load.js");
      const expected = renderWorkflows((await loadConfig(repo.dir)).config).files;
      expect(expected.size).toBeGreaterThan(0);
      for (const [name, text] of expected) expect(repo.read(`.github/workflows/${name}`), name).toBe(text);
      expect(r.stdout).toContain("wrote .github/workflows/integrity-check.yml");
    });
  });
});
