import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";

// A chart whose templates write the whole merged values into their output, as linkerd2's
// charts/linkerd-control-plane/templates/config.yaml does (`$values := deepCopy .Values`, a few
// keys unset, then `toYaml $values` into the linkerd-config ConfigMap, which `linkerd check`
// reads back: `highAvailability` is set only by values-ha.yaml and read by the CLI). Every key an
// overlay sets is then in what Helm renders: none is a config/unknown-key. A chart that only
// reads some values (`.Values.x`, `with .Values`) keeps the check.
const CONFIG = `version: 1
config:
  layers: ["chart/values.yaml", "chart/values-*.yaml"]
`;

const CHART = "apiVersion: v2\nname: control-plane\nversion: 0.1.0\n";

const VALUES = `controllerReplicas: 1
destinationResources: {cpu: {request: 10m}}
deploymentStrategy:
  rollingUpdate:
    maxUnavailable: 25%
    maxSurge: 25%
podDisruptionBudget:
  minAvailable: 1
replicas: 3
`;

const CONFIG_TEMPLATE = `kind: ConfigMap
apiVersion: v1
metadata:
  name: linkerd-config
data:
  values: |
  {{- $values := deepCopy .Values }}
  {{- $_ := unset $values "partials"}}
  {{- toYaml $values | trim | nindent 4 }}
`;

const DEPLOYMENT = `kind: Deployment
spec:
  replicas: {{ .Values.controllerReplicas }}
  strategy:
    {{- with .Values.deploymentStrategy }}{{ toYaml . | nindent 4 }}{{ end }}
`;

const OVERLAY = `controllerReplicas: 3
controllerResources: &controller_resources
  cpu:
    request: 100m
destinationResources: *controller_resources
highAvailability: true
`;

interface JsonReport {
  findings: { rule: string; file: string; line?: number; column?: number; pointer?: string }[];
}

async function findings(repo: TestRepo): Promise<{ code: number; found: string[] }> {
  const run = await repo.cli(["conflicts", "--format", "json"]);
  const json = JSON.parse(run.stdout) as JsonReport;
  return { code: run.code, found: json.findings.map((f) => `${f.rule} ${f.file}:${f.line} ${f.pointer}`).sort() };
}

function chart(repo: TestRepo, files: Record<string, string | undefined>): void {
  repo.write(".integrity-guard/config.yml", CONFIG);
  const all: Record<string, string | undefined> = {
    "chart/Chart.yaml": CHART,
    "chart/values.yaml": VALUES,
    "chart/templates/config.yaml": CONFIG_TEMPLATE,
    "chart/templates/deployment.yaml": DEPLOYMENT,
    "chart/values-ha.yaml": OVERLAY,
    ...files,
  };
  for (const [p, c] of Object.entries(all)) if (c !== undefined) repo.write(p, c);
}

describe("layered Helm values: a chart that renders the whole values", () => {
  it("an overlay may add any key when a template serializes .Values whole (deepCopy into a variable, then toYaml)", async () => {
    await withRepo(async (repo) => {
      chart(repo, {});
      expect(await findings(repo)).toEqual({ code: 0, found: [] });
    });
  });

  it("so may it with `toYaml .Values` or `.Values | toJson` written directly", async () => {
    for (const t of ["data: {{ toYaml .Values | nindent 2 }}\n", "data: {{ $.Values | toJson | quote }}\n"]) {
      await withRepo(async (repo) => {
        chart(repo, { "chart/templates/config.yaml": t });
        expect(await findings(repo)).toEqual({ code: 0, found: [] });
      });
    }
  });

  it("a chart that reads values one by one, or copies .Values without writing it out, keeps config/unknown-key", async () => {
    const unknown = [
      "config/unknown-key chart/values-ha.yaml:2 /controllerResources",
      "config/unknown-key chart/values-ha.yaml:6 /highAvailability",
    ];
    await withRepo(async (repo) => {
      chart(repo, { "chart/templates/config.yaml": undefined });
      expect(await findings(repo)).toEqual({ code: 1, found: unknown });
    });
    await withRepo(async (repo) => {
      chart(repo, {
        "chart/templates/config.yaml":
          "{{- $values := deepCopy .Values }}\nn: {{ $values.controllerReplicas }}\n{{ toYaml .Values.deploymentStrategy }}\n",
      });
      expect(await findings(repo)).toEqual({ code: 1, found: unknown });
    });
  });
});

describe("layered values: Kubernetes int-or-percent fields", () => {
  it("maxUnavailable, maxSurge and minAvailable may be an integer over a percentage or back (intstr.IntOrString)", async () => {
    await withRepo(async (repo) => {
      chart(repo, {
        "chart/values-ha.yaml":
          "deploymentStrategy:\n  rollingUpdate:\n    maxUnavailable: 1\n    maxSurge: 50%\npodDisruptionBudget:\n  minAvailable: 50%\n",
      });
      expect(await findings(repo)).toEqual({ code: 0, found: [] });
    });
  });

  it("other keys, and a boolean, a fraction or a map in those fields, still change type", async () => {
    await withRepo(async (repo) => {
      chart(repo, {
        "chart/values-ha.yaml":
          "replicas: 50%\ndeploymentStrategy:\n  rollingUpdate:\n    maxUnavailable: true\n    maxSurge: 1.5\npodDisruptionBudget:\n  minAvailable: {a: 1}\n",
      });
      expect(await findings(repo)).toEqual({
        code: 1,
        found: [
          "config/type-change chart/values-ha.yaml:1 /replicas",
          "config/type-change chart/values-ha.yaml:4 /deploymentStrategy/rollingUpdate/maxUnavailable",
          "config/type-change chart/values-ha.yaml:5 /deploymentStrategy/rollingUpdate/maxSurge",
          "config/type-change chart/values-ha.yaml:7 /podDisruptionBudget/minAvailable",
        ],
      });
    });
  });
});
