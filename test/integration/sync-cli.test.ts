import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";

const CONFIG = (oneSided = "warning") => `version: 1
sync:
  - name: contracts
    source: { file: logs/contract_statuses.json, path: /contracts }
    target: { file: fsm_state.json, path: /states }
    fields: { status: status, progress_percentage: progress }
    one_sided: ${oneSided}
`;

const SOURCE = `{
  "contracts": {
    "c1": { "status": "done", "progress": 100 },
    "c2": { "status": "active", "progress": 40 },
    "c3": { "status": "new", "progress": 0 }
  }
}
`;

const TARGET = `{
\t"states": {
\t\t"c1": {
\t\t\t"status": "active",
\t\t\t"progress_percentage": 90
\t\t},
\t\t"c2": {
\t\t\t"status": "active"
\t\t},
\t\t"c4": { "status": "x", "progress_percentage": 1 }
\t}
}
`;

function setup(repo: TestRepo, oneSided?: string): void {
  repo.write(".integrity-guard/config.yml", CONFIG(oneSided));
  repo.write("logs/contract_statuses.json", SOURCE);
  repo.write("fsm_state.json", TARGET);
}

interface JsonReport {
  findings: {
    rule: string;
    level: string;
    file: string;
    line: number;
    column: number;
    pointer: string;
    related?: { file: string; line: number; column: number }[];
  }[];
  changes?: { file: string; key: string; from: string; to: string }[];
}

