/**
 * NaN and ±Infinity through `check` with the defaults (main thread, parse workers, the hook):
 * a warning in a Hugging Face config, whose reader (json.loads) takes them; an error in any other
 * JSON file and in a notebook, whose readers (JSON.parse in Jupyter's front ends) refuse them.
 */
import { describe, expect, it } from "vitest";
import { withRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

const MAMBA2 = [
  "{",
  '  "architectures": ["Mamba2ForCausalLM"],',
  '  "model_type": "mamba2",',
  '  "time_step_limit": [',
  "    0.0,",
  "    Infinity",
  "  ],",
  '  "transformers_version": "4.44.0"',
  "}",
  "",
].join("\n");
const NOTEBOOK =
  '{\n "cells": [],\n "metadata": { "papermill": { "parameters": { "x": NaN } } },\n "nbformat": 4,\n "nbformat_minor": 5\n}\n';

describe("non-finite numbers", () => {
  it("are a warning in a Hugging Face config and an error elsewhere: check, the parse workers and the hook", () =>
    withRepo(async (repo) => {
      repo.write("models/mamba2/config.json", MAMBA2);
      repo.write("data/limits.json", '{ "limit": Infinity }\n');
      repo.write("notebooks/run.ipynb", NOTEBOOK);
      repo.commitAll("models");
      for (const env of [{}, { IG_PARSE_WORKERS: "2" }] as Record<string, string>[]) {
        const r = await repo.cli(["check", "--format", "json"], env);
        expect(r.code, r.stderr).toBe(1);
        const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
        expect(findings.map((f) => [f.file, f.rule, f.level, f.line, f.column]).sort()).toEqual([
          ["data/limits.json", "parse/syntax", "error", 1, 12],
          ["models/mamba2/config.json", "parse/non-finite", "warning", 6, 5],
          ["notebooks/run.ipynb", "parse/syntax", "error", 3, 52],
        ]);
      }
      repo.write("models/mamba2/config.json", MAMBA2.replace("Infinity", "Infinity,"));
      repo.git("add", "-A");
      const staged = await repo.cli(["check", "--staged", "--format", "json"]);
      const errors = (JSON.parse(staged.stdout) as { findings: Finding[] }).findings.filter((f) => f.level === "error");
      expect(errors.map((f) => [f.file, f.rule, f.line])).toContainEqual(["models/mamba2/config.json", "parse/syntax", 6]);
    }));
});
