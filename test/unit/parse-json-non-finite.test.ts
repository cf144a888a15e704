/**
 * NaN, Infinity and -Infinity in JSON whose reader takes them (Python's json.loads, named by the
 * file's content: a Hugging Face config, Trainer state or metrics): warnings at their position, never for other files.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/index.js";
import { nonFiniteReaderOf } from "../../src/core/parse/non-finite-readers.js";

const READER = "Hugging Face transformers (json.loads)";
const MAMBA = '{\n  "model_type": "mamba2",\n  "time_step_limit": [\n    0.0,\n    Infinity\n  ],\n  "transformers_version": "4.44.0"\n}\n';

describe("non-finite numbers for a reader that takes them", () => {
  it("are warnings at their line, column and pointer, and the value holds ±Infinity (NaN as null)", () => {
    const text = '{\n  "a": NaN,\n  "b": [Infinity, -Infinity],\n  "c": "NaN"\n}\n';
    const doc = parseDocument(text, { path: "config.json", nonFiniteReader: READER });
    expect(doc.ok).toBe(true);
    expect(doc.value).toEqual({ a: null, b: [Infinity, -Infinity], c: "NaN" });
    expect(doc.findings.map((f) => [f.rule, f.level, f.line, f.column, f.pointer, f.found])).toEqual([
      ["parse/non-finite", "warning", 2, 8, "/a", "NaN"],
      ["parse/non-finite", "warning", 3, 9, "/b/0", "Infinity"],
      ["parse/non-finite", "warning", 3, 19, "/b/1", "-Infinity"],
    ]);
    expect(doc.findings[0]!.message).toContain(READER);
    expect(doc.locate("/b/1")).toMatchObject({ line: 3, column: 19 });
  });

  it("stay syntax errors without that reader", () => {
    for (const word of ["NaN", "Infinity", "-Infinity"]) {
      const doc = parseDocument(`{ "a": ${word} }`, { path: "data.json" });
      expect(doc.ok, word).toBe(false);
      expect(doc.findings.map((f) => [f.rule, f.level])).toEqual([["parse/syntax", "error"]]);
    }
  });

  it("accept only Python's spellings: nan, inf, +Infinity, a word running on and the rest of the syntax stay errors", () => {
    for (const text of [
      '{ "a": nan }',
      '{ "a": inf }',
      '{ "a": +Infinity }',
      '{ "a": Infinityy }',
      '{ "a": NaN "b": 1 }',
      "[Infinity,]",
      "[-Infinity",
    ]) {
      const doc = parseDocument(text, { path: "config.json", nonFiniteReader: READER });
      expect(doc.ok, text).toBe(false);
      expect(
        doc.findings.some((f) => f.level === "error"),
        text,
      ).toBe(true);
    }
  });

  it("keep duplicate keys as errors", () => {
    const doc = parseDocument('{ "a": NaN, "a": 1 }', { path: "config.json", nonFiniteReader: READER });
    expect(doc.ok).toBe(false);
    expect(doc.findings.map((f) => f.rule)).toEqual(["parse/non-finite", "parse/duplicate-key"]);
  });
});

describe("nonFiniteReaderOf", () => {
  it("names transformers and diffusers from a member their writers put in every config", () => {
    expect(nonFiniteReaderOf("models/mamba/config.json", MAMBA)).toBe(READER);
    expect(nonFiniteReaderOf("generation_config.json", '{"do_sample": true,"transformers_version":"4.40.0"}')).toBe(READER);
    expect(nonFiniteReaderOf("unet/config.json", '{\n  "_class_name": "UNet2DConditionModel",\n  "_diffusers_version": "0.30.0"\n}')).toBe(
      "Hugging Face diffusers (json.loads)",
    );
  });

  it("names the Trainer from its state's members: log_history and is_world_process_zero, both", () => {
    const state =
      '{\n  "best_metric": null,\n  "is_world_process_zero": true,\n  "log_history": [\n    { "grad_norm": NaN, "step": 10 }\n  ]\n}\n';
    expect(nonFiniteReaderOf("out/checkpoint-10/trainer_state.json", state)).toBe("Hugging Face Trainer state (json.loads)");
    // One of the two is not the Trainer's state: a log of another program keeps JSON's reading.
    expect(nonFiniteReaderOf("runs/log.json", '{ "log_history": [{ "loss": NaN }] }')).toBeUndefined();
    expect(nonFiniteReaderOf("runs/rank.json", '{ "is_world_process_zero": true, "loss": NaN }')).toBeUndefined();
    expect(nonFiniteReaderOf("runs/note.json", '{ "text": "\\"log_history\\": \\"is_world_process_zero\\":", "x": NaN }')).toBeUndefined();
  });

  it("names the Trainer's metrics from the speed metrics of their split: <split>_runtime and <split>_samples_per_second, both", () => {
    const evalResults =
      '{\n    "epoch": 3.0,\n    "eval_loss": NaN,\n    "eval_runtime": 114.8499,\n    "eval_samples_per_second": 1.524\n}';
    expect(nonFiniteReaderOf("out/eval_results.json", evalResults)).toBe("Hugging Face Trainer metrics (json.load)");
    expect(nonFiniteReaderOf("out/all_results.json", '{"train_loss": NaN, "train_runtime": 1.0, "train_samples_per_second": 4.1}')).toBe(
      "Hugging Face Trainer metrics (json.load)",
    );
    expect(nonFiniteReaderOf("bench.json", '{ "query_runtime": 1.5, "loss": NaN }')).toBeUndefined();
  });

  it("names none for other JSON, a value or an escaped name that merely contains the words, or a notebook", () => {
    expect(nonFiniteReaderOf("data.json", '{ "limit": Infinity }')).toBeUndefined();
    expect(nonFiniteReaderOf("notes.json", '{ "text": "the transformers_version key" }')).toBeUndefined();
    expect(nonFiniteReaderOf("out.json", '{ "log": "\\"transformers_version\\": \\"4.1\\"" }')).toBeUndefined();
    expect(nonFiniteReaderOf("train.ipynb", MAMBA)).toBeUndefined();
  });
});