describe("integrity-guard sync", () => {
  it("reports drift with both locations and one-sided entries as warnings", async () => {
    await withRepo(async (repo) => {
      setup(repo);
      const run = await repo.cli(["sync", "--format", "json"]);
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as JsonReport;
      const drift = report.findings.filter((f) => f.rule === "sync/drift");
      expect(drift.map((f) => `${f.file}:${f.line}:${f.column} ${f.pointer}`)).toEqual([
        "fsm_state.json:4:14 /states/c1/status",
        "fsm_state.json:5:27 /states/c1/progress_percentage",
        "fsm_state.json:7:9 /states/c2/progress_percentage",
      ]);
      expect(drift[0]!.related![0]).toEqual({
        file: "logs/contract_statuses.json",
        line: 3,
        column: 23,
        message: 'source: contracts.c1.status = "done"',
      });
      expect(report.findings.filter((f) => f.rule.startsWith("sync/missing-")).map((f) => `${f.rule} ${f.level} ${f.pointer}`)).toEqual([
        "sync/missing-source warning /states/c4",
        "sync/missing-target warning /contracts/c3",
      ]);
    });
  });

  it("--fix copies source values into the target keeping its layout, then only one-sided warnings remain", async () => {
    await withRepo(async (repo) => {
      setup(repo);
      const run = await repo.cli(["sync", "--fix"]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('fsm_state.json: states.c1.status "active" -> "done"');
      expect(run.stdout).toContain("fsm_state.json: states.c2.progress_percentage (absent) -> 40");
      expect(repo.read("fsm_state.json")).toBe(
        TARGET.replace(
          '"status": "active",\n\t\t\t"progress_percentage": 90',
          '"status": "done",\n\t\t\t"progress_percentage": 100',
        ).replace('"c2": {\n\t\t\t"status": "active"\n', '"c2": {\n\t\t\t"status": "active",\n\t\t\t"progress_percentage": 40\n'),
      );
      expect(repo.read("logs/contract_statuses.json")).toBe(SOURCE);
      const again = await repo.cli(["sync", "--format", "json"]);
      expect(again.code).toBe(0);
      expect((JSON.parse(again.stdout) as JsonReport).findings.map((f) => f.rule).sort()).toEqual([
        "sync/missing-source",
        "sync/missing-target",
      ]);
    });
  });

  it("--fix never copies a secret: a secret-looking field or a credential-looking value is reported and left for a person", async () => {
    await withRepo(async (repo) => {
      repo.write(
        ".integrity-guard/config.yml",
        "version: 1\nsync:\n  - name: svc\n    source: { file: a.json, path: /svc }\n    target: { file: b.json, path: /svc }\n    fields: { api_token: api_token, url: url, port: port }\n",
      );
      repo.write("a.json", '{"svc": {"x": {"api_token": "tok-SOURCE-1", "url": "https://u:SrcPw@h/x", "port": 2}}}\n');
      const TARGET_B = '{"svc": {"x": {"api_token": "tok-TARGET-2", "url": "https://h/x", "port": 1}}}\n';
      repo.write("b.json", TARGET_B);
      const run = await repo.cli(["sync", "--fix"]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("b.json: svc.x.port 1 -> 2");
      expect(run.stdout).toContain(
        "b.json: svc.x.api_token (/svc/x/api_token): not written; the key looks secret, and the value would come from a.json",
      );
      expect(run.stdout).toContain(
        "b.json: svc.x.url (/svc/x/url): not written; the value looks like a credential, and the value would come from a.json",
      );
      expect(repo.read("b.json")).toBe(TARGET_B.replace('"port": 1', '"port": 2'));
      for (const secret of ["tok-SOURCE-1", "SrcPw", "tok-TARGET-2"]) expect(run.stdout + run.stderr).not.toContain(secret);
      const check = JSON.parse((await repo.cli(["sync", "--format", "json"])).stdout) as { findings: { pointer: string; fix: string }[] };
      expect(check.findings.map((f) => f.pointer).sort()).toEqual(["/svc/x/api_token", "/svc/x/url"]);
      for (const f of check.findings) expect(f.fix).not.toContain("--fix");
    });
  });

  it("one_sided: error fails the run; ignore hides one-sided entries", async () => {
    await withRepo(async (repo) => {
      setup(repo, "error");
      await repo.cli(["sync", "--fix"]);
      expect((await repo.cli(["sync"])).code).toBe(1);
      repo.write(".integrity-guard/config.yml", CONFIG("ignore"));
      const quiet = await repo.cli(["sync", "--format", "json"]);
      expect(quiet.code).toBe(0);
      expect((JSON.parse(quiet.stdout) as JsonReport).findings).toEqual([]);
    });
  });

  it("fixes a YAML target keeping its comments", async () => {
    await withRepo(async (repo) => {
      repo.write(
        ".integrity-guard/config.yml",
        "version: 1\nsync:\n  - source: { file: a.json, path: /contracts }\n    target: { file: state.yaml, path: /states }\n    fields: { status: status }\n",
      );
      repo.write("a.json", '{"contracts": {"c1": {"status": "done"}}}');
      repo.write("state.yaml", "# machine state\nstates:\n  c1:\n    status: active   # set by the runner\n");
      expect((await repo.cli(["sync", "--fix"])).code).toBe(0);
      expect(repo.read("state.yaml")).toBe("# machine state\nstates:\n  c1:\n    status: done   # set by the runner\n");
    });
  });

  it("reports a missing or malformed file without crashing, and --rule must name a rule", async () => {
    await withRepo(async (repo) => {
      setup(repo);
      repo.write("fsm_state.json", '{"states": {"c1": ');
      const broken = await repo.cli(["sync", "--format", "json"]);
      expect(broken.stderr).not.toContain("internal error");
      const rules = (JSON.parse(broken.stdout) as JsonReport).findings.map((f) => `${f.rule} ${f.file}`);
      expect(rules).toContain("config/skipped fsm_state.json");
      expect(rules.some((r) => r.startsWith("parse/"))).toBe(true);
      const fix = await repo.cli(["sync", "--fix"]);
      expect(fix.stderr).not.toContain("internal error");
      expect(repo.read("fsm_state.json")).toBe('{"states": {"c1": ');
      repo.write(".integrity-guard/config.yml", CONFIG().replace("fsm_state.json", "missing.json"));
      const missing = await repo.cli(["sync", "--format", "json"]);
      expect((JSON.parse(missing.stdout) as JsonReport).findings.map((f) => f.rule)).toEqual(["sync/missing-file"]);
      expect((await repo.cli(["sync", "--rule", "nope"])).code).toBe(2);
    });
  });

  it("check --staged reads both files from the index", async () => {
    await withRepo(async (repo) => {
      setup(repo);
      repo.commitAll("drift committed");
      // The commit touches a file of the rule (the hook skips a rule none of whose files is staged).
      repo.write("logs/contract_statuses.json", SOURCE + "\n");
      repo.git("add", "logs/contract_statuses.json");
      await repo.cli(["sync", "--fix"]);
      // Fixed in the working tree but not staged: the commit would still carry the drift.
      const staged = await repo.cli(["check", "--staged", "--format", "json"]);
      expect((JSON.parse(staged.stdout) as JsonReport).findings.filter((f) => f.rule === "sync/drift")).toHaveLength(3);
      repo.git("add", "fsm_state.json");
      const after = await repo.cli(["check", "--staged", "--format", "json"]);
      expect((JSON.parse(after.stdout) as JsonReport).findings.filter((f) => f.rule === "sync/drift")).toEqual([]);
    });
  });
});
