/**
 * Red team, session 22: the keys a Helm chart lets its overlay values files add (Chart.yaml's
 * dependencies, `global`, keys its templates read, every key when a template writes `.Values`
 * whole) were read from the pull request's own chart. One template line (`{{/* toYaml .Values
 * *\/}}`, a comment) or a dependency named like the typo switched `config/unknown-key` off for an
 * existing overlay: `replicaCout: 5` in values-prod.yaml passed, and Helm silently deploys the
 * default replica count, with no finding at all. On a pull request, a chart the base holds opens
 * only what the base's chart opens too: a key only the pull request's chart opens is reported as a
 * warning on the diff (the chart change may be the point of the pull request: a subchart added
 * and configured in the prod overlay at once must not be blocked), with a notice naming the chart
 * change. A chart the pull request adds opens what it says. (A template comment opens nothing at
 * all now: test/unit/conflicts-helm-template-comments.test.ts.)
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { runPullRequest } from "../e2e/action-harness.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

const CONFIG = (dir: string) => `version: 1\nconfig:\n  layers: ["${dir}/values.yaml", "${dir}/values-prod.yaml"]\n`;
const CHART = "apiVersion: v2\nname: app\nversion: 1.0.0\n";
const VALUES = "replicaCount: 1\nimage:\n  tag: v1\n";
const DEPLOYMENT = "replicas: {{ .Values.replicaCount }}\nimage: app:{{ .Values.image.tag }}\n";

function chartRepo(): TestRepo {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write(".integrity-guard/config.yml", CONFIG("chart"));
  repo.write("chart/Chart.yaml", CHART);
  repo.write("chart/values.yaml", VALUES);
  repo.write("chart/values-prod.yaml", "replicaCount: 3\n");
  repo.write("chart/templates/deployment.yaml", DEPLOYMENT);
  repo.commitAll("base");
  return repo;
}

type Found = { rule: string; level: string; file?: string; message: string };
const findings = (json: string | undefined) => (JSON.parse(json ?? "{}") as { findings?: Found[] }).findings ?? [];
const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");

describe("a pull request that makes its chart open the key an existing overlay misspells", () => {
  for (const [name, files] of [
    ["a template that writes `.Values` whole", { "chart/templates/dump.yaml": "data: {{ toYaml .Values | nindent 2 }}\n" }],
    ["a template that reads `.Values.replicaCout`", { "chart/templates/extra.yaml": "x: {{ .Values.replicaCout }}\n" }],
    [
      "a Chart.yaml dependency named `replicaCout`",
      { "chart/Chart.yaml": `${CHART}dependencies:\n  - name: replicaCout\n    version: 1.0.0\n` },
    ],
  ] as const) {
    it(`${name}: config/unknown-key is still reported (a warning on the diff), with a notice naming the chart change`, async () => {
      const repo = chartRepo();
      const r = await runPullRequest(repo, (x) => {
        for (const [f, t] of Object.entries(files)) x.write(f, t);
        x.write("chart/values-prod.yaml", "replicaCout: 5\n");
      });
      const fs = findings(r.findingsJson);
      expect(
        fs.some(
          (f) =>
            f.rule === "config/unknown-key" &&
            f.level === "warning" &&
            f.file === "chart/values-prod.yaml" &&
            f.message.includes("replicaCout") &&
            f.message.includes("opened only by this change's chart/Chart.yaml"),
        ),
        brief(fs),
      ).toBe(true);
      expect(
        fs.some((f) => f.rule === "trust/reading-changed" && f.level === "notice"),
        brief(fs),
      ).toBe(true);
    });
  }

  it("a subchart added and configured in the prod overlay in one pull request is not blocked: a warning and a notice (guard)", async () => {
    const repo = chartRepo();
    const r = await runPullRequest(repo, (x) => {
      x.write("chart/Chart.yaml", `${CHART}dependencies:\n  - name: redis\n    version: 1.0.0\n`);
      x.write("chart/values-prod.yaml", "replicaCount: 3\nredis:\n  enabled: true\n");
    });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
    expect(
      fs.some((f) => f.rule === "config/unknown-key" && f.level === "warning" && f.message.includes("redis")),
      brief(fs),
    ).toBe(true);
    expect(
      fs.some((f) => f.level === "error"),
      brief(fs),
    ).toBe(false);
  });

  it("the same misspelt key without any chart change stays an error and fails the step (guard)", async () => {
    const repo = chartRepo();
    const r = await runPullRequest(repo, (x) => x.write("chart/values-prod.yaml", "replicaCout: 5\n"));
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(
      fs.some((f) => f.rule === "config/unknown-key" && f.level === "error" && f.file === "chart/values-prod.yaml"),
      brief(fs),
    ).toBe(true);
  });

  it("the base's chart writing `.Values` whole already: the overlay key passes (guard)", async () => {
    const repo = createRepo();
    cleanup.push(() => repo.cleanup());
    repo.write(".integrity-guard/config.yml", CONFIG("chart"));
    repo.write("chart/Chart.yaml", CHART);
    repo.write("chart/values.yaml", VALUES);
    repo.write("chart/values-prod.yaml", "replicaCount: 3\n");
    repo.write("chart/templates/config.yaml", "data: {{ toYaml .Values | nindent 2 }}\n");
    repo.commitAll("base");
    const r = await runPullRequest(repo, (x) => x.write("chart/values-prod.yaml", "replicaCount: 3\nextraSetting: on\n"));
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
  });

  it("a chart the pull request adds opens what its own Chart.yaml says (guard)", async () => {
    const repo = createRepo();
    cleanup.push(() => repo.cleanup());
    repo.write(".integrity-guard/config.yml", CONFIG("chart"));
    repo.write("README.md", "charts\n");
    repo.commitAll("base");
    const r = await runPullRequest(repo, (x) => {
      x.write("chart/Chart.yaml", `${CHART}dependencies:\n  - name: redis\n    version: 1.0.0\n`);
      x.write("chart/values.yaml", VALUES);
      x.write("chart/values-prod.yaml", "replicaCount: 3\nredis:\n  enabled: true\nglobal:\n  env: prod\n");
      x.write("chart/templates/deployment.yaml", DEPLOYMENT);
    });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
  });
});
