/**
 * What a leniency of the full YAML reading lets through that js-yaml refuses. `parse/flow-dash`
 * (a plain `-` right before a flow indicator, `waitFor: [-]`) is a warning because libyaml,
 * go-yaml and PyYAML read it as the string "-"; js-yaml stops at it ("missed comma between flow
 * collection entries"), so for a file whose reader is js-yaml (pnpm's and Yarn 2+'s lockfiles,
 * ESLint's and cosmiconfig's rc files) the warning was a pass for a file its reader cannot load:
 * `pnpm install` fails on the merged lockfile. There it is an error. Pure.
 */
import type { ParsedDocument } from "./types.js";

/** `doc` with its parse/flow-dash warnings as errors naming `reader` (a js-yaml reader), or `doc` itself when it has none. */
export function flowDashRefusedBy(doc: ParsedDocument, reader: string): ParsedDocument {
  if (!doc.findings.some((f) => f.rule === "parse/flow-dash" && f.level === "warning")) return doc;
  const findings = doc.findings.map((f) =>
    f.rule === "parse/flow-dash" && f.level === "warning"
      ? {
          ...f,
          level: "error" as const,
          message: `a plain "-" right before a flow indicator: ${reader} reads this file with js-yaml, which refuses it ("missed comma between flow collection entries"); libyaml, go-yaml and PyYAML would read it as the string "-"`,
        }
      : f,
  );
  return { ...doc, ok: false, value: undefined, documents: [], findings };
}

/** Who reads a js-yaml lockfile (yaml-lockfile.ts: isJsYamlLockfile), for the message. */
export function lockfileReader(path: string): string {
  return path === "yarn.lock" || path.endsWith("/yarn.lock") ? "Yarn 2+ (@yarnpkg/parsers' parseSyml)" : "pnpm (@pnpm/lockfile.fs)";
}
