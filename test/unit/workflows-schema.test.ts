/**
 * Dogfood: action.yml and every workflow file (the project's own .github/workflows/, the shipped
 * templates/workflows/, and what init --workflows generates for other configs) validate against
 * SchemaStore's github-action.json / github-workflow.json with the project's own validator
 * (parseDocument with positions, SchemaCompiler, ajv errors -> findings at line:column).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/finding.js";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { ajvErrorsToFindings } from "../../src/core/schema/ajv-findings.js";
import { SchemaCompiler, type Validator } from "../../src/core/schema/compile.js";
import { renderWorkflows, TEMPLATE_CONFIG } from "../../src/io/workflows.js";
import { corpusDir, PROJECT_ROOT } from "../helpers/repo.js";

const dir = corpusDir("schemastore");
const compiler = new SchemaCompiler();

async function validator(name: string): Promise<Validator> {
  const file = path.join(dir!, name);
  const schema = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  const r = await compiler.compile({ path: `schemastore/${name}`, uri: String(schema.$id ?? name), schema, draft: "draft-07" }, []);
  if (!r.ok) throw new Error(`cannot compile ${name}: ${r.error}`);
  return r.validate;
}

async function check(file: string, text: string, schema: "github-action.json" | "github-workflow.json"): Promise<Finding[]> {
  const doc = parseDocument(text, { path: file, format: "yaml" });
  if (!doc.ok) return doc.findings;
  const errors = (await validator(schema))(doc.value);
  return errors ? ajvErrorsToFindings(errors, { file, schemaPath: schema, doc }) : [];
}

const show = (fs: Finding[]) => fs.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`).join("\n");
const yamlFiles = (rel: string) =>
  fs.existsSync(path.join(PROJECT_ROOT, rel))
    ? fs
        .readdirSync(path.join(PROJECT_ROOT, rel))
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => `${rel}/${f}`)
    : [];

describe.skipIf(!dir)("workflow and action files against SchemaStore (../shared/corpora/schemastore)", () => {
  it("action.yml validates against github-action.json", async () => {
    const text = fs.readFileSync(path.join(PROJECT_ROOT, "action.yml"), "utf8");
    expect(show(await check("action.yml", text, "github-action.json"))).toBe("");
  });

  it("the project's workflows and the templates exist", () => {
    expect(yamlFiles(".github/workflows").sort()).toEqual([
      ".github/workflows/check-dist.yml",
      ".github/workflows/ci.yml",
      ".github/workflows/self-test.yml",
    ]);
    expect(yamlFiles("templates/workflows").sort()).toEqual([
      "templates/workflows/integrity-check.yml",
      "templates/workflows/integrity-restore.yml",
      "templates/workflows/integrity-snapshot.yml",
    ]);
  });

  it.each([...yamlFiles(".github/workflows"), ...yamlFiles("templates/workflows")])(
    "%s validates against github-workflow.json",
    async (rel) => {
      const text = fs.readFileSync(path.join(PROJECT_ROOT, rel), "utf8");
      expect(show(await check(rel, text, "github-workflow.json"))).toBe("");
    },
  );

  it("generated workflows for other configs validate too (custom crons, unsigned, gpg with a file key, odd set names)", async () => {
    const configs = [
      {
        version: 1 as const,
        snapshots: {
          sign: { format: "none" as const },
          sets: { "state.v2": { paths: ["a/"], schedule: "*/15 * * * *", keep: 3 }, x: { paths: ["b"] } },
        },
      },
      {
        version: 1 as const,
        snapshots: {
          remote: "backup",
          branch: "snaps",
          sign: { format: "gpg" as const, key: "keys/private.asc" },
          sets: { daily: { paths: ["data/"] } },
        },
      },
      TEMPLATE_CONFIG,
    ];
    for (const config of configs) {
      for (const [name, text] of renderWorkflows(config).files) expect(show(await check(name, text, "github-workflow.json"))).toBe("");
    }
  });

  it("the validator does catch a broken workflow (the test can fail)", async () => {
    const bad = "name: x\non: [push]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo\n";
    const findings = await check("bad.yml", bad, "github-workflow.json");
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.some((f) => f.line !== undefined && f.line >= 4)).toBe(true);
  });
});
