/**
 * Unity Gaming Services' editor settings, `ProjectSettings/Packages/com.unity.services.core/Settings.json`:
 * the package's EnvironmentSaveSystem created it empty (GetOrCreateFileContent) and reads it with
 * `string.IsNullOrEmpty(content) ? new SettingsFile() : Deserialize(content)`, so a 0-byte file is
 * "no environment chosen", as Unity writes it (Unity-Technologies/EntityComponentSystemSamples
 * commits one: a false block, run whole). It is a warning naming the reader; the same file cut
 * in the middle, and an empty JSON file of any other name, stay errors.
 */
import { describe, expect, it } from "vitest";
import { withRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

const SETTINGS = "ProjectSettings/Packages/com.unity.services.core/Settings.json";

describe("Unity services core Settings.json", () => {
  it("an empty one is a warning naming Unity's reader; a cut one and other empty JSON stay errors", () =>
    withRepo(async (repo) => {
      repo.write(SETTINGS, "");
      repo.write(`Game/${SETTINGS}`, '{\n  "EnvironmentName": "production",\n');
      repo.write("ProjectSettings/Packages/com.unity.probuilder/Settings.json", "");
      repo.git("add", "-A");
      for (const args of [["check", "--staged"], ["check"]]) {
        const r = await repo.cli([...args, "--format", "json"]);
        const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
        const seen = findings.map((f) => [f.level, f.rule, f.file]).sort((a, b) => String(a[2]).localeCompare(String(b[2])));
        expect(seen).toEqual([
          ["error", "parse/truncated", `Game/${SETTINGS}`],
          ["error", "parse/empty", "ProjectSettings/Packages/com.unity.probuilder/Settings.json"],
          ["warning", "parse/empty", SETTINGS],
        ]);
        expect(findings.find((f) => f.file === SETTINGS)?.message).toMatch(/Unity Services Core/);
        expect(r.code).toBe(1);
      }
    }));
});
