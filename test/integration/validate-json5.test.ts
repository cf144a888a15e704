/**
 * Files Babel or another JSON5 reader reads (`.babelrc`, `.babelrc.json`, `babel.config.json`,
 * `*.json5`; src/checks/json5-reading.ts): what the json5 package accepts passes `check` and the
 * hook; what it refuses is an error where it stops; a repeated key stays an error.
 */
import { expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function errorsOf(repo: TestRepo, args: string[]): Promise<Finding[]> {
  const r = await repo.cli([...args, "--format", "json"]);
  expect([0, 1], r.stderr).toContain(r.code);
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings.filter((f) => f.level === "error");
}

// Single quotes, unquoted keys, a hex number, a leading +, Infinity, an escaped line break, comments, trailing commas.
const JSON5_ONLY = `{
  // Babel's own config
  presets: ['@babel/preset-env',],
  plugins: [["transform", { limit: 0x10, ratio: +1.5, max: Infinity }]],
  comments: 'one \\
two',
}
`;

it("JSON5 that Babel and Renovate read passes check and the hook (before: .babelrc unchecked, babel.config.json blocked)", () =>
  withRepo(async (repo) => {
    for (const f of [".babelrc", "packages/a/.babelrc.json", "babel.config.json", "renovate.json5", "eas.json"]) repo.write(f, JSON5_ONLY);
    repo.commitAll("json5");
    const r = await repo.cli(["check", "--format", "json"]);
    expect(r.code, r.stdout).toBe(0);
    const summary = (JSON.parse(r.stdout) as { summary: { checked: number } }).summary;
    expect(summary.checked).toBeGreaterThanOrEqual(5); // all five were read, not skipped
    for (const f of [".babelrc", "babel.config.json"]) repo.write(f, JSON5_ONLY.replace("comments", "compact"));
    repo.git("add", "-A");
    expect(await errorsOf(repo, ["check", "--staged"])).toEqual([]);
  }));

it("what the JSON5 reader refuses is an error at the line and column where it stops; a repeated key stays an error", () =>
  withRepo(async (repo) => {
    repo.write(".babelrc", "{\n  presets: ['@babel/preset-env'],\n  plugins: [x y],\n}\n");
    repo.write("renovate.json5", "{\n  extends: ['config:recommended'],\n  'labels': ['deps'\n}\n");
    repo.write("babel.config.json", '{\n  "presets": [],\n  "presets": ["@babel/preset-env"]\n}\n');
    repo.write("empty.json5", "");
    repo.commitAll("broken");
    const errors = await errorsOf(repo, ["check"]);
    const at = (file: string) => errors.filter((f) => f.file === file).map((f) => `${f.rule} ${f.line}:${f.column}`);
    expect(at(".babelrc")).toEqual(["parse/syntax 3:13"]); // a bare word is no JSON5 value
    expect(at("renovate.json5")).toEqual(["parse/syntax 4:1"]);
    expect(at("babel.config.json")).toEqual(["parse/duplicate-key 3:3"]);
    expect(at("empty.json5").length).toBe(1);
    expect(errors.find((f) => f.file === ".babelrc")?.message).toMatch(/as Babel \(json5\) reads it/);
  }));

it("renovate.json that only Renovate's JSON5 fallback reads passes with a warning; what JSON5 refuses there stays an error (before: an invalid escape blocked it)", () =>
  withRepo(async (repo) => {
    // jenkinsci/configuration-as-code-plugin: `\.` is no JSON escape; JSON5 reads it as `.`.
    const fallback = '{\n  "packageRules": [\n    { "allowedVersions": "/^[0-9]+\\.[0-9]+$/" }\n  ]\n}\n';
    repo.write("renovate.json", fallback);
    repo.write(".github/.renovaterc.json", fallback);
    // `.renovaterc` (no extension) is one of Renovate's config names, read as renovate.json is.
    repo.write(".renovaterc", fallback);
    repo.write("other/settings.json", fallback);
    repo.write("broken/renovate.json", '{\n  "extends": ["config:recommended"]\n  "labels": [x y]\n}\n');
    repo.write("broken/.renovaterc", '{\n  "extends": ["config:recommended"],\n  "labels": ["deps"\n}\n');
    repo.commitAll("renovate");
    const r = await repo.cli(["check", "--format", "json"]);
    const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
    const of = (file: string) => findings.filter((f) => f.file === file).map((f) => `${f.level} ${f.rule} ${f.line}:${f.column}`);
    expect(of("renovate.json")).toEqual(["warning parse/syntax 3:35"]);
    expect(findings.find((f) => f.file === "renovate.json")?.message).toMatch(/only through its JSON5 fallback/);
    expect(of(".github/.renovaterc.json")).toEqual(["warning parse/syntax 3:35"]);
    expect(of(".renovaterc")).toEqual(["warning parse/syntax 3:35"]);
    // The same text under another name is read by no JSON5 fallback: still an error.
    expect(of("other/settings.json")).toEqual(["error parse/syntax 3:35"]);
    expect(of("broken/renovate.json").filter((f) => f.startsWith("error"))).toHaveLength(1);
    expect(of("broken/.renovaterc").filter((f) => f.startsWith("error"))).toHaveLength(1);
    expect(r.code).toBe(1);
  }));
