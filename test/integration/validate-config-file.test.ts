/**
 * `validate` does not parse .integrity-guard/config.yml a second time when its bytes are the
 * ones just loaded as the config: the report must be exactly what a full parse gives, warnings
 * included, from a cold and a warm config cache, and the shortcut must step aside whenever
 * something else applies to the file.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";

// An accepted config whose YAML still draws a parse warning (an unknown directive).
const CONFIG = '%FOO bar\n---\nversion: 1\nvalidate:\n  schemas:\n    - files: ["data/*.json"]\n      schema: s.json\n';

async function findings(repo: TestRepo, args: string[] = []) {
  const r = await repo.cli(["validate", ...args, "--format", "json"]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { findings: { rule: string; file: string; line: number; message: string }[] }).findings;
}

function setup(repo: TestRepo, config = CONFIG) {
  repo.write(".integrity-guard/config.yml", config);
  repo.write("s.json", '{"type": "object"}');
  repo.write("data/a.json", "{}");
  repo.commitAll("base");
}

describe("validate and the config file", () => {
  it("reports the config's parse warning the same from a cold and a warm config cache", () =>
    withRepo(async (repo) => {
      setup(repo);
      const cacheDir = path.join(repo.dir, ".git/integrity-guard/config-cache");
      fs.rmSync(cacheDir, { recursive: true, force: true });
      const cold = await findings(repo);
      expect(fs.readdirSync(cacheDir)).toHaveLength(1);
      const warm = await findings(repo);
      const explicit = await findings(repo, [".integrity-guard/config.yml"]);
      const expected = [
        { rule: "parse/warning", file: ".integrity-guard/config.yml", line: 1, column: 1, message: "Unknown directive %FOO" },
      ];
      expect(cold.map((f) => ({ ...f }))).toMatchObject(expected);
      expect(warm).toEqual(cold);
      expect(explicit).toEqual(cold);
    }));

  it("the staged check reports it too (the staged config's bytes)", () =>
    withRepo(async (repo) => {
      setup(repo);
      repo.write(".integrity-guard/config.yml", CONFIG.replace("%FOO bar", "%BAR baz"));
      repo.git("add", ".integrity-guard/config.yml");
      const r = await repo.cli(["check", "--staged", "--format", "json"]);
      expect(r.code, r.stderr).toBe(0);
      const f = (JSON.parse(r.stdout) as { findings: { rule: string; message: string }[] }).findings;
      // The commit changes the config, so the hook also says so (config/staged-change, a notice here).
      expect(f.map((x) => `${x.rule} ${x.message}`)).toEqual([
        "parse/warning Unknown directive %BAR",
        expect.stringMatching(/^config\/staged-change this commit changes \.integrity-guard\/config\.yml/),
      ]);
    }));

  it("a config mapped to a schema, or required to have one, is validated as any file", () =>
    withRepo(async (repo) => {
      setup(
        repo,
        "version: 1\nvalidate:\n  schemas:\n    - files: [.integrity-guard/config.yml]\n      schema: s.json\n  require_schema: [.integrity-guard/config.yml]\n",
      );
      repo.write("s.json", '{"type": "object", "required": ["nope"]}');
      const r = await repo.cli(["validate", "--format", "json"]);
      expect(r.code).toBe(1);
      const f = (JSON.parse(r.stdout) as { findings: { rule: string; file: string }[] }).findings;
      expect(f).toEqual([expect.objectContaining({ rule: "schema/violation", file: ".integrity-guard/config.yml" })]);
    }));
});
