/**
 * `init` in a sparse checkout whose cone leaves `.integrity-guard/` out. The committed config is
 * in the index, not on disk, so init took the repository for an unconfigured one and wrote its
 * starter config there: git showed the committed config modified (the user's tree changed
 * unasked), `check` then ran under the starter's defaults and passed a file the committed rules
 * refuse, and "commit it" would have replaced the team's config. init now leaves the committed
 * config alone and says where it is; the checks keep reading it from the index.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

function sparseRepo(): TestRepo {
  const r = createRepo();
  repo = r;
  r.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  schemas:\n    - { files: ["a/*.json"], schema: "a/schema/n.json" }\n');
  r.write("a/schema/n.json", '{"type":"object","required":["n"]}\n');
  r.write("a/1.json", '{"n":1}\n');
  r.commitAll("rules");
  r.git("sparse-checkout", "set", "a");
  return r;
}

describe("init in a sparse checkout that leaves the committed config out", () => {
  for (const args of [
    ["init", "--no-hook"],
    ["init", "--no-hook", "--force"],
  ]) {
    it(`${args.join(" ")} leaves it alone and says where it is`, async () => {
      const r = sparseRepo();
      const out = await r.cli(args);
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout + out.stderr).toContain("outside this sparse checkout");
      expect(out.stdout + out.stderr).toContain("git sparse-checkout add .integrity-guard");
      expect(fs.existsSync(path.join(r.dir, ".integrity-guard/config.yml"))).toBe(false);
      expect(r.git("status", "--porcelain")).toBe("");
      // The committed rules still apply.
      r.write("a/1.json", '{"m":1}\n');
      const check = await r.cli(["check", "--format", "json"]);
      expect(check.code).toBe(1);
      expect(check.stdout).toContain("schema/violation");
    });
  }
});
