/**
 * What can still be checked in a YAML file skipped as a template by its content (a Spring
 * application.yml with Maven's `@project.version@`, `{{ .Values.x }}` values, `<%= ENV[...] %>`):
 * its placeholders are masked with same-length neutral plain scalars (`xxxx`), so lines and
 * columns stay those of the file, and the masked text is parsed again. Whatever that parse still
 * finds away from the placeholders is in the rendered file too: a repeated plain key, a tab in
 * the indentation, a flow collection never closed. Without this a whole file was waved through
 * for one placeholder, whatever else was broken in it.
 *
 * Only files whose placeholders are substitutions (a value, an item, a key, part of a scalar)
 * are checked: control flow (`{{ if }}`, `{% for %}`, `<% ... %>`), a tag that injects lines
 * (`{{ include ... | nindent 4 }}` alone on its line), whitespace trimming (`{{-`, `-}}`, which
 * joins lines) or a tag that spans lines change the structure a reader sees after rendering, so
 * a key repeated in two branches is valid there: such files stay skipped, as before. ytt
 * templates (`#@` annotations) are left to core/select/ytt.ts.
 */
import { parseDocument } from "../core/parse/index.js";
import type { Finding } from "../core/finding.js";
import { ansibleUnquotedJinja } from "../core/select/ansible.js";
import { PLACEHOLDER, placeholderAt, tagScanner, terraformDirectives } from "../core/select/template-syntax.js";
import { yttControlLines } from "../core/select/ytt.js";
import type { YamlReadOptions } from "./file-steps.js";

/** A masked placeholder: 1-based line, 0-based [start, end) on that line. */
interface Mask {
  line: number;
  start: number;
  end: number;
}

/** Go template actions that steer the output rather than print one value. */
const GO_CONTROL = /^\s*(?:if|else|end|range|with|define|block|template|break|continue|\/\*)\b|^\s*\/\*/;

/**
 * The errors of the template `text` that its placeholders cannot explain (see the module
 * comment), or [] when there are none or the file is not one whose placeholders can be masked
 * safely. `yaml` is the options of the file's first parse; YAML support must be loaded. The YAML
 * dialects the masked text's parse read tags of are added to `dialectsUsed` when given: masking
 * can make a dialect's content marker appear (`Type: AWS::{{ .x }}::Bucket`), and a first parse
 * cut short by a syntax error may never have reached the tag.
 */
export function templateResidue(text: string, file: string, yaml: YamlReadOptions | undefined, dialectsUsed?: string[]): Finding[] {
  // An Ansible playbook or task list is loaded as YAML, never rendered: its unquoted {{ }} are errors (core/select/ansible.ts).
  const ansible = ansibleUnquotedJinja(file, text) ?? [];
  if (yttControlLines(text).length > 0) return ansible;
  const masked = maskPlaceholders(text);
  if (masked === undefined) return ansible;
  const doc = parseDocument(masked.text, { path: file, format: "yaml", ...yaml });
  // The dialects whose tags this parse accepted (a pull request's base must agree to them, as for the file's first parse).
  if (dialectsUsed) for (const id of doc.dialectsUsed ?? []) if (!dialectsUsed.includes(id)) dialectsUsed.push(id);
  const byLine = new Map<number, Mask[]>();
  for (const m of masked.masks) byLine.set(m.line, [...(byLine.get(m.line) ?? []), m]);
  const note =
    ansible.length > 0 ? "" : "; the file is a template, and this stays with its placeholders masked, so it is in the rendered file too";
  const residue = doc.findings
    .filter((f) => f.level === "error" && f.line !== undefined && !explainedByMask(f, byLine))
    .map((f) => ({ ...f, message: f.message + note }));
  return [...ansible, ...residue];
}

/**
 * A finding a placeholder may explain: a repeated key either of whose definitions holds a
 * placeholder (two `{{ .a }}-x` keys differ once rendered), or any other error on a line that
 * holds a placeholder or just after one (what the placeholder renders to is unknown there).
 */
