/**
 * Red team, session 26: the peer rule's reach (checks/mapped-peers.ts). A new file the base's
 * config maps to a schema took a relaxed reading from its *name* (a tsconfig-like or bsconfig
 * name is JSONC, `_category_.json` is YAML, `.babelrc.json` JSON5), from a name that says nothing
 * and content that starts as YAML, from a marker in its content (an ARM `$schema`, `%YAML 1.1`,
 * a stream of JSON values), or from a .NET project the pull request adds beside it (a BOM
 * skipped). Its readers are the mapping's (they load every file `config/*.json` matches): such a
 * reading counts only when a base file of the same mapping is read so.
 */
import { describe, expect, it } from "vitest";
import { runPullRequest } from "../e2e/action-harness.js";
import { baseRepos, findingsOf, prWriting, YAML_FLAGS_BASE, type Found } from "../helpers/pull-request.js";

const baseRepo = baseRepos();
const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");

const mapping = (glob: string) => `version: 1\nvalidate:\n  schemas:\n    - files: ["${glob}"]\n      schema: schemas/app.schema.json\n`;
const SCHEMA = JSON.stringify({ type: "object", required: ["port"], properties: { port: { type: "integer" } } });
const JSON_BASE = {
  ".integrity-guard/config.yml": mapping("config/*.json"),
  "schemas/app.schema.json": SCHEMA,
  "config/app.json": '{"port": 8080}\n',
};

/** The run failed with an error in `file` (its strict reading) and a notice that says its new reading was refused. */
function expectHeld(r: { code: number; findingsJson?: string }, file: string, reading: RegExp): void {
  const fs = findingsOf(r.findingsJson);
  expect(r.code, brief(fs)).toBe(1);
  expect(
    fs.some((f) => f.level === "error" && f.file === file),
    brief(fs),
  ).toBe(true);
  const notice = fs.find((f) => f.rule === "trust/reading-changed" && f.file === file);
  expect(notice?.message, brief(fs)).toMatch(/is new and the trusted config maps a schema to it/);
  expect(notice?.message, brief(fs)).toMatch(reading);
}

const COMMENTED = '{\n  // cut short\n  "port": 80,\n}\n';

describe("a new mapped file's name does not grant it a reading no peer of its mapping has", () => {
  for (const name of [
    "tsconfig.json",
    "tsconfig.prod.json",
    "bsconfig.json",
    ".oxfmtrc.json",
    "renovate.json",
    "db.tsconfig.json",
    "coc-settings.json",
  ])
    it(`config/${name} (JSONC by name) with a comment and a trailing comma`, async () => {
      const r = await prWriting(baseRepo(JSON_BASE), { [`config/${name}`]: COMMENTED });
      expectHeld(r, `config/${name}`, /by its name|JSON|JSON5/);
    });

  it("config/.babelrc.json (JSON5 by name) with single quotes", async () => {
    const r = await prWriting(baseRepo(JSON_BASE), { "config/.babelrc.json": "{port: 'x', }\n" });
    expectHeld(r, "config/.babelrc.json", /JSON5|Babel/);
  });

  it("config/_category_.json (YAML by name) with YAML where JSON is expected", async () => {
    const r = await prWriting(baseRepo(JSON_BASE), { "config/_category_.json": "port: 80\n" });
    expectHeld(r, "config/_category_.json", /YAML|Docusaurus/);
  });

  it("a case variant, config/TSConfig.json, is no tsconfig name (strict already)", async () => {
    const r = await prWriting(baseRepo(JSON_BASE), { "config/TSConfig.json": COMMENTED });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(fs.some((f) => f.level === "error" && f.file === "config/TSConfig.json")).toBe(true);
  });

  it("a `**/*.json` mapping: a new `.vscode/`-less `settings/tsconfig.json` beside strict peers", async () => {
    const repo = baseRepo({
      ".integrity-guard/config.yml": mapping("settings/**/*.json"),
      "schemas/app.schema.json": SCHEMA,
      "settings/a/app.json": '{"port": 1}\n',
    });
    const r = await prWriting(repo, { "settings/b/tsconfig.json": COMMENTED });
    expectHeld(r, "settings/b/tsconfig.json", /JSON/);
  });

  it("a rename of an existing strict file to a JSONC name, with a comment", async () => {
    const repo = baseRepo({ ...JSON_BASE, "config/db.json": '{"port": 5432}\n' });
    const r = await runPullRequest(repo, (w) => {
      w.git("mv", "config/db.json", "config/tsconfig.db.json");
      w.write("config/tsconfig.db.json", '{\n  "port": 5432, // cut\n}\n');
    });
    expectHeld(r, "config/tsconfig.db.json", /JSON with comments/);
  });
});

describe("a new mapped file whose name says nothing, YAML by content, beside JSON peers", () => {
  it("config/new.state starting with `#` is not read as YAML where its peers are JSON", async () => {
    const repo = baseRepo({
      ".integrity-guard/config.yml": mapping("config/*.state") + '  files: ["config/*.state"]\n',
      "schemas/app.schema.json": SCHEMA,
      "config/app.state": '{"port": 8080}\n',
    });
    const r = await prWriting(repo, { "config/new.state": "# written by hand\n{'port': 80,}\n" });
    expectHeld(r, "config/new.state", /YAML/);
  });
});

