/**
 * A Go template comment (`{{/* ... *\/}}`, with or without whitespace trimming) renders nothing:
 * `toYaml .Values` or `.Values.x` inside one is no write or read of the values, and must not
 * open overlay keys (a comment line had config/unknown-key off for every overlay of the chart).
 */
import { describe, expect, it } from "vitest";
import { templateReadPointers } from "../../src/core/conflicts/helm-charts.js";

const values = { replicaCount: 1 };

describe("templateReadPointers and template comments", () => {
  it("`toYaml .Values` in a comment opens nothing", () => {
    expect(templateReadPointers(["{{/* toYaml .Values */}}\nreplicas: {{ .Values.replicaCount }}\n"], values)).toEqual([]);
    expect(templateReadPointers(["{{- /*\n  data: {{ toYaml .Values }}\n*/ -}}\n"], values)).toEqual([]);
  });

  it("`.Values.x` in a comment opens nothing", () => {
    expect(templateReadPointers(["{{/* .Values.replicaCout was renamed */}}\n"], values)).toEqual([]);
  });

  it("outside a comment both still open (guard)", () => {
    expect(templateReadPointers(["{{/* config */}}\ndata: {{ toYaml .Values | nindent 2 }}\n"], values)).toEqual([""]);
    expect(templateReadPointers(["{{/* note */}} x: {{ .Values.extra }}\n"], values)).toEqual(["/extra"]);
  });
});