function explainedByMask(f: Finding, byLine: Map<number, Mask[]>): boolean {
  if (f.rule === "parse/duplicate-key") {
    const width = (f.key?.length ?? 0) + 2; // a quoted key is two characters wider
    const keyMasked = (line: number | undefined, column: number | undefined): boolean =>
      line === undefined || (byLine.get(line) ?? []).some((m) => m.start < (column ?? 1) - 1 + width);
    const first = f.related?.[0];
    return keyMasked(f.line, f.column) || (first !== undefined && keyMasked(first.line, first.column));
  }
  return byLine.has(f.line!) || byLine.has(f.line! - 1);
}

/**
 * `text` with each substitution placeholder replaced by as many `x`, and where they stood; or
 * undefined when there is none, or when a tag steers the structure (see the module comment).
 */
function maskPlaceholders(text: string): { text: string; masks: Mask[] } | undefined {
  const lines = text.split("\n");
  const masks: Mask[] = [];
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (!/[{@<%]/.test(line)) continue;
    let out = "";
    let copied = 0;
    const directiveAt = terraformDirectives(line);
    const tagAt = tagScanner(line);
    for (let i = 0; i < line.length; i++) {
      const end = placeholderEnd(line, i, directiveAt, tagAt);
      if (end === "control") return undefined;
      if (end === undefined) continue;
      out += line.slice(copied, i) + "x".repeat(end - i);
      masks.push({ line: n + 1, start: i, end });
      copied = end;
      i = end - 1;
    }
    lines[n] = out + line.slice(copied);
  }
  if (masks.length === 0) return undefined;
  const masked = lines.join("\n");
  // An opener left over is a tag this reading does not know (one spanning lines, an unclosed one).
  if (/(?:^|[^$])\{[{%#]|<%/.test(masked)) return undefined;
  return { text: masked, masks };
}

/** The end of a substitution placeholder starting at `i`, "control" for a tag that steers the structure, or undefined. */
function placeholderEnd(
  line: string,
  i: number,
  directiveAt: (i: number) => boolean,
  tagAt: (i: number) => boolean,
): number | "control" | undefined {
  const c = line[i];
  if (c === "<" && line[i + 1] === "%") {
    const close = line.indexOf("%>", i + 2);
    // Only `<%= value %>` prints one value; `<% code %>` and `<%# %>` steer or vanish.
    return close >= 0 && line[i + 2] === "=" && line[i + 3] !== "=" ? atLineStart(line, i, close + 2) : "control";
  }
  if (c === "{" && (line[i + 1] === "{" || line[i + 1] === "%" || line[i + 1] === "#") && tagAt(i)) {
    if (line[i + 1] !== "{") return "control"; // a Jinja statement or comment
    let open = 2;
    while (line[i + open] === "{" && open < 4) open++;
    const closer = "}".repeat(open);
    const close = line.indexOf(closer, i + open);
    const inner = line.slice(i + open, close);
    if (inner.startsWith("-") || inner.endsWith("-") || GO_CONTROL.test(inner)) return "control";
    return atLineStart(line, i, close + closer.length);
  }
  // A Terraform template directive (`%{ for x in y ~}`, `%{ endif }`) steers the structure too.
  if (c === "%" && directiveAt(i)) return "control";
  // `${NAME}` alone on its line is filled with lines (template-syntax.ts): it steers the structure.
  if (c === "$" && placeholderAt(line, i)) return "control";
  if ((c === "{" || c === "@" || c === "%") && placeholderAt(line, i)) {
    const m = PLACEHOLDER.exec(line.slice(i))!;
    return i + m[0].length;
  }
  return undefined;
}

/** `end`, unless the tag opens its line without being a key (`{{ x }}: v`): then it injects lines or steers. */
function atLineStart(line: string, i: number, end: number): number | "control" {
  if (line.slice(0, i).trim() !== "") return end;
  return /^[^\s:#]*:(?:\s|$)/.test(line.slice(end)) ? end : "control";
}
