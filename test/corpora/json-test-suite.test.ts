/**
 * nst/JSONTestSuite (../shared/corpora/JSONTestSuite/test_parsing, read in place, never copied):
 * every n_* is corrupt with a position, every y_* passes (except the duplicate-key ones, rejected
 * on purpose), and every i_* has a recorded decision (docs/parsing.md) that this test enforces.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { corpusDir } from "../helpers/repo.js";

const root = corpusDir("JSONTestSuite");
const dir = root ? path.join(root, "test_parsing") : undefined;
const files = dir
  ? fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
  : [];
/** it.each needs at least one row even inside a skipped describe. */
const some = (list: string[]) => (list.length > 0 ? list : ["(corpus missing)"]);
const parse = (name: string) => parseDocument(fs.readFileSync(path.join(dir!, name)), { path: name });

/** y_* files we reject on purpose, and the rule we reject them with. */
const REJECTED_VALID: Record<string, string> = {
  "y_object_duplicated_key.json": "parse/duplicate-key",
  "y_object_duplicated_key_and_value.json": "parse/duplicate-key",
};

/**
 * Implementation-defined cases: what we do with each, and why (same table in docs/parsing.md).
 * "accept" means ok with no error; otherwise the rule of the first finding.
 */
const IMPLEMENTATION_DEFINED: Record<string, string> = {
  // Numbers: a value a double cannot hold is refused; precision loss and underflow are accepted.
  "i_number_double_huge_neg_exp.json": "accept", // 123.456e-789 underflows to 0
  "i_number_huge_exp.json": "parse/number-range", // would become Infinity
  "i_number_neg_int_huge_exp.json": "parse/number-range",
  "i_number_pos_double_huge_exp.json": "parse/number-range",
  "i_number_real_neg_overflow.json": "parse/number-range",
  "i_number_real_pos_overflow.json": "parse/number-range",
  "i_number_real_underflow.json": "accept",
  "i_number_too_big_neg_int.json": "accept", // integer beyond 2^53: precision lost, as in JSON.parse
  "i_number_too_big_pos_int.json": "accept",
  "i_number_very_big_negative_int.json": "accept",
  // \u escapes of unpaired surrogates: grammatical JSON; accepted as JSON.parse does.
  "i_object_key_lone_2nd_surrogate.json": "accept",
  "i_string_1st_surrogate_but_2nd_missing.json": "accept",
  "i_string_1st_valid_surrogate_2nd_invalid.json": "accept",
  "i_string_incomplete_surrogate_and_escape_valid.json": "accept",
  "i_string_incomplete_surrogate_pair.json": "accept",
  "i_string_incomplete_surrogates_escape_valid.json": "accept",
  "i_string_invalid_lonely_surrogate.json": "accept",
  "i_string_invalid_surrogate.json": "accept",
  "i_string_inverted_surrogates_U+1D11E.json": "accept",
  "i_string_lone_second_surrogate.json": "accept",
  // Bytes that are not UTF-8: refused before the syntax is looked at.
  "i_string_UTF-16LE_with_BOM.json": "parse/encoding",
  "i_string_UTF-8_invalid_sequence.json": "parse/encoding",
  "i_string_UTF8_surrogate_U+D800.json": "parse/encoding",
  "i_string_invalid_utf-8.json": "parse/encoding",
  "i_string_iso_latin_1.json": "parse/encoding",
  "i_string_lone_utf8_continuation_byte.json": "parse/encoding",
  "i_string_not_in_unicode_range.json": "parse/encoding",
  "i_string_overlong_sequence_2_bytes.json": "parse/encoding",
  "i_string_overlong_sequence_6_bytes.json": "parse/encoding",
  "i_string_overlong_sequence_6_bytes_null.json": "parse/encoding",
  "i_string_truncated-utf-8.json": "parse/encoding",
  "i_string_utf16BE_no_BOM.json": "parse/encoding",
  "i_string_utf16LE_no_BOM.json": "parse/encoding",
  // Structure: 500 levels are within the default limit (1000); a UTF-8 BOM is refused (RFC 8259 §8.1).
  "i_structure_500_nested_arrays.json": "accept",
  "i_structure_UTF-8_BOM_empty_object.json": "parse/encoding",
};

describe.skipIf(!dir)("JSONTestSuite corpus (../shared/corpora/JSONTestSuite)", () => {
  it("has the expected shape", () => {
    expect(files.filter((f) => f.startsWith("n_")).length).toBeGreaterThan(150);
    expect(files.filter((f) => f.startsWith("y_")).length).toBeGreaterThan(90);
  });

  it.each(some(files.filter((f) => f.startsWith("n_"))))("%s is reported as corrupt, with a position", (name) => {
    const doc = parse(name);
    expect(doc.ok).toBe(false);
    expect(doc.value).toBeUndefined();
    const errors = doc.findings.filter((f) => f.level === "error");
    expect(errors.length).toBeGreaterThan(0);
    for (const f of errors) {
      expect(f.rule).toMatch(/^parse\//);
      expect(f.file).toBe(name);
      expect(f.line).toBeGreaterThanOrEqual(1);
      expect(f.column).toBeGreaterThanOrEqual(1);
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.fix).toBeTruthy();
    }
  });

  it.each(some(files.filter((f) => f.startsWith("y_"))))("%s passes (or is rejected on purpose)", (name) => {
    const doc = parse(name);
    const rejectedAs = REJECTED_VALID[name];
    if (rejectedAs) {
      expect(doc.ok).toBe(false);
      expect(doc.findings.map((f) => f.rule)).toEqual([rejectedAs]);
      expect(doc.findings[0]!.related?.[0]?.line).toBe(1);
      return;
    }
    expect(doc.findings).toEqual([]);
    expect(doc.ok).toBe(true);
    // Our value is exactly what the native parser reads from the same text.
    expect(doc.value).toEqual(JSON.parse(fs.readFileSync(path.join(dir!, name), "utf8")));
  });

  it("every i_* file has a recorded decision, and no decision is stale", () => {
    expect(files.filter((f) => f.startsWith("i_"))).toEqual(Object.keys(IMPLEMENTATION_DEFINED).sort());
  });

  it.each(Object.entries(IMPLEMENTATION_DEFINED))("%s: %s", (name, expected) => {
    const doc = parse(name);
    if (expected === "accept") {
      expect(doc.findings.filter((f) => f.level === "error")).toEqual([]);
      expect(doc.ok).toBe(true);
    } else {
      expect(doc.ok).toBe(false);
      expect(doc.findings[0]).toMatchObject({ rule: expected, file: name, line: expect.any(Number), column: expect.any(Number) });
    }
  });
});
