/**
 * Copier reads a template's copier.yml (or copier.yaml) with a PyYAML SafeLoader that adds
 * `!include <glob>` (copier/_template.py, load_template_config): a document that is only
 * `!include ./questions.yml` is merged in. So `!include` there is Copier's, known, not a warning
 * that names Home Assistant; so is it in an included file that holds Copier's `_` settings.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { detectDialects } from "../../src/core/parse/yaml-dialects.js";

const parse = (text: string, file: string) => parseDocument(Buffer.from(text), { path: file, format: "yaml" });

// copier-org/copier tests/demo_merge_options_from_answerfiles/copier.yml, shortened.
const COPIER = "_skip_if_exists:\n  - skip_if_exists0\n---\n!include ./include1.yml\n---\n!include ./include2.yml\n";
const INCLUDED = "---\n!include ./include_me_also.yml\n---\n_exclude:\n  - exclude1\n";

describe("!include in Copier's copier.yml", () => {
  it.each([
    ["copier.yml", COPIER],
    ["tests/demo_transclude/copier.yaml", "!include includes/include_me.yml\n"],
    ["template/includes/questions.yml", INCLUDED],
  ])("%s: !include is known, no warning", (file, text) => {
    expect(detectDialects(file, text).map((d) => d.id)).toContain("copier");
    expect(parse(text, file).findings).toEqual([]);
  });

  it("!include in another file is still a warning, and a broken copier.yml still an error", () => {
    expect(parse("project_url:\n  type: str\n---\n!include ./x.yml\n", "includes/questions.yml").findings).toEqual([
      expect.objectContaining({ rule: "parse/unknown-tag", level: "warning", line: 4 }),
    ]);
    // copier-org/copier's tests/demo_transclude_invalid: a scalar document, then a mapping.
    expect(parse('!include "includes/include_me.yml"\n\nkey_one: "i_am_from_copier.yml"\n', "copier.yml").ok).toBe(false);
  });
});
