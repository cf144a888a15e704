import { describe, expect, it } from "vitest";
import { templateReadPointers } from "../../src/core/conflicts/helm-charts.js";

const VALUES = { server: { image: { tag: "1.0" }, readinessProbe: { enabled: true, port: 8200 }, ingress: { enabled: false } }, port: 80 };

describe("templateReadPointers", () => {
  it("opens each value a template reads, cut at the first key values.yaml leaves out", () => {
    const template = [
      "path: {{ .Values.server.readinessProbe.path | quote }}",
      "{{- with $.Values.server.ingress.tls.hosts }}{{ toYaml . }}{{ end }}",
      "{{ $root.Values.extraLabels }}",
    ].join("\n");
    expect(templateReadPointers([template], VALUES).sort()).toEqual(["/extraLabels", "/server/ingress/tls", "/server/readinessProbe/path"]);
  });

  it("a chain values.yaml defines all along, or one through a scalar, opens nothing (`with .Values.server` keeps the keys below checked)", () => {
    const template =
      "{{ with .Values.server }}{{ .readinessProbe.path }}{{ end }} {{ .Values.server.image.tag }} {{ .Values.port.number }}";
    expect(templateReadPointers([template], VALUES)).toEqual([]);
  });

  it("an empty values.yaml (null) is an empty map; an absent or unparsable one (undefined), or a list, opens nothing", () => {
    expect(templateReadPointers(["{{ .Values.a.b }}"], null)).toEqual(["/a"]);
    expect(templateReadPointers(["{{ .Values.a.b }}"], undefined)).toEqual([]);
    expect(templateReadPointers(["{{ .Values.a.b }}"], ["a"])).toEqual([]);
  });

  it("escapes pointer tokens and ignores reads it cannot follow (index, a bare .Values not written out)", () => {
    expect(templateReadPointers(['{{ index .Values "my-key" }} {{ include "x" .Values }} {{ .Values.a_b1 }}'], {})).toEqual(["/a_b1"]);
    expect(templateReadPointers(["{{ .Values.toString }}"], {})).toEqual(["/toString"]);
  });

  it("a template that writes the whole values out opens every key (linkerd2's `toYaml $values` of `deepCopy .Values`)", () => {
    for (const t of [
      "{{ toYaml .Values }}",
      "{{ $.Values | toJson }}",
      "{{- toPrettyJson ($root.Values) }}",
      '{{- $values := deepCopy .Values }}{{- $_ := unset $values "partials"}}{{- toYaml $values | trim | nindent 4 }}',
      "{{ $v := .Values }}{{ $v | toYaml }}",
    ])
      expect(templateReadPointers([t], VALUES), t).toEqual([""]);
    for (const t of [
      "{{ toYaml .Values.server }}",
      "{{ $v := deepCopy .Values }}{{ toYaml $v.server }}",
      "{{ $v := deepCopy .Values.server }}{{ toYaml $v }}",
      "{{ $values := deepCopy .Values }}{{ toYaml $valuesX }}",
    ])
      expect(templateReadPointers([t], VALUES), t).toEqual([]);
  });
});
