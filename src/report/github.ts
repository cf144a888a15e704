/**
 * Findings -> GitHub workflow commands (`::error file=,line=,col=,endLine=,title=::message`),
 * which the runner turns into annotations on the diff. Escaping follows the runner's rules:
 * in data % \r \n; in properties also : and ,.
 */
import type { Finding } from "../core/finding.js";
import { displayText } from "../core/names.js";

function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function annotationLine(f: Finding): string {
  const command = f.level === "error" ? "error" : f.level === "warning" ? "warning" : "notice";
  const props: string[] = [];
  if (f.file) props.push(`file=${escapeProperty(f.file)}`);
  if (f.line) props.push(`line=${f.line}`);
  if (f.line && f.column) props.push(`col=${f.column}`);
  if (f.line && f.endLine) props.push(`endLine=${f.endLine}`);
  if (f.line && f.endLine === f.line && f.endColumn) props.push(`endColumn=${f.endColumn}`);
  props.push(`title=${escapeProperty(f.rule)}`);
  return `::${command} ${props.join(",")}::${escapeData(annotationText(f))}`;
}

/** An annotation's text: the message, pointer, expected, found and fix, one per line. */
export function annotationText(f: Finding): string {
  // Text from files (names, keys, values) shown escaped: the log and annotations must not
  // interpret an escape sequence or a bidi override in it (issue 14); the line breaks are ours.
  let message = displayText(f.message);
  if (f.pointer) message += `\nat ${displayText(f.pointer)}`;
  if (f.expected !== undefined) message += `\nexpected: ${displayText(f.expected)}`;
  if (f.found !== undefined) message += `\nfound: ${displayText(f.found)}`;
  if (f.fix) message += `\nfix: ${displayText(f.fix)}`;
  return message;
}

export function renderGithub(findings: readonly Finding[]): string {
  return findings.map(annotationLine).join("\n") + (findings.length ? "\n" : "");
}
