/**
 * An Nx workspace's `project.json` is read as Nx reads it. Nx's project-json plugin loads every
 * project.json with readJsonFile, whose parseJson (nx/src/utils/json.ts) tries JSON.parse and
 * then jsonc-parser with comments and trailing commas allowed ("By default javascript-style
 * comments and trailing commas are allowed"): the reader of nx.json, already JSONC here. The
 * name is common (firebaseopensource's .opensource/project.json, .NET Core 1's project.json), so
 * the file must say it is Nx's: its `$schema` (nx/schemas/project-schema.json) or a target's
 * `executor`. A comment there was a parse/syntax error (a false block); what parseJson refuses
 * is still reported, and a project.json that does not look like Nx's stays strict JSON.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function errors(repo: TestRepo, args: string[]): Promise<{ code: number; errors: [string, string, number | undefined][] }> {
  const r = await repo.cli([...args, "--format", "json"]);
  const findings = (JSON.parse(r.stdout || "{}") as { findings?: Finding[] }).findings ?? [];
  return {
    code: r.code,
    errors: findings
      .filter((f) => f.level === "error")
      .map((f): [string, string, number | undefined] => [f.rule, f.file ?? "", f.line])
      .sort((a, b) => a[1].localeCompare(b[1])),
  };
}

// The shape `nx g @nx/js:lib` writes, with a comment and trailing commas as a user adds them.
const WITH_SCHEMA =
  '{\n  "name": "web",\n  "$schema": "../../node_modules/nx/schemas/project-schema.json",\n  "sourceRoot": "apps/web/src",\n  // built by Vite\n  "targets": {\n    "build": {\n      "executor": "@nx/vite:build",\n      "outputs": ["{options.outputPath}"],\n    },\n  },\n  "tags": [],\n}\n';
// No $schema (older generators, hand-written files): a target's executor says it is Nx's.
const WITH_EXECUTOR =
  '{\n  "name": "api",\n  /* inferred targets are merged in by plugins */\n  "targets": {\n    "serve": { "executor": "nx:run-commands", "options": { "command": "node main.js" } }\n  }\n}\n';

describe("an Nx project.json is JSONC to Nx (parseJson)", () => {
  it("comments and trailing commas pass, by $schema or by executor", () =>
    withRepo(async (repo) => {
      repo.write("apps/web/project.json", WITH_SCHEMA);
      repo.write("apps/api/project.json", WITH_EXECUTOR);
      repo.write("project.json", WITH_EXECUTOR);
      // Saved with a BOM: jsonc-parser's scanner takes U+FEFF as white space.
      repo.write("libs/ui/project.json", `\uFEFF${WITH_SCHEMA}`);
      repo.git("add", "-A");
      for (const args of [["check"], ["check", "--staged"]]) {
        const r = await errors(repo, args);
        expect(r.errors).toEqual([]);
        expect(r.code).toBe(0);
      }
    }));

  it("what parseJson refuses is still reported, and another tool's project.json stays strict", () =>
    withRepo(async (repo) => {
      // A missing comma (reported where the next member starts, after the comment), a cut file, a
      // duplicate key in an Nx project.json.
      repo.write("a/project.json", WITH_EXECUTOR.replace('"api",', '"api"'));
      repo.write("b/project.json", WITH_SCHEMA.slice(0, WITH_SCHEMA.indexOf('"tags"')));
      repo.write("c/project.json", WITH_EXECUTOR.replace('"name": "api",', '"name": "api",\n  "name": "api2",'));
      // Not Nx's (a .NET Core 1 project.json): its comment is an error, as before.
      repo.write("d/project.json", '{\n  // the runtime\n  "frameworks": { "netcoreapp1.0": {} }\n}\n');
      // Nx's schema in another file name says nothing: the name is part of the rule.
      repo.write("e/config.json", WITH_SCHEMA);
      repo.git("add", "-A");
      const r = await errors(repo, ["check"]);
      expect(r.errors.map(([rule, file, line]) => [rule, file, line])).toEqual([
        ["parse/syntax", "a/project.json", 4],
        ["parse/truncated", "b/project.json", expect.any(Number)],
        ["parse/duplicate-key", "c/project.json", 3],
        ["parse/syntax", "d/project.json", 2],
        ["parse/syntax", "e/config.json", 5],
      ]);
      expect(r.code).toBe(1);
    }));
});
