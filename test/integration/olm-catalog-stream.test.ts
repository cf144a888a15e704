/**
 * operator-registry file-based catalogs: `opm render` writes several JSON objects in a row into
 * one `.json` file, and opm reads each catalog file as a stream (alpha/declcfg/load.go:
 * WalkMetasReader, NewYAMLOrJSONDecoder in a loop). A file that starts with an `olm.*` schema
 * object, every value an object with a `"schema"`, is read that way; a broken value inside is
 * still an error at its own line, and several values without that evidence stay an error. On a
 * pull request the base's version must be a catalog too.
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

// As `opm render` writes a package (operator-registry's test/e2e/testdata, reduced).
const PACKAGE = '{\n    "schema": "olm.package",\n    "name": "prometheus",\n    "defaultChannel": "alpha"\n}\n';
const CHANNEL =
  '{\n    "schema": "olm.channel",\n    "name": "alpha",\n    "package": "prometheus",\n    "entries": [\n        { "name": "prometheusoperator.0.47.0" }\n    ]\n}\n';
const BUNDLE =
  '{\n    "schema": "olm.bundle",\n    "name": "prometheusoperator.0.47.0",\n    "package": "prometheus",\n    "image": "quay.io/x/y:v0.47.0"\n}\n';
const CATALOG = PACKAGE + CHANNEL + BUNDLE;

describe("operator-registry file-based catalogs (opm reads a stream of JSON values)", () => {
  it("a catalog as opm render writes it passes", async () => {
    await withRepo(async (repo) => {
      repo.write("catalog/prometheus/prometheus.json", CATALOG);
      repo.commitAll("fbc");
      const { code, findings } = await check(repo);
      expect(brief(findings, "catalog/prometheus/prometheus.json")).toEqual([]);
      expect(code).toBe(0);
    });
  });

  it("a broken or cut value inside a catalog, and several values without an olm.* schema, stay errors at their lines", async () => {
    await withRepo(async (repo) => {
      repo.write("a/broken.json", PACKAGE + CHANNEL.replace('"package": "prometheus",', '"package": "prometheus"') + BUNDLE);
      repo.write("a/cut.json", PACKAGE + CHANNEL + BUNDLE.slice(0, 40));
      repo.write("a/noschema.json", PACKAGE + '{ "name": "x" }\n');
      repo.write("b/two.json", '{ "status": "ok" }\n{ "status": "ok" }\n');
      repo.commitAll("bad");
      const { code, findings } = await check(repo);
      expect(brief(findings, "a/broken.json")).toEqual(["10 parse/syntax error"]);
      expect(brief(findings, "a/cut.json")).toEqual([expect.stringMatching(/^1[6-9] parse\/truncated error$/)]);
      expect(brief(findings, "a/noschema.json")).toEqual(["6 parse/syntax error"]);
      expect(brief(findings, "b/two.json")).toEqual(["2 parse/syntax error"]);
      expect(code).toBe(1);
    });
  });
});

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

describe("catalog streams on a pull request (the base must agree)", () => {
  function base(files: Record<string, string>): TestRepo {
    const repo = createRepo();
    cleanup.push(() => repo.cleanup());
    for (const [f, t] of Object.entries(files)) repo.write(f, t);
    repo.commitAll("base");
    return repo;
  }
  const of = (json: string | undefined, file: string) =>
    (JSON.parse(json ?? "{}") as { findings: Finding[] }).findings.filter((f) => f.file === file).map((f) => `${f.rule} ${f.level}`);

  it("a data file the PR turns into a catalog stream stays an error; a catalog the base holds takes a new value", async () => {
    const repo = base({ "data/state.json": '{ "status": "ok" }\n', "catalog/p.json": PACKAGE + CHANNEL });
    const run = await runPullRequest(repo, (r) => {
      r.write("data/state.json", CATALOG);
      r.write("catalog/p.json", CATALOG);
    });
    expect(of(run.findingsJson, "data/state.json")).toContain("parse/syntax error");
    expect(of(run.findingsJson, "catalog/p.json")).toEqual([]);
  });
});
