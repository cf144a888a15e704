/**
 * Red team, round 3: a pull request's own config is run as well (the second run under its
 * rules), and its globs are matched against every file name, which the pull request controls
 * too. picomatch compiles globs to backtracking regular expressions: `data/*a*a*a*a*a*a*b`
 * against a 200-character name never finished, so a pull request could hold the Action until
 * the job's timeout with no report. Globs whose wildcards or groups could overlap that much are
 * now refused by name; every glob the catalog, the defaults and real configs use still works.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo } from "../helpers/repo.js";
import { runPullRequest } from "../e2e/action-harness.js";
import { assertSafeGlob, matcher } from "../../src/core/glob.js";
import { coveredFilter } from "../../src/core/manifest/select.js";
import { BUILTIN_ENTRIES } from "../../src/core/catalog/builtin.generated.js";
import { DEFAULT_JSONC } from "../../src/core/select/jsonc.js";
import { ALWAYS_EXCLUDED } from "../../src/core/well-known-paths.js";
import { ConfigError } from "../../src/errors.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

/** Each took seconds to hours on one long name or deep path before; all are refused now. */
const BOMBS = [
  "data/*a*a*a*a*a*a*b",
  "**/a/**/a/**/a/**/a/**/b",
  "{**,x}/{**,x}/{**,x}/{**,x}/b", // globstars inside braces
  "@(**)/@(**)/@(**)/@(**)/b", // and inside an extglob
  "*(a)*(a)*(a)*(a)b",
  "{*a,x}{*a,x}{*a,x}{*a,x}b",
  "{a,aa}".repeat(12) + "b", // 4,096 ways to read one name
];

/** Globs of real configs (test/fixtures/real-world) and of the docs: each must stay usable. */
const REAL = [
  "**/*.json",
  "data/**",
  "data/",
  "playground/**/__tests__/**/*.ts",
  "packages/*/{src,types}/**/*.ts",
  "packages/excalidraw/**/*.test.*.{ts,tsx}",
  "**/vite*config*",
  "v*.*.*[0-9]",
  "**/*-*-*.yaml",
  "{src,lib,test}/**/*.{json,yaml,yml}",
  "config/**/locales/*/*.json",
  "\\*\\*\\*\\*.json", // escaped stars are characters
  "[*][*][*][*].json",
];

describe("globs that would take minutes to match", () => {
  it.each(BOMBS)("%s is refused by matcher and by the manifest filter, naming the glob", (glob) => {
    expect(() => matcher([glob])).toThrow(ConfigError);
    expect(() => matcher([glob])).toThrow(JSON.stringify(glob));
    expect(() => coveredFilter({ include: [glob] })("x.json")).toThrow(ConfigError);
  });

  it("every glob of the built-in catalog, the defaults and real configs is accepted and still matches", () => {
    const all = [...BUILTIN_ENTRIES.flatMap((e) => e.fileMatch), ...DEFAULT_JSONC, ...ALWAYS_EXCLUDED, ...REAL];
    expect(all.length).toBeGreaterThan(30);
    for (const g of all) expect(() => assertSafeGlob(g), g).not.toThrow();
    const m = matcher(REAL);
    expect(m("playground/x/__tests__/y/z.ts")).toBe(true);
    expect(m("ci/a-b-c.yaml")).toBe(true);
    expect(m("****.json")).toBe(true);
    expect(m("other/readme.md")).toBe(false);
  });
});

describe("the Action on a pull request whose config holds such a glob", () => {
  it("ends with a verdict: the glob is reported, and the base rules still fail the corrupt file", async () => {
    const repo = createRepo();
    cleanup.push(() => repo.cleanup());
    const config = `version: 1
validate:
  schemas:
    - files: ["data/*.json"]
      schema: schemas/state.schema.json
`;
    repo.write(".integrity-guard/config.yml", config);
    repo.write("schemas/state.schema.json", '{"type": "object", "required": ["count"]}\n');
    repo.write("data/state.json", '{"count": 1}\n');
    repo.commitAll("base");
    const r = await runPullRequest(repo, (x) => {
      x.write(".integrity-guard/config.yml", config.replace('["data/*.json"]', '["data/*a*a*a*a*a*a*b"]'));
      fs.writeFileSync(path.join(x.dir, "data", "a".repeat(200) + ".json"), '{"count": 2}\n');
      x.write("data/state.json", '{"total": 1}\n'); // breaks the base branch's schema
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const report = JSON.parse(r.findingsJson ?? "{}") as { findings: { rule: string; level: string; file?: string; message: string }[] };
    expect(report.findings.some((f) => f.rule === "schema/violation" && f.file === "data/state.json" && f.level === "error")).toBe(true);
    expect(report.findings.some((f) => f.level === "error" && f.message.includes('"data/*a*a*a*a*a*a*b"'))).toBe(true);
  });
});
