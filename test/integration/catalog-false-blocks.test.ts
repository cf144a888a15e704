/**
 * False blocks of the built-in catalog found on real files (issue 19), one reduced fixture per
 * cause (test/fixtures/well-known/false-blocks/, sources in test/fixtures/well-known/SOURCES.md):
 * a schema stricter than its consumer (patched when vendored: vendor/schemastore/patches.json),
 * a file matched by name that is another kind of file (its root is the other container), and a
 * failed oneOf reported as the errors of every alternative. Genuine errors stay blocking.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, withRepo, type TestRepo } from "../helpers/repo.js";
import { COMPOSE_WRONG_TYPE, WORKFLOW_MISSPELT } from "../helpers/well-known.js";
import type { Finding } from "../../src/core/finding.js";

const FIXTURES = path.join(PROJECT_ROOT, "test/fixtures/well-known/false-blocks");

async function check(repo: TestRepo): Promise<{ code: number; findings: Finding[] }> {
  repo.git("add", "-A");
  const r = await repo.cli(["check", "--staged", "--format", "json"]);
  return { code: r.code, findings: (JSON.parse(r.stdout) as { findings: Finding[] }).findings };
}

function copyFixture(repo: TestRepo, name: string, file: string): void {
  repo.write(file, fs.readFileSync(path.join(FIXTURES, name, file)));
}

describe("real files their consumer accepts are not blocked", () => {
  it("a job strategy with fail-fast and no matrix (lobsters/lobsters check.yml): GitHub runs it", () =>
    withRepo(async (repo) => {
      copyFixture(repo, "strategy-without-matrix", ".github/workflows/check.yml");
      const r = await check(repo);
      expect(r.findings).toEqual([]);
      expect(r.code).toBe(0);
    }));

  it("a dependabot.yml with the deprecated reviewers key (jekyll/jekyll): Dependabot accepts it", () =>
    withRepo(async (repo) => {
      copyFixture(repo, "dependabot-reviewers", ".github/dependabot.yml");
      const r = await check(repo);
      expect(r.findings).toEqual([]);
      expect(r.code).toBe(0);
    }));

  // The shape of golangci/golangci-lint's .github/dependabot.yml (GPL-3.0, not copied): Dependabot
  // kept opening gomod pull requests after `default-days: 0` went in (its #6736, then #6748).
  it("a dependabot.yml whose cooldown is 0 days (golangci/golangci-lint): Dependabot runs it", () =>
    withRepo(async (repo) => {
      repo.write(
        ".github/dependabot.yml",
        "version: 2\nupdates:\n  - package-ecosystem: gomod\n    directory: /\n    cooldown:\n      default-days: 0\n      semver-major-days: 0\n      semver-minor-days: 0\n    schedule:\n      interval: weekly\n",
      );
      const r = await check(repo);
      expect(r.findings).toEqual([]);
      expect(r.code).toBe(0);
    }));

  // The shape of hoppscotch/hoppscotch's release-push-docker.yml: `inputs:` with only a comment
  // under it, unchanged for 15 months while its tag trigger pushed every release's images.
  it("a workflow_dispatch whose inputs are empty (hoppscotch/hoppscotch): GitHub runs it", () =>
    withRepo(async (repo) => {
      repo.write(
        ".github/workflows/release.yml",
        "on:\n  push:\n    tags:\n      - '*.*.*'\n  workflow_dispatch:\n    inputs:\n      # NO INPUTS\n\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo release\n",
      );
      const r = await check(repo);
      expect(r.findings).toEqual([]);
      expect(r.code).toBe(0);
    }));

  // The shape of fluent/fluent-bit's unit-tests.yaml and pr-compile-check.yaml (Apache-2.0):
  // unquoted version branches, and include items whose first key has no value.
  it("branch filters written as numbers and a matrix value left null (fluent/fluent-bit): GitHub runs them", () =>
    withRepo(async (repo) => {
      repo.write(
        ".github/workflows/unit.yaml",
        "on:\n  push:\n    branches:\n      - master\n      - 3.2\n      - 2.0\n  pull_request:\n    branches: [master, 4.1, true]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        compiler:\n          - gcc:\n            cc: gcc\n            cxx: g++\n          - clang:\n            cc: clang\n            cxx: clang++\n    steps:\n      - run: make CC=${{ matrix.compiler.cc }}\n",
      );
      const r = await check(repo);
      expect(r.findings).toEqual([]);
      expect(r.code).toBe(0);
    }));

  it("an Ansible task list named docker-compose.yml (geerlingguy/ansible-role-docker) is not a compose file: a notice, no error", () =>
    withRepo(async (repo) => {
      copyFixture(repo, "compose-task-list", "tasks/docker-compose.yml");
      const r = await check(repo);
      expect(r.findings.filter((f) => f.level === "error")).toEqual([]);
      expect(r.code).toBe(0);
      const notice = r.findings.find((f) => f.rule === "schema/skipped");
      expect(notice).toMatchObject({ level: "notice", file: "tasks/docker-compose.yml", line: 1, column: 1 });
      expect(notice!.message).toContain("its root is a list where compose files are a mapping");
    }));
});

describe("a compose file of comments only (open-telemetry/opentelemetry-demo compose.extras.yaml): compose merges it as an empty layer", () => {
  it.each([
    ["on the main thread", "0"],
    ["in the parse workers", "2"],
  ])("is a parse/empty warning and no schema error, %s; an empty compose file and a comment-only workflow still fail", (_how, workers) =>
    withRepo(async (repo) => {
      const saved = process.env.IG_PARSE_WORKERS;
      process.env.IG_PARSE_WORKERS = workers;
      try {
        copyFixture(repo, "compose-comment-only", "compose.extras.yaml");
        let r = await check(repo);
        expect(r.findings.map((f) => [f.rule, f.level, f.file])).toEqual([["parse/empty", "warning", "compose.extras.yaml"]]);
        expect(r.code).toBe(0);
        // Empty (what a truncated write leaves) is still validated as null, and only compose reads comments alone as empty.
        repo.write("empty/compose.yaml", "");
        repo.write(".github/workflows/ci.yml", "# on: push\n");
        r = await check(repo);
        expect(r.code).toBe(1);
        const errors = r.findings.filter((f) => f.level === "error");
        expect(errors.map((f) => [f.rule, f.file]).sort()).toEqual([
          ["schema/violation", ".github/workflows/ci.yml"],
          ["schema/violation", "empty/compose.yaml"],
        ]);
        // The null document is named as such (it read "found undefined undefined").
        for (const e of errors) {
          expect(e.message).toContain("must be an object, found null");
          expect(e.message).not.toContain("undefined");
        }
      } finally {
        if (saved === undefined) delete process.env.IG_PARSE_WORKERS;
        else process.env.IG_PARSE_WORKERS = saved;
      }
    }),
  );
});

describe("more schema strictness the consumer does not have (vendoring patches)", () => {
  it.each([
    ["single-glob-string", ".github/workflows/test.yml", "`branches: master`, one string (excalidraw/excalidraw)"],
    ["null-with-value", ".github/workflows/lint.yml", "a `with:` input set to null"],
    ["empty-branch-list", ".github/workflows/preview.yml", "`branches: []`, a parked push trigger (expo/examples)"],
    ["local-action", ".github/actions/build/action.yml", "a local action without description, inputs with type and example"],
  ])("%s: %s passes", (name, file) =>
    withRepo(async (repo) => {
      copyFixture(repo, name, file);
      const r = await check(repo);
      expect(r.findings).toEqual([]);
      expect(r.code).toBe(0);
    }),
  );

  it("a workflow on the newer issues activity types passes (typed, untyped, field_added, field_removed); an unknown type is still an error", () =>
    withRepo(async (repo) => {
      const workflow = (types: string) =>
        `on:\n  issues:\n    types: [${types}]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n`;
      repo.write(".github/workflows/issue-experiment.yml", workflow("field_added, field_removed, typed, untyped, opened"));
      repo.write(".github/workflows/typo.yml", workflow("field_add"));
      const r = await check(repo);
      expect(r.findings.filter((f) => f.level === "error").map((f) => [f.file, f.rule])).toEqual([
        [".github/workflows/typo.yml", "schema/violation"],
      ]);
    }));

  it("a compose service with pre_start hooks and a model without options passes (docker compose accepts both)", () =>
    withRepo(async (repo) => {
      repo.write(
        "compose.yaml",
        "services:\n  app:\n    image: alpine\n    pre_start:\n      - image: busybox\n        command: echo ready\n    models:\n      llm:\nmodels:\n  llm:\n    model: ai/example\n",
      );
      const r = await check(repo);
      expect(r.findings).toEqual([]);
      expect(r.code).toBe(0);
    }));

  // kubernetes-sigs/cluster-api cloudbuild.yaml writes `substitution_option`: Cloud Build reads the
  // config with protobuf's JSON mapping, which takes a field's proto name as well as its lowerCamel one.
  it("a Cloud Build config with proto (snake_case) field names passes; a misspelt or mistyped one is still reported", () =>
    withRepo(async (repo) => {
      repo.write(
        "ci/cloudbuild.yaml",
        "steps:\n  - id: build\n    name: gcr.io/cloud-builders/docker\n    args: [build, .]\n    wait_for: ['-']\n    secret_env: [TOKEN]\n    allow_failure: true\n" +
          "options:\n  substitution_option: ALLOW_LOOSE\n  dynamic_substitutions: true\n  machine_type: E2_HIGHCPU_8\n  disk_size_gb: 200\n" +
          "availableSecrets:\n  secretManager:\n    - versionName: projects/p/secrets/token/versions/latest\n      env: TOKEN\n",
      );
      repo.write(
        "bad/cloudbuild.yaml",
        "steps:\n  - name: gcr.io/cloud-builders/docker\n    wait_for: 3\noptions:\n  substitution_optoin: ALLOW_LOOSE\n",
      );
      const r = await check(repo);
      const reported = r.findings.map((f) => `${f.file}:${f.line} ${f.rule}`);
      expect(reported.filter((f) => f.startsWith("ci/"))).toEqual([]);
      expect(reported).toEqual(
        expect.arrayContaining(["bad/cloudbuild.yaml:3 schema/violation", "bad/cloudbuild.yaml:5 schema/violation"]),
      );
    }));
});

describe("an action.yml as the runner reads it (pulumi/examples .github/actions/setup/action.yml, reduced)", () => {
  const ACTION =
    "name: Setup\ndescription: tools\ninputs:\n  duration:\n    description: seconds\n    default: 7200\n  python-version:\n    default: 3.9\n  verbose:\n    default: false\n  empty:\n    default:\noutputs:\n  region:\n    value: ${{ steps.aws.outputs.region }}\nruns:\n  using: composite\n  steps:\n    - run: echo\n      shell: bash\n";

  it("number, boolean and null defaults (the runner converts them to text) and an output with only a value pass", () =>
    withRepo(async (repo) => {
      repo.write(".github/actions/setup/action.yml", ACTION);
      const r = await check(repo);
      expect(r.findings).toEqual([]);
      expect(r.code).toBe(0);
    }));

  it("a default that is a mapping or a list, and a composite output without a value, are still errors", () =>
    withRepo(async (repo) => {
      repo.write(
        ".github/actions/setup/action.yml",
        ACTION.replace("default: 7200", "default: {seconds: 7200}")
          .replace("default: false", "default: [a]")
          .replace("    value: ${{ steps.aws.outputs.region }}", "    description: the region"),
      );
      const r = await check(repo);
      expect(r.code).toBe(1);
      const errors = [...new Set(r.findings.filter((f) => f.level === "error").map((f) => f.line))].sort((a, b) => a! - b!);
      expect(errors).toEqual([6, 10, 15]); // the output region (line 14) lacks a value: reported at its mapping, line 15
    }));
});

describe("genuine errors stay blocking", () => {
  it("patched keys keep their types: a list-valued reviewers of numbers, a pre_start that is no list, an action without runs", () =>
    withRepo(async (repo) => {
      repo.write(
        ".github/dependabot.yml",
        "version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: weekly\n    reviewers: octocat\n",
      );
      repo.write("compose.yaml", "services:\n  app:\n    image: alpine\n    pre_start: echo\n");
      repo.write("action.yml", "name: x\ninputs:\n  a:\n    default: '1'\n");
      const r = await check(repo);
      expect(r.code).toBe(1);
      const errors = r.findings.filter((f) => f.level === "error").map((f) => `${f.file}:${f.line}:${f.column}`);
      expect(errors).toContain(".github/dependabot.yml:7:16");
      expect(errors).toContain("compose.yaml:4:16");
      expect(errors).toContain("action.yml:1:1");
    }));

  it("workflow_dispatch inputs stay a mapping of inputs: a list or a string is an error", () =>
    withRepo(async (repo) => {
      repo.write(
        ".github/workflows/a.yml",
        "on:\n  workflow_dispatch:\n    inputs: [version]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo a\n",
      );
      repo.write(
        ".github/workflows/b.yml",
        "on:\n  workflow_dispatch:\n    inputs: version\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo b\n",
      );
      const r = await check(repo);
      expect(r.code).toBe(1);
      const errors = r.findings.filter((f) => f.level === "error").map((f) => `${f.file}:${f.line}`);
      expect(errors).toEqual([".github/workflows/a.yml:3", ".github/workflows/b.yml:3"]);
    }));

  it("a cooldown stays a count of 0 to 90 days: -1 and 91 are errors", () =>
    withRepo(async (repo) => {
      repo.write(
        ".github/dependabot.yml",
        "version: 2\nupdates:\n  - package-ecosystem: gomod\n    directory: /\n    cooldown:\n      default-days: -1\n      semver-major-days: 91\n    schedule:\n      interval: weekly\n",
      );
      const r = await check(repo);
      expect(r.code).toBe(1);
      const errors = r.findings.filter((f) => f.level === "error").map((f) => `${f.file}:${f.line}`);
      expect(errors).toEqual([".github/dependabot.yml:6", ".github/dependabot.yml:7"]);
    }));

  it("a filter list may be empty, but its items stay non-empty strings and the filter a string or a list", () =>
    withRepo(async (repo) => {
      repo.write(
        ".github/workflows/a.yml",
        'on:\n  push:\n    branches: [""]\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make\n',
      );
      repo.write(".github/workflows/b.yml", "on:\n  push:\n    tags: {a: 1}\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make\n");
      // A number or boolean item is read as its text; a mapping or a null item is not a filter.
      repo.write(
        ".github/workflows/c.yml",
        "on:\n  push:\n    paths: [{a: 1}]\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make\n",
      );
      repo.write(
        ".github/workflows/d.yml",
        "on:\n  push:\n    branches: [~]\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make\n",
      );
      const r = await check(repo);
      expect(r.code).toBe(1);
      const errorFiles = [...new Set(r.findings.filter((f) => f.level === "error").map((f) => `${f.file}:${f.line}`))].sort();
      expect(errorFiles).toEqual([
        ".github/workflows/a.yml:3",
        ".github/workflows/b.yml:3",
        ".github/workflows/c.yml:3",
        ".github/workflows/d.yml:3",
      ]);
    }));

  it("the root-type guard skips only the other container: a compose mapping of wrong types, a scalar, an empty file still fail", () =>
    withRepo(async (repo) => {
      repo.write("compose.yaml", COMPOSE_WRONG_TYPE);
      repo.write("scalar/docker-compose.yml", "services\n");
      repo.write("empty/docker-compose.yml", "");
      const r = await check(repo);
      expect(r.code).toBe(1);
      const errorFiles = [...new Set(r.findings.filter((f) => f.level === "error").map((f) => f.file))].sort();
      expect(errorFiles).toEqual(["compose.yaml", "empty/docker-compose.yml", "scalar/docker-compose.yml"]);
      expect(r.findings.some((f) => f.rule === "schema/skipped")).toBe(false);
    }));

  it("a job with a misspelt key: the errors of the job shape it fits, not those of the reusable-workflow shape", () =>
    withRepo(async (repo) => {
      repo.write(".github/workflows/ci.yml", WORKFLOW_MISSPELT);
      const r = await check(repo);
      expect(r.code).toBe(1);
      const messages = r.findings.filter((f) => f.rule === "schema/violation").map((f) => `${f.line}:${f.column} ${f.message}`);
      expect(messages.some((m) => m.startsWith("5:5 jobs.test.runs-onn: unknown key"))).toBe(true);
      expect(messages.some((m) => /missing required key "runs-on"/.test(m))).toBe(true);
      // The reusable-workflow shape (a job that `uses:` another workflow) is not what was meant.
      expect(messages.filter((m) => /missing required key "uses"|unknown key "steps"/.test(m))).toEqual([]);
    }));

  it("a strategy value of the wrong type is still one error at its line, not one per alternative", () =>
    withRepo(async (repo) => {
      repo.write(
        ".github/workflows/ci.yml",
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    strategy:\n      fail-fast: false\n      max-parallel: {n: 2}\n    steps:\n      - run: make\n",
      );
      const r = await check(repo);
      expect(r.code).toBe(1);
      const errors = r.findings.filter((f) => f.level === "error");
      expect(errors.map((f) => `${f.line}:${f.column}`)).toEqual(["7:21"]);
    }));
});
