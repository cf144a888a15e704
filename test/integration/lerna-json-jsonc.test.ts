/**
 * `lerna.json` is read by name as Lerna reads it. Lerna (v7+) loads it through cosmiconfig with
 * a `.json` loader of its own for lerna.json: @nx/devkit's parseJson (jsonc-parser), which skips
 * comments and takes trailing commas; its spec "does not error when lerna.json contains trailing
 * commas and/or comments" loads project/__fixtures__/invalid-lerna-json-recoverable. That fixture
 * was a parse/syntax error here (a false block). A lerna.json that parseJson refuses (a bare
 * number where a member name goes, a missing comma, a cut file) is still an error.
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

describe("lerna.json is JSONC to Lerna (@nx/devkit parseJson)", () => {
  it("comments and trailing commas pass", () =>
    withRepo(async (repo) => {
      // Lerna's own fixture, invalid-lerna-json-recoverable/lerna.json (MIT).
      repo.write(
        "lerna.json",
        '{\n  // Trailing commas and comments are recoverable\n  "version": "1.0.0",\n  "packages": ["packages/*"],\n}\n',
      );
      repo.write("tools/lerna.json", '{\n  /* independent */\n  "version": "independent",\n}\n');
      repo.git("add", "-A");
      for (const args of [["check"], ["check", "--staged"]]) {
        const r = await errors(repo, args);
        expect(r.errors).toEqual([]);
        expect(r.code).toBe(0);
      }
    }));

  it("what parseJson refuses is still reported", () =>
    withRepo(async (repo) => {
      // Lerna's own fixture, invalid-lerna-json-irrecoverable/lerna.json: "PropertyNameExpected in JSON at 2:3".
      repo.write("a/lerna.json", '{\n  233434\n  "version": "1.0.0",\n}\n');
      repo.write("b/lerna.json", '{\n  "version": "1.0.0"\n  "packages": ["packages/*"]\n}\n');
      repo.write("c/lerna.json", '{\n  "version": "1.0.0",\n  "packages": ["packages/*"\n');
      repo.write("d/lerna.json", '{\n  "version": "1.0.0",\n  "version": "2.0.0"\n}\n');
      repo.git("add", "-A");
      const r = await errors(repo, ["check"]);
      expect(r.errors.map(([, file, line]) => [file, line])).toEqual([
        ["a/lerna.json", 2],
        ["b/lerna.json", 3],
        ["c/lerna.json", expect.any(Number)],
        ["d/lerna.json", 3],
      ]);
      expect(r.errors.find(([, file]) => file === "d/lerna.json")![0]).toBe("parse/duplicate-key");
      expect(r.code).toBe(1);
    }));
});
