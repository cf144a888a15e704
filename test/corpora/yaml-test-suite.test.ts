/**
 * yaml/yaml-test-suite (../shared/corpora/yaml-test-suite, read in place, never copied): every case
 * with an `error` file is reported as corrupt, every other case parses, and where in.json exists
 * our documents equal it. Known deviations are listed below by case id, one reason each.
 *
 * The suite exercises the whole YAML language, so cases are parsed as a library user would parse
 * arbitrary YAML: allowAnyTag (the suite uses !foo, !!set, verbatim tags...), and strict: quoted
 * strings and flow collections continued at their key's indent and comments glued to a token
 * are errors as YAML 1.2 says; by default they are warnings, as PyYAML and libyaml read them
 * (the eight cases are checked below). Merge keys are on (the default); no case depends on them.
 */
import fs from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { corpusDir } from "../helpers/repo.js";

const root = corpusDir("yaml-test-suite");

/** Cases whose outcome (accept/reject) differs from the suite, on purpose or by the yaml package. */
const OUTCOME_DEVIATIONS: Record<string, string> = {
  "2JQS": 'two empty (null) keys in one mapping: we report parse/duplicate-key, since as JSON both are the key ""',
};

/** Cases that parse as the suite says, but whose value differs from in.json. */
const VALUE_DEVIATIONS: Record<string, string> = {
  M7A3: 'the yaml package reads an extra empty document between "..." markers',
  HWV9: 'the yaml package reads a lone "..." as one empty document; the suite as none',
  QT73: 'the yaml package reads a comment and "..." as one empty document; the suite as none',
};

interface Case {
  id: string;
  dir: string;
  error: boolean;
}

function listCases(base: string): Case[] {
  const cases: Case[] = [];
  for (const name of fs.readdirSync(base).sort()) {
    const dir = path.join(base, name);
    if (!fs.statSync(dir).isDirectory()) continue;
    // Sub-cases live in numbered subfolders (e.g. 2G84/00).
    const dirs = fs.existsSync(path.join(dir, "in.yaml"))
      ? [[name, dir]]
      : fs
          .readdirSync(dir)
          .sort()
          .filter((s) => fs.existsSync(path.join(dir, s, "in.yaml")))
          .map((s) => [`${name}/${s}`, path.join(dir, s)]);
    for (const [id, d] of dirs) cases.push({ id: id!, dir: d!, error: fs.existsSync(path.join(d!, "error")) });
  }
  return cases;
}

/** in.json holds one JSON value per document, one after another. */
function jsonStream(text: string): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) return out;
    let depth = 0;
    let j = i;
    let inString = false;
    for (; j < text.length; j++) {
      const c = text[j]!;
      if (inString) {
        if (c === "\\") j++;
        else if (c === '"') {
          inString = false;
          if (depth === 0) {
            j++;
            break;
          }
        }
      } else if (c === '"') inString = true;
      else if (c === "{" || c === "[") depth++;
      else if (c === "}" || c === "]") {
        depth--;
        if (depth === 0) {
          j++;
          break;
        }
      } else if (depth === 0 && /\s/.test(c)) break;
    }
    out.push(JSON.parse(text.slice(i, j)));
    i = j;
  }
}

const cases = root ? listCases(root) : [];
const parse = (c: Case) =>
  parseDocument(fs.readFileSync(path.join(c.dir, "in.yaml")), { path: `${c.id}/in.yaml`, format: "yaml", allowAnyTag: true, strict: true });
const title = (c: Case) => (c.dir ? `${c.id} ${fs.readFileSync(path.join(c.dir, "==="), "utf8").trim()}` : c.id);
const some = <T>(list: T[], filler: T): T[] => (list.length > 0 ? list : [filler]);
const none: Case = { id: "(corpus missing)", dir: "", error: false };

