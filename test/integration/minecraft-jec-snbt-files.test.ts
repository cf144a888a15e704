/**
 * Just Enough Calculation (a Minecraft mod; modpacks ship its files in config/): record.json,
 * default.json and data/*.json are written by the mod's own SNBT printer and read back with
 * Minecraft's JsonToNBT.getTagFromJson (Utilities.Json), so `"inventory": 0b` is a byte there, not
 * a JSON error (Nomifactory/Nomifactory: a false block, run whole). Such a file is left unread
 * (SNBT is not JSON); one without SNBT's typed values is still read as JSON, and other
 * record.json files stay JSON.
 */
import { describe, expect, it } from "vitest";
import { withRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

const RECORD =
  '{\n    "craft": {\n        "amount": "",\n        "recents": [],\n        "inventory": 0b\n    },\n    "math": {\n        "state": 0\n    }\n}\n';

describe("Just Enough Calculation SNBT files", () => {
  it("its SNBT record.json is left unread; JSON-looking ones and other record.json files are checked", () =>
    withRepo(async (repo) => {
      repo.write("overrides/config/JustEnoughCalculation/record.json", RECORD);
      repo.write("config/JustEnoughCalculation/data/groups.json", '{"recipes": [{"amount": 2L, "weight": 1.5f}]}\n');
      // Cut short, with no SNBT typed value left: read as JSON, and reported.
      repo.write("config/JustEnoughCalculation/default.json", '{\n  "craft": {\n');
      repo.write("app/record.json", RECORD);
      repo.git("add", "-A");
      for (const args of [["check", "--staged"], ["check"]]) {
        const r = await repo.cli([...args, "--format", "json"]);
        const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
        const errors = findings.filter((f) => f.level === "error").map((f) => [f.rule, f.file]);
        expect(errors.sort()).toEqual([
          ["parse/syntax", "app/record.json"],
          ["parse/truncated", "config/JustEnoughCalculation/default.json"],
        ]);
      }
    }));
});
