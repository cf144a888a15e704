/**
 * GitHub Actions' own template reader converts a literal to a string where only a string is
 * allowed: its TemplateReader.validate tries the literal's scalar definitions and then, "Not a
 * string, convert", the same value as a string (actions/languageservices workflow-parser
 * template-reader.ts; the runner's C# reader does the same). So `- run: true` (a no-op step that
 * gates a job on an environment's approval; microsoft/promptflow has four) runs `true`, and
 * `name: 2024` is the name "2024". SchemaStore's schemas say `type: string` there and ajv refuses
 * the boolean.
 *
 * For a workflow or an action.yml, each boolean or number that a "must be string" error names is
 * read as GitHub reads it: the document is validated again with those values as strings, and the
 * errors of that reading are the findings. A converted value the schema still refuses (`shell: 1`
 * against its enum, a number under a key that takes no string) stays an error; null (an empty
 * value) is never converted.
 */
import type { ErrorObject } from "ajv";
import { runValidator } from "../core/schema/endless-ref.js";
import type { Validator } from "../core/schema/compile.js";

/** The built-in schemas whose files GitHub's template reader reads. */
const READ_BY_ACTIONS = new Set(["github-workflow", "github-action"]);

/** ajv's unescaping of one JSON pointer token. */
function unescape(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

function expectsString(e: ErrorObject): boolean {
  if (e.keyword !== "type") return false;
  const t = (e.params as { type?: unknown }).type;
  return t === "string" || (Array.isArray(t) && t.includes("string")) || (typeof t === "string" && t.split(",").includes("string"));
}

/** `data` with the scalar at `tokens` replaced by `value`, copying only the containers on the way. */
function withValue(data: unknown, tokens: readonly string[], value: string): unknown {
  if (tokens.length === 0) return value;
  const [head, ...rest] = tokens as [string, ...string[]];
  if (Array.isArray(data)) {
    const i = Number(head);
    if (!Number.isInteger(i) || i < 0 || i >= data.length) return data;
    const copy = data.slice();
    copy[i] = withValue(data[i], rest, value);
    return copy;
  }
  if (data !== null && typeof data === "object" && Object.prototype.hasOwnProperty.call(data, head)) {
    const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
    Object.defineProperty(copy, head, {
      value: withValue((data as Record<string, unknown>)[head], rest, value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return copy;
  }
  return data;
}

function at(data: unknown, tokens: readonly string[]): unknown {
  let v = data;
  for (const t of tokens) {
    if (v === null || typeof v !== "object" || !Object.prototype.hasOwnProperty.call(v, t)) return undefined;
    v = (v as Record<string, unknown>)[t];
  }
  return v;
}

/**
 * The errors of `data` as GitHub's template reader reads it (see the file comment): `errors`
 * unchanged unless `builtinId` is a workflow's or an action's and some "must be string" error
 * names a boolean or a number.
 */
export function asActionsReads(builtinId: string | undefined, validate: Validator, data: unknown, errors: ErrorObject[]): ErrorObject[] {
  if (builtinId === undefined || !READ_BY_ACTIONS.has(builtinId)) return errors;
  let converted = data;
  let any = false;
  const seen = new Set<string>();
  for (const e of errors) {
    if (!expectsString(e) || seen.has(e.instancePath)) continue;
    seen.add(e.instancePath);
    const tokens = e.instancePath === "" ? [] : e.instancePath.slice(1).split("/").map(unescape);
    if (tokens.length === 0) continue;
    const v = at(data, tokens);
    if (typeof v !== "boolean" && typeof v !== "number" && typeof v !== "bigint") continue;
    converted = withValue(converted, tokens, String(v));
    any = true;
  }
  if (!any) return errors;
  const again = runValidator(validate, converted);
  return Array.isArray(again) || again === null ? (again ?? []) : errors;
}
