import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";

// A chart whose templates read values that values.yaml leaves out (only a comment shows them), as
// in hashicorp/vault-helm: values.yaml has `server.readinessProbe` without `path` ("# path: ..."),
// templates/server-statefulset.yaml reads `.Values.server.readinessProbe.path`, and
// values.openshift.yaml sets it. Helm renders the templates with the merged values, so the key
// overrides something the chart reads: it is no config/unknown-key. A key no template reads is.
const CONFIG = `version: 1
config:
  layers: ["chart/values.yaml", "chart/values.*.yaml"]
`;

const CHART = "apiVersion: v2\nname: vault\nversion: 0.1.0\n";

const VALUES = `server:
  image:
    tag: "1.0"
  readinessProbe:
    enabled: true
    # If you need to use a http path instead of the default exec
    # path: /v1/sys/health?standbyok=true
    port: 8200
  ingress:
    enabled: false
`;

const TEMPLATE = `apiVersion: apps/v1
kind: StatefulSet
spec:
  template:
    spec:
      containers:
        - name: vault
          image: "vault:{{ .Values.server.image.tag }}"
          {{- with .Values.server }}
          {{- if .readinessProbe.enabled }}
          readinessProbe:
            {{- if $.Values.server.readinessProbe.path }}
            httpGet:
              path: {{ .Values.server.readinessProbe.path | quote }}
              port: {{ .Values.server.readinessProbe.port }}
            {{- end }}
          {{- end }}
          {{- end }}
          {{- with .Values.server.ingress.tls }}
          {{- toYaml . | nindent 10 }}
          {{- end }}
`;

const OVERLAY = `server:
  readinessProbe:
    path: "/v1/sys/health?uninitcode=204"
  ingress:
    tls:
      - secretName: vault-tls
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
    "chart/Chart.yaml": CHART,
    "chart/values.yaml": VALUES,
    "chart/templates/server-statefulset.yaml": TEMPLATE,
    "chart/values.openshift.yaml": OVERLAY,
    ...files,
  };
  for (const [p, c] of Object.entries(all)) if (c !== undefined) repo.write(p, c);
}

describe("layered Helm values: keys the chart's templates read", () => {
  it("an overlay may set a value that templates read and values.yaml leaves out (also from the index)", async () => {
    await withRepo(async (repo) => {
      chart(repo, {});
      expect(await findings(repo)).toEqual({ code: 0, found: [] });
      repo.commitAll("chart");
      expect((await repo.cli(["check", "--staged"])).code).toBe(0);
    });
  });

  it("a key no template reads is still config/unknown-key, also below a map that templates read whole (with .Values.server)", async () => {
    await withRepo(async (repo) => {
      chart(repo, {
        "chart/values.openshift.yaml": OVERLAY + '  readinesProbe:\n    path: /x\n  imagee:\n    tag: "2.0"\n',
      });
      expect(await findings(repo)).toEqual({
        code: 1,
        found: [
          "config/unknown-key chart/values.openshift.yaml:7:3 /server/readinesProbe",
          "config/unknown-key chart/values.openshift.yaml:9:3 /server/imagee",
        ].sort(),
      });
    });
  });

  it("templates of another folder, or a folder that is no chart (no Chart.yaml), open nothing", async () => {
    const unknown = [
      "config/unknown-key chart/values.openshift.yaml:3:5 /server/readinessProbe/path",
      "config/unknown-key chart/values.openshift.yaml:5:5 /server/ingress/tls",
    ];
    await withRepo(async (repo) => {
      chart(repo, { "chart/templates/server-statefulset.yaml": undefined, "other/templates/server-statefulset.yaml": TEMPLATE });
      expect(await findings(repo)).toEqual({ code: 1, found: unknown });
    });
    await withRepo(async (repo) => {
      chart(repo, { "chart/Chart.yaml": undefined });
      expect(await findings(repo)).toEqual({ code: 1, found: unknown });
    });
  });
});
