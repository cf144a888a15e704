/**
 * Layered layouts detected from a file list (src/core/starter-layers.ts), and the starter config
 * that init writes for them validating against schemas/config.schema.json.
 */
import { describe, expect, it } from "vitest";
import { validateConfigText } from "../../src/config/validate-text.js";
import { CONFIG_PATH } from "../../src/config/types.js";
import { starterConfig } from "../../src/core/starter-config.js";
import { detectLayeredLayouts } from "../../src/core/starter-layers.js";
import { detectLayered } from "../../src/core/conflicts/layers.js";

const layersOf = (paths: string[]) =>
  detectLayeredLayouts(paths).map((l) => ({ kind: l.kind, layers: l.layers, extensible: l.extensible }));

describe("detectLayeredLayouts", () => {
  it("node-config: default, then the NODE_ENV files as alternatives, then local; not custom-environment-variables", () => {
    expect(
      layersOf([
        "config/default.yaml",
        "config/production.yaml",
        "config/staging.json",
        "config/local.yaml",
        "config/custom-environment-variables.yaml",
        "config/production.yaml.example",
        "src/index.js",
      ]),
    ).toEqual([
      { kind: "node-config", layers: ["config/default.*", ["config/production.*", "config/staging.*"], "config/local.*"], extensible: [] },
    ]);
    // In a package folder, one environment file.
    expect(layersOf(["packages/api/config/default.json", "packages/api/config/test.json"])).toEqual([
      { kind: "node-config", layers: ["packages/api/config/default.*", "packages/api/config/test.*"], extensible: [] },
    ]);
  });

  it("Spring: application.yml, then the profile files; profiles may add properties", () => {
    expect(
      layersOf([
        "src/main/resources/config/application.yml",
        "src/main/resources/config/application-dev.yml",
        "src/main/resources/config/application-prod.yml",
      ]),
    ).toEqual([
      {
        kind: "spring",
        layers: ["src/main/resources/config/application.yml", "src/main/resources/config/application-*.yml"],
        extensible: [""],
      },
    ]);
  });

  it("Helm: values.yaml, then values-<env>.yaml; values.schema.json is no layer", () => {
    expect(
      layersOf(["chart/values.yaml", "chart/values-prod.yaml", "chart/values-dev.yaml", "chart/values.schema.json", "chart/Chart.yaml"]),
    ).toEqual([{ kind: "helm", layers: ["chart/values.yaml", "chart/values-*.yaml"], extensible: [] }]);
  });

  it("Compose: the base file, then compose.<env>.yaml, then the override file", () => {
    expect(layersOf(["compose.yaml", "compose.prod.yaml", "compose.override.yaml"])).toEqual([
      {
        kind: "compose",
        layers: ["compose.yaml", "compose.prod.yaml", "compose.override.yaml"],
        extensible: [""],
      },
    ]);
    expect(layersOf(["docker-compose.yml", "docker-compose.override.yml", "docker-compose.override.yml.example"])[0]!.layers).toEqual([
      "docker-compose.yml",
      "docker-compose.override.yml",
    ]);
  });

  // Compose validates top-level keys itself (the spec allows version, name, include, x-* anywhere):
  // an overlay adding one is valid, and a misspelt one fails `docker compose` and the built-in
  // compose schema, so it never silently does nothing.
  it("Compose: an overlay adding version, name, include or an x- extension field is no unknown key", () => {
    const layout = detectLayeredLayouts([".buildkite/docker-compose.yml", ".buildkite/docker-compose.release.yml"])[0]!;
    const base = { path: ".buildkite/docker-compose.yml", value: { services: { lint: { image: "golang" } } } };
    const overlay = {
      path: ".buildkite/docker-compose.release.yml",
      value: {
        version: "2",
        name: "release",
        include: ["other.yaml"],
        "x-logging": { driver: "json-file" },
        services: { "github-release": { image: "ruby", logging: { driver: "json-file" } } },
        volumes: { cache: {} },
      },
    };
    const { findings } = detectLayered([base, overlay], { layers: layout.layers, extensible: layout.extensible });
    expect(findings.filter((x) => x.rule === "config/unknown-key").map((x) => x.pointer)).toEqual([]);
  });

  it("finds nothing without an overlay, in node_modules, or for Rails environments (Ruby)", () => {
    expect(
      layersOf([
        "config/default.yaml",
        "chart/values.yaml",
        "docker-compose.yml",
        "src/main/resources/application.yml",
        "node_modules/x/config/default.json",
        "node_modules/x/config/production.json",
        "config/environments/production.rb",
        "config/database.yml",
      ]),
    ).toEqual([]);
  });
});

describe("the starter config with a detected layout", () => {
  const cases: [string, string[]][] = [
    ["node-config", ["config/default.yaml", "config/production.yaml", "config/local.yaml"]],
    ["spring", ["src/main/resources/application.yaml", "src/main/resources/application-prod.yaml"]],
    ["helm", ["values.yaml", "values-prod.yaml"]],
    ["compose", ["docker-compose.yml", "docker-compose.override.yml"]],
  ];
  it.each(cases)("%s: config.layers is active and valid", (kind, files) => {
    expect(detectLayeredLayouts(files)[0]!.kind).toBe(kind);
    const text = starterConfig(files);
    const { config, findings } = validateConfigText(text, CONFIG_PATH);
    expect(findings).toEqual([]);
    expect(config?.config?.layers).toEqual(detectLayeredLayouts(files)[0]!.layers);
    expect(text).toContain(`# Layered configuration detected: `);
  });

  it("several layouts: the first is active, the others are comments", () => {
    const text = starterConfig(["config/default.yaml", "config/production.yaml", "chart/values.yaml", "chart/values-prod.yaml"]);
    const { config, findings } = validateConfigText(text, CONFIG_PATH);
    expect(findings).toEqual([]);
    expect(config?.config?.layers).toEqual(["config/default.*", "config/production.*"]);
    expect(text).toContain('#     - "chart/values.yaml"');
  });

  it("no layout: the config section stays a comment (the starter without files)", () => {
    expect(starterConfig(["package.json", "config/settings.yaml"])).toBe(starterConfig());
    expect(validateConfigText(starterConfig(), CONFIG_PATH).config?.config).toBeUndefined();
  });
});
