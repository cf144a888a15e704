import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";

// A chart with dependencies, as in argoproj/argocd-example-apps helm-dependency/ (Chart.yaml
// depends on wordpress; values.yaml plus values-nomaria.yaml): the overlay sets keys whose
// defaults live in the subcharts, under the dependency's name or alias, and `global`.
const CONFIG = `version: 1
config:
  layers: ["app/values.yaml", "app/values-*.yaml"]
`;

const CHART = `apiVersion: v2
name: app
version: 0.1.0
dependencies:
  - name: wordpress
    version: 9.0.3
    repository: https://charts.helm.sh/stable
  - name: postgresql
    alias: db
    version: 12.1.0
    repository: https://charts.bitnami.com/bitnami
`;

const VALUES = `replicaCount: 1
wordpress:
  wordpressUsername: admin
`;

const OVERLAY = `replicaCount: 2
wordpress:
  mariadb:
    enabled: false
  externalDatabase:
    host: db.example.com
postgresql:
  enabled: false
db:
  auth:
    database: app
global:
  imageRegistry: registry.example.com
`;

interface JsonReport {
  findings: { rule: string; file: string; line?: number; column?: number; pointer?: string }[];
}

async function findings(repo: TestRepo): Promise<{ code: number; found: string[] }> {
  const run = await repo.cli(["conflicts", "--format", "json"]);
  const json = JSON.parse(run.stdout) as JsonReport;
  return { code: run.code, found: json.findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column} ${f.pointer}`).sort() };
}

function chart(repo: TestRepo, files: Record<string, string | undefined>): void {
  repo.write(".integrity-guard/config.yml", CONFIG);
  const all: Record<string, string | undefined> = {
    "app/Chart.yaml": CHART,
    "app/values.yaml": VALUES,
    "app/values-nomaria.yaml": OVERLAY,
    ...files,
  };
  for (const [p, c] of Object.entries(all)) if (c !== undefined) repo.write(p, c);
}

describe("layered Helm values of a chart with dependencies", () => {
  it("keys under a dependency's name or alias, and global, are not unknown keys", async () => {
    await withRepo(async (repo) => {
      chart(repo, {});
      expect(await findings(repo)).toEqual({ code: 0, found: [] });
      // The pre-commit check reads Chart.yaml from the index like the values files.
      repo.commitAll("chart");
      expect((await repo.cli(["check", "--staged"])).code).toBe(0);
    });
  });

  it("a top-level key that is no dependency is still config/unknown-key, and types are still compared below a dependency", async () => {
    await withRepo(async (repo) => {
      chart(repo, {
        "app/values-nomaria.yaml": OVERLAY + "typo:\n  x: 1\nwordpres:\n  y: 2\n",
        "app/values-prod.yaml": 'wordpress:\n  wordpressUsername: ["admin"]\n',
      });
      expect(await findings(repo)).toEqual({
        code: 1,
        found: [
          "config/type-change app/values-prod.yaml:2:22 /wordpress/wordpressUsername",
          "config/unknown-key app/values-nomaria.yaml:14:1 /typo",
          "config/unknown-key app/values-nomaria.yaml:16:1 /wordpres",
        ],
      });
    });
  });

  it("a Helm 2 chart declares its dependencies in requirements.yaml", async () => {
    await withRepo(async (repo) => {
      chart(repo, {
        "app/Chart.yaml": "apiVersion: v1\nname: app\nversion: 0.1.0\n",
        "app/requirements.yaml": CHART.slice(CHART.indexOf("dependencies:")),
      });
      expect(await findings(repo)).toEqual({ code: 0, found: [] });
    });
  });

  it("a dependency's condition paths and tags are read from the parent's values, so overlays may set them", async () => {
    await withRepo(async (repo) => {
      chart(repo, {
        "app/Chart.yaml": CHART + "  - name: redis\n    condition: features.cache\n    tags: [backend]\n",
        "app/values.yaml": VALUES + "features:\n  search: true\n",
        "app/values-nomaria.yaml": OVERLAY + "features:\n  cache: true\n  serach: false\ntags:\n  backend: false\n",
      });
      expect(await findings(repo)).toEqual({ code: 1, found: ["config/unknown-key app/values-nomaria.yaml:16:3 /features/serach"] });
    });
  });

  it("a chart without dependencies opens only global", async () => {
    await withRepo(async (repo) => {
      chart(repo, { "app/Chart.yaml": "apiVersion: v2\nname: app\nversion: 0.1.0\n" });
      expect(await findings(repo)).toEqual({
        code: 1,
        found: [
          "config/unknown-key app/values-nomaria.yaml:3:3 /wordpress/mariadb",
          "config/unknown-key app/values-nomaria.yaml:5:3 /wordpress/externalDatabase",
          "config/unknown-key app/values-nomaria.yaml:7:1 /postgresql",
          "config/unknown-key app/values-nomaria.yaml:9:1 /db",
        ].sort(),
      });
    });
  });

  it("without a Chart.yaml, or with one that does not parse, nothing opens", async () => {
    const expected = [
      "config/unknown-key app/values-nomaria.yaml:12:1 /global",
      "config/unknown-key app/values-nomaria.yaml:3:3 /wordpress/mariadb",
      "config/unknown-key app/values-nomaria.yaml:5:3 /wordpress/externalDatabase",
      "config/unknown-key app/values-nomaria.yaml:7:1 /postgresql",
      "config/unknown-key app/values-nomaria.yaml:9:1 /db",
    ].sort();
    await withRepo(async (repo) => {
      chart(repo, { "app/Chart.yaml": undefined });
      expect(await findings(repo)).toEqual({ code: 1, found: expected });
      // Truncated mid-list: not a chart Helm would load.
      repo.write("app/Chart.yaml", CHART.slice(0, CHART.indexOf("  - name: postgresql")) + "  - name: [db\n");
      expect(await findings(repo)).toEqual({ code: 1, found: expected });
      // A list where a map belongs, and a requirements.yaml beside no Chart.yaml, open nothing either.
      repo.write("app/Chart.yaml", "- name: db\n");
      repo.write("app/requirements.yaml", CHART.slice(CHART.indexOf("dependencies:")));
      expect(await findings(repo)).toEqual({ code: 1, found: expected });
    });
  });
});
