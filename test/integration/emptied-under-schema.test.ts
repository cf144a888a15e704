/**
 * Session 21: an emptied file under a schema the team maps, in the hook (`check --staged`) and the
 * CLI (`check`), as on a pull request (test/adversarial/pr15-emptied-files.test.ts). An empty file,
 * or one of comments only, reads as null; a schema that only lists `required` keys (no root
 * `type`) accepts null, since JSON Schema applies `required` to objects only. A write cut short
 * to nothing passed with the parse/empty warning, and the file's readers lost every key. The
 * commit the change starts from (HEAD) plays the base: a file HEAD holds with data and that is
 * now empty under a team schema is an error; a new empty file, a file no schema covers and a
 * file HEAD already holds empty keep the warning (their readers take an empty file as defaults).
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
      '    - files: ["config/*.yaml", "config/*.json"]',
      "      schema: schemas/app.schema.json",
      "",
    ].join("\n"),
  );
  repo.write("schemas/app.schema.json", JSON.stringify({ required: ["database"], properties: { database: { type: "string" } } }));
  repo.write("config/app.yaml", "database: postgres://db/app\n");
  repo.write("config/app.json", '{"database": "postgres://db/app"}\n');
  repo.write("config/blank.yaml", "# filled in by the deploy job\n");
  repo.write("deploy/values-prod.yaml", "replicas: 3\n");
  repo.commitAll("main");
});
afterEach(() => repo.cleanup());

type Found = { rule: string; level: string; file?: string; message: string; fix?: string };
const findingsOf = (stdout: string) => (JSON.parse(stdout) as { findings: Found[] }).findings;

const modes = [
  ["the hook (check --staged)", ["check", "--staged", "--format", "json"], true],
  ["the CLI (check)", ["check", "--format", "json"], false],
] as const;

describe.each(modes)("an emptied file under a team schema: %s", (_mode, args, stage) => {
  const change = (rel: string, text: string) => {
    repo.write(rel, text);
    if (stage) repo.git("add", "--", rel);
  };

  for (const [what, text] of [
    ["truncated to nothing", ""],
    ["left with comments only", "# database: postgres://db/app\n"],
  ] as const) {
    it(`a YAML file ${what}: an error naming the data HEAD holds`, async () => {
      change("config/app.yaml", text);
      const r = await repo.cli([...args]);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const empty = findingsOf(r.stdout).find((f) => f.rule === "parse/empty" && f.file === "config/app.yaml");
      expect(empty?.level).toBe("error");
      expect(empty?.message).toContain("HEAD holds data in it (a mapping of 1 key)");
      expect(empty?.fix).toContain("git checkout HEAD -- config/app.yaml");
    });
  }

  it("a JSON file truncated to nothing: an error (as it was)", async () => {
    change("config/app.json", "");
    const r = await repo.cli([...args]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(findingsOf(r.stdout).find((f) => f.file === "config/app.json")?.level).toBe("error");
  });

  it("a file no schema covers keeps the warning (guard)", async () => {
    change("deploy/values-prod.yaml", "");
    const r = await repo.cli([...args]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const empty = findingsOf(r.stdout).find((f) => f.file === "deploy/values-prod.yaml");
    expect(empty?.rule).toBe("parse/empty");
    expect(empty?.level).toBe("warning");
  });

  it("a new empty file under the schema keeps the warning: HEAD holds no data there (guard)", async () => {
    change("config/extra.yaml", "# filled in by the deploy job\n");
    const r = await repo.cli([...args]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(findingsOf(r.stdout).find((f) => f.file === "config/extra.yaml")?.level).toBe("warning");
  });

  it("a file HEAD already holds empty keeps the warning (guard)", async () => {
    change("config/blank.yaml", "");
    const r = await repo.cli([...args]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(findingsOf(r.stdout).find((f) => f.file === "config/blank.yaml")?.level).toBe("warning");
  });

  it("a schema that accepts null keeps the warning (guard)", async () => {
    repo.write("schemas/app.schema.json", JSON.stringify({ type: ["object", "null"], properties: { database: { type: "string" } } }));
    repo.commitAll("the config may be left empty");
    change("config/app.yaml", "");
    const r = await repo.cli([...args]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(findingsOf(r.stdout).find((f) => f.file === "config/app.yaml")?.level).toBe("warning");
  });
});

it("the first commit (no HEAD): an empty file under the schema keeps the warning (guard)", async () => {
  const fresh = createRepo();
  try {
    fresh.write(".integrity-guard/config.yml", repo.read(".integrity-guard/config.yml"));
    fresh.write("schemas/app.schema.json", repo.read("schemas/app.schema.json"));
    fresh.write("config/app.yaml", "");
    fresh.git("add", "-A");
    const r = await fresh.cli(["check", "--staged", "--format", "json"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(findingsOf(r.stdout).find((f) => f.file === "config/app.yaml")?.level).toBe("warning");
  } finally {
    fresh.cleanup();
  }
});

it("a pull request that empties a file whose schema declares null keeps the warning, as the hook and the CLI do (guard)", async () => {
  repo.write("schemas/app.schema.json", JSON.stringify({ type: ["object", "null"], properties: { database: { type: "string" } } }));
  repo.commitAll("the config may be left empty");
  const r = await runPullRequest(repo, (x) => x.write("config/app.yaml", ""));
  expect(r.code, r.stdout + r.stderr).toBe(0);
  const found = (JSON.parse(r.findingsJson ?? "{}") as { findings?: Found[] }).findings ?? [];
  const empty = found.find((f) => f.file === "config/app.yaml");
  expect(empty?.rule).toBe("parse/empty");
  expect(empty?.level).toBe("warning");
});
