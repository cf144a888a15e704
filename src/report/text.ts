/** Findings -> text for people: grouped by file, `file:line:col` first (editors make it a link). */
import type { Finding, Summary } from "../core/finding.js";
import { displayText } from "../core/names.js";
import { pointerToDotted } from "../core/pointer.js";

interface TextOptions {
  color: boolean;
  /** The run exits 2 (a check could not run): the hook then says how to bypass, so the report does not. */
  couldNotRun?: boolean;
}

const codes = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1, green: 32 } as const;

/**
 * Findings as text for a terminal. Every string that can come from a repository (file names,
 * keys, values, messages quoting them) is shown with control characters, escape sequences and
 * bidi overrides escaped (core/names.ts displayText): a name must not recolour, move the cursor,
 * retitle the terminal or fake a line such as "no findings" (issue 14).
 */
export function renderText(findings: readonly Finding[], summary: Summary, options: TextOptions): string {
  findings = findings.map(safeFinding);
  const c = (name: keyof typeof codes, s: string) => (options.color ? `\u001b[${codes[name]}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.file ?? "";
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(f);
  }
  for (const [file, group] of groups) {
    lines.push(c("bold", file || "(repository)"));
    for (const f of group) {
      const where = file ? `${file}${f.line ? `:${f.line}${f.column ? `:${f.column}` : ""}` : ""}` : "";
      const level = f.level === "error" ? c("red", "error") : f.level === "warning" ? c("yellow", "warning") : c("cyan", "notice");
      lines.push(`  ${where ? where + "  " : ""}${level}  ${f.message}  ${c("dim", `[${f.rule}]`)}`);
      if (f.pointer !== undefined && f.pointer !== "") {
        // The dotted form is shown only when the message does not already start with it.
        const dotted = pointerToDotted(f.pointer);
        lines.push(`      at ${f.pointer}${f.message.startsWith(dotted) ? "" : ` (${dotted})`}`);
      }
      if (f.expected !== undefined) lines.push(`      expected: ${f.expected}`);
      if (f.found !== undefined) lines.push(`      found:    ${f.found}`);
      for (const r of f.related ?? []) {
        lines.push(`      see ${r.file}${r.line ? `:${r.line}${r.column ? `:${r.column}` : ""}` : ""}${r.message ? `  ${r.message}` : ""}`);
      }
      if (f.fix) lines.push(`      ${c("green", "fix:")} ${f.fix}`);
    }
    lines.push("");
  }
  lines.push(summaryLine(summary, c));
  if (typeof summary.omitted === "number" && summary.omitted > 0) {
    lines.push(
      c(
        "dim",
        `  ${summary.omitted} of these are counted but not listed: each file lists its most important findings first, at most validate.max_findings_per_file`,
      ),
    );
  }
  const untouched = summary.untouched as { warnings?: number; notices?: number } | undefined;
  if (untouched && (untouched.warnings || untouched.notices)) {
    // check --staged (the hook) reports on the commit; what it does not touch is only counted.
    const parts = [
      untouched.warnings ? plural(untouched.warnings, "warning") : "",
      untouched.notices ? plural(untouched.notices, "notice") : "",
    ];
    lines.push(
      c("dim", `  ${parts.filter(Boolean).join(" and ")} in files this commit does not touch: run \`integrity-guard check\` to see them`),
    );
  }
  if (summary.errors > 0 && summary.source === "index") {
    // check --staged is the pre-commit hook: say how to bypass it once, and that it is a choice.
    // On exit 2 the hook's own lines name the bypass after "the check could not run": said once.
    lines.push(
      c(
        "dim",
        options.couldNotRun
          ? "  the commit was checked as staged; fix what failed above and `git add` the files, then commit again"
          : "  the commit was checked as staged; fix and `git add` the files, or bypass once with `git commit --no-verify`",
      ),
    );
  }
  return lines.join("\n") + "\n";
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function summaryLine(s: Summary, c: (name: keyof typeof codes, s: string) => string): string {
  const checked = typeof s.checked === "number" ? ` (${plural(s.checked, "file")} checked)` : "";
  if (s.errors + s.warnings + s.notices === 0) return c("green", `✔ no findings${checked}`);
  const parts = [plural(s.errors, "error"), plural(s.warnings, "warning")];
  if (s.notices) parts.push(plural(s.notices, "notice"));
  const text = `${s.errors ? "✖" : "⚠"} ${parts.join(", ")} in ${plural(s.files, "file")}${checked}`;
  return s.errors ? c("red", text) : c("yellow", text);
}

/** A finding with its text fields made safe to print (see renderText). */
function safeFinding(f: Finding): Finding {
  const out: Finding = { ...f, message: displayText(f.message) };
  if (f.file !== undefined) out.file = displayText(f.file);
  if (f.pointer !== undefined) out.pointer = displayText(f.pointer);
  if (f.expected !== undefined) out.expected = displayText(f.expected);
  if (f.found !== undefined) out.found = displayText(f.found);
  if (f.fix !== undefined) out.fix = displayText(f.fix);
  if (f.related)
    out.related = f.related.map((r) => ({
      ...r,
      file: displayText(r.file),
      ...(r.message !== undefined ? { message: displayText(r.message) } : {}),
    }));
  return out;
}
