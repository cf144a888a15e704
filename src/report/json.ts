/** Findings -> the contract's JSON report: {"version":1,"findings":[...],"summary":{...}}. */
import type { Finding, Summary } from "../core/finding.js";

export function renderJson(findings: readonly Finding[], summary: Summary, extra?: Record<string, unknown>): string {
  return renderJsonBody(findings, summary, extra) + "\n";
}

/**
 * The report without its trailing newline, for a caller that writes the newline apart: appending
 * it makes V8 copy the whole text once more when it is written (7 MB for 10,000 findings).
 */
export function renderJsonBody(findings: readonly Finding[], summary: Summary, extra?: Record<string, unknown>): string {
  const body = extra
    ? { version: 1, ...extra, findings: extra.findings ?? findings, summary: extra.summary ?? summary }
    : { version: 1, findings, summary };
  return JSON.stringify(body, null, 2);
}
