/**
 * Map ajv errors to findings at the line and column of the offending value. For "missing
 * property" and "unknown property" errors the pointer is refined to the property itself, so
 * the message can point at the exact key (unknown) or at the object that lacks it (missing).
 * Each finding says what was expected, what was found, and how to fix it.
 */
import type { ErrorObject } from "ajv";
import type { Finding } from "../finding.js";
import { cappedFinding } from "../finding-cap.js";
import { escapeToken, getAtPointer, pointerToDotted } from "../pointer.js";
import type { ParsedDocument } from "../parse/types.js";

interface AjvFindingOptions {
  file: string;
  schemaPath: string;
  doc: ParsedDocument;
  docIndex?: number;
  rule?: string;
  /** At most this many findings (default: all); a `report/capped` line says how many more there were. */
  limit?: number;
  /** Add the schema's own description of the offending key to the message (the built-in catalog's schemas carry good ones). */
  describeKeys?: boolean;
  /**
   * Set when the user did not map this schema (it was found through the file's own `$schema` or a
   * built-in catalog entry): a `format` failure is then a warning saying so (formatAnnotation).
   */
  formatAnnotation?: FormatAnnotation;
}

/** How a `format` failure of a schema the user did not map is reported (see formatAsAnnotation). */
export interface FormatAnnotation {
  /** How the schema was found, for the message: "through its own $schema", "by the built-in catalog entry compose". */
  foundBy: string;
  /** The validate.schemas entry that makes it an error. */
  mapping: string;
}

interface Described {
  pointer: string;
  atKey: boolean;
  message: string;
  expected?: string;
  found?: string;
  fix?: string;
}

