/**
 * `health` counts the files validate covers as validate selects them: the default globs match
 * their extension in any letter case (`B.JSON`, `c.Yml`), so those files count, and a broken one
 * among them makes the schemas component fail like any other.
 */
import { describe, expect, it } from "vitest";
import { withRepo } from "../helpers/repo.js";

describe("health's schemas component and extension case", () => {
  it("counts and checks B.JSON and c.Yml like a.json", async () => {
    await withRepo(async (repo) => {
      repo.write(".integrity-guard/config.yml", "version: 1\n");
      repo.write("a.json", "{}\n");
      repo.write("B.JSON", "{}\n");
      repo.write("c.Yml", "a: 1\n");
      repo.commitAll("data");
      const ok = await repo.cli(["health", "--fail-on", "never"]);
      expect(ok.stdout).toMatch(/schemas\s+100\s+.*4 of 4 files valid/);
      repo.write("B.JSON", '{"cut": [1, 2');
      const broken = await repo.cli(["health", "--fail-on", "never"]);
      expect(broken.stdout).toMatch(/schemas\s+\d+\s+.*3 of 4 files valid/);
    });
  });
});
