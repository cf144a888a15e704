/**
 * A command's result in the asked output format: the one renderer the CLI and the Action share
 * (it lived in cli.ts, which made the Action import the CLI).
 */
import { summarize, sortFindings } from "../core/finding.js";
import type { CommandResult, OutputFormat } from "../commands/types.js";
import { VERSION } from "../version.js";
import { renderText } from "./text.js";
import { renderJson } from "./json.js";
import { renderSarif } from "./sarif.js";
import { renderGithub } from "./github.js";

/** Render a result in the asked format. */
export function render(result: CommandResult, format: OutputFormat, color = false): string {
  const findings = sortFindings([...result.findings]);
  const summary = summarize(findings, result.summary);
  switch (format) {
    case "json":
      return renderJson(findings, summary, result.json);
    case "sarif":
      return renderSarif(findings, VERSION);
    case "github":
      return renderGithub(findings);
    case "svg":
    case "sha256sum":
      return result.raw ?? "";
    default:
      return (
        (result.text ? result.text.replace(/\n?$/, "\n") : "") +
        (findings.length > 0 || !result.text ? renderText(findings, summary, { color }) : "")
      );
  }
}
