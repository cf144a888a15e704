/**
 * EleutherAI's lm-evaluation-harness loads its task configs with a PyYAML loader that adds one
 * constructor, `!function` (lm_eval/tasks/_yaml_loader.py: construct_scalar, then the named
 * function is imported from the module beside the YAML file). Its 5,919 task files under
 * lm_eval/tasks/ and the task folders users pass with --include_path use it: 6,329
 * parse/unknown-tag warnings on valid files. `!function` is known in lm_eval/tasks/ and in a file
 * with a task config's keys; it takes a scalar (a mapping fails construct_scalar).
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { detectDialects } from "../../src/core/parse/yaml-dialects.js";

const parse = (text: string, file: string) => parseDocument(Buffer.from(text), { path: file, format: "yaml" });

// Reduced from lm_eval/tasks/bbh/zeroshot/snarks.yaml and lm_eval/tasks/mmlu_pro/_default_template_yaml (MIT).
const QUOTED_KEYS =
  '"dataset_name": "snarks"\n"task": "bbh_zeroshot_snarks"\nfilter_list:\n  - name: "flexible-extract"\n    filter:\n      - function: !function utils.MultiChoiceRegexFilter\n';
const TASK =
  "dataset_path: TIGER-Lab/MMLU-Pro\ntest_split: test\noutput_type: generate_until\nprocess_docs: !function utils.process_docs\ndoc_to_text: !function utils.doc_to_text\n";
const INCLUDED = "include: _default_template_yaml\ntask: mmlu_pro_law\nprocess_docs: !function utils.process_law\n";

describe("!function in lm-evaluation-harness task configs", () => {
  it.each([
    ["lm_eval/tasks/bbh/zeroshot/snarks.yaml", QUOTED_KEYS],
    ["lm_eval/tasks/mmlu_pro/mmlu_pro_law.yaml", INCLUDED],
    ["my_tasks/mmlu_pro/custom.yaml", TASK],
    ["eval/configs/law.yaml", INCLUDED],
  ])("%s: !function is known, no warning", (file, text) => {
    expect(detectDialects(file, text).map((d) => d.id)).toContain("lm-eval");
    expect(parse(text, file).findings).toEqual([]);
  });

  it("!function elsewhere is still a warning naming lm-evaluation-harness, and a mapping value an error", () => {
    const other = parse("name: app\nhandler: !function utils.x\n", "config/app.yaml");
    expect(other.findings).toEqual([expect.objectContaining({ rule: "parse/unknown-tag", level: "warning", line: 2 })]);
    expect(other.findings[0]!.message).toContain("lm-evaluation-harness");
    expect(parse("task: t\nprocess_docs: !function {a: 1}\n", "lm_eval/tasks/t/t.yaml").findings).toEqual([
      expect.objectContaining({ level: "error", line: 2 }),
    ]);
  });
});
