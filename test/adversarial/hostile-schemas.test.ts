/**
 * Attacks through schemas and config that a pull request (or any commit) can carry, run on the
 * built bundles: a catastrophic `pattern` (ReDoS) must be refused with a finding naming it, never
 * freeze the check; `$ref`s that leave the repository fail closed; a pull request's config cannot
 * register log masks (which could hide findings in the log).
 */
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { CLI_BUNDLE, createRepo, GIT_ENV, type TestRepo } from "../helpers/repo.js";
import { payloads, runActionBundle } from "../e2e/action-harness.js";
import { isUnsafePattern, unsafePatterns } from "../../src/core/schema/unsafe-pattern.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

function repoWith(schema: object, data: string): TestRepo {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write(
    ".integrity-guard/config.yml",
    'version: 1\nvalidate:\n  schemas:\n    - files: ["data/*.json"]\n      schema: schemas/s.schema.json\n',
  );
  repo.write("schemas/s.schema.json", JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#", ...schema }));
  repo.write("data/x.json", data);
  repo.commitAll("base");
  return repo;
}

/**
 * `check` on the built CLI, killed after 60 s: a regression must fail the test (signal set), not
 * hang the test runner (spawnSync cannot be interrupted by vitest's timeout).
 */
function checkBounded(repo: TestRepo): { code: number | null; signal: NodeJS.Signals | null; stdout: string } {
  const r = spawnSync(process.execPath, [CLI_BUNDLE, "check"], {
    cwd: repo.dir,
    env: { ...process.env, ...GIT_ENV },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout };
}

// 40 characters: ^(a+)+$ backtracks 2^40 steps on this (hours), so a pass means it was never run.
const EVIL = JSON.stringify({ name: "a".repeat(40) + "!" });

describe("ReDoS: a catastrophic pattern in a schema", () => {
  it("in `pattern` is refused with an error naming the pattern and where it is (no hang)", () => {
    const repo = repoWith({ type: "object", properties: { name: { type: "string", pattern: "^(a+)+$" } } }, EVIL);
    const r = checkBounded(repo);
    expect(r.signal).toBeNull();
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain("unsafe pattern");
    expect(r.stdout).toContain("^(a+)+$");
    expect(r.stdout).toContain("schemas/s.schema.json#/properties/name/pattern");
  }, 90_000);

  it("as a `patternProperties` key is refused too", () => {
    const repo = repoWith(
      { type: "object", patternProperties: { "^(\\w+\\s?)*$": { type: "string" } } },
      '{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!": 1}',
    );
    const r = checkBounded(repo);
    expect(r.signal).toBeNull();
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain("unsafe pattern");
    expect(r.stdout).toContain("#/patternProperties/");
  }, 90_000);

  it("a repeated group with a fixed part (a common slug pattern) is still used: valid passes, invalid fails", () => {
    const schema = { type: "object", properties: { name: { type: "string", pattern: "^([a-z]+-)*[a-z]+$" } } };
    const ok = repoWith(schema, '{"name": "my-good-slug"}').cliBundle(["check"]);
    expect(ok.code, ok.stdout).toBe(0);
    const bad = repoWith(schema, '{"name": "Not A Slug"}').cliBundle(["check"]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("[schema/violation]");
  }, 60_000);
});

describe("isUnsafePattern", () => {
  it.each(["^(a+)+$", "(\\w+\\s?)*$", "^(\\d+(\\.\\d+)?)+$", "((ab)+)+", "(x*)*", "^(?:[a-z]+)*$", "(a{1,}b?){2,}"])("refuses %s", (p) =>
    expect(isUnsafePattern(p)).toBe(true),
  );
  it.each([
    "^([a-z]+-)*[a-z]+$",
    "(\\.\\w+)*",
    "^(?:[a-zA-Z0-9]+)?$",
    "^(/[^/]+)*/?$",
    "^\\p{L}+$",
    "^(a|b)+$",
    "(\\(x+\\))+",
    "[(]+)",
    "^\\d{1,3}(,\\d{3})*$",
    "^(\\d+)?$",
    // Iterations that cannot share a character at their boundary match one way (linear in V8):
    // words and separators of disjoint classes, common in real schemas (botocore's shapes).
    "^\\S+( +\\S+)*$",
    "^[a-zA-Z0-9,._-]+(\\s+[a-zA-Z0-9,._-]+)*$",
    "^s3://([^\\/]+\\/+)+x",
  ])("allows %s", (p) => expect(isUnsafePattern(p)).toBe(false));
  it.each(["arn:([\\w+=\\/,.@:-]+)*", "^[a-z0-9*](?:[._\\-/a-z0-9*]?[a-z0-9*]+)*$", "(\\s+\\S+\\s*)*"])(
    "still refuses %s (an iteration can end with what the next begins with)",
    (p) => expect(isUnsafePattern(p)).toBe(true),
  );
  it("ignores patterns inside data keywords and walks a 10,000-deep schema without overflowing", () => {
    let deep: object = { pattern: "^(a+)+$" };
    for (let i = 0; i < 10_000; i++) deep = { properties: { a: deep } };
    expect(unsafePatterns(deep)).toHaveLength(1);
    expect(unsafePatterns({ const: { pattern: "^(a+)+$" }, examples: [{ pattern: "(x*)*" }] })).toEqual([]);
  });
});

describe("$refs a schema uses to leave the repository", () => {
  it.each([
    ["/etc/passwd", "leaves the repository"],
    ["../../../../etc/passwd", "leaves the repository"],
    ["file:///etc/passwd", "does not exist"],
    ["http://127.0.0.1:9/x.json", "is remote, and schemas are never fetched (no network)"],
  ])(
    "$ref %s fails closed with a clear error",
    (ref, said) => {
      const repo = repoWith({ $ref: ref }, '{"a": 1}');
      const r = repo.cliBundle(["check"]);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain(said);
      expect(r.stdout).not.toContain("root:");
    },
    60_000,
  );
});

describe("$ref loops", () => {
  const cases: [string, (r: TestRepo) => void][] = [
    ['a schema that is only {"$ref": "#"}', () => {}],
    [
      "two schema files that refer to each other",
      (r) => {
        r.write("schemas/s.schema.json", '{"$ref": "b.schema.json"}');
        r.write("schemas/b.schema.json", '{"$ref": "s.schema.json"}');
        r.commitAll("mutual");
      },
    ],
  ];
  for (const workers of ["0", "2"]) {
    it.each(cases)(
      `%s is an error of the file it validates, not a crash (IG_PARSE_WORKERS=${workers})`,
      (_what, change) => {
        const repo = repoWith({ $ref: "#" }, '{"a": 1}');
        change(repo);
        const r = repo.cliBundle(["check"], { IG_PARSE_WORKERS: workers });
        expect(r.code, r.stdout + r.stderr).toBe(1);
        expect(r.stdout).toContain("refers to itself without end");
        expect(r.stdout).toContain("data/x.json");
        expect(r.stdout).not.toContain("check/crashed");
      },
      60_000,
    );
  }
});

describe("log masks on a pull request", () => {
  it("come from the base config only: the PR's config cannot mask words of the log", async () => {
    const repo = createRepo();
    cleanup.push(() => repo.cleanup());
    const route = (url: string) => `version: 1\nalerts:\n  - level: ERROR\n    webhook:\n      url: "${url}"\n`;
    repo.write(".integrity-guard/config.yml", route("https://base.example/hook/base-secret-1234"));
    repo.write("data/state.json", '{"ok": true}\n');
    repo.commitAll("base");
    const base = repo.git("rev-parse", "HEAD").trim();
    repo.git("switch", "-q", "-c", "feature");
    // The PR's "URL" is crafted to mask the word the finding's rule contains.
    repo.write(".integrity-guard/config.yml", route("https://syntax"));
    repo.write("data/state.json", '{"ok": true,,}\n');
    repo.commitAll("pr");
    const head = repo.git("rev-parse", "HEAD").trim();
    const r = await runActionBundle({
      repo,
      eventName: "pull_request",
      payload: payloads.pullRequest(7, { ref: "main", sha: base }, { ref: "feature", sha: head }),
      inputs: { comment: "false", token: "" },
    });
    expect(r.code).toBe(1);
    expect(r.masks).toContain("https://base.example/hook/base-secret-1234");
    expect(r.masks).not.toContain("https://syntax");
  }, 60_000);
});
