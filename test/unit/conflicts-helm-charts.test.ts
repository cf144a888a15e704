import { describe, expect, it } from "vitest";
import { chartFilesFor, chartOpenPointers, dependencyPointers } from "../../src/core/conflicts/helm-charts.js";

describe("chartFilesFor", () => {
  it("names Chart.yaml, requirements.yaml and values.yaml beside each folder's values files, once per folder", () => {
    expect(
      chartFilesFor(["values.yaml", "charts/app/values.yaml", "charts/app/values-prod.yaml", "charts/app/values.staging.yml"]),
    ).toEqual([
      { dir: "", chart: "Chart.yaml", requirements: "requirements.yaml", values: "values.yaml" },
      { dir: "charts/app", chart: "charts/app/Chart.yaml", requirements: "charts/app/requirements.yaml", values: "charts/app/values.yaml" },
    ]);
  });

  it("ignores files that are not Helm values files", () => {
    expect(
      chartFilesFor(["config/default.yaml", "app/values.schema.json", "app/myvalues.yaml", "app/values.json", "values/x.yaml"]),
    ).toEqual([]);
  });
});

describe("dependencyPointers", () => {
  it("takes name, alias, condition paths and tags", () => {
    const doc = {
      dependencies: [
        { name: "wordpress", condition: "wordpress.enabled" },
        { name: "postgresql", alias: "db", condition: "db.enabled, features.database", tags: ["backend"] },
        { name: "a/b~c" },
      ],
    };
    expect(dependencyPointers(doc)).toEqual([
      "/wordpress",
      "/wordpress/enabled",
      "/postgresql",
      "/db",
      "/db/enabled",
      "/features/database",
      "/tags",
      "/a~1b~0c",
    ]);
  });

  it("opens nothing for malformed entries", () => {
    for (const doc of [
      undefined,
      null,
      "dependencies",
      [],
      { dependencies: "wordpress" },
      { dependencies: { name: "wordpress" } },
      {
        dependencies: [
          null,
          "wordpress",
          ["x"],
          { name: 1, alias: { a: 1 } },
          { name: "" },
          { condition: "a..b" },
          { condition: ".", tags: [1, ""] },
        ],
      },
    ]) {
      expect(dependencyPointers(doc)).toEqual([]);
    }
  });
});

describe("chartOpenPointers", () => {
  it("opens global and the dependencies of Chart.yaml and requirements.yaml, without repeats", () => {
    expect(chartOpenPointers({ dependencies: [{ name: "redis" }] }, { dependencies: [{ name: "redis" }, { name: "mariadb" }] })).toEqual([
      "/global",
      "/redis",
      "/mariadb",
    ]);
    expect(chartOpenPointers({ apiVersion: "v2", name: "app" }, undefined)).toEqual(["/global"]);
  });

  it("a Chart.yaml that is absent or no map opens nothing, whatever requirements.yaml says", () => {
    const requirements = { dependencies: [{ name: "redis" }] };
    expect(chartOpenPointers(undefined, requirements)).toEqual([]);
    expect(chartOpenPointers([{ name: "redis" }], requirements)).toEqual([]);
    expect(chartOpenPointers("apiVersion: v2", requirements)).toEqual([]);
  });
});
