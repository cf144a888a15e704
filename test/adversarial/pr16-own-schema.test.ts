/**
 * Red team, session 21: a pull request that writes a `$schema` key into an existing well-known
 * file. Which schema applies is "an explicit mapping; else the file's own `$schema`; else a
 * catalog entry" (docs/catalog.md): a `$schema` naming a local file, or the SchemaStore URL of
 * another vendored schema, replaced the built-in entry the file's name selects. One key line and
 * an empty schema file written beside an existing `.github/workflows/deploy.yml` had any error in
 * it pass, while GitHub refuses the workflow and nothing deploys. The file's name still names its
 * reader: for a file the base commit holds without that `$schema`, the entry applies too.
 */
import { describe, expect, it } from "vitest";
import { baseRepos, findingsOf as findings, prWriting as pr, type Found } from "../helpers/pull-request.js";

const baseRepo = baseRepos();

const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");

const WORKFLOW = ".github/workflows/deploy.yml";
const GOOD_WORKFLOW = "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n";
/** `stepz`: GitHub refuses the workflow ("Unexpected value 'stepz'"), and nothing deploys. */
const BAD_JOB = "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: ./deploy.sh\n";

describe("a pull request that gives an existing well-known file a `$schema` of its own", () => {
  for (const [name, key, extra] of [
    ["a local schema file it adds (`{}`)", "$schema: ./open.schema.json\n", { ".github/workflows/open.schema.json": "{}\n" }],
    ["a local schema file the base holds", "$schema: ../../schemas/open.json\n", {}],
    ["the SchemaStore URL of another vendored schema", "$schema: https://www.schemastore.org/lerna.json\n", {}],
  ] as const) {
    it(`${name}: the catalog entry still applies, and the step fails`, async () => {
      const repo = baseRepo({ [WORKFLOW]: GOOD_WORKFLOW, "schemas/open.json": "{}\n" });
      const r = await pr(repo, { [WORKFLOW]: key + BAD_JOB, ...extra });
      const fs = findings(r.findingsJson);
      expect(r.code, brief(fs)).toBe(1);
      const errors = fs.filter((f) => f.level === "error" && f.file === WORKFLOW && f.rule === "schema/violation");
      expect(errors.map((f) => f.message).join("\n"), brief(fs)).toMatch(/stepz/);
      const notice = fs.find((f) => f.rule === "trust/reading-changed" && f.file === WORKFLOW);
      expect(notice?.message, brief(fs)).toMatch(/its own \$schema .* instead of .*workflow/i);
    });
  }

  it("a file the pull request adds is validated against the schema it names, as before (guard)", async () => {
    const repo = baseRepo({ "schemas/open.json": "{}\n" });
    const r = await pr(repo, { "package.json": '{"$schema": "./schemas/open.json", "name": "x", "version": "1.0.0"}\n' });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
  });

  it("a file whose base version had another `$schema` of its own (no catalog entry there either) keeps its new one alone (guard)", async () => {
    const repo = baseRepo({
      "schemas/a.json": "{}\n",
      "schemas/b.json": "{}\n",
      "package.json": '{"$schema": "./schemas/a.json", "name": "x"}\n',
    });
    // The package.json entry would refuse a numeric name; neither the base nor the change used it.
    const r = await pr(repo, { "package.json": '{"$schema": "./schemas/b.json", "name": 5}\n' });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
    expect(
      fs.filter((f) => f.file === "package.json" && f.rule === "schema/violation"),
      brief(fs),
    ).toEqual([]);
  });

  it("a file whose base version has the same `$schema` keeps it alone (guard)", async () => {
    const own = JSON.stringify({ type: "object", properties: { name: { type: "string" } } });
    const repo = baseRepo({ "schemas/pkg.json": own, "package.json": '{"$schema": "./schemas/pkg.json", "name": "x"}\n' });
    // The package.json schema would refuse a numeric version; the team's own schema does not say.
    const r = await pr(repo, { "package.json": '{"$schema": "./schemas/pkg.json", "name": "x", "private": true}\n' });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
  });
});
