/**
 * A Rojo project's JSON files are read as Rojo reads them. Rojo 7.5 and later (the Roblox project
 * tool; CHANGELOG "Added support for JSON comments and trailing commas in project, meta, and model
 * json files", #1144) parses `*.project.json`, `*.model.json` and `*.meta.json` with jsonc_parser's
 * default options (src/json.rs), so a comment or a trailing comma there was a parse/syntax error
 * (a false block; seen on a Roblox game's default.project.json). The suffixes are not Rojo's alone,
 * so the content must be Rojo's (a project's `tree` naming `$className`/`$path`, a model's
 * `className`, a meta file's `className`/`ignoreUnknownInstances`); what Rojo refuses is still
 * reported, and another tool's file of such a name stays strict JSON.
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

// The shape `rojo init` writes, with a comment and trailing commas as a user adds them.
const PROJECT =
  '{\n  // the place\n  "name": "game",\n  "tree": {\n    "$className": "DataModel",\n    "ReplicatedStorage": {\n      "Shared": { "$path": "src/shared", },\n    },\n  },\n}\n';
const MODEL =
  '{\n  /* a folder of values */\n  "className": "Folder",\n  "children": [\n    { "name": "Speed", "className": "NumberValue", "properties": { "Value": 16 } },\n  ],\n}\n';
const META = '{\n  "ignoreUnknownInstances": true, // keep what Studio adds\n}\n';

describe("a Rojo project's JSON files are JSONC to Rojo (jsonc_parser)", () => {
  it("comments and trailing commas pass in a project, a model and a meta file", () =>
    withRepo(async (repo) => {
      repo.write("default.project.json", PROJECT);
      repo.write("test.project.json", PROJECT.replace('"DataModel"', '"Folder"'));
      repo.write("src/shared/Config.model.json", MODEL);
      repo.write("src/shared/init.meta.json", META);
      repo.write("src/shared/Part.meta.json", '{\n  "className": "Part", // a part, not a folder\n  "properties": {},\n}\n');
      repo.git("add", "-A");
      for (const args of [["check"], ["check", "--staged"]]) {
        const r = await errors(repo, args);
        expect(r.errors).toEqual([]);
        expect(r.code).toBe(0);
      }
    }));

  it("what Rojo refuses is still reported, and another tool's file of such a name stays strict", () =>
    withRepo(async (repo) => {
      // A missing comma, a cut project, a conflict marker in a model.
      repo.write("a.project.json", PROJECT.replace('"game",', '"game"'));
      repo.write("b.project.json", PROJECT.slice(0, PROJECT.indexOf('"ReplicatedStorage"')));
      repo.write("src/c.model.json", MODEL.replace('  "children"', '<<<<<<< HEAD\n  "children"'));
      // Not Rojo's: no tree naming an instance, no className.
      repo.write("d.project.json", '{\n  // the build\n  "name": "d",\n  "tree": {}\n}\n');
      repo.write("e.model.json", '{\n  // weights\n  "layers": 3\n}\n');
      repo.write("f.meta.json", '{\n  "properties": {}, // a schema\n}\n');
      // Rojo's keys in another file name say nothing: the suffix is part of the rule.
      repo.write("g.json", META);
      repo.git("add", "-A");
      const r = await errors(repo, ["check"]);
      expect(r.errors.map(([rule, file]) => [rule, file])).toEqual([
        ["parse/syntax", "a.project.json"],
        ["parse/truncated", "b.project.json"],
        ["parse/syntax", "d.project.json"],
        ["parse/syntax", "e.model.json"],
        ["parse/syntax", "f.meta.json"],
        ["parse/syntax", "g.json"],
        ["parse/merge-conflict", "src/c.model.json"],
      ]);
      expect(r.code).toBe(1);
    }));
});
