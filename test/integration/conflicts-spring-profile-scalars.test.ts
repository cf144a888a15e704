/**
 * Spring Boot profiles (application.yaml, then application-<profile>.yaml beside it, as `init`
 * lays them out): Spring flattens each file into properties and its Binder converts every scalar
 * to the type of the property it binds (`password: 123456` in application.yaml and
 * `password: openmysql` in application-mysql.yaml both bind a String; `port: "8081"` binds an int),
 * and its YAML loader reads no timestamps. So a profile that writes a scalar of another YAML type
 * is an ordinary override, not config/type-change (halo-dev/halo's database profiles were blocked
 * so). A map or list over a scalar is still a type change, and other layouts keep the rule.
 */
import { describe, expect, it } from "vitest";
import { withRepo } from "../helpers/repo.js";

const BASE = `spring:
  r2dbc:
    username: admin
    password: 123456
  sql:
    init:
      mode: always
server:
  port: 8090
  compression:
    enabled: true
halo:
  release-date: 2024-01-01
`;

const MYSQL = `spring:
  r2dbc:
    username: root
    password: openmysql
server:
  port: "8091"
  compression:
    enabled: "false"
halo:
  release-date: "soon"
`;

interface Report {
  findings: { rule: string; level: string; file: string; key?: string }[];
}

describe("Spring profiles: a scalar of another YAML type is an ordinary override", () => {
  it("string over number, string over boolean, string over a date: no config/type-change", async () => {
    await withRepo(async (repo) => {
      repo.write("application/src/main/resources/application.yaml", BASE);
      repo.write("application/src/main/resources/application-mysql.yaml", MYSQL);
      repo.commitAll("spring app");
      expect((await repo.cli(["init"])).code).toBe(0);
      repo.commitAll("init");
      const run = await repo.cli(["check", "--format", "json"]);
      const report = JSON.parse(run.stdout) as Report;
      expect(report.findings.filter((f) => f.rule === "config/type-change")).toEqual([]);
      expect(run.code).toBe(0);
    });
  });

  it("a map over a scalar in a profile stays a config/type-change error", async () => {
    const keys = await typeChanges({
      "application/src/main/resources/application.yaml": BASE,
      "application/src/main/resources/application-mysql.yaml": MYSQL.replace('port: "8091"', "port:\n    http: 8091"),
    });
    expect(keys).toEqual([["application/src/main/resources/application-mysql.yaml", "server.port", "error"]]);
  });

  it("outside Spring's names (node-config) a string over a number stays a config/type-change error", async () => {
    const keys = await typeChanges({
      "svc/config/default.yaml": "server:\n  port: 8080\n",
      "svc/config/production.yaml": 'server:\n  port: "443"\n',
    });
    expect(keys).toEqual([["svc/config/production.yaml", "server.port", "error"]]);
  });
});

/** The config/type-change findings ([file, key, level]) of `init` then `check` on these files. */
async function typeChanges(files: Record<string, string>): Promise<string[][]> {
  return withRepo(async (repo) => {
    for (const [p, c] of Object.entries(files)) repo.write(p, c);
    repo.commitAll("app");
    expect((await repo.cli(["init"])).code).toBe(0);
    repo.commitAll("init");
    const run = await repo.cli(["check", "--format", "json"]);
    const report = JSON.parse(run.stdout) as Report;
    expect(run.code).toBe(1);
    return report.findings.filter((f) => f.rule === "config/type-change").map((f) => [f.file, f.key ?? "", f.level]);
  });
}
