/**
 * NaN and ±Infinity through `check` with the defaults (main thread, parse workers, the hook):
 * a warning in a Hugging Face config or Trainer state, whose reader (json.loads) takes them; an error in any other
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
// transformers' TrainerState.save_to_json (json.dumps, sort_keys) after a diverged fp16 step.
const TRAINER_STATE = [
  "{",
  '  "best_metric": null,',
  '  "epoch": 0.02,',
  '  "global_step": 20,',
  '  "is_world_process_zero": true,',
  '  "log_history": [',
  "    {",
  '      "epoch": 0.02,',
  '      "grad_norm": NaN,',
  '      "loss": 0.0,',
  '      "step": 20',
  "    }",
  "  ]",
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
      repo.write("out/checkpoint-20/trainer_state.json", TRAINER_STATE);
      repo.write(
        "out/eval_results.json",
        '{\n    "epoch": 3.0,\n    "eval_loss": NaN,\n    "eval_runtime": 114.8499,\n    "eval_samples_per_second": 1.524\n}\n',
      );
      repo.commitAll("models");
      for (const env of [{}, { IG_PARSE_WORKERS: "2" }] as Record<string, string>[]) {
        const r = await repo.cli(["check", "--format", "json"], env);
        expect(r.code, r.stderr).toBe(1);
        const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
        expect(findings.map((f) => [f.file, f.rule, f.level, f.line, f.column]).sort()).toEqual([
          ["data/limits.json", "parse/syntax", "error", 1, 12],
          ["models/mamba2/config.json", "parse/non-finite", "warning", 6, 5],
          ["notebooks/run.ipynb", "parse/syntax", "error", 3, 52],
          ["out/checkpoint-20/trainer_state.json", "parse/non-finite", "warning", 9, 20],
          ["out/eval_results.json", "parse/non-finite", "warning", 3, 18],
        ]);
      }
      repo.write("models/mamba2/config.json", MAMBA2.replace("Infinity", "Infinity,"));
      repo.git("add", "-A");
      const staged = await repo.cli(["check", "--staged", "--format", "json"]);
      const errors = (JSON.parse(staged.stdout) as { findings: Finding[] }).findings.filter((f) => f.level === "error");
      expect(errors.map((f) => [f.file, f.rule, f.line])).toContainEqual(["models/mamba2/config.json", "parse/syntax", 6]);
      // A Trainer state cut mid-write is still an error: the reading only takes NaN and ±Infinity.
      repo.write("out/checkpoint-20/trainer_state.json", TRAINER_STATE.slice(0, TRAINER_STATE.indexOf('"loss"')));
      repo.git("add", "-A");
      const cut = await repo.cli(["check", "--staged", "--format", "json"]);
      const cutErrors = (JSON.parse(cut.stdout) as { findings: Finding[] }).findings.filter((f) => f.level === "error");
      expect(cutErrors.map((f) => [f.file, f.rule])).toContainEqual(["out/checkpoint-20/trainer_state.json", "parse/truncated"]);
    }));
});
