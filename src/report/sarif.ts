/** Findings -> SARIF 2.1.0 (for github/codeql-action/upload-sarif and other code-scanning tools). */
import type { Finding } from "../core/finding.js";
import { nameBytes } from "../core/names.js";

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
  const rules = [...new Set(findings.map((f) => f.rule))].sort();
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
            rules: rules.map((id) => ({ id, shortDescription: { text: id } })),
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
          ...(f.pointer !== undefined ? { properties: { pointer: f.pointer } } : {}),
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}
