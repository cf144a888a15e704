/**
 * Files whose content names their reader, through `check`, `check --staged` (the hook) and the
 * parse workers: a ytt template whose keys repeat across `#@` branches (Concourse's pipelines) is
 * skipped as a template, and a Hydra config named compose.yaml is not validated as a Compose file.
 * Corruption in both still gives an error.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

/** The shape of concourse/ci pipelines/resources/template.yml and concourse/examples' jobs.lib.yml. */
const YTT = [
  '#@ load("@ytt:data", "data")',
  "",
  "#@ def build_params(name):",
  '  #@ if name == "registry-image":',
  'CONTEXT: #@ name + "-resource"',
  "PUSH_REPO: ((registry.repo))",
  '  #@ elif name == "docker-image":',
  'CONTEXT: #@ name + "-resource"',
  "UNPACK_ROOTFS: 'true'",
  "  #@ else:",
  'CONTEXT: #@ name + "-resource"',
  "  #@ end",
  "#@ end",
  "",
  "#@ def unit_tests():",
  "name: unit-tests",
  "plan:",
  "- get: repo",
  "#@ end",
  "",
  "#@ def build_image():",
  "name: build-image",
  "plan:",
  "- get: repo",
  "  passed: [unit-tests]",
  "#@ end",
  "",
].join("\n");

const HYDRA_COMPOSE = "# @package _global_\ndefaults:\n  - group1: file1\n  - group2: file1\n";

const MODES: [string[], Record<string, string>][] = [
  [["check"], {}],
  [["check", "--staged"], {}],
  [["check"], { IG_PARSE_WORKERS: "2" }],
];

async function runAll(repo: TestRepo): Promise<{ mode: string; code: number; findings: Finding[] }[]> {
  repo.git("add", "-A");
  const out = [];
  for (const [args, env] of MODES) {
    const r = await repo.cli([...args, "--format", "json"], env);
    out.push({
      mode: `${args.join(" ")} ${JSON.stringify(env)}`,
      code: r.code,
      findings: (JSON.parse(r.stdout) as { findings: Finding[] }).findings,
    });
  }
  return out;
}

const errorsOf = (fs: Finding[]) => fs.filter((f) => f.level === "error").map((f) => [f.file, f.rule, f.line]);

describe("ytt templates", () => {
  it("keys repeated across #@ branches and def bodies: skipped as a template, with one notice", () =>
    withRepo(async (repo) => {
      repo.write("pipelines/template.yml", YTT);
      repo.write("pipelines/jobs.lib.yml", YTT);
      for (const r of await runAll(repo)) {
        expect(errorsOf(r.findings), r.mode).toEqual([]);
        expect(r.code, r.mode).toBe(0);
        const notices = r.findings.filter((f) => f.rule === "validate/template");
        expect(
          notices.map((f) => [f.file, f.level]),
          r.mode,
        ).toEqual([["pipelines/", "notice"]]);
        expect(notices[0]!.message).toContain("2 files under pipelines/ skipped");
        expect(notices[0]!.message).toContain("ytt #@ branches");
      }
    }));

  it("a key repeated inside one branch, or a syntax error, is still an error", () =>
    withRepo(async (repo) => {
      // The second PUSH_REPO stands in the same branch as the first: ytt keeps one of them too.
      repo.write("same-branch.yml", YTT.replace("PUSH_REPO: ((registry.repo))", "PUSH_REPO: ((registry.repo))\nPUSH_REPO: ((other.repo))"));
      // A flow sequence left open: ytt parses the file as YAML first and refuses it.
      repo.write("broken.yml", YTT.replace("passed: [unit-tests]", "passed: [unit-tests"));
      // Not ytt: the same repeated keys without the annotations.
      repo.write(
        "plain.yml",
        YTT.split("\n")
          .filter((l) => !l.includes("#@ "))
          .join("\n"),
      );
      for (const r of await runAll(repo)) {
        expect(r.code, r.mode).toBe(1);
        expect(
          r.findings.some((f) => f.rule === "validate/template"),
          r.mode,
        ).toBe(false);
        const files = [...new Set(r.findings.filter((f) => f.level === "error").map((f) => f.file))].sort();
        expect(files, r.mode).toEqual(["broken.yml", "plain.yml", "same-branch.yml"]);
        expect(
          r.findings.find((f) => f.file === "same-branch.yml" && f.level === "error"),
          r.mode,
        ).toMatchObject({
          rule: "parse/duplicate-key",
          line: 7,
        });
      }
    }));
});

