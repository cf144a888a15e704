/**
 * Session 18: a `.JSON` name is now selected by default; where a reader reads every JSON file of a
 * tree whatever its name's case (Godot's JSON class, below project.godot), that reading applies too,
 * so a newly selected file is not a false block.
 */
import { describe, expect, it } from "vitest";
import { withRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

describe("upper-case .JSON names read by their tree's reader", () => {
  it("Godot: a trailing comma in Levels/Two.JSON below project.godot passes; a comment stays an error", () =>
    withRepo(async (repo) => {
      repo.write("rpg/project.godot", 'config_version=5\n\n[application]\n\nconfig/name="RPG"\n');
      repo.write("rpg/Levels/Two.JSON", '{"enemies": [1, 2, 3,],}\n');
      repo.write("rpg/Levels/Bad.JSON", '{\n  // no comments in Godot\n  "a": 1\n}\n');
      repo.git("add", "-A");
      const r = await repo.cli(["check", "--staged", "--format", "json"]);
      const errors = (JSON.parse(r.stdout) as { findings: Finding[] }).findings.filter((f) => f.level === "error");
      expect(errors.map((f) => [f.file, f.line])).toEqual([["rpg/Levels/Bad.JSON", 2]]);
      expect(r.code).toBe(1);
    }));
});
