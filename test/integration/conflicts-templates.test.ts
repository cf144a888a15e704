import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";

// The layers `init` writes for a Spring Boot project (core/starter-layers.ts).
const CONFIG = `version: 1
config:
  layers:
    - "src/main/resources/application.yml"
    - "src/main/resources/application-*.yml"
`;

// spring-boot-starter-parent filters src/main/resources with Maven's @...@ delimiters: the file is
// YAML once the build has replaced @project.version@, and validate skips it as a template.
const FILTERED = `info:
  app:
    version: @project.version@
    name: @project.name@
server:
  port: 8080
`;

const DEV = `server:
  port: 9090
`;

interface Report {
  findings: { rule: string; level: string; file: string; message: string }[];
}

function setup(repo: TestRepo, files: Record<string, string>): void {
  repo.write(".integrity-guard/config.yml", CONFIG);
  for (const [p, c] of Object.entries(files)) repo.write(p, c);
}

describe("conflicts: a config file that is a template", () => {
  it("check: a Maven-filtered application.yml is a notice in both checks, never an error", async () => {
    await withRepo(async (repo) => {
      setup(repo, { "src/main/resources/application.yml": FILTERED, "src/main/resources/application-dev.yml": DEV });
      const run = await repo.cli(["check", "--format", "json"]);
      const report = JSON.parse(run.stdout) as Report;
      expect(report.findings.filter((f) => f.level === "error")).toEqual([]);
      expect(run.code).toBe(0);
      const skipped = report.findings.find((f) => f.rule === "config/skipped");
      expect(skipped).toMatchObject({ level: "notice", file: "src/main/resources/application.yml" });
      expect(skipped?.message).toContain("is a template");
      expect(report.findings.some((f) => f.rule === "validate/template")).toBe(true);
    });
  });

  it("conflicts: the template is left out without parse errors; the other layers are still analysed", async () => {
    await withRepo(async (repo) => {
      setup(repo, { "src/main/resources/application.yml": FILTERED, "src/main/resources/application-dev.yml": DEV });
      const run = await repo.cli(["conflicts", "--format", "json"]);
      const report = JSON.parse(run.stdout) as Report;
      expect(report.findings.filter((f) => f.rule.startsWith("parse/"))).toEqual([]);
      expect(report.findings.map((f) => `${f.level} ${f.rule} ${f.file}`)).toEqual([
        "notice config/skipped src/main/resources/application.yml",
      ]);
      expect(run.code).toBe(0);
    });
  });

  it("a broken config file that merely holds a placeholder elsewhere is still an error", async () => {
    await withRepo(async (repo) => {
      // The flow sequence left open at the end (a truncated write) is not on the placeholder's line.
      setup(repo, {
        "src/main/resources/application.yml": "info:\n  version: @project.version@\nserver:\n  port: 1\n  tags: [a, b\n",
        "src/main/resources/application-dev.yml": DEV,
      });
      const run = await repo.cli(["check", "--format", "json"]);
      const report = JSON.parse(run.stdout) as Report;
      expect(report.findings.find((f) => f.rule === "config/skipped")).toMatchObject({
        level: "error",
        file: "src/main/resources/application.yml",
      });
      expect(run.code).toBe(1);
    });
  });

  it("validate.templates.check makes the file data again: its parse error blocks", async () => {
    await withRepo(async (repo) => {
      setup(repo, { "src/main/resources/application.yml": FILTERED, "src/main/resources/application-dev.yml": DEV });
      repo.write(".integrity-guard/config.yml", CONFIG + `validate:\n  templates:\n    check: ["src/main/resources/application.yml"]\n`);
      const run = await repo.cli(["check", "--format", "json"]);
      const report = JSON.parse(run.stdout) as Report;
      expect(report.findings.find((f) => f.rule === "config/skipped")?.level).toBe("error");
      expect(run.code).toBe(1);
    });
  });
});