describe("Hydra configs named like a well-known file", () => {
  it("a compose.yaml with Hydra's # @package header is not validated as a Compose file", () =>
    withRepo(async (repo) => {
      repo.write("hydra/test_utils/configs/compose.yaml", HYDRA_COMPOSE);
      for (const r of await runAll(repo)) {
        expect(errorsOf(r.findings), r.mode).toEqual([]);
        expect(r.code, r.mode).toBe(0);
        expect(
          r.findings.map((f) => [f.rule, f.level, f.file]),
          r.mode,
        ).toEqual([["schema/skipped", "notice", "hydra/test_utils/configs/compose.yaml"]]);
        expect(r.findings[0]!.message).toContain("read by Hydra");
      }
    }));

  it("without the header, after an ordinary comment, or broken, it is still an error", () =>
    withRepo(async (repo) => {
      repo.write("a/compose.yaml", HYDRA_COMPOSE.replace("# @package _global_\n", ""));
      repo.write("b/compose.yaml", `# my services\n${HYDRA_COMPOSE}`);
      repo.write("c/compose.yaml", `${HYDRA_COMPOSE}  - group3: [file1\n`);
      for (const r of await runAll(repo)) {
        expect(r.code, r.mode).toBe(1);
        expect(
          r.findings.filter((f) => f.level === "error").map((f) => [f.file, f.rule]),
          r.mode,
        ).toEqual([
          ["a/compose.yaml", "schema/violation"],
          ["b/compose.yaml", "schema/violation"],
          ["c/compose.yaml", expect.stringMatching(/^parse\//)],
        ]);
      }
    }));
});

describe("Semgrep rule test targets", () => {
  const RULE =
    'rules:\n  - id: public-s3-policy-statement\n    languages: [json]\n    severity: WARNING\n    message: public\n    pattern: \'{..., "Principal": "*", ...}\'\n';
  const TARGET = [
    "{",
    '  "Version": "2012-10-17",',
    '  "Statement": [',
    "    // ruleid: public-s3-policy-statement",
    '    { "Effect": "Allow", "Principal": "*" },',
    "    // ok: public-s3-policy-statement",
    '    { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::cloudfront:user/x" } },',
    "  ]",
    "}",
    "",
  ].join("\n");

  it("a .json target with // ruleid: annotations beside its rule passes; a broken one is still an error", () =>
    withRepo(async (repo) => {
      repo.write("json/aws/public-s3-policy-statement.yaml", RULE);
      repo.write("json/aws/public-s3-policy-statement.json", TARGET);
      repo.write("json/aws/missing-comma.json", TARGET.replace('"2012-10-17",', '"2012-10-17"'));
      repo.write("json/aws/cut.json", TARGET.slice(0, TARGET.indexOf("// ok")));
      for (const r of await runAll(repo)) {
        expect(errorsOf(r.findings), r.mode).toEqual([
          ["json/aws/cut.json", "parse/truncated", expect.any(Number)],
          ["json/aws/missing-comma.json", "parse/syntax", 3],
        ]);
      }
    }));
});

describe("FHIR package manifests", () => {
  // The shape of hl7.fhir.r4.core's package/package.json (SUSHI's test definitions hold it).
  const CORE = {
    name: "hl7.fhir.r4.core",
    version: "4.0.1",
    "fhir-version-list": ["4.0.1"],
    type: "fhir.core",
    license: "CC0-1.0",
    canonical: "http://hl7.org/fhir",
  };
  const IG = {
    name: "hl7.fhir.us.core",
    version: "8.0.0",
    canonical: "http://hl7.org/fhir/us/core",
    fhirVersions: ["4.0.1"],
    type: "fhir.ig",
  };

  it("a FHIR package's package.json is not validated as npm's, with a notice; an npm one still is; a broken one is an error", () =>
    withRepo(async (repo) => {
      repo.write("defs/r4/package/package.json", `${JSON.stringify(CORE, null, 2)}\n`);
      repo.write("defs/us-core/package/package.json", `${JSON.stringify(IG, null, 2)}\n`);
      // npm's own: `type` must be module or commonjs (the built-in entry's level: a warning).
      repo.write("app/package.json", '{ "name": "app", "version": "1.0.0", "type": "fhir.ig" }\n');
      repo.write("defs/cut/package/package.json", JSON.stringify(CORE, null, 2).slice(0, 80));
      for (const r of await runAll(repo)) {
        expect(errorsOf(r.findings), r.mode).toEqual([["defs/cut/package/package.json", "parse/truncated", expect.any(Number)]]);
        expect(
          r.findings.filter((f) => f.level !== "error").map((f) => [f.rule, f.level, f.file]),
          r.mode,
        ).toEqual([
          ["schema/violation", "warning", "app/package.json"],
          ["schema/skipped", "notice", "defs/r4/package/package.json"],
          ["schema/skipped", "notice", "defs/us-core/package/package.json"],
        ]);
        expect(r.findings.find((f) => f.file === "defs/r4/package/package.json")!.message).toContain("FHIR package tools");
      }
    }));
});
