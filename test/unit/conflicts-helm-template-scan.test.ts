/**
 * templateReadPointers reads a chart's templates, which a pull request writes: one pass over the
 * text, whatever it holds. The comment strip was a lazy regular expression that scanned to the end
 * again from each unclosed `{{/*` (80 KB: 6 s, growing with the square of the size), and the
 * whole-values write a pair of regular expressions that backtracked on `toYaml` followed by a run
 * of blanks (60 KB: 21 s) and tried every `$v := .Values` binding's name at every `$`. Same
 * verdicts as before on the forms charts write (table), in milliseconds on the hostile ones.
 */
import { describe, expect, it } from "vitest";
import { templateReadPointers } from "../../src/core/conflicts/helm-charts.js";

const values = { replicaCount: 1 };
const opens = (template: string) => templateReadPointers([template], values);

describe("templateReadPointers on the forms charts write (same verdicts as the regular expressions)", () => {
  it.each([
    ["data: {{ toYaml .Values | nindent 2 }}\n", [""]],
    ["data: {{ .Values | toJson }}\n", [""]],
    ["data: {{- toYaml $.Values | nindent 4 }}\n", [""]],
    ["data: {{ toPrettyJson ( .Values ) }}\n", [""]],
    ['{{- $values := deepCopy .Values }}\n{{- $_ := unset $values "x" }}\ndata: {{ toYaml $values }}\n', [""]],
    ["{{ $v = mustDeepCopy (.Values) }}{{ $v | mustToJson }}\n", [""]],
    ["{{ $root := . }}{{ $v := .Values }}replicas: {{ $v.replicaCount }}\n", []],
    ["data: {{ toYaml .Values.replicaCount }}\n", []],
    ["data: {{ toYaml(.Values) }}\n", []],
    ["data: {{ xtoYaml .Values }}\n", []],
    ["{{ $a := .Values }}data: {{ toYaml $ab }}\n", []],
    ["{{/* toYaml .Values */}}\nx: {{ .Values.extra }}\n", ["/extra"]],
    ["{{- /* one\n toYaml .Values */ -}}\n{{/* open", []],
    ["{{/* a */ }} {{ .Values.extra }} */}}\n", []],
  ] as const)("%j opens %j", (template, expected) => {
    expect(opens(template)).toEqual(expected);
  });
});

describe("templateReadPointers stays linear on a pull request's template", () => {
  for (const [name, template] of [
    ["200,000 unclosed comment openings", "{{/*".repeat(200_000) + "\nx: {{ .Values.extra }}\n"],
    ["`toYaml` and 1,000,000 blanks, three times, then `.Values`", `${("toYaml" + " ".repeat(1_000_000) + "x\n").repeat(3)}.Values\n`],
    [
      "100,000 bindings of `.Values`",
      Array.from({ length: 100_000 }, (_, i) => `{{ $v${i} := .Values }}`).join("\n") + "\n" + "$v".repeat(100_000),
    ],
  ] as const) {
    it(`${name}: in seconds, not minutes`, () => {
      const t0 = performance.now();
      templateReadPointers([template], values);
      expect(performance.now() - t0).toBeLessThan(5000);
    });
  }
});
