/**
 * Red team, session 19: what KIND of file an existing file is, changed by the file's own content
 * in a pull request. Sessions 17 and 18 made readings that other files or a marker in the file
 * decide need the base commit's agreement (base-readings.ts); two content decisions were left to
 * the pull request:
 *
 * - A built-in catalog entry (GitHub workflows, Compose, dependabot, pre-commit, ...) is not
 *   applied to a file that its content says is another kind of file: a Hydra `# @package` header,
 *   a root list where the entry's files are mappings, Compose file format v1. One header line
 *   written into an existing `.github/workflows/deploy.yml` made any schema error in it a
 *   `schema/skipped` notice; GitHub refuses the workflow ("Invalid workflow file") and the deploy
 *   silently stops running.
 * - A file selected by a user glob whose name does not say its format (`conf/*.state`) is read as
 *   JSON or YAML by its first character (formatByContent). A `#` line put above an existing JSON
 *   file made it YAML, where a trailing comma, single quotes and unquoted keys pass; its reader
 *   (a JSON reader: the base's version is JSON) fails on them.
 *
 * Now, for a file the base commit holds, both count only when the base's version is that other
 * kind (or format) too: otherwise the file is checked as the base reads it, and a
 * `trust/reading-changed` notice says why. A file the pull request adds is read as its content says.
 */
import { describe, expect, it } from "vitest";
import { baseRepos, findingsOf as findings, prWriting as pr, type Found } from "../helpers/pull-request.js";

const baseRepo = baseRepos();

const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""}`);

const WORKFLOW = ".github/workflows/deploy.yml";
const GOOD_WORKFLOW = "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n";
/** `stepz`: GitHub refuses the workflow ("Unexpected value 'stepz'"), and nothing deploys. */
const BAD_JOB = "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: ./deploy.sh\n";
const COMPOSE = "compose.yaml";
const GOOD_COMPOSE = "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - '8080:80'\n";

const kindAttacks: { name: string; file: string; base: string; change: string; rule: RegExp }[] = [
  {
    name: "a Hydra `# @package` header line above a workflow with an unknown key",
    file: WORKFLOW,
    base: GOOD_WORKFLOW,
    change: "# @package _global_\n" + BAD_JOB,
    rule: /unknown key "stepz"/,
  },
  {
    name: "a workflow turned into a list (its root the other container)",
    file: WORKFLOW,
    base: GOOD_WORKFLOW,
    change: "- on: push\n  jobs: {}\n",
    rule: /list|array|type/,
  },
  {
    name: "a Compose file rewritten in file format v1 (services at the root), which `docker compose` refuses",
    file: COMPOSE,
    base: GOOD_COMPOSE,
    change: "web:\n  image: nginx:1.27\n  ports: ['8080:80']\n",
    rule: /web/,
  },
];

