/**
 * A file that a Home Assistant configuration.yaml includes, holding nothing that says Home
 * Assistant (session 18's `old_ha_setup/recorder.yaml`: only `  db_url: !secret db_url`), is read
 * with Home Assistant's tags: its loader resolves `!include` and `!include_dir_*` against the
 * folder of the file holding the tag, and knows `!secret` in every file it includes, directly or
 * through another included file. A file nothing includes keeps the unknown-tag warning.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function tagFindings(repo: TestRepo, args: string[]): Promise<[string, string, string][]> {
  const r = await repo.cli([...args, "--format", "json"]);
  const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
  return findings
    .filter((f) => f.rule.startsWith("parse/"))
    .map((f): [string, string, string] => [f.level, f.rule, f.file ?? ""])
    .sort((a, b) => a[2].localeCompare(b[2]));
}

const CONFIGURATION = [
  "default_config:",
  "recorder: !include old_ha_setup/recorder.yaml",
  "notify: !include notify/main.yaml",
  'input_text: !include_dir_named "texts"',
  "",
].join("\n");

describe("Home Assistant files included from configuration.yaml", () => {
  it("an included file, one included through it, and a folder's files take Home Assistant's tags; others keep the warning", () =>
    withRepo(async (repo) => {
      repo.write("configuration.yaml", CONFIGURATION);
      repo.write("old_ha_setup/recorder.yaml", "  db_url: !secret db_url\n");
      repo.write("notify/main.yaml", "- name: pushover\n  api_key: !secret pushover_key\n  data: !include extra/keys.yaml\n");
      repo.write("notify/extra/keys.yaml", "user_key: !secret pushover_user\n");
      repo.write("texts/greeting.yaml", "name: Greeting\ninitial: !secret greeting\n");
      // Not included by anything, and a .yml in the included folder (include_dir_* loads *.yaml only).
      repo.write("notes/other.yaml", "token: !secret token\n");
      repo.write("texts/legacy.yml", "initial: !secret legacy\n");
      repo.git("add", "-A");
      for (const args of [["check", "--staged"], ["check"]]) {
        expect(await tagFindings(repo, args)).toEqual([
          ["warning", "parse/unknown-tag", "notes/other.yaml"],
          ["warning", "parse/unknown-tag", "texts/legacy.yml"],
        ]);
      }
    }));

  it("in a configuration folder below the repository root; an included file cut short is still an error", () =>
    withRepo(async (repo) => {
      repo.write("config/configuration.yaml", "recorder: !include old/recorder.yaml\nlogger: !include old/logger.yaml\n");
      repo.write("config/old/recorder.yaml", "  db_url: !secret db_url\n");
      repo.write("config/old/logger.yaml", "  default: !secret log_level\n  logs: {homeassistant.core: debug,\n");
      repo.git("add", "-A");
      const found = await tagFindings(repo, ["check"]);
      expect(found.filter((f) => f[2] === "config/old/recorder.yaml")).toEqual([]);
      expect(found.filter((f) => f[2] === "config/old/logger.yaml").map((f) => f[0])).toContain("error");
      expect(found.map((f) => f[1])).not.toContain("parse/unknown-tag");
    }));
});
