/**
 * Two `<<` keys in one mapping of a Helm values file (src/core/parse/yaml-repeated-merge.ts): Helm
 * reads values with sigs.k8s.io/yaml, whose go-yaml v2 decoder merges every `<<` in order, so
 * nothing is reported there and validation sees both sources merged. A repeated plain key stays a
 * duplicate in those files, and a repeated `<<` stays one in files no name ties to Helm.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

// Reduced from grafana/loki (AGPL-3.0) tools/dev/k3d/environments/helm-cluster/values/loki-distributed-tls.yaml,
// a file its Makefile's siblings pass to `helm install --values`.
const LOKI = [
  "x-volumes: &base_extra_volumes",
  "  extraVolumes:",
  "    - name: tls",
  "x-mounts: &base_extra_volume_mounts",
  "  extraVolumeMounts:",
  "    - name: tls",
  "      mountPath: /var/tls",
  "gateway:",
  "  <<: *base_extra_volume_mounts",
  "  <<: *base_extra_volumes",
  "  replicas: 1",
  "",
].join("\n");

const parse = (text: string, file: string) => parseDocument(text, { path: file });

describe("repeated `<<` merge keys in Helm values files", () => {
  it.each([
    "tools/dev/k3d/environments/helm-cluster/values/loki-distributed-tls.yaml",
    "values.yaml",
    "charts/app/values.yaml",
    "charts/app/values-production.yaml",
    "charts/app/values.prod.yml",
    "charts/app/ci/ci-values.yaml",
    "production/helm/loki/distributed-values.yaml",
    "deploy/app.values.yaml",
  ])("%s: Helm (go-yaml v2) merges both sources, nothing is reported", (file) => {
    const doc = parse(LOKI, file);
    expect(doc.findings).toEqual([]);
    expect((doc.value as { gateway: unknown }).gateway).toEqual({
      extraVolumes: [{ name: "tls" }],
      extraVolumeMounts: [{ name: "tls", mountPath: "/var/tls" }],
      replicas: 1,
    });
  });

  it.each([
    "config.yaml",
    "retrievalues.yaml",
    "charts/app/Chart.yaml",
    "valuesfile.yaml",
    "values/nested/deep.yaml",
    "docker-compose.yml",
  ])("%s: still a duplicate key", (file) => {
    expect(parse(LOKI, file).findings.map((f) => [f.rule, f.line, f.key])).toEqual([["parse/duplicate-key", 10, "<<"]]);
  });

  it("a later source wins over an earlier one, as go-yaml v2 overwrites with each merge in turn", () => {
    const doc = parse("a: &a {x: a, y: a}\nb: &b {x: b}\nm:\n  <<: *a\n  <<: *b\n", "values.yaml");
    expect(doc.findings).toEqual([]);
    expect((doc.value as { m: unknown }).m).toEqual({ x: "b", y: "a" });
  });

  it("a repeated plain key in a values file stays a duplicate (Helm keeps the last silently)", () => {
    expect(
      parse("commonLabels:\n  labelA: valueA\n  labelA: valueB\n", "production/helm/loki/single-binary-values.yaml").findings.map((f) => [
        f.rule,
        f.line,
        f.key,
      ]),
    ).toEqual([["parse/duplicate-key", 3, "labelA"]]);
  });
});
