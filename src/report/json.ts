/** Findings -> the contract's JSON report: {"version":1,"findings":[...],"summary":{...}}. */
import type { Finding, Summary } from "../core/finding.js";

export function renderJson(findings: readonly Finding[], summary: Summary, extra?: Record<string, unknown>): string {
  const body = extra
    ? { version: 1, ...extra, findings: extra.findings ?? findings, summary: extra.summary ?? summary }
    : { version: 1, findings, summary };
  return JSON.stringify(body, null, 2) + "\n";
}
