/** Findings -> SARIF 2.1.0 (for github/codeql-action/upload-sarif and other code-scanning tools). */
import { createHash } from "node:crypto";
import type { Finding } from "../core/finding.js";
import { displayText, nameBytes } from "../core/names.js";
import { escapeCell } from "./markdown.js";

const DOCS = "https://github.com/integrity-guard/integrity-guard/blob/main/docs/";
/** The page that explains each rule area (the code-scanning alert page links it). */
const AREA_DOC: Record<string, string> = {
  parse: "parsing.md",
  schema: "validation.md",
  validate: "validation.md",
  manifest: "manifest.md",
  config: "conflicts.md",
  sync: "conflicts.md",
  snapshot: "snapshots.md",
  recover: "safe-writes.md",
  write: "safe-writes.md",
  health: "health.md",
  alert: "health.md",
  trust: "action.md",
  report: "action.md",
};

/** The docs page for a rule (its area's), or the README. */
export function ruleHelpUri(rule: string): string {
  const page = AREA_DOC[rule.split("/")[0]!];
  return page ? DOCS + page : "https://github.com/integrity-guard/integrity-guard#readme";
}

/**
 * A rule's descriptor with the text GitHub's code-scanning alert page shows (issue 17): the
 * short description names the rule, the full one and the help carry an example message and its
 * fix, taken from the first finding of the rule. That text comes from files (keys, values,
 * names): shown escaped, and in the Markdown help as escaped inline text.
 */
function ruleDescriptor(id: string, example: Finding) {
  const message = displayText(example.message);
  const fix = example.fix ? displayText(example.fix) : undefined;
  const helpUri = ruleHelpUri(id);
  const full = fix ? `${message} Fix: ${fix}` : message;
  return {
    id,
    shortDescription: { text: `integrity-guard ${id}` },
    fullDescription: { text: full },
    helpUri,
    help: {
      text: [`Example: ${message}`, ...(fix ? [`Fix: ${fix}`] : []), `More: ${helpUri}`].join("\n"),
      markdown: [
        `**${escapeCell(id)}**`,
        "",
        `Example: ${escapeCell(example.message)}`,
        ...(example.fix ? ["", `Fix: ${escapeCell(example.fix)}`] : []),
        "",
        `[Documentation](${helpUri})`,
      ].join("\n"),
    },
  };
}

/**
 * A repo-relative path as a SARIF artifact URI (a relative URI reference, RFC 3986): every byte
 * but the unreserved characters and `/` percent-encoded, so a space, `#`, `%`, `?`, `:`, a
 * backslash or non-ASCII in a name cannot make the URI invalid or change what it names (issue 14).
 */
export function artifactUri(file: string): string {
  let out = "";
  for (const b of nameBytes(file)) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-._~/]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

export function renderSarif(findings: readonly Finding[], version: string): string {
  const examples = new Map<string, Finding>();
  for (const f of findings) if (!examples.has(f.rule)) examples.set(f.rule, f);
  const rules = [...examples.keys()].sort();
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "integrity-guard",
            version,
            informationUri: "https://www.npmjs.com/package/integrity-guard",
            rules: rules.map((id) => ruleDescriptor(id, examples.get(id)!)),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: rules.indexOf(f.rule),
          level: f.level === "notice" ? "note" : f.level,
          message: { text: f.fix ? `${f.message} Fix: ${f.fix}` : f.message },
          ...(f.file
            ? {
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: artifactUri(f.file), uriBaseId: "%SRCROOT%" },
                      ...(f.line
                        ? {
                            region: {
                              startLine: f.line,
                              ...(f.column ? { startColumn: f.column } : {}),
                              ...(f.endLine ? { endLine: f.endLine } : {}),
                              ...(f.endColumn && f.endLine ? { endColumn: f.endColumn } : {}),
                            },
                          }
                        : {}),
                    },
                  },
                ],
              }
            : {}),
          partialFingerprints: { "integrityGuardFinding/v1": fingerprint(f) },
          ...(f.pointer !== undefined ? { properties: { pointer: f.pointer } } : {}),
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}

/**
 * A finding's identity across runs, for code scanning to keep one alert per problem (SARIF
 * partialFingerprints): rule, file and JSON pointer, or the message with its numbers taken out
 * when there is no pointer. Never the line or column, which move when lines are added above.
 */
function fingerprint(f: Finding): string {
  const what = f.pointer ?? f.message.replace(/\d+/g, "#");
  return createHash("sha256")
    .update(`${f.rule}\0${f.file ?? ""}\0${what}`)
    .digest("hex")
    .slice(0, 32);
}
