/**
 * A legacy ESLint config (eslintrc) of any name, known by its content: ESLint loads a file passed
 * with `--config` (or named in `extends`) with its legacy JSON loader, which strips comments
 * (strip-json-comments, trailing commas left in) and then calls JSON.parse, after dropping a
 * leading BOM. eslint/eslint's own fixtures (`tests/fixtures/configurations/comments.json`) are
 * such files. Evidence: every top-level key is an eslintrc key, and `rules` holds only rule
 * severities or `env` only booleans, so a strict-JSON file of another reader that merely has a
 * `rules` key (Firebase's database rules) is not taken for one. Pure.
 */
import { parseDocument } from "../parse/index.js";

/** The keys of an eslintrc file (ESLint's legacy config schema, conf/config-schema.js). */
const ESLINTRC_KEYS = new Set([
  "root",
  "extends",
  "env",
  "globals",
  "parser",
  "parserOptions",
  "plugins",
  "processor",
  "rules",
  "settings",
  "overrides",
  "ignorePatterns",
  "noInlineConfig",
  "reportUnusedDisableDirectives",
  "$schema",
]);

const SEVERITY = new Set<unknown>([0, 1, 2, "off", "warn", "error"]);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** True when `text`, read as JSON with comments, is a legacy ESLint config (see the module comment). */
export function isEslintrcContent(text: string): boolean {
  if (!text.includes('"rules"') && !text.includes('"env"')) return false;
  const doc = parseDocument(text, { path: "eslintrc.json", format: "jsonc", trailingCommas: false });
  if (!doc.ok || !isObject(doc.value)) return false;
  const config = doc.value;
  if (!Object.keys(config).every((k) => ESLINTRC_KEYS.has(k))) return false;
  const { rules, env } = config;
  const severities =
    isObject(rules) &&
    Object.keys(rules).length > 0 &&
    Object.values(rules).every((v) => SEVERITY.has(v) || (Array.isArray(v) && SEVERITY.has(v[0])));
  const environments = isObject(env) && Object.keys(env).length > 0 && Object.values(env).every((v) => typeof v === "boolean");
  return (rules === undefined || severities) && (env === undefined || environments) && (severities || environments);
}
