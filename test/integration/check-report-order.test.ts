/**
 * What `check` reports first, and what the hook (`check --staged`) prints (issue 13, item 7):
 * a sealed file that no longer parses gets no "reseal" advice; warnings about files the commit
 * does not touch are counted in one line, not printed; errors are always printed.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import { MANIFEST_PATH } from "../../src/config/types.js";
import { parseReport, sealedRepoFixture } from "./manifest-helpers.js";

interface ReportFinding {
  rule: string;
  level: string;
  file?: string;
  fix?: string;
}

describe("a sealed file that does not parse: repair first, never reseal", () => {
  it("check --staged lists the parse error first, and the unsealed-change fix does not suggest sealing", async () => {
    const repo = sealedRepoFixture();
    try {
      expect((await repo.cli(["seal"])).code).toBe(0);
      repo.commitAll("seal");
      repo.write("fsm_state.json", '{"states": {"a": 1,\n');
      repo.git("add", "fsm_state.json");
      const r = await repo.cli(["check", "--staged", "--format", "json"]);
      expect(r.code, r.stderr).toBe(1);
      const mine = (parseReport(r.stdout).findings as ReportFinding[]).filter((f) => f.file === "fsm_state.json");
      expect(mine.map((f) => f.rule)).toEqual(["parse/truncated", "manifest/unsealed-change"]);
      const fix = mine[1]!.fix!;
      expect(fix).toMatch(/^do not reseal yet: fsm_state\.json does not parse \(parse\/truncated at 2:1\)/);
      expect(fix).toContain("integrity-guard validate fsm_state.json");
      expect(fix).not.toMatch(/integrity-guard seal/);

      // Text, as the hook prints it: the parse error comes before the manifest finding.
      const text = await repo.cli(["check", "--staged"]);
      expect(text.stdout.indexOf("[parse/truncated]")).toBeGreaterThan(0);
      expect(text.stdout.indexOf("[parse/truncated]")).toBeLessThan(text.stdout.indexOf("[manifest/unsealed-change]"));

      // A valid change keeps the usual advice: reseal.
      repo.write("fsm_state.json", '{"states": {"a": 1}}\n');
      repo.git("add", "fsm_state.json");
      const valid = await repo.cli(["check", "--staged", "--format", "json"]);
      const unsealed = (parseReport(valid.stdout).findings as ReportFinding[]).find((f) => f.rule === "manifest/unsealed-change");
      expect(unsealed?.fix).toMatch(/integrity-guard seal/);
    } finally {
      repo.cleanup();
    }
  });

  it("check (working tree) says the same for a sealed file that breaks: manifest/modified asks for a repair", async () => {
    const repo = sealedRepoFixture();
    try {
      expect((await repo.cli(["seal"])).code).toBe(0);
      repo.commitAll("seal");
      repo.write("data/a.json", '{"a": 1,, }\n');
      const r = await repo.cli(["check", "--format", "json", "--no-cache"]);
      const mine = (parseReport(r.stdout).findings as ReportFinding[]).filter((f) => f.file === "data/a.json");
      expect(mine[0]!.rule).toMatch(/^parse\//);
      const modified = mine.find((f) => f.rule === "manifest/modified");
      expect(modified?.fix).toMatch(/^do not reseal yet: data\/a\.json does not parse/);
    } finally {
      repo.cleanup();
    }
  });
});

const SYNC_CONFIG = `version: 1
sync:
  - name: contracts
    source: { file: logs/contracts.json, path: /contracts }
    target: { file: state.json, path: /states }
    fields: { status: status }
`;

/** A committed sync rule whose source has two entries the target lacks: two warnings on logs/contracts.json. */
function syncRepo(repo: TestRepo): void {
  repo.write(".integrity-guard/config.yml", SYNC_CONFIG);
  repo.write("logs/contracts.json", '{"contracts": {"c1": {"status": "done"}, "c2": {"status": "new"}, "c3": {"status": "new"}}}\n');
  repo.write("state.json", '{"states": {"c1": {"status": "done"}}}\n');
  repo.commitAll("base");
}

describe("the hook does not print warnings about files the commit does not touch", () => {
  it("counts them in one line; check (whole tree) still lists them", () =>
    withRepo(async (repo) => {
      syncRepo(repo);
      const whole = await repo.cli(["check"]);
      expect(whole.stdout).toContain("logs/contracts.json");
      expect(whole.stdout.match(/\[sync\/missing-target\]/g)).toHaveLength(2);

      // The commit touches the rule's target (a rule none of whose files is staged is skipped by
      // the hook), not the source that the warnings are about.
      repo.write("state.json", '{"states": {"c1": {"status": "done"}}, "n": 1}\n');
      repo.git("add", "state.json");
      const hook = await repo.cli(["check", "--staged"]);
      expect(hook.code, hook.stdout + hook.stderr).toBe(0);
      expect(hook.stdout).not.toContain("logs/contracts.json");
      expect(hook.stdout).not.toContain("sync/missing-target");
      expect(hook.stdout).toContain("2 warnings in files this commit does not touch: run `integrity-guard check` to see them");

      const json = await repo.cli(["check", "--staged", "--format", "json"]);
      const report = parseReport(json.stdout);
      expect(report.findings).toEqual([]);
      expect(report.summary).toMatchObject({ warnings: 0, untouched: { warnings: 2, notices: 0 } });
    }));

  it("prints the warnings when the commit touches that file, and always prints errors", () =>
    withRepo(async (repo) => {
      syncRepo(repo);
      repo.write(
        "logs/contracts.json",
        '{"contracts": {"c1": {"status": "done"}, "c2": {"status": "new"}, "c3": {"status": "new"}, "c4": {}}}\n',
      );
      repo.git("add", "logs/contracts.json");
      const touched = await repo.cli(["check", "--staged"]);
      expect(touched.stdout.match(/\[sync\/missing-target\]/g)).toHaveLength(3);
      expect(touched.stdout).not.toContain("does not touch");

      // An error in a staged file blocks, and is printed.
      repo.git("reset", "-q");
      repo.write("broken.json", '{"a": }\n');
      repo.write("state.json", '{"states": {"c1": {"status": "done"}}, "n": 2}\n');
      repo.git("add", "broken.json", "state.json");
      const blocked = await repo.cli(["check", "--staged"]);
      expect(blocked.code).toBe(1);
      expect(blocked.stdout).toContain("broken.json:1:");
      // Reset: the index holds the committed source again, with its two one-sided entries.
      expect(blocked.stdout).toContain("2 warnings in files this commit does not touch");
    }));

  it("an error about a file the commit does not touch is still printed (it blocks the commit)", async () => {
    const repo = sealedRepoFixture();
    try {
      expect((await repo.cli(["seal"])).code).toBe(0);
      repo.commitAll("seal");
      // Resealed after an edit of data/a.json, but only the manifest is staged: the staged
      // manifest disagrees with the staged (old) data/a.json, a file this commit does not touch.
      repo.write("data/a.json", '{"a": 2}\n');
      expect((await repo.cli(["seal"])).code).toBe(0);
      repo.git("add", MANIFEST_PATH);
      const r = await repo.cli(["check", "--staged"]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/data\/a\.json .*\[manifest\/unsealed-change\]/);
    } finally {
      repo.cleanup();
    }
  });
});
