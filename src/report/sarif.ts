/** Findings -> SARIF 2.1.0 (for github/codeql-action/upload-sarif and other code-scanning tools). */
import type { Finding } from "../core/finding.js";

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
                      artifactLocation: { uri: f.file, uriBaseId: "%SRCROOT%" },
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