export function ajvErrorsToFindings(errors: readonly ErrorObject[], options: AjvFindingOptions): Finding[] {
  const out: Finding[] = [];
  // Pointer and message (without its "did you mean") -> index in `out`: two alternatives that both
  // reject one unknown key give one finding, the one that can guess the key meant.
  const seen = new Map<string, number>();
  const docLabel = options.doc.documents.length > 1 ? ` (document ${(options.docIndex ?? 0) + 1})` : "";
  const dropped = { error: 0, warning: 0 };
  const toFinding = (e: ErrorObject, described: Described): Finding => {
    const annotation = e.keyword === "format" ? options.formatAnnotation : undefined;
    const d = annotation ? formatAsAnnotation(described, annotation) : described;
    const pos =
      (d.atKey ? options.doc.locateKey(d.pointer, options.docIndex) : undefined) ?? options.doc.locate(d.pointer, options.docIndex);
    const where = d.pointer === "" ? "document" : pointerToDotted(d.pointer);
    return {
      rule: options.rule ?? "schema/violation",
      level: annotation ? "warning" : "error",
      file: options.file,
      ...(pos ? { line: pos.line, column: pos.column, endLine: pos.endLine, endColumn: pos.endColumn } : {}),
      pointer: d.pointer,
      message: `${where}${docLabel}: ${d.message}${options.describeKeys ? schemaDescription(e) : ""} (${schemaLocation(options.schemaPath, e.schemaPath)})`,
      ...(d.expected !== undefined ? { expected: d.expected } : {}),
      ...(d.found !== undefined ? { found: d.found } : {}),
      ...(d.fix ? { fix: d.fix } : {}),
    };
  };
  for (const e of pruneNoise(collapseAlternatives(errors))) {
    const d = describe(e, options);
    const plain = d.message.replace(/ \(did you mean "[^"]*"\?\)$/, "");
    const dedupe = `${d.pointer}\0${plain}`;
    const twin = seen.get(dedupe);
    if (twin !== undefined) {
      if (twin >= 0 && plain !== d.message && !/did you mean/.test(out[twin]!.message)) out[twin] = toFinding(e, d);
      continue;
    }
    if (options.limit !== undefined && out.length >= options.limit) {
      seen.set(dedupe, -1);
      dropped[e.keyword === "format" && options.formatAnnotation ? "warning" : "error"]++;
      continue;
    }
    seen.set(dedupe, out.length);
    out.push(toFinding(e, d));
  }
  // Beyond the limit: counted, not located; one "and K more" line per level that the summary counts.
  for (const level of ["error", "warning"] as const)
    if (dropped[level] > 0)
      out.push(cappedFinding(options.file, options.rule ?? "schema/violation", level, dropped[level], options.limit!));
  return out;
}

/**
 * A `format` failure against a schema the user did not map. JSON Schema makes `format` an
 * annotation unless a validator is told to assert it (draft-07 section 7.2; 2019-09 and 2020-12
 * assert it only with the format-assertion vocabulary), and the readers of such files (an editor,
 * the project's own test runner) mostly do not: a warning, never a block, that says how to make it
 * one. The user's own validate.schemas mappings keep `format` an assertion (an error).
 */
function formatAsAnnotation(d: Described, a: FormatAnnotation): Described {
  return {
    ...d,
    message: `${d.message}; a warning: this schema was found ${a.foundBy}, and format is an annotation for this file's reader unless it asserts formats`,
    fix: `${d.fix ? `${d.fix}; ` : ""}to make format failures errors here, map the schema in .integrity-guard/config.yml: validate.schemas: [${a.mapping}]`,
  };
}

function describe(e: ErrorObject, options: AjvFindingOptions): Described {
  // An error raised inside `propertyNames` is about a key, not the object ajv reports it at.
  const key = (e as { propertyName?: unknown }).propertyName;
  if (typeof key === "string" && e.keyword !== "propertyNames") return describeKey(e, key, options);
  return describeValue(e, options);
}

/** An error of a key's name (ajv's `propertyName`): at the key, naming it. */
function describeKey(e: ErrorObject, key: string, options: AjvFindingOptions): Described {
  const d = describeValue(e, options, { value: key });
  const names = e.keyword === "enum" || e.keyword === "const";
  return {
    ...d,
    pointer: `${e.instancePath}/${escapeToken(key)}`,
    atKey: true,
    message: names ? `key ${JSON.stringify(key)} is not one of the allowed names` : `key ${JSON.stringify(key)}: ${d.message}`,
    ...(names && d.fix === "use one of the allowed values" ? { fix: "rename the key to one of the allowed names" } : {}),
    ...(names && e.keyword === "const" ? { fix: `rename the key to ${d.expected ?? "the allowed name"}` } : {}),
  };
}

function describeValue(e: ErrorObject, options: AjvFindingOptions, override?: { value: unknown }): Described {
  const p = e.params as Record<string, unknown>;
  const base = e.instancePath;
  const value = () => (override ? override.value : getAtPointer(options.doc.documents[options.docIndex ?? 0], base));
  const shown = () => preview(value());
  switch (e.keyword) {
    case "additionalProperties":
    case "unevaluatedProperties": {
      const name = String(e.keyword === "additionalProperties" ? p.additionalProperty : p.unevaluatedProperty);
      const allowed = allowedKeys(e);
      const guess = allowed ? closestOrStem(name, allowed) : undefined;
      return {
        pointer: `${base}/${escapeToken(name)}`,
        atKey: true,
        message: `unknown key "${name}"${guess ? ` (did you mean "${guess}"?)` : ""}`,
        ...(allowed ? { expected: allowed.length ? `one of the keys: ${allowed.join(", ")}` : "no other keys" } : {}),
        found: JSON.stringify(name),
        fix: guess ? `rename "${name}" to "${guess}"` : `remove "${name}", or allow it in the schema`,
      };
    }
    case "required":
      return {
        pointer: base,
        atKey: false,
        message: `missing required key "${String(p.missingProperty)}"`,
        expected: `a key "${String(p.missingProperty)}"`,
        found: `keys: ${keysOf(value())}`,
        fix: `add "${String(p.missingProperty)}" to this object`,
      };
    case "dependentRequired":
    case "dependencies":
      return {
        pointer: base,
        atKey: false,
        message: `key "${String(p.missingProperty)}" is required when "${String(p.property)}" is present`,
        expected: `a key "${String(p.missingProperty)}"`,
        fix: `add "${String(p.missingProperty)}", or remove "${String(p.property)}"`,
      };
    case "type": {
      // null is its own type name: "found null", not "found null null".
      const found = value() === null ? "null" : `${typeName(value())} ${shown()}`;
      return {
        pointer: base,
        atKey: false,
        message: `must be ${article(String(p.type))}, found ${found}`,
        expected: String(p.type),
        found,
        fix: `change the value to ${article(String(p.type))}`,
      };
    }
    case "enum":
      return {
        pointer: base,
        atKey: false,
        message: `${shown()} is not one of the allowed values`,
        expected: `one of ${preview(p.allowedValues, 200)}`,
        found: shown(),
        fix: suggestEnum(value(), p.allowedValues) ?? "use one of the allowed values",
      };
    case "const":
      return {
        pointer: base,
        atKey: false,
        message: `must be ${preview(p.allowedValue)}, found ${shown()}`,
        expected: preview(p.allowedValue),
        found: shown(),
        fix: `set it to ${preview(p.allowedValue)}`,
      };
    case "format":
      return {
        pointer: base,
        atKey: false,
        message: `${shown()} is not a valid ${String(p.format)}`,
        expected: `a valid ${String(p.format)}${formatHint(String(p.format))}`,
        found: shown(),
        fix: `write a valid ${String(p.format)}${formatHint(String(p.format))}`,
      };
    case "pattern":
      return {
        pointer: base,
        atKey: false,
        message: `${shown()} does not match the pattern ${String(p.pattern)}`,
        expected: `a string matching ${String(p.pattern)}`,
        found: shown(),
      };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return {
        pointer: base,
        atKey: false,
        message: `${shown()} must be ${String(p.comparison)} ${String(p.limit)}`,
        expected: `${String(p.comparison)} ${String(p.limit)}`,
        found: shown(),
      };
    case "multipleOf":
      return {
        pointer: base,
        atKey: false,
        message: `${shown()} must be a multiple of ${String(p.multipleOf)}`,
        expected: `a multiple of ${String(p.multipleOf)}`,
        found: shown(),
      };
    case "minLength":
    case "maxLength": {
      const v = value();
      const len = typeof v === "string" ? [...v].length : undefined;
      const cmp = e.keyword === "minLength" ? "at least" : "at most";
      return {
        pointer: base,
        atKey: false,
        message: `must be ${cmp} ${String(p.limit)} characters long${len !== undefined ? `, found ${len}` : ""}`,
        expected: `${cmp} ${String(p.limit)} characters`,
        ...(len !== undefined ? { found: `${len} characters` } : {}),
      };
    }
    case "minItems":
    case "maxItems": {
      const v = value();
      const cmp = e.keyword === "minItems" ? "at least" : "at most";
      const n = Array.isArray(v) ? v.length : undefined;
      return {
        pointer: base,
        atKey: false,
        message: `must have ${cmp} ${String(p.limit)} items${n !== undefined ? `, found ${n}` : ""}`,
        expected: `${cmp} ${String(p.limit)} items`,
        ...(n !== undefined ? { found: `${n} items` } : {}),
      };
    }
    case "minProperties":
    case "maxProperties": {
      const cmp = e.keyword === "minProperties" ? "at least" : "at most";
      return {
        pointer: base,
        atKey: false,
        message: `must have ${cmp} ${String(p.limit)} keys`,
        expected: `${cmp} ${String(p.limit)} keys`,
        found: `keys: ${keysOf(value())}`,
      };
    }
    case "uniqueItems":
      return {
        pointer: `${base}/${String(p.i)}`,
        atKey: false,
        message: `duplicate item: items ${String(p.j)} and ${String(p.i)} are equal`,
        expected: "unique items",
        found: preview(getAtPointer(options.doc.documents[options.docIndex ?? 0], `${base}/${String(p.i)}`)),
        fix: `remove item ${String(p.i)} or item ${String(p.j)}`,
      };
    case "propertyNames":
      return {
        pointer: `${base}/${escapeToken(String(p.propertyName))}`,
        atKey: true,
        message: `key "${String(p.propertyName)}" is not an allowed name`,
        found: JSON.stringify(String(p.propertyName)),
        fix: "rename the key to match the schema's propertyNames",
      };
    case "false schema":
      return {
        pointer: base,
        atKey: true,
        message: "is not allowed here (the schema forbids any value)",
        found: shown(),
        fix: "remove it",
      };
    default:
      return { pointer: base, atKey: false, message: e.message ?? "is invalid" };
  }
}

/** "schemas/x.json#/properties/id/type": the schema file and the keyword that failed. */
/**
 * ` - <description>` of the key the error is about (ajv's verbose parentSchema; for a missing key,
 * that key's own schema), one line, at most 160 characters. None for an unknown key: the schema
 * has nothing to say about it, and its object's description would only repeat on every key.
 */
function schemaDescription(e: ErrorObject): string {
  const parent = e.parentSchema as { description?: unknown; properties?: Record<string, { description?: unknown }> } | undefined;
  if (!parent || typeof parent !== "object") return "";
  let desc: unknown;
  if (e.keyword === "required")
    desc = parent.properties?.[String((e.params as { missingProperty?: unknown }).missingProperty)]?.description;
  else if (e.keyword !== "additionalProperties" && e.keyword !== "unevaluatedProperties") desc = parent.description;
  if (typeof desc !== "string" || desc.trim() === "") return "";
  const line = desc.replace(/\s+/g, " ").trim();
  return ` - ${line.length > 160 ? `${line.slice(0, 157)}...` : line}`;
}

function schemaLocation(file: string, keywordPath: string): string {
  return keywordPath.startsWith("#") ? `${file}${keywordPath}` : `${file} -> ${keywordPath}`;
}

/**
 * A failed oneOf/anyOf reports the errors of every alternative: a Buildkite step with a misspelt
 * key also gets "command: must be an object" from the nested-step form it never meant. Keep the
 * errors of the alternatives that fit the value best. ajv reports each alternative's errors in
 * one run, in order, just before the oneOf/anyOf error, all at or under its instance path; they
 * are cut into one segment per alternative (see `segmentAlternatives`).
 * - An alternative whose `type` rejects the value (a `type` error at the value itself) did not
 *   mean it. When every alternative rejects the value's type, one finding says which types would
 *   do ("must be one of the types string, array, object"), instead of one finding per alternative.
 * - Otherwise, of the alternatives that accept the type, the ones with the fewest errors at the
 *   value itself (a wrong or missing key), then the fewest errors in all, are kept, with their
 *   deeper errors at their exact positions; the other alternatives' errors are dropped, deep
 *   ones included. Ties are all kept.
 * Only findings are dropped, never the failure: at least one error stays for the value. A oneOf
 * that failed because several alternatives passed is left as it is, and errors of the keywords
 * beside the oneOf/anyOf in the same schema are never dropped.
 */
function collapseAlternatives(errors: readonly ErrorObject[]): readonly ErrorObject[] {
  const drop = new Set<number>();
  const replace = new Map<number, ErrorObject>();
  for (let i = 0; i < errors.length; i++) {
    const alt = errors[i]!;
    if (alt.keyword !== "oneOf" && alt.keyword !== "anyOf") continue;
    const branches = Array.isArray(alt.schema) ? alt.schema.length : 0;
    const passing = (alt.params as { passingSchemas?: unknown }).passingSchemas;
    if (branches < 2 || (passing !== null && passing !== undefined)) continue;
    const at = alt.instancePath;
    let start = i;
    while (start > 0 && within(errors[start - 1]!.instancePath, at)) start--;
    const segments = segmentAlternatives(errors, start, i, alt, drop, replace);
    if (!segments || segments.length === 0) continue;
    const fits = segments.filter((s) => !s.typeRejected);
    const allowed = fits.length > 1 ? constantsOf(fits, errors, replace) : undefined;
    if (allowed) {
      // Every alternative that takes the type is one constant ("astro", "drizzle", ...): one
      // finding listing them (with a did-you-mean), not one "must be X" per alternative.
      for (const s of segments) for (const j of s.idx) drop.add(j);
      replace.set(i, {
        ...alt,
        keyword: "enum",
        params: { allowedValues: allowed },
        message: "must be equal to one of the allowed values",
      });
      continue;
    }
    if (fits.length === 0) {
      // No alternative takes a value of this type: one finding at the value, listing the types.
      if (segments.some((s) => s.deep > 0)) continue;
      const types = [...new Set(segments.flatMap((s) => s.types))];
      if (types.length === 0) continue;
      for (const s of segments) for (const j of s.idx) drop.add(j);
      replace.set(i, { ...alt, keyword: "type", params: { type: types.join(",") }, message: `must be ${types.join(" or ")}` });
      continue;
    }
    const score = (s: Segment) => s.atValue * 1e6 + s.idx.length;
    const best = Math.min(...fits.map(score));
    for (const s of segments) if (s.typeRejected || score(s) !== best) for (const j of s.idx) drop.add(j);
  }
  if (drop.size === 0 && replace.size === 0) return errors;
  const out: ErrorObject[] = [];
  errors.forEach((e, j) => {
    if (!drop.has(j)) out.push(replace.get(j) ?? e);
  });
  return out;
}

/** The errors one alternative of a failed oneOf/anyOf raised. */
interface Segment {
  /** Indexes into the error list. */
  idx: number[];
  /** How many of them are at the oneOf/anyOf's value itself (the rest are deeper). */
  atValue: number;
  deep: number;
  /** The alternative's `type` rejected the value. */
  typeRejected: boolean;
  /** The types that alternative asked for. */
  types: string[];
}

/**
 * Cut the errors `start..end-1` that precede the oneOf/anyOf error `alt` into one segment per
 * alternative, in ajv's order. An error belongs to alternative k when its schema path runs
 * through `<alt's schema path>/k`; an error from a `$ref`'d schema (whose path starts again at
 * "#") that sits at the value itself belongs to the schema object that raised it (ajv's verbose
 * `parentSchema`: a new object, a new alternative); a deeper one of unknown origin belongs to
 * the alternative before it (ajv checks a value's own keywords before its properties and items),
 * unless that one's `type` rejected the value (then nothing below the value was checked in it).
 * Errors of the schema that holds the oneOf/anyOf, and ones already dropped, are left out.
 * Undefined when the errors lack `parentSchema` (a validator compiled without `verbose`).
 */
function segmentAlternatives(
  errors: readonly ErrorObject[],
  start: number,
  end: number,
  alt: ErrorObject,
  skip: ReadonlySet<number> = new Set(),
  replaced: ReadonlyMap<number, ErrorObject> = new Map(),
): Segment[] | undefined {
  const at = alt.instancePath;
  const own = `${alt.schemaPath}/`;
  const holder = `${alt.schemaPath.slice(0, alt.schemaPath.lastIndexOf("/"))}/`;
  const segments: Segment[] = [];
  let current: Segment | undefined;
  let key: unknown;
  for (let j = start; j < end; j++) {
    // A nested oneOf/anyOf already summed up (no alternative took the value's type) counts as
    // what it became: a type error, so the deeper errors after it are not taken for its own.
    const e = replaced.get(j) ?? errors[j]!;
    if (skip.has(j)) continue;
    if (e.parentSchema === undefined) return undefined;
    if (e.parentSchema === alt.parentSchema && e.instancePath === at) continue;
    const mine = e.schemaPath.startsWith(own);
    if (!mine && e.schemaPath.startsWith(holder)) continue;
    const id = mine
      ? `#${e.schemaPath.slice(own.length).split("/")[0]}`
      : e.instancePath === at
        ? (keyCheckOf(errors, j, end) ?? e.parentSchema)
        : undefined;
    // An alternative whose type rejected the value checked nothing below it: a deeper error after it is the next one's.
    // Deeper errors of unknown origin followed by a deeper one known to be alternative k's: one
    // alternative (ajv reports a value's children before the value's own oneOf/anyOf error).
    const adopt = current !== undefined && key === undefined && !current.typeRejected && e.instancePath !== at && typeof id === "string";
    if (!current || (!adopt && ((id !== undefined && id !== key) || (id === undefined && current.typeRejected)))) {
      current = { idx: [], atValue: 0, deep: 0, typeRejected: false, types: [] };
      segments.push(current);
      key = id;
    } else if (key === undefined) key = id;
    current.idx.push(j);
    if (e.instancePath !== at) {
      current.deep++;
      continue;
    }
    current.atValue++;
    if (e.keyword === "type") {
      current.typeRejected = true;
      const t = (e.params as { type?: unknown }).type;
      current.types.push(...(Array.isArray(t) ? t.map(String) : String(t).split(",")));
    }
  }
  return segments;
}

/**
 * The values allowed when every one of `fits` failed only on a `const` or `enum` at the value
 * itself (a oneOf of constants, as schemars writes a Rust enum); undefined otherwise.
 */
function constantsOf(
  fits: readonly Segment[],
  errors: readonly ErrorObject[],
  replaced: ReadonlyMap<number, ErrorObject>,
): unknown[] | undefined {
  const values: unknown[] = [];
  for (const s of fits) {
    if (s.deep > 0 || s.idx.length === 0) return undefined;
    for (const j of s.idx) {
      const e = replaced.get(j) ?? errors[j]!;
      const p = e.params as { allowedValue?: unknown; allowedValues?: unknown };
      if (e.keyword === "const") values.push(p.allowedValue);
      else if (e.keyword === "enum" && Array.isArray(p.allowedValues)) values.push(...(p.allowedValues as unknown[]));
      else return undefined;
    }
  }
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = JSON.stringify(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * For an error raised inside `propertyNames` (it carries the key's name), the schema holding that
 * `propertyNames`: its "property name must be valid" error follows the key's own errors, and both
 * belong to the same alternative. Undefined for any other error.
 */
function keyCheckOf(errors: readonly ErrorObject[], j: number, end: number): unknown {
  const e = errors[j]!;
  const key = (e as { propertyName?: unknown }).propertyName;
  if (typeof key !== "string" || e.keyword === "propertyNames") return undefined;
  for (let k = j + 1; k < end; k++) {
    const n = errors[k]!;
    if (n.keyword === "propertyNames" && n.instancePath === e.instancePath && (n.params as { propertyName?: unknown }).propertyName === key)
      return n.parentSchema;
  }
  return undefined;
}

/** True when instance path `p` is `base` or below it. */
function within(p: string, base: string): boolean {
  return p === base || p.startsWith(`${base}/`);
}

/**
 * Drop the generic "must match a schema in anyOf/oneOf" wrapper when its branches already explain,
 * and the generic "property name must be valid" when an error inside `propertyNames` names why.
 */
function pruneNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const explainedKeys = new Set<string>();
  for (const e of errors) {
    const key = (e as { propertyName?: unknown }).propertyName;
    if (typeof key === "string" && e.keyword !== "propertyNames") explainedKeys.add(`${e.instancePath}\0${key}`);
  }
  const specific = errors.filter(
    (e) =>
      e.keyword !== "anyOf" &&
      e.keyword !== "oneOf" &&
      e.keyword !== "if" &&
      !(
        e.keyword === "propertyNames" &&
        explainedKeys.has(`${e.instancePath}\0${String((e.params as { propertyName?: unknown }).propertyName)}`)
      ),
  );
  return specific.length > 0 ? specific : [...errors];
}

function allowedKeys(e: ErrorObject): string[] | undefined {
  const schema = e.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return schema && typeof schema === "object" ? Object.keys(schema.properties ?? {}) : undefined;
}

function keysOf(v: unknown): string {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return typeName(v);
  const keys = Object.keys(v);
  return keys.length === 0 ? "(none)" : preview(keys.join(", "), 120).replace(/^"|"$/g, "");
}

/** A short JSON rendering of a value for messages (long values are cut). */
function preview(v: unknown, max = 80): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > max ? s.slice(0, max - 1) + "…" : s;
}

function article(type: string): string {
  if (type.includes(",")) return `one of the types ${type.split(",").join(", ")}`;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function suggestEnum(v: unknown, allowed: unknown): string | undefined {
  if (typeof v !== "string" || !Array.isArray(allowed)) return undefined;
  const strings = allowed.filter((a): a is string => typeof a === "string");
  const guess = closestOrStem(v, strings);
  return guess ? `did you mean ${JSON.stringify(guess)}?` : undefined;
}

const FORMAT_HINTS: Record<string, string> = {
  "date-time": " (RFC 3339, e.g. 2024-05-01T12:00:00Z)",
  date: " (YYYY-MM-DD)",
  time: " (HH:MM:SS with a time zone, e.g. 12:00:00Z)",
  email: " (name@example.com)",
  uri: " (an absolute URI with a scheme, e.g. https://example.com/x)",
  uuid: " (8-4-4-4-12 hex digits)",
  ipv4: " (e.g. 192.0.2.1)",
  duration: " (ISO 8601, e.g. P1DT2H)",
};

function formatHint(format: string): string {
  return FORMAT_HINTS[format] ?? "";
}

/** The candidate within edit distance 2 (or a shared prefix), for "did you mean". */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/**
 * closest, or else the one candidate of at least 4 characters that `name` starts with
 * (`hooksTYPO`, `hooks_old`: `hooks`), the longest when several do. For schema keys and values
 * only: a layered config's new key that extends an old one's name is no typo.
 */
export function closestOrStem(name: string, candidates: readonly string[]): string | undefined {
  return closest(name, candidates) ?? prefixOf(name, candidates);
}

/** The longest candidate of at least 4 characters that `name` starts with and is longer than. */
function prefixOf(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  for (const c of candidates)
    if (c.length >= 4 && c.length < name.length && lower.startsWith(c.toLowerCase()) && (!best || c.length > best.length)) best = c;
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}