describe("a new mapped file's content marker, or a project the pull request adds, is no reading without a peer", () => {
  it("an ARM deployment `$schema` does not let comments into a new config/*.json", async () => {
    const r = await prWriting(baseRepo(JSON_BASE), {
      "config/new.json":
        '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  // cut\n  "port": 80\n}\n',
    });
    expectHeld(r, "config/new.json", /Azure Resource Manager/);
  });

  it("a stream of JSON values (an operator catalog's shape) is not read as opm reads it", async () => {
    const r = await prWriting(baseRepo(JSON_BASE), {
      "config/new.json":
        '{"schema": "olm.package", "name": "x", "port": 1}\n{"schema": "olm.channel", "name": "y", "package": "x", "port": 2}\n',
    });
    expectHeld(r, "config/new.json", /opm/);
  });

  it("a `%YAML 1.1` directive (the format's own declaration) keeps its reading in a new config/*.yaml (guard, as pr15)", async () => {
    const r = await prWriting(baseRepo(YAML_FLAGS_BASE), { "config/new.yaml": "%YAML 1.1\n---\naudit: off\n" });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
    expect(fs.filter((f) => f.level === "error" || f.rule === "trust/reading-changed")).toEqual([]);
  });

  it("a `.csproj` added beside a new config/*.json does not excuse its BOM", async () => {
    const r = await prWriting(baseRepo(JSON_BASE), {
      "config/App.csproj": '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
      "config/new.json": '\uFEFF{"port": 80}\n',
    });
    expectHeld(r, "config/new.json", /\.NET project/);
  });
});

describe("a new mapped file with template tags (holds already: a mapped file is never a template)", () => {
  it("a `{{ }}` line does not have a truncated new config/*.json skipped unread", async () => {
    const r = await prWriting(baseRepo(JSON_BASE), { "config/new.json": '{\n  "port": 80,\n{{ include "x" }}\n  "name": "x"\n' });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(fs.some((f) => f.level === "error" && f.file === "config/new.json" && f.rule.startsWith("parse/"))).toBe(true);
  });
});

/** The run passed with no error and no trust/reading-changed notice. */
function expectPassed(r: { code: number; findingsJson?: string }): void {
  const fs = findingsOf(r.findingsJson);
  expect(r.code, brief(fs)).toBe(0);
  expect(fs.filter((f) => f.level === "error" || f.rule === "trust/reading-changed")).toEqual([]);
}

describe("valid pull requests the peer rule must not block", () => {
  it("a new tsconfig beside a tsconfig with comments the base holds under the same mapping", async () => {
    const repo = baseRepo({ ...JSON_BASE, "config/tsconfig.json": '{\n  // base\n  "port": 1,\n}\n' });
    expectPassed(await prWriting(repo, { "config/tsconfig.app.json": COMMENTED }));
  });

  it("a base config whose own validate.jsonc glob names the new file (the notice's advice)", async () => {
    const repo = baseRepo({
      ...JSON_BASE,
      ".integrity-guard/config.yml": mapping("config/*.json") + '  jsonc: ["config/tsconfig*.json"]\n',
    });
    expectPassed(await prWriting(repo, { "config/tsconfig.json": COMMENTED }));
  });

  it("a new tsconfig with comments no mapping names", async () => {
    expectPassed(await prWriting(baseRepo(JSON_BASE), { "tools/tsconfig.json": COMMENTED, "tools/bsconfig.json": COMMENTED }));
  });

  it("an edit to a tsconfig with comments the base holds under a mapping", async () => {
    const repo = baseRepo({ ...JSON_BASE, "config/tsconfig.json": '{\n  // base\n  "port": 1,\n}\n' });
    expectPassed(await prWriting(repo, { "config/tsconfig.json": COMMENTED }));
  });

  it("a new YAML file under a name that says no format, beside YAML peers", async () => {
    const repo = baseRepo({
      ".integrity-guard/config.yml": mapping("config/*.state") + '  files: ["config/*.state"]\n',
      "schemas/app.schema.json": SCHEMA,
      "config/app.state": "# by hand\nport: 1\n",
    });
    expectPassed(await prWriting(repo, { "config/new.state": "# by hand\nport: 2\n" }));
  });

  it("a new `.yaml` and `.jsonc` file under a `config/*` mapping whose files the base holds as JSON", async () => {
    const repo = baseRepo({ ...JSON_BASE, ".integrity-guard/config.yml": mapping("config/*") });
    expectPassed(await prWriting(repo, { "config/new.yaml": "port: 2\n", "config/new.jsonc": COMMENTED }));
  });

  it("a new ARM template beside one the base holds under the same mapping", async () => {
    const arm = (c: string) =>
      `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  ${c}\n  "port": 80\n}\n`;
    const repo = baseRepo({ ...JSON_BASE, "config/main.json": arm("// main") });
    expectPassed(await prWriting(repo, { "config/new.json": arm("// new") }));
  });
});

describe("the cost of the rule: the first file of a relaxed kind, with a config change in the same pull request", () => {
  it("fails under the base's config, and the reading-changed annotation and the summary say to change the base branch first", async () => {
    const repo = baseRepo(JSON_BASE);
    const r = await prWriting(repo, {
      ".integrity-guard/config.yml": mapping("config/*.json") + '  jsonc: ["config/tsconfig*.json"]\n',
      "config/tsconfig.json": COMMENTED,
    });
    expectHeld(r, "config/tsconfig.json", /JSON with comments/);
    const fs = findingsOf(r.findingsJson);
    expect(fs.some((f) => f.rule === "trust/config-changed")).toBe(true);
    // Under a changed config, what only the base's rules find is an error (trusted-config.ts): the notice too.
    const notice = r.annotations.find((a) => a.includes("title=trust/reading-changed") && a.includes("config/tsconfig.json"));
    expect(notice, r.annotations.join("\n")).toMatch(/validate\.jsonc/);
    expect(notice).toMatch(/on the base branch first, in a pull request of its own/);
    expect(r.summary).toMatch(/config\/tsconfig\.json/);
  });
});
