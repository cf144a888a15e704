/**
 * A command's result in the asked output format: the one renderer the CLI and the Action share
 * (it lived in cli.ts, which made the Action import the CLI).
 */
import { summarize, sortFindings } from "../core/finding.js";
import type { CommandResult, OutputFormat } from "../commands/types.js";
import { VERSION } from "../version.js";
import { renderText } from "./text.js";
import { renderJson, renderJsonBody } from "./json.js";
import { renderSarif } from "./sarif.js";
import { renderGithub } from "./github.js";

/**
 * render() as the pieces to write one after the other: the JSON report and its trailing newline
 * apart, so a big report is not copied once more to join them.
 */
export function renderPieces(result: CommandResult, format: OutputFormat, color = false): Iterable<string> {
  if (format === "text" && result.textPieces) return textPieces(result, result.textPieces, color);
  if (format !== "json") return [render(result, format, color)];
  const findings = sortFindings([...result.findings]);
  return [renderJsonBody(findings, summarize(findings, result.summary), result.json), "\n"];
}

/** The text format of a result whose text comes in pieces: render()'s text, piece by piece. */
function* textPieces(result: CommandResult, pieces: () => Iterable<string>, color: boolean): Generator<string> {
  yield* pieces();
  const findings = sortFindings([...result.findings]);
  if (findings.length > 0) yield renderText(findings, summarize(findings, result.summary), { color, couldNotRun: result.exitCode === 2 });
}

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
        (findings.length > 0 || !result.text ? renderText(findings, summary, { color, couldNotRun: result.exitCode === 2 }) : "")
      );
  }
}
