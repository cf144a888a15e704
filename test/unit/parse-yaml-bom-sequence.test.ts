/**
 * A YAML file that starts with a UTF-8 byte order mark and then a block sequence (DocFX's
 * toc.yml as Visual Studio saves it: `\uFEFF- name: Get started`). YAML 1.2 allows a BOM at the
 * start of the stream, and YamlDotNet (DocFX), PyYAML, libyaml, go-yaml and js-yaml skip it; the
 * yaml package counted it as part of the first line, so the first `- ` sat at another indent
 * than the next ones and every line was a syntax error.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

const TOC = "\uFEFF- name: Get started\n- href: basic-concepts.md\n- name: Reference\n  items:\n  - href: cli.md\n";

describe("a BOM at the start of a YAML file, before a block sequence", () => {
  it("reads DocFX's toc.yml saved with a BOM as the list it is, positions as the editor shows them", () => {
    const doc = parseDocument(Buffer.from(TOC), { path: "docs/toc.yml", format: "yaml" });
    expect(doc.findings).toEqual([]);
    expect(doc.ok).toBe(true);
    expect(doc.value).toEqual([{ name: "Get started" }, { href: "basic-concepts.md" }, { name: "Reference", items: [{ href: "cli.md" }] }]);
    // The BOM is invisible: the first value is at column 9 as in an editor, as on the lines below.
    expect(doc.locate("/0/name")).toEqual(expect.objectContaining({ line: 1, column: 9 }));
    expect(doc.locate("/1/href")).toEqual(expect.objectContaining({ line: 2, column: 9 }));
  });

  it("a BOM before a sequence of scalars, before `---` and before a mapping reads the same as without it", () => {
    for (const text of ["- a\n- b\n", "---\n- a\n- b\n", "a: 1\nb:\n- x\n"]) {
      const withBom = parseDocument(Buffer.from(`\uFEFF${text}`), { path: "x.yaml", format: "yaml" });
      const without = parseDocument(Buffer.from(text), { path: "x.yaml", format: "yaml" });
      expect(withBom.findings, JSON.stringify(text)).toEqual([]);
      expect(withBom.value).toEqual(without.value);
    }
  });

  it("what is broken after the BOM stays an error, and so does a second BOM", () => {
    const doc = parseDocument(Buffer.from("\uFEFF- a: 1\n   b: 2\n- c\n"), { path: "x.yaml", format: "yaml" });
    expect(doc.ok).toBe(false);
    expect(doc.findings.some((f) => f.level === "error" && f.rule === "parse/syntax")).toBe(true);
    // A second BOM inside the file (two files joined) is still reported where it is.
    const joined = parseDocument(Buffer.from("\uFEFF- a\n\uFEFF- b\n"), { path: "x.yaml", format: "yaml" });
    expect(joined.findings.map((f) => [f.level, f.line, f.column])).toContainEqual(["error", 2, 1]);
  });
});