describe.skipIf(!root)("yaml-test-suite corpus (../shared/corpora/yaml-test-suite)", () => {
  it("has the expected shape (cases, sub-cases, error cases)", () => {
    expect(cases.length).toBeGreaterThan(350);
    expect(cases.some((c) => c.id.includes("/"))).toBe(true);
    expect(cases.filter((c) => c.error).length).toBeGreaterThan(80);
  });

  it("every listed deviation is still a real case", () => {
    const ids = new Set(cases.map((c) => c.id));
    for (const id of [...Object.keys(OUTCOME_DEVIATIONS), ...Object.keys(VALUE_DEVIATIONS)]) expect(ids.has(id), id).toBe(true);
  });

  it.each(
    some(
      cases.filter((c) => c.error),
      none,
    ).map((c) => [title(c), c] as const),
  )("%s: corrupt", (_t, c) => {
    const doc = parse(c);
    if (OUTCOME_DEVIATIONS[c.id]) {
      expect(doc.ok, `deviation ${c.id} no longer deviates: remove it from the list`).toBe(true);
      return;
    }
    expect(doc.ok).toBe(false);
    const errors = doc.findings.filter((f) => f.level === "error");
    expect(errors.length).toBeGreaterThan(0);
    for (const f of errors) {
      expect(f.rule).toMatch(/^parse\//);
      expect(f.line).toBeGreaterThanOrEqual(1);
      expect(f.column).toBeGreaterThanOrEqual(1);
    }
  });

  it.each(
    some(
      cases.filter((c) => !c.error),
      none,
    ).map((c) => [title(c), c] as const),
  )("%s: valid", (_t, c) => {
    const doc = parse(c);
    if (OUTCOME_DEVIATIONS[c.id]) {
      expect(doc.ok, `deviation ${c.id} no longer deviates: remove it from the list`).toBe(false);
      return;
    }
    expect(doc.findings.filter((f) => f.level === "error")).toEqual([]);
    expect(doc.ok).toBe(true);
    const expectedFile = path.join(c.dir, "in.json");
    if (!fs.existsSync(expectedFile)) return;
    const expected = jsonStream(fs.readFileSync(expectedFile, "utf8"));
    const got: unknown = JSON.parse(JSON.stringify(doc.documents));
    if (VALUE_DEVIATIONS[c.id]) expect(isDeepStrictEqual(got, expected), `deviation ${c.id} no longer deviates`).toBe(false);
    else expect(got).toEqual(expected);
  });

  it.each([
    ["QB6E", "parse/quoted-indent", { quoted: "a b c" }],
    ["DK95/01", "parse/quoted-indent", { foo: "bar baz" }],
    ["9C9N", "parse/flow-indent", { flow: ["a", "b", "c"] }],
    ["VJP3/00", "parse/flow-indent", { k: { k: "v" } }],
    ["SU5Z", "parse/comment-spacing", { key: "value" }],
    ["X4QW", "parse/comment-spacing", { block: "scalar\n" }],
    ["9JBA", "parse/comment-spacing", ["a", "b", "c"]],
    ["CVW2", "parse/comment-spacing", ["a", "b", "c"]],
    ["YJV2", "parse/flow-dash", ["-"]],
  ] as const)("%s without strict: read as PyYAML/libyaml read it, with a %s warning", (id, rule, value) => {
    const c = cases.find((x) => x.id === id)!;
    expect(c.error).toBe(true);
    const doc = parseDocument(fs.readFileSync(path.join(c.dir, "in.yaml")), { path: `${id}/in.yaml`, format: "yaml", allowAnyTag: true });
    expect(doc.findings.map((f) => [f.rule, f.level])).toEqual([[rule, "warning"]]);
    expect(doc.value).toEqual(value);
  });

  it("G5U8 without strict: both plain dashes read as libyaml, go-yaml and PyYAML read them, a parse/flow-dash warning each", () => {
    const c = cases.find((x) => x.id === "G5U8")!;
    expect(c.error).toBe(true);
    const doc = parseDocument(fs.readFileSync(path.join(c.dir, "in.yaml")), { path: "G5U8/in.yaml", format: "yaml", allowAnyTag: true });
    expect(doc.findings.map((f) => [f.rule, f.level, f.line, f.column])).toEqual([
      ["parse/flow-dash", "warning", 2, 4],
      ["parse/flow-dash", "warning", 2, 7],
    ]);
    expect(doc.value).toEqual([["-", "-"]]);
  });

  it("without strict, every other error case still fails", () => {
    const lenient = new Set(["QB6E", "DK95/01", "9C9N", "VJP3/00", "SU5Z", "X4QW", "9JBA", "CVW2", "YJV2", "G5U8"]);
    const passing = cases
      .filter((c) => c.error && !lenient.has(c.id) && !OUTCOME_DEVIATIONS[c.id])
      .filter(
        (c) =>
          parseDocument(fs.readFileSync(path.join(c.dir, "in.yaml")), { path: `${c.id}/in.yaml`, format: "yaml", allowAnyTag: true }).ok,
      );
    expect(passing.map((c) => c.id)).toEqual([]);
  });
});