describe("a pull request that makes an existing well-known file another kind of file by its content", () => {
  for (const a of kindAttacks) {
    it(`${a.name}: validated against the entry as the base reads it, and the step fails`, async () => {
      const repo = baseRepo({ [a.file]: a.base });
      const r = await pr(repo, { [a.file]: a.change });
      const fs = findings(r.findingsJson);
      expect(r.code, brief(fs).join("\n")).toBe(1);
      const errors = fs.filter((f) => f.level === "error" && f.file === a.file && f.rule === "schema/violation");
      expect(errors.length, brief(fs).join("\n")).toBeGreaterThan(0);
      expect(errors.map((f) => f.message).join("\n")).toMatch(a.rule);
      expect(fs.some((f) => f.rule === "schema/skipped" && f.file === a.file)).toBe(false);
      const notice = fs.find((f) => f.rule === "trust/reading-changed" && f.file === a.file);
      expect(notice?.message).toMatch(/another kind of file/);
    });
  }

  it("the same with the parse workers (IG_PARSE_WORKERS): the worker's skip is not taken either", async () => {
    const repo = baseRepo({ [WORKFLOW]: GOOD_WORKFLOW });
    const r = await pr(repo, { [WORKFLOW]: "# @package _global_\n" + BAD_JOB }, { IG_PARSE_WORKERS: "1" });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs).join("\n")).toBe(1);
    expect(brief(fs)).toContain(`error schema/violation ${WORKFLOW}`);
    expect(brief(fs)).toContain(`notice trust/reading-changed ${WORKFLOW}`);
  });

  it("parse workers, a template line in an existing YAML file: its parse error, not a crash of the check", async () => {
    // The worker's "template" outcome asked the base on the main thread, which parsed the base's
    // YAML before any YAML parser was loaded there: check/crashed instead of the file's error.
    const repo = baseRepo({ "deploy/values.yaml": "replicas: 3\nimage: app\n" });
    const r = await pr(repo, { "deploy/values.yaml": "replicas: 3\n{% if prod %}\nimage: app\n{% endif %}\n" }, { IG_PARSE_WORKERS: "1" });
    const fs = findings(r.findingsJson);
    expect(
      brief(fs).some((f) => f.includes("check/crashed")),
      brief(fs).join("\n"),
    ).toBe(false);
    expect(fs.some((f) => f.level === "error" && f.file === "deploy/values.yaml" && f.rule.startsWith("parse/"))).toBe(true);
    expect(r.code).toBe(1);
  });

  it("a file the pull request adds is read as its content says (a Hydra config named compose.yaml)", async () => {
    const repo = baseRepo({ "README.md": "x\n" });
    const r = await pr(repo, { "conf/db/compose.yaml": "# @package _global_\ndriver: postgres\nport: 5432\n" });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs).join("\n")).toBe(0);
    expect(brief(fs)).toContain("notice schema/skipped conf/db/compose.yaml");
  });

  // The package entry's level is a warning, so no error and no trust/reading-changed notice (those are for failing files).
  it("a FHIR package's members written into an existing npm package.json: still validated as npm's", async () => {
    const repo = baseRepo({ "package.json": '{ "name": "app", "version": "1.0.0", "type": "module" }\n' });
    const change = '{ "name": "app", "version": "1.0.0", "type": "fhir.ig", "canonical": "http://x", "fhirVersions": ["4.0.1"] }\n';
    const fs = findings((await pr(repo, { "package.json": change })).findingsJson);
    expect(brief(fs)).toContain("warning schema/violation package.json");
    expect(brief(fs)).not.toContain("notice schema/skipped package.json");
    // A FHIR package the pull request adds is read as its content says.
    const other = baseRepo({ "package.json": '{ "name": "app", "version": "1.0.0", "type": "module" }\n' });
    const added = findings((await pr(other, { "defs/package/package.json": change })).findingsJson);
    expect(brief(added)).toContain("notice schema/skipped defs/package/package.json");
  });

  it("a file the base holds as that other kind already stays skipped (a Hydra config edited)", async () => {
    const repo = baseRepo({ "conf/db/compose.yaml": "# @package _global_\ndriver: postgres\nport: 5432\n" });
    const r = await pr(repo, { "conf/db/compose.yaml": "# @package _global_\ndriver: mysql\nport: 3306\n" });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs).join("\n")).toBe(0);
    expect(brief(fs)).toContain("notice schema/skipped conf/db/compose.yaml");
    expect(fs.some((f) => f.rule === "trust/reading-changed")).toBe(false);
  });
});

const STATE_CONFIG = 'version: 1\nvalidate:\n  files: ["**/*.state"]\n';

describe("a pull request that makes an existing JSON file of a name without a format read as YAML", () => {
  it("a `#` line above JSON with a trailing comma: read as JSON, as the base's version is, and the step fails", async () => {
    const repo = baseRepo({ ".integrity-guard/config.yml": STATE_CONFIG, "conf/app.state": '{"replicas": 3}\n' });
    const r = await pr(repo, { "conf/app.state": '# tuned\n{"replicas": 3,}\n' });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs).join("\n")).toBe(1);
    expect(fs.some((f) => f.level === "error" && f.file === "conf/app.state" && f.rule.startsWith("parse/"))).toBe(true);
    expect(fs.find((f) => f.rule === "trust/reading-changed" && f.file === "conf/app.state")?.message).toMatch(/YAML/);
  });

  it("a new file of that name is read as its content says (YAML)", async () => {
    const repo = baseRepo({ ".integrity-guard/config.yml": STATE_CONFIG, "conf/app.state": '{"replicas": 3}\n' });
    const r = await pr(repo, { "conf/worker.state": "# tuned\nreplicas: 3\n" });
    expect(r.code, r.findingsJson).toBe(0);
  });

  it("a file the base holds as YAML stays YAML", async () => {
    const repo = baseRepo({ ".integrity-guard/config.yml": STATE_CONFIG, "conf/app.state": "replicas: 3\n" });
    const r = await pr(repo, { "conf/app.state": "# tuned\nreplicas: 4\n" });
    expect(r.code, r.findingsJson).toBe(0);
  });
});
