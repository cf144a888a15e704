/**
 * Azure Resource Manager deployment files (known by their `$schema`) with a byte order mark: the
 * Azure CLI reads templates and parameters files with read_file_content (utf-8-sig first, then
 * utf-16), Azure PowerShell with .NET's BOM-detecting readers, and Windows PowerShell 5 writes
 * UTF-16 LE with a BOM (Azure/AzureStack-QuickStart-Templates' Hybrid-Deployment parameters files
 * hold both). Such a BOM is a warning naming those readers; anything else wrong in the file, a
 * BOM in a file without that `$schema`, and UTF-16 without a BOM stay errors. On a pull request
 * the base's version must be an ARM deployment file too (base-readings.ts: contentAgreedLookup).
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, withRepo, type TestRepo } from "../helpers/repo.js";
import { runPullRequest } from "../e2e/action-harness.js";
import type { Finding } from "../../src/core/finding.js";

async function check(repo: TestRepo): Promise<{ code: number; findings: Finding[] }> {
  const r = await repo.cli(["check", "--format", "json"]);
  expect([0, 1], r.stderr).toContain(r.code);
  return { code: r.code, findings: (JSON.parse(r.stdout) as { findings: Finding[] }).findings };
}
const brief = (fs: Finding[], file: string) =>
  fs
    .filter((f) => f.file === file)
    .map((f) => `${f.line ?? "-"} ${f.rule} ${f.level}`)
    .sort();

const PARAMS_SCHEMA = "https://schema.management.azure.com/schemas/2015-01-01/deploymentParameters.json#";
const TEMPLATE_SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
const PARAMS = `{\n  "$schema": "${PARAMS_SCHEMA}",\n  "contentVersion": "1.0.0.0",\n  "parameters": { "location": { "value": "westus" } }\n}\n`;
const TEMPLATE = `{\n  "$schema": "${TEMPLATE_SCHEMA}",\n  "contentVersion": "1.0.0.0",\n  "resources": []\n}\n`;
const utf8Bom = (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]);
const utf16le = (t: string, bom = true) => Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(t, "utf16le")]);
const utf16be = (t: string) => {
  const le = Buffer.from(t, "utf16le");
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};

describe("ARM deployment files with a byte order mark (Azure CLI, Azure PowerShell)", () => {
  it("a parameters file with a UTF-8 BOM, and parameters and template files in UTF-16 with a BOM, are warnings naming the readers", async () => {
    await withRepo(async (repo) => {
      repo.write("deploy/azuredeploy.parameters.json", utf8Bom(PARAMS));
      repo.write("stack/azurestackdeploy.parameters.json", utf16le(PARAMS));
      repo.write("stack/azuredeploy.json", utf16be(TEMPLATE));
      repo.commitAll("arm");
      const { code, findings } = await check(repo);
      expect(brief(findings, "deploy/azuredeploy.parameters.json")).toEqual(["1 parse/encoding warning"]);
      expect(brief(findings, "stack/azurestackdeploy.parameters.json")).toEqual(["1 parse/encoding warning"]);
      expect(brief(findings, "stack/azuredeploy.json")).toEqual(["1 parse/encoding warning"]);
      for (const f of findings.filter((x) => x.rule === "parse/encoding")) expect(f.message).toContain("Azure CLI");
      expect(findings.find((f) => f.file === "stack/azurestackdeploy.parameters.json")!.message).toContain("UTF-16 LE");
      expect(code).toBe(0);
    });
  });

  it("what else is wrong stays an error: a syntax error in a UTF-16 parameters file, a BOM without the $schema, UTF-16 without a BOM", async () => {
    await withRepo(async (repo) => {
      repo.write("a/broken.parameters.json", utf16le(PARAMS.replace('"contentVersion"', '"contentVersion" "x"')));
      repo.write("a/cut.parameters.json", utf8Bom(PARAMS.slice(0, 90)));
      repo.write("b/data.json", utf8Bom('{ "parameters": { "location": { "value": "westus" } } }\n'));
      repo.write("b/data16.json", utf16le('{ "parameters": {} }\n'));
      repo.write("c/nobom.parameters.json", utf16le(PARAMS, false));
      repo.commitAll("bad");
      const { code, findings } = await check(repo);
      expect(brief(findings, "a/broken.parameters.json")).toEqual(["1 parse/encoding warning", "3 parse/syntax error"].sort());
      expect(brief(findings, "a/cut.parameters.json")).toEqual(["1 parse/encoding error", "2 parse/truncated error"]);
      expect(brief(findings, "b/data.json")).toEqual(["1 parse/encoding error"]);
      expect(brief(findings, "b/data16.json")).toEqual(["1 parse/encoding error"]);
      expect(brief(findings, "c/nobom.parameters.json")).toEqual(["1 parse/encoding error"]);
      expect(code).toBe(1);
    });
  });
});

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

describe("ARM BOM readings on a pull request (the base must agree)", () => {
  const DATA = '{ "status": "ok" }\n';
  function base(files: Record<string, string | Buffer>): TestRepo {
    const repo = createRepo();
    cleanup.push(() => repo.cleanup());
    for (const [f, t] of Object.entries(files)) repo.write(f, t);
    repo.commitAll("base");
    return repo;
  }
  const errorsOf = (json: string | undefined, file: string) =>
    (JSON.parse(json ?? "{}") as { findings: Finding[] }).findings.filter((f) => f.file === file).map((f) => `${f.rule} ${f.level}`);

  it("a data file the PR turns into UTF-16 or gives a BOM with an ARM $schema stays an error", async () => {
    const repo = base({ "data/a.json": DATA, "data/b.json": DATA });
    const run = await runPullRequest(repo, (r) => {
      r.write("data/a.json", utf16le(PARAMS));
      r.write("data/b.json", utf8Bom(PARAMS));
    });
    expect(errorsOf(run.findingsJson, "data/a.json")).toContain("parse/encoding error");
    expect(errorsOf(run.findingsJson, "data/b.json")).toContain("parse/encoding error");
  });

  it("an ARM parameters file the base holds (UTF-16 there too) keeps the warning when the PR edits it", async () => {
    const repo = base({ "p.parameters.json": utf16le(PARAMS), "q.parameters.json": PARAMS });
    const run = await runPullRequest(repo, (r) => {
      r.write("p.parameters.json", utf16le(PARAMS.replace("westus", "eastus")));
      r.write("q.parameters.json", utf8Bom(PARAMS.replace("westus", "eastus")));
    });
    expect(errorsOf(run.findingsJson, "p.parameters.json")).toEqual(["parse/encoding warning"]);
    expect(errorsOf(run.findingsJson, "q.parameters.json")).toEqual(["parse/encoding warning"]);
  });
});
