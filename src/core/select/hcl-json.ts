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
 *
 * OpenTofu's and Terraform's CLI configuration (`*.tfrc.json` in the CLI config directory,
 * `credentials.tfrc.json`; internal/command/cliconfig, loadConfigFile) is read by HCL 1
 * (github.com/hashicorp/hcl v1: `hcl.Parse`, then `hcl.DecodeObject`), not by HCL 2's JSON spec.
 * HCL 1's JSON parser keeps every member of an object, repeated names included (json/parser,
 * objectList), and its decoder decodes each match of a name in turn (decoder.go, decodeStruct:
 * `for _, match := range matches.Items`): objects and lists accumulate (two `filesystem_mirror`
 * blocks are two installation methods, a map field gets the keys of both), while a string, number
 * or boolean set twice is silently overwritten: the last one wins, no error. So there a repeated
 * name with container values is a notice at any depth, and one with a primitive value stays an
 * error: the first value is lost without a word, as with any JSON duplicate key.
 * Pure; asked only after a strict parse failed, and only for these names.
 */
import type { Finding } from "../finding.js";

/** Which HCL reads a JSON file: HCL 2's JSON syntax (bodies of blocks) or HCL 1 (the CLI configuration). */
export type HclJsonReader = "hcl2" | "hcl1-cli";

/** `*.tf.json`, `*.tftest.json`, `*.pkr.json`: files read by HCL's JSON parser as bodies of blocks. */
export function isHclJsonBody(file: string): boolean {
  return /\.(?:tf|tftest|pkr)\.json$/i.test(file);
}

/**
 * A CLI configuration's own block: only OpenTofu's and Terraform's CLI config has a
 * `provider_installation` object (cliconfig/provider_installation.go), so a JSON file holding one
 * under any name (a test fixture the cliconfig tests load) is read by HCL 1 too.
 */
const CLI_CONFIG_BLOCK = /"provider_installation"\s*:\s*[{[]/;

/**
 * The HCL that reads `file` with text `text`, when one does: HCL 2 for `.tf.json`, `.tftest.json`
 * and `.pkr.json`; HCL 1 for a CLI configuration (`*.tfrc.json`, or a `provider_installation` block).
 */
export function hclJsonReaderOf(file: string, text: string): HclJsonReader | undefined {
  if (isHclJsonBody(file)) return "hcl2";
  if (/\.tfrc\.json$/i.test(file) || CLI_CONFIG_BLOCK.test(text)) return "hcl1-cli";
  return undefined;
}

/**
 * The findings of a file read by HCL's JSON parser: each `parse/duplicate-key` error re-judged as
 * HCL reads the repetition (see above). Other findings are returned as they are.
 */
export function hclJsonFindings(text: string, findings: readonly Finding[], reader: HclJsonReader = "hcl2"): Finding[] {
  let lines: number[] | undefined;
  return findings.map((f) => {
    if (f.rule !== "parse/duplicate-key" || f.level !== "error") return f;
    const first = f.related?.[0];
    if (f.line === undefined || f.column === undefined || first?.line === undefined || first.column === undefined) return f;
    lines ??= lineStarts(text);
    const repeat = valueKind(text, offsetOf(text, lines, f.line, f.column));
    const original = valueKind(text, offsetOf(text, lines, first.line, first.column));
    const name = JSON.stringify(f.key ?? "");
    if (reader === "hcl1-cli") return hcl1Finding(f, name, first.line, repeat, original);
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

/**
 * A repeated name in a CLI configuration as HCL 1 decodes it: containers accumulate (repeated
 * blocks, or one map with the keys of both), a primitive is overwritten by the last one.
 */
function hcl1Finding(
  f: Finding,
  name: string,
  firstLine: number,
  repeat: "container" | "primitive" | undefined,
  original: "container" | "primitive" | undefined,
): Finding {
  if (repeat === "container" && original === "container") {
    return {
      ...f,
      level: "notice",
      message: `${name} repeated on line ${f.line} (first on line ${firstLine}): HCL 1, which reads OpenTofu's and Terraform's CLI configuration, keeps both (two blocks, or one map holding the keys of both)`,
      expected: "unique member names, or repeated blocks (HCL 1)",
      fix: "nothing to do for OpenTofu or Terraform; to read it with a plain JSON reader, merge the two",
    };
  }
  return {
    ...f,
    message: `${name} set twice (lines ${firstLine} and ${f.line}): HCL 1, which reads OpenTofu's and Terraform's CLI configuration, keeps only the last value and ignores line ${firstLine}'s without a word`,
    fix: "remove one of the two definitions",
  };
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
