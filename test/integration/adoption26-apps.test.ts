/**
 * Session 26 adoption (rw-a26): files of real repositories that their readers accept, blocked
 * before, and what stays an error beside them.
 * - just-the-docs/just-the-docs ships `_includes/lunr/custom-data.json` empty: Jekyll pastes an
 *   include into a page as template text, and the theme leaves this hook for sites to fill in.
 * - microsoft/promptflow: `- run: true` steps (GitHub's template reader converts a literal to a
 *   string where only a string is allowed) and a local action's `required: required` (the
 *   runner types only an input's `default`).
 */
import { describe, expect, it } from "vitest";
import { withRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

const seen = (findings: Finding[]) =>
  findings.map((f) => [f.level, f.rule, f.file, f.pointer ?? ""]).sort((a, b) => `${a[2]}${a[3]}`.localeCompare(`${b[2]}${b[3]}`));

describe("adoption, session 26: applications and tools", () => {
  it("an empty JSON include of a Jekyll or Eleventy site is a warning; an empty data file beside it stays an error", () =>
    withRepo(async (repo) => {
      repo.write("_includes/lunr/custom-data.json", "");
      repo.write("_data/nav.json", "");
      repo.write("_includes/head.json", '{"a": 1,\n');
      repo.git("add", "-A");
      for (const args of [["check", "--staged"], ["check"]]) {
        const r = await repo.cli([...args, "--format", "json"]);
        const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
        expect(seen(findings)).toEqual([
          ["error", "parse/empty", "_data/nav.json", ""],
          ["error", "parse/truncated", "_includes/head.json", "/a"],
          ["warning", "parse/empty", "_includes/lunr/custom-data.json", ""],
        ]);
        expect(findings.find((f) => f.file === "_includes/lunr/custom-data.json")?.message).toMatch(/Jekyll or Eleventy/);
        expect(r.code).toBe(1);
      }
    }));

  it("a workflow's `run: true` is the string GitHub reads; a boolean where no string is allowed, and a number that is no permission level, stay errors", () =>
    withRepo(async (repo) => {
      repo.write(
        ".github/workflows/ci.yml",
        [
          "on: push",
          "jobs:",
          "  authorize:",
          "    runs-on: ubuntu-latest",
          "    steps:",
          "      - run: true",
          "      - name: 2024",
          "        run: echo hi",
          "  build:",
          "    needs: authorize",
          "    runs-on: ubuntu-latest",
          "    timeout-minutes: true",
          "    permissions: 1",
          "    steps:",
          "      - run: echo",
          "        shell: 1",
          "",
        ].join("\n"),
      );
      repo.write(
        ".github/actions/publish/action.yml",
        [
          "name: publish",
          "description: publish results",
          "inputs:",
          "  file:",
          "    required: required",
          "    type: string",
          "runs:",
          "  using: composite",
          "  steps:",
          "    - run: true",
          "      shell: bash",
          "",
        ].join("\n"),
      );
      repo.git("add", "-A");
      const r = await repo.cli(["check", "--format", "json"]);
      const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
      const errors = findings.filter((f) => f.level === "error").map((f) => [f.file, f.pointer]);
      expect(errors).toContainEqual([".github/workflows/ci.yml", "/jobs/build/timeout-minutes"]);
      // "1" is no permission level: converted, the schema's enum still refuses it; `shell: 1` is a custom shell command.
      expect(errors).toContainEqual([".github/workflows/ci.yml", "/jobs/build/permissions"]);
      expect(errors.some(([, p]) => String(p).startsWith("/jobs/build/steps"))).toBe(false);
      expect(errors.some(([, p]) => String(p).startsWith("/jobs/authorize"))).toBe(false);
      expect(errors.some(([file]) => file === ".github/actions/publish/action.yml")).toBe(false);
      const required = findings.find((f) => f.file === ".github/actions/publish/action.yml" && f.pointer === "/inputs/file/required");
      expect(required).toMatchObject({ level: "warning", rule: "schema/violation" });
      expect(required?.message).toMatch(/reads only an input's `default`/);
      expect(r.code).toBe(1);
    }));

  it("a root action.yml's input metadata stays an error (GitHub Marketplace reads it)", () =>
    withRepo(async (repo) => {
      repo.write(
        "action.yml",
        "name: a\ndescription: b\ninputs:\n  file:\n    required: required\nruns:\n  using: node20\n  main: index.js\n",
      );
      repo.git("add", "-A");
      const r = await repo.cli(["check", "--format", "json"]);
      const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
      expect(findings.filter((f) => f.level === "error").map((f) => [f.file, f.pointer])).toEqual([
        ["action.yml", "/inputs/file/required"],
      ]);
    }));
});
