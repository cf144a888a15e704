/**
 * A cooldown on a Dependabot multi-ecosystem group (vendoring patch
 * dependabot-group-cooldown). SchemaStore's dependabot-2.0.json lists only
 * schedule, labels, assignees and the group-only keys there (additionalProperties: false), but
 * Dependabot runs such a file: openfoodfoundation/openfoodnetwork's .github/dependabot.yml has had
 * `cooldown: {default-days: 7}` on its turbo_power group since 2026-04-01 (51b4dc64), and
 * Dependabot opened "Bump turbo_power from 0.7.0 to 0.8.0 in the turbo_power group" (a37a3b22,
 * 2026-07-13) and the shakapacker group's pull requests after it (0016cee4, 2a5b8a7e).
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function check(repo: TestRepo): Promise<{ code: number; findings: Finding[] }> {
  repo.git("add", "-A");
  const r = await repo.cli(["check", "--staged", "--format", "json"]);
  return { code: r.code, findings: (JSON.parse(r.stdout) as { findings: Finding[] }).findings };
}

const groups = (group: string): string =>
  [
    "version: 2",
    "multi-ecosystem-groups:",
    "  turbo_power:",
    "    schedule:",
    '      interval: "daily"',
    ...group.split("\n").map((l) => `    ${l}`),
    "updates:",
    '  - package-ecosystem: "bundler"',
    '    directory: "/"',
    '    patterns: ["turbo_power"]',
    '    multi-ecosystem-group: "turbo_power"',
    '  - package-ecosystem: "npm"',
    '    directory: "/"',
    '    patterns: ["turbo_power"]',
    '    multi-ecosystem-group: "turbo_power"',
    "",
  ].join("\n");

describe("a cooldown on a multi-ecosystem group (openfoodfoundation/openfoodnetwork): Dependabot runs it", () => {
  it("default-days and the semver days on a group pass", () =>
    withRepo(async (repo) => {
      repo.write(".github/dependabot.yml", groups("cooldown:\n  default-days: 7\n  semver-major-days: 0\n  exclude: [rails]"));
      const r = await check(repo);
      expect(r.findings).toEqual([]);
      expect(r.code).toBe(0);
    }));

  it("the group's cooldown keeps the updates' rules: 91 days, an unknown cooldown key and a misspelt group key are errors", () =>
    withRepo(async (repo) => {
      repo.write(".github/dependabot.yml", groups("cooldown:\n  default-days: 91\n  days: 3\ncooldwn:\n  default-days: 7"));
      const r = await check(repo);
      expect(r.code).toBe(1);
      const errors = r.findings.filter((f) => f.rule === "schema/violation" && f.level === "error");
      const text = errors.map((f) => `${f.pointer ?? ""} ${f.message}`).join("\n");
      expect(text).toMatch(/default-days/);
      expect(text).toMatch(/\bdays\b/);
      expect(text).toMatch(/cooldwn/);
    }));
});
