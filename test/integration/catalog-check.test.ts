/**
 * The catalog of well-known files (issue 19) through `check` and `check --staged` in real
 * repositories: a workflow, compose file and dependabot.yml that their consumer would refuse are
 * errors at the offending line and column with no mapping at all; advisory entries warn; the
 * config turns the catalog or single entries off, changes a level, pins a local schema; explicit
 * mappings win; a team's own catalog file (SchemaStore's format) adds entries; remote URLs stay
 * refused with the line to change.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import { COMPOSE_WRONG_TYPE, DEPENDABOT_NO_VERSION, WORKFLOW_MISSPELT } from "../helpers/well-known.js";
import type { Finding } from "../../src/core/finding.js";

async function run(repo: TestRepo, args: string[] = ["check"]) {
  const r = await repo.cli([...args, "--format", "json"]);
  const out = JSON.parse(r.stdout || "{}") as { findings?: Finding[] };
  return { code: r.code, stderr: r.stderr, findings: out.findings ?? [] };
}
const schemaFindings = (fs: Finding[]) => fs.filter((f) => f.rule === "schema/violation");

const WORKFLOW_OK = WORKFLOW_MISSPELT.replace("runs-onn", "runs-on");

function config(repo: TestRepo, validate: string): void {
  repo.write(".integrity-guard/config.yml", `version: 1\nvalidate:\n${validate}`);
}

describe("well-known files are validated with no mapping", () => {
  it("a misspelt workflow key, a compose value of the wrong type, a dependabot.yml without version: errors with line and column", () =>
    withRepo(async (repo) => {
      repo.write(".github/workflows/ci.yml", WORKFLOW_MISSPELT);
      repo.write("compose.yaml", COMPOSE_WRONG_TYPE);
      repo.write(".github/dependabot.yml", DEPENDABOT_NO_VERSION);
      repo.git("add", "-A");
      for (const args of [["check"], ["check", "--staged"]]) {
        const r = await run(repo, args);
        expect(r.code).toBe(1);
        const v = schemaFindings(r.findings);
        const wf = v.find((f) => f.file === ".github/workflows/ci.yml" && /runs-onn/.test(f.message));
        expect(wf).toMatchObject({ level: "error", line: 5, column: 5 });
        expect(wf!.message).toContain("built-in schema github-workflow");
        expect(wf!.fix).toContain("validate.well_known.entries.github-workflow");
        expect(v.find((f) => f.file === "compose.yaml")).toMatchObject({ level: "error", line: 4, column: 12 });
        const dep = v.find((f) => f.file === ".github/dependabot.yml");
        expect(dep).toMatchObject({ level: "error", line: 1, column: 1 });
        expect(dep!.message).toContain("version");
      }
    }));

  it("a .readthedocs.yaml with a misspelt key is an error (Read the Docs refuses it)", () =>
    withRepo(async (repo) => {
      repo.write(".readthedocs.yaml", "version: 2\nbuild:\n  os: ubuntu-22.04\n  tools:\n    python: '3.12'\npyton:\n  install: []\n");
      const r = await run(repo);
      expect(r.code).toBe(1);
      expect(schemaFindings(r.findings)).toMatchObject([{ level: "error", file: ".readthedocs.yaml", line: 6, column: 1 }]);
      expect(schemaFindings(r.findings)[0]!.message).toContain('unknown key "pyton" (did you mean "python"?)');
      expect(schemaFindings(r.findings)[0]!.message).toContain("built-in schema readthedocs");
    }));

  it("a turbo.json with a task key of the wrong type is an error at its line and column (turbo refuses it)", () =>
    withRepo(async (repo) => {
      // Reduced from vercel/ai turbo.json (test/fixtures/well-known/SOURCES.md), `cache` made a string.
      repo.write(
        "turbo.json",
        '{\n  "$schema": "https://turbo.build/schema.json",\n  "tasks": {\n    "build": { "dependsOn": ["^build"] },\n    "dev": {\n      "cache": "no",\n      "persistent": true\n    }\n  }\n}\n',
      );
      repo.git("add", "-A");
      const r = await run(repo, ["check", "--staged"]);
      expect(r.code).toBe(1);
      const v = schemaFindings(r.findings);
      // `cache` is a boolean or null (an anyOf): one finding at the value names both types.
      expect(v).toHaveLength(1);
      expect(v[0]).toMatchObject({ level: "error", file: "turbo.json", line: 6, column: 16 });
      expect(v[0]!.message).toContain("built-in schema turbo");
      expect(v[0]!.message).toContain('must be one of the types boolean, null, found string "no"');
    }));

  it("a .gitlab-ci.yml with an unknown job key warns at its line and column (advisory: !reference tags, schema lag)", () =>
    withRepo(async (repo) => {
      repo.write(
        ".gitlab-ci.yml",
        "stages: [test]\nunit:\n  stage: test\n  scrpt:\n    - make test\n  environment:\n    name: review/$CI_COMMIT_REF_SLUG\n    url: https://$CI_ENVIRONMENT_SLUG.example.com\n",
      );
      const r = await run(repo);
      expect(r.code).toBe(0);
      const v = schemaFindings(r.findings);
      const typo = v.find((f) => /scrpt/.test(f.message));
      expect(typo).toMatchObject({ level: "warning", file: ".gitlab-ci.yml", line: 4, column: 3 });
      expect(typo!.message).toContain("built-in schema gitlab-ci");
      // A CI/CD variable in environment.url is no URI syntax error (patch gitlab-ci-variables-in-urls).
      expect(v.filter((f) => /url/.test(f.message))).toEqual([]);
    }));

  it("a Buildkite pipeline with a wrong type and a misspelt step key warns at their lines and columns (advisory: a 2022 copy)", () =>
    withRepo(async (repo) => {
      repo.write(
        ".buildkite/pipeline.yml",
        "steps:\n  - label: test\n    command: make test\n    timeout_in_minutes: ten\n  - label: lint\n    comand: make lint\n",
      );
      const r = await run(repo);
      expect(r.code).toBe(0);
      const v = schemaFindings(r.findings);
      for (const f of v) expect(f).toMatchObject({ level: "warning", file: ".buildkite/pipeline.yml" });
      expect(v.find((f) => /timeout_in_minutes: must be an integer/.test(f.message))).toMatchObject({ line: 4, column: 25 });
      expect(v.find((f) => /unknown key "comand" \(did you mean "command"\?\)/.test(f.message))).toMatchObject({ line: 6, column: 5 });
      expect(v[0]!.message).toContain("built-in schema buildkite");
    }));

  it("a Buildkite pipeline using what Buildkite added after the vendored copy passes (patches buildkite-newer-*)", () =>
    withRepo(async (repo) => {
      // Forms from buildkite/pipeline-schema test/valid-pipelines (if-changed, secrets, command, group, input).
      repo.write(
        ".buildkite/pipeline.yml",
        [
          "steps:",
          "  - label: test",
          "    command: make test",
          '    if_changed: ["src/**"]',
          "    secrets: [API_TOKEN]",
          "    depends_on: ~",
          "    retry:",
          "      automatic:",
          "        - exit_status: [1, 2]",
          "          signal_reason: agent_stop",
          "  - group: ~",
          "    steps:",
          "      - input: Release?",
          "        fields:",
          "          - text: Version",
          "            key: release_version",
          '            format: "[0-9.]+"',
          "  - wait",
          "",
        ].join("\n"),
      );
      const r = await run(repo);
      expect(r.findings.filter((f) => f.level !== "notice")).toEqual([]);
    }));

  it("valid well-known files pass", () =>
    withRepo(async (repo) => {
      repo.write(".github/workflows/ci.yml", WORKFLOW_OK);
      repo.write("compose.yaml", COMPOSE_WRONG_TYPE.replace('"8080:80"', '["8080:80"]'));
      repo.write(".github/dependabot.yml", `version: 2\n${DEPENDABOT_NO_VERSION}`);
      repo.write("package.json", '{ "name": "x", "version": "1.0.0", "type": "module" }\n');
      repo.write("tsconfig.json", '{ "compilerOptions": { "strict": true } }\n');
      const r = await run(repo);
      expect(r.findings.filter((f) => f.level !== "notice")).toEqual([]);
      expect(r.code).toBe(0);
    }));

  it("an advisory entry (package.json) warns and never blocks", () =>
    withRepo(async (repo) => {
      repo.write("package.json", '{ "name": "x", "version": 1 }\n');
      const r = await run(repo);
      expect(r.code).toBe(0);
      expect(schemaFindings(r.findings)[0]).toMatchObject({ level: "warning", file: "package.json", line: 1, column: 27 });
      expect(schemaFindings(r.findings)[0]!.message).toContain("node-semver"); // the schema's own description of the key
    }));

  it("a remote $schema of json.schemastore.org uses the vendored copy, at its entry's level", () =>
    withRepo(async (repo) => {
      repo.write("conf/format.json", '{ "$schema": "https://json.schemastore.org/prettierrc.json", "semi": "yes" }\n');
      const r = await run(repo);
      expect(schemaFindings(r.findings)[0]).toMatchObject({ level: "warning", file: "conf/format.json" });
    }));
});

describe("the config controls the catalog", () => {
  it("validate.well_known: false turns it off", () =>
    withRepo(async (repo) => {
      repo.write(".github/workflows/ci.yml", WORKFLOW_MISSPELT);
      config(repo, "  well_known: false\n");
      const r = await run(repo);
      expect(schemaFindings(r.findings)).toEqual([]);
      expect(r.code).toBe(0);
    }));

  it("an entry off, an entry at warning, an unknown entry id refused", () =>
    withRepo(async (repo) => {
      repo.write(".github/workflows/ci.yml", WORKFLOW_MISSPELT);
      repo.write("compose.yaml", COMPOSE_WRONG_TYPE);
      config(repo, "  well_known:\n    entries:\n      github-workflow: false\n      compose: { level: warning }\n");
      const r = await run(repo);
      expect(schemaFindings(r.findings).map((f) => [f.file, f.level])).toEqual([["compose.yaml", "warning"]]);
      expect(r.code).toBe(0);
      config(repo, "  well_known:\n    entries:\n      github-workflows: false\n");
      const bad = await repo.cli(["check"]);
      expect(bad.code).toBe(2);
      expect(bad.stdout).toContain('"github-workflows" is no built-in entry');
    }));

  it("an entry pointed at a schema of the repository (a pinned version) uses it", () =>
    withRepo(async (repo) => {
      repo.write(".github/workflows/ci.yml", WORKFLOW_OK);
      repo.write("schemas/wf.json", JSON.stringify({ type: "object", required: ["pinned"] }));
      config(repo, "  well_known:\n    entries:\n      github-workflow: { schema: schemas/wf.json }\n");
      const r = await run(repo);
      const f = schemaFindings(r.findings)[0];
      expect(f).toMatchObject({ level: "error", file: ".github/workflows/ci.yml" });
      expect(f!.message).toContain("schemas/wf.json");
    }));

  it("an explicit validate.schemas mapping wins over the catalog", () =>
    withRepo(async (repo) => {
      repo.write(".github/workflows/ci.yml", WORKFLOW_MISSPELT);
      repo.write("schemas/any.json", "{}");
      config(repo, '  schemas:\n    - files: [".github/workflows/*.yml"]\n      schema: schemas/any.json\n');
      const r = await run(repo);
      expect(schemaFindings(r.findings)).toEqual([]);
    }));

  it("validate.catalog: a team's own catalog in SchemaStore's format adds entries", () =>
    withRepo(async (repo) => {
      repo.write("schemas/meeting.schema.json", JSON.stringify({ type: "object", required: ["title"] }));
      repo.write(
        "catalog.json",
        JSON.stringify({ schemas: [{ name: "meeting", fileMatch: ["meetings/*.json"], url: "./schemas/meeting.schema.json" }] }),
      );
      repo.write("meetings/m1.json", '{ "when": "today" }\n');
      config(repo, "  catalog: catalog.json\n");
      const r = await run(repo, ["check", "--staged"]);
      expect(r.code).toBe(2); // not staged yet: the catalog file is read from the index
      repo.git("add", "-A");
      const staged = await run(repo, ["check", "--staged"]);
      expect(staged.code).toBe(1);
      expect(schemaFindings(staged.findings)[0]).toMatchObject({ level: "error", file: "meetings/m1.json", line: 1, column: 1 });
    }));

  it("a remote url in a user catalog is refused with the line that maps it to a local file", () =>
    withRepo(async (repo) => {
      repo.write(
        "catalog.json",
        `{\n  "schemas": [\n    { "name": "x", "fileMatch": ["x.json"], "url": "https://example.com/x.schema.json" }\n  ]\n}\n`,
      );
      repo.write("x.json", "{}");
      config(repo, "  catalog: catalog.json\n");
      const r = await repo.cli(["check"]);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain("catalog.json:3:5");
      expect(r.stdout).toContain("never fetched");
      expect(r.stdout).toContain('"url": "./schemas/x.schema.json"');
    }));
});

describe("integrity-guard schemas", () => {
  it("lists each file with the schema that applies and the pattern that matched; --list shows the entries and what the config turned off", () =>
    withRepo(async (repo) => {
      repo.write(".github/workflows/ci.yml", WORKFLOW_OK);
      repo.write("services/api/docker-compose.prod.yml", "services: {}\n");
      repo.write("data/a.json", "{}");
      repo.write("schemas/any.json", "{}");
      repo.write(
        "team/catalog.json",
        JSON.stringify({ schemas: [{ name: "meeting", fileMatch: ["*.meeting.json"], url: "../schemas/any.json" }] }),
      );
      config(
        repo,
        '  schemas:\n    - files: ["data/*.json"]\n      schema: schemas/any.json\n  catalog: team/catalog.json\n  well_known:\n    entries:\n      package: false\n',
      );
      const text = await repo.cli(["schemas"]);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(
        /\.github\/workflows\/ci\.yml +built-in:github-workflow\.json +\(built-in entry github-workflow: \*\*\/\.github\/workflows\/\*\.yml; error\)/,
      );
      expect(text.stdout).toMatch(
        /services\/api\/docker-compose\.prod\.yml +built-in:compose-spec\.json +\(built-in entry compose: \*\*\/docker-compose\.\*\.yml; error\)/,
      );
      expect(text.stdout).toMatch(/data\/a\.json +schemas\/any\.json +\(validate\.schemas\[0\]: data\/\*\.json; error\)/);
      const list = await repo.cli(["schemas", "--list", "--format", "json"]);
      const listed = JSON.parse(list.stdout) as {
        user: { id: string; schema: string }[];
        entries: { id: string; on: boolean; level: string }[];
      };
      expect(listed.user).toMatchObject([{ id: "meeting", schema: "schemas/any.json", catalog: "team/catalog.json" }]);
      const entries = listed.entries;
      expect(entries.find((e) => e.id === "package")).toMatchObject({ on: false, level: "warning" });
      expect(entries.find((e) => e.id === "github-workflow")).toMatchObject({ on: true, level: "error" });
    }));
});

describe("integrity-guard schemas shows the root-type skip of check", () => {
  it("a list named docker-compose.yml is listed as skipped (schema/skipped), a real compose file is not", () =>
    withRepo(async (repo) => {
      // Reduced from geerlingguy/ansible-role-docker tasks/docker-compose.yml (test/fixtures/well-known/SOURCES.md).
      repo.write("tasks/docker-compose.yml", "---\n- name: Check current docker-compose version.\n  command: docker-compose --version\n");
      repo.write("compose.yaml", 'services:\n  web:\n    image: nginx\n    ports: ["8080:80"]\n');
      repo.git("add", "-A");
      for (const args of [["schemas"], ["schemas", "--staged"]]) {
        const json = await repo.cli([...args, "--format", "json"]);
        const rows = (JSON.parse(json.stdout) as { files: { file: string; skipped?: { rule: string; message: string } }[] }).files;
        const skipped = rows.find((r) => r.file === "tasks/docker-compose.yml")?.skipped;
        expect(skipped?.rule).toBe("schema/skipped");
        expect(skipped?.message).toContain("its root is a list where compose files are a mapping");
        expect(rows.find((r) => r.file === "compose.yaml")).not.toHaveProperty("skipped");
      }
      const text = await repo.cli(["schemas"]);
      expect(text.stdout).toMatch(/tasks\/docker-compose\.yml +built-in:compose-spec\.json .*\n +skipped by check \(schema\/skipped\): /);
      // check says the same about the same file.
      const r = await run(repo);
      expect(r.findings.filter((f) => f.rule === "schema/skipped").map((f) => f.file)).toEqual(["tasks/docker-compose.yml"]);
    }));
});

describe("a catalog match does not make a template checkable", () => {
  it("a cookiecutter folder's workflow and compose file stay templates (a notice), not parse errors", () =>
    withRepo(async (repo) => {
      const dir = "{{cookiecutter.project_slug}}";
      repo.write(
        `${dir}/.github/workflows/ci.yml`,
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n{%- if cookiecutter.use_docker == 'y' %}\n      - run: docker compose build\n{%- endif %}\n",
      );
      repo.write(
        `${dir}/docker-compose.local.yml`,
        "services:\n  django:{% if cookiecutter.use_mailpit == 'y' %}\n    depends_on: [mailpit]{% endif %}\n    image: x\n",
      );
      const r = await run(repo);
      expect(r.findings.filter((f) => f.level === "error")).toEqual([]);
      expect(r.code).toBe(0);
      expect(r.findings.some((f) => f.rule === "validate/template")).toBe(true);
    }));
});
