/**
 * Just Enough Calculation (a Minecraft mod; modpacks ship its files in config/): record.json,
 * default.json and data/*.json are written by the mod's own SNBT printer and read back with
 * Minecraft's JsonToNBT.getTagFromJson (Utilities.Json), so `"inventory": 0b` is a byte there, not
 * a JSON error (Nomifactory/Nomifactory: a false block, run whole). What the JSON parse refuses
 * there is read as SNBT, which decides: a cut file, a dropped comma, merge-conflict markers stay
 * errors; other record.json files stay JSON.
 */
import { describe, expect, it } from "vitest";
import { withRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

const RECORD =
  '{\n    "craft": {\n        "amount": "",\n        "recents": [],\n        "inventory": 0b\n    },\n    "math": {\n        "state": 0\n    }\n}\n';

describe("Just Enough Calculation SNBT files", () => {
  it("its SNBT files pass, broken ones are errors, and other record.json files stay JSON", () =>
    withRepo(async (repo) => {
      repo.write("overrides/config/JustEnoughCalculation/record.json", RECORD);
      repo.write("config/JustEnoughCalculation/data/groups.json", '{"recipes": [{"amount": 2L, "weight": 1.5f}]}\n');
      repo.write("config/JustEnoughCalculation/default.json", '{\n  "craft": {\n');
      repo.write("a/JustEnoughCalculation/record.json", RECORD.slice(0, RECORD.indexOf('"math"')));
      repo.write("b/JustEnoughCalculation/record.json", RECORD.replace("0b\n    },", "0b\n    }"));
      repo.write("c/JustEnoughCalculation/record.json", RECORD.replace('    "math"', '<<<<<<< HEAD\n    "math"'));
      repo.write("app/record.json", RECORD);
      repo.git("add", "-A");
      for (const args of [["check", "--staged"], ["check"]]) {
        const r = await repo.cli([...args, "--format", "json"]);
        const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
        const errors = findings.filter((f) => f.level === "error").map((f) => [f.rule, f.file]);
        expect(errors.sort((x, y) => String(x[1]).localeCompare(String(y[1])))).toEqual([
          ["parse/truncated", "a/JustEnoughCalculation/record.json"],
          ["parse/syntax", "app/record.json"],
          ["parse/syntax", "b/JustEnoughCalculation/record.json"],
          ["parse/merge-conflict", "c/JustEnoughCalculation/record.json"],
          ["parse/truncated", "config/JustEnoughCalculation/default.json"],
        ]);
      }
    }));
});
