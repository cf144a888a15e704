/**
 * HashiCorp's JSON syntax of HCL (Terraform's `*.tf.json` and `*.tftest.json`, Packer's
 * `*.pkr.json`). Its specification (hashicorp/hcl, json/spec.md, "Blocks") requires a parser to
 * keep every definition of a repeated property name, in order: `"resource"` written twice at the
 * top of a `.tf.json` is two sets of blocks, and a label repeated one level down is two blocks of
 * that label. A JSON reader keeps one of them; HCL keeps both. So a repeated name there is valid
 * HCL, not a duplicate key, as long as both values are objects or arrays (blocks, or label
 * levels). A repeated name whose value is a string, number, boolean or null can only be an
 * argument, and HCL rejects an argument set twice ("Duplicate argument"): that stays an error.
 *
 * A file's top level is always a body of blocks in Terraform, Terraform tests and Packer (no
 * top-level arguments), so a repeated name there is a notice. Deeper, whether an object value is
 * a nested block or an argument holding an object (`tags`) depends on the provider's schema: a
 * warning, which does not block. `*.tfvars.json` and `*.pkrvars.json` are not here: they are
 * read as arguments only, where every repetition is HCL's error too.
 * Pure; asked only after a strict parse failed, and only for these names.
 */
import type { Finding } from "../finding.js";

/** `*.tf.json`, `*.tftest.json`, `*.pkr.json`: files read by HCL's JSON parser as bodies of blocks. */
export function isHclJsonBody(file: string): boolean {
  return /\.(?:tf|tftest|pkr)\.json$/i.test(file);
}

/**
 * The findings of a file read by HCL's JSON parser: each `parse/duplicate-key` error re-judged as
 * HCL reads the repetition (see above). Other findings are returned as they are.
 */
export function hclJsonFindings(text: string, findings: readonly Finding[]): Finding[] {
  let lines: number[] | undefined;
  return findings.map((f) => {
    if (f.rule !== "parse/duplicate-key" || f.level !== "error") return f;
    const first = f.related?.[0];
    if (f.line === undefined || f.column === undefined || first?.line === undefined || first.column === undefined) return f;
    lines ??= lineStarts(text);
    const repeat = valueKind(text, offsetOf(text, lines, f.line, f.column));
    const original = valueKind(text, offsetOf(text, lines, first.line, first.column));
    const name = JSON.stringify(f.key ?? "");
    if (f.key === "//") {
      return {
        ...f,
        level: "notice",
        message: `${name} repeated on line ${f.line}: HCL's JSON syntax reads "//" in a body as a comment and ignores it`,
      };
    }
    if (repeat === "primitive" || original === "primitive" || repeat === undefined || original === undefined) {
      return {
        ...f,
        message: `argument ${name} set twice (lines ${first.line} and ${f.line}): HCL reads a repeated name as repeated blocks only when both values are objects or arrays; an argument set twice is its "Duplicate argument" error`,
        fix: "remove one of the two definitions",
      };
    }
    const depth = f.pointer === undefined ? Infinity : f.pointer.split("/").length - 1;
    if (depth <= 1) {
      return {
        ...f,
        level: "notice",
        message: `block type ${name} repeated on line ${f.line} (first on line ${first.line}): HCL's JSON syntax keeps both, as two sets of blocks`,
        expected: "unique member names, or repeated block types (HCL JSON)",
        fix: "nothing to do for Terraform or Packer; to read it with a plain JSON reader, merge the two objects",
      };
    }
    return {
      ...f,
      level: "warning",
      message: `${name} repeated on line ${f.line} (first on line ${first.line}): HCL's JSON syntax reads it as two blocks or labels when ${name} is a block type or a label, but as "Duplicate argument" when it is an argument holding an object`,
      expected: "unique member names, or repeated blocks (HCL JSON)",
      fix: `if ${name} is an argument of this block, remove one definition; a repeated block or label is fine`,
    };
  });
}

/** Offsets where each line starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** The UTF-16 offset of a 1-based line and column counted in code points (a leading BOM not counted), as the parser reports them. */
function offsetOf(text: string, starts: readonly number[], line: number, column: number): number {
  let at = starts[line - 1] ?? text.length;
  if (at === 0 && text.charCodeAt(0) === 0xfeff) at = 1;
  for (let c = 1; c < column && at < text.length; c++) {
    const code = text.charCodeAt(at);
    at += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  }
  return at;
}

/** Whether the member whose name starts at `at` has a container (object or array) or a primitive value. */
function valueKind(text: string, at: number): "container" | "primitive" | undefined {
  if (text.charCodeAt(at) !== 34) return undefined;
  let i = at + 1;
  while (i < text.length && text.charCodeAt(i) !== 34) i += text.charCodeAt(i) === 92 ? 2 : 1;
  i++;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  if (text[i] !== ":") return undefined;
  i++;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  const c = text[i];
  return c === "{" || c === "[" ? "container" : c === undefined ? undefined : "primitive";
}
