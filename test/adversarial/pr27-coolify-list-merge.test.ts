/**
 * The Symfony YAML reading of a Coolify service template (src/core/parse/yaml-list-alias-merge.ts)
 * is chosen by the file's header comments, so a pull request could ask for it by writing them
 * into an existing compose file under templates/compose/: a `<<: *list` merge that Docker
 * Compose (and every other YAML reader) refuses would then pass. The base's version must be a
 * template too; new templates and templates the base holds are read as Coolify reads them.
 */
import { describe, expect, it } from "vitest";
import { baseRepos, findingsOf as findings, prWriting as pr, type Found } from "../helpers/pull-request.js";

const baseRepo = baseRepos();
const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");

const HEADER = "# documentation: https://example.com/docs\n# slogan: An example service.\n# port: 3000\n\n";
const PLAIN = "services:\n  app:\n    image: nginx:1\n    environment:\n      - A=1\n";
const MERGED = "x-env: &env\n  - A=1\n  - B=2\n\nservices:\n  app:\n    image: nginx:1\n    environment:\n      <<: *env\n      C: 3\n";
const FILE = "templates/compose/app.yaml";

describe("a pull request that turns a compose file under templates/compose/ into a Coolify template", () => {
  it("a `<<: *list` merge is still an error when the base's version has no template header", async () => {
    const repo = baseRepo({ [FILE]: PLAIN });
    const r = await pr(repo, { [FILE]: HEADER + MERGED });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(
      fs.some((f) => f.level === "error" && f.file === FILE && f.rule === "parse/syntax"),
      brief(fs),
    ).toBe(true);
    expect(fs.find((f) => f.rule === "trust/reading-changed" && f.file === FILE)?.message, brief(fs)).toMatch(/Coolify/);
  });
});

describe("Coolify templates the base holds, and new ones (no false block)", () => {
  it("a template the base holds may merge a list; a new template too", async () => {
    const repo = baseRepo({ [FILE]: HEADER + PLAIN });
    const r = await pr(repo, { [FILE]: HEADER + MERGED, "templates/compose/new.yaml": HEADER + MERGED });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
    expect(
      fs.filter((f) => f.level === "error"),
      brief(fs),
    ).toEqual([]);
  });
});
