/**
 * `[-]` is read as "-" by libyaml, go-yaml and PyYAML (a parse/flow-dash warning), but refused
 * by js-yaml and by the yaml package: the two loaders JavaScript tools use for their YAML configs
 * (ESLint's legacy loader, cosmiconfig and lilconfig, Mocha, nyc, pnpm, Yarn 2+). In those files
 * the warning was a pass for a config its tool cannot load; it is an error naming the tool.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { jsYamlConfigReader } from "../../src/core/parse/js-yaml-refusals.js";

const DASH = "rules:\n  no-console: [-]\n";

describe("a plain dash in a flow sequence of a JavaScript tool's YAML config", () => {
  it.each([
    [".eslintrc.yml", "ESLint"],
    ["packages/web/.eslintrc.yaml", "ESLint"],
    [".prettierrc.yaml", "Prettier"],
    [".stylelintrc.yml", "stylelint"],
    [".commitlintrc.yaml", "commitlint"],
    [".releaserc.yml", "semantic-release"],
    [".lintstagedrc.yml", "lint-staged"],
    [".mocharc.yaml", "Mocha"],
    [".nycrc.yml", "nyc"],
    ["pnpm-workspace.yaml", "pnpm"],
    [".yarnrc.yml", "Yarn 2+"],
  ])("%s: an error naming %s", (path, tool) => {
    const doc = parseDocument(Buffer.from(DASH), { path, format: "yaml" });
    expect(doc.ok).toBe(false);
    const dash = doc.findings.find((f) => f.rule === "parse/flow-dash");
    expect(dash?.level).toBe("error");
    expect(dash?.message).toContain(tool);
    expect(dash?.line).toBe(2);
  });

  it.each(["cloudbuild.yaml", "eslintrc.yml", ".eslintrc.yml.bak", "config/.prettierrc.json.yaml", "docker-compose.yml"])(
    "%s keeps the warning: no JavaScript loader is known to read it (guard)",
    (path) => {
      const doc = parseDocument(Buffer.from(DASH), { path, format: "yaml" });
      expect(doc.ok).toBe(true);
      expect(doc.findings.map((f) => [f.rule, f.level])).toEqual([["parse/flow-dash", "warning"]]);
      expect(jsYamlConfigReader(path)).toBeUndefined();
    },
  );

  it("a clean config of those names parses as before (guard)", () => {
    const doc = parseDocument(Buffer.from("extends: [eslint:recommended]\nrules:\n  semi: [error, always]\n"), {
      path: ".eslintrc.yml",
      format: "yaml",
    });
    expect(doc.ok).toBe(true);
    expect(doc.findings).toEqual([]);
  });
});
