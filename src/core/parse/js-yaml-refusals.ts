/**
 * What a leniency of the full YAML reading lets through that js-yaml refuses. `parse/flow-dash`
 * (a plain `-` right before a flow indicator, `waitFor: [-]`) is a warning because libyaml,
 * go-yaml and PyYAML read it as the string "-"; js-yaml stops at it ("missed comma between flow
 * collection entries"), so for a file whose reader is js-yaml (pnpm's and Yarn 2+'s lockfiles,
 * ESLint's and cosmiconfig's rc files) the warning was a pass for a file its reader cannot load:
 * `pnpm install` fails on the merged lockfile. There it is an error. The same holds for the YAML
 * configs of JavaScript tools whatever their loader (js-yaml, or the yaml package some
 * cosmiconfig and lilconfig versions use, which refuses it too: it is what parse/flow-dash
 * relaxes). Pure.
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

/**
 * YAML configs with an extension that JavaScript tools load with js-yaml or the yaml package
 * (names without an extension are well-known-names.ts entries with `jsYaml`): ESLint's legacy
 * loader (`yaml.load` of js-yaml), cosmiconfig's and lilconfig's YAML loaders (Prettier,
 * stylelint, commitlint, semantic-release, lint-staged), Mocha's and nyc's js-yaml, pnpm's
 * read-yaml-file and Yarn 2+'s parseSyml.
 */
const JS_YAML_CONFIG: readonly [RegExp, string][] = [
  [/^\.eslintrc\.ya?ml$/, "ESLint (js-yaml)"],
  [/^\.prettierrc\.ya?ml$/, "Prettier (its YAML loader)"],
  [/^\.stylelintrc\.ya?ml$/, "stylelint (cosmiconfig's YAML loader)"],
  [/^\.commitlintrc\.ya?ml$/, "commitlint (cosmiconfig's YAML loader)"],
  [/^\.releaserc\.ya?ml$/, "semantic-release (cosmiconfig's YAML loader)"],
  [/^\.lintstagedrc\.ya?ml$/, "lint-staged (lilconfig's YAML loader)"],
  [/^\.mocharc\.ya?ml$/, "Mocha (js-yaml)"],
  [/^\.nycrc\.ya?ml$/, "nyc (js-yaml)"],
  [/^pnpm-workspace\.yaml$/, "pnpm (read-yaml-file: js-yaml)"],
  [/^\.yarnrc\.yml$/, "Yarn 2+ (@yarnpkg/parsers' parseSyml)"],
];

/** The JavaScript tool that loads the YAML config at `path` (JS_YAML_CONFIG), if any. */
export function jsYamlConfigReader(path: string): string | undefined {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return JS_YAML_CONFIG.find(([re]) => re.test(base))?.[1];
}
