/**
 * Red team round 15: a pull request that empties an existing YAML file its team maps a schema
 * to. An empty file (or one of comments only) reads as null; the `parse/empty` warning says so,
 * and a schema whose root says `type: object` turns it into an error. A schema that only lists
 * `required` keys (no root `type`, common in hand-written schemas) accepts null, as JSON Schema
 * applies `required` to objects only: the file truncated to nothing by a crashed writer, or
 * emptied on purpose, passed with a warning, and its readers lost every key (PyYAML and js-yaml
 * hand them None/undefined, go-yaml and Spring zero values). On a pull request whose base holds
 * the file with data, a file that a schema of `validate.schemas` (or `validate.require_schema`)
 * covers is now an error when emptied. Files without such a schema keep the warning: Helm
 * values, Compose overrides, Ansible vars and Spring profiles read an empty file as defaults.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { runPullRequest } from "../e2e/action-harness.js";

let repo: TestRepo;

beforeEach(() => {
  repo = createRepo();
  repo.write(
    ".integrity-guard/config.yml",
    [
      "version: 1",
      "validate:",
      "  schemas:",
      '    - files: ["config/app.yaml"]',
      "      schema: schemas/app.schema.json",
      '  require_schema: ["config/**"]',
      "",
    ].join("\n"),
  );
  repo.write("schemas/app.schema.json", JSON.stringify({ required: ["database"], properties: { database: { type: "string" } } }));
  repo.write("config/app.yaml", "database: postgres://db/app\n");
  repo.write("deploy/values-prod.yaml", "replicas: 3\n");
  repo.commitAll("main");
});
afterEach(() => repo.cleanup());

const findingsOf = (json: string | undefined) =>
  (JSON.parse(json ?? "{}") as { findings?: { rule: string; level: string; file?: string; message: string }[] }).findings ?? [];

describe("a pull request that empties a YAML file its schema covers", () => {
  for (const [what, text] of [
    ["truncated to nothing", ""],
    ["left with comments only", "# database: postgres://db/app\n"],
  ] as const) {
    it(`${what}: an error naming the data the base holds`, async () => {
      const r = await runPullRequest(repo, (x) => x.write("config/app.yaml", text));
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const empty = findingsOf(r.findingsJson).find((f) => f.rule === "parse/empty" && f.file === "config/app.yaml");
      expect(empty?.level).toBe("error");
      expect(empty?.message).toContain("the base commit holds data in it");
    });
  }

  it("a file without a mapped schema keeps the warning: its readers may take an empty file as defaults (guard)", async () => {
    const r = await runPullRequest(repo, (x) => x.write("deploy/values-prod.yaml", ""));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const empty = findingsOf(r.findingsJson).find((f) => f.file === "deploy/values-prod.yaml");
    expect(empty?.rule).toBe("parse/empty");
    expect(empty?.level).toBe("warning");
  });

  it("a new empty file under the schema keeps the warning: the base holds no data there (guard)", async () => {
    repo.write(".integrity-guard/config.yml", repo.read(".integrity-guard/config.yml").replace('["config/app.yaml"]', '["config/*.yaml"]'));
    repo.commitAll("map every config file");
    const r = await runPullRequest(repo, (x) => x.write("config/extra.yaml", "# filled in by the deploy job\n"));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(findingsOf(r.findingsJson).find((f) => f.file === "config/extra.yaml")?.level).toBe("warning");
  });
});
