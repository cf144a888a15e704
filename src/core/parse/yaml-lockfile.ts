/**
 * Lockfiles whose reader parses them with js-yaml, read with js-yaml first: pnpm reads
 * `pnpm-lock.yaml` with js-yaml (`yaml.load`, @pnpm/lockfile.fs; pnpm pins a js-yaml 4 fork), and
 * Yarn 2+ reads its YAML `yarn.lock` with @yarnpkg/parsers' parseSyml, which is js-yaml's `load`
 * (FAILSAFE schema). These files are machine-written, often megabytes, and staged by most commits
 * of a JavaScript repository: the yaml package composes a document tree with positions (an 830 KB
 * pnpm-lock.yaml: 350 ms of CPU and a heavy collection), js-yaml builds the value only (40 ms).
 *
 * js-yaml decides only that a file is clean. Whenever anything could make the full reading
 * (./yaml.ts) report a finding, that reading runs instead and its findings stand, so no finding
 * is lost and none is new:
 * - js-yaml throws (a syntax error, a cut-short file, a duplicate key: without `json: true`
 *   js-yaml refuses a repeated key, as the full reading does; a tag outside the core schema);
 * - the text holds what the full reading checks beyond syntax: a node property (anchor, alias,
 *   tag), a `<<` merge key, an explicit or collection key, a directive, a tab, a byte order mark
 *   after the start, a comment glued to a quote or bracket, a merge-conflict marker, deep flow
 *   nesting (the look is by characters; a false alarm only costs the full reading's time);
 * - a document is not a mapping (an empty stream, an empty or scalar document), or is nested
 *   deeper than the limit.
 * Values are read with js-yaml's core schema, the YAML 1.2 core schema the full reading resolves
 * plain scalars with, so a schema sees the same value. Positions (for a schema finding) come
 * from the full reading, made on the first ask.
 */
import { CORE_SCHEMA, loadAll } from "js-yaml";
import { DEFAULT_MAX_DEPTH } from "./json.js";
import { hasMergeConflictMarker } from "./markers.js";
import type { ParsedDocument, ParseOptions } from "./types.js";

/** Lockfile names (exact, as their readers spell them) read by js-yaml. */
const JS_YAML_LOCKFILES = new Set(["pnpm-lock.yaml", "yarn.lock"]);

/** True when `path` names a lockfile whose reader parses it with js-yaml. */
export function isJsYamlLockfile(path: string): boolean {
  return JS_YAML_LOCKFILES.has(path.slice(path.lastIndexOf("/") + 1));
}

/**
 * What the full reading may report on a file js-yaml reads cleanly, or where the two readings
 * differ (see the module comment): a node property (`&name`, `*name`, `!tag`) or a `?` key
 * indicator where a node may start (`{"a":*b}` too) (Yarn's `conditions: os=aix & cpu=ppc64` is no anchor: `&` then
 * a space), `<<`, a directive, a key that is a flow collection, a comment right after a quote or
 * bracket, a block scalar (`|`, `>`) whose first line is blank (js-yaml takes more-indented leading
 * blank lines the yaml package refuses, yaml-test-suite S98Z; pnpm writes `deprecated: |-` with text), content on a `---` line (9KBC), a tab, a byte order mark.
 */
const NEEDS_FULL_READING =
  /(?:^|[\s[{,:])(?:[&*][^\s,[\]{}]|[!%]|\?(?:\s|$))|<<|[\]}]\s*:(?:\s|$)|["'\]}]#|(?:^|[\s:-])[|>][-+0-9]*[^\S\n]*(?:#.*)?\n[^\S\n]*$|^(?:---|\.\.\.)[^\S\n]+[^\s#]|\t|\uFEFF/m;

/**
 * Keys js-yaml and the full reading spell differently: a null key is "null" to js-yaml and ""
 * to the full reading (`~: x`, `{"x", null}`); any key spelled as null sends the file there.
 */
const NULL_KEYS = new Set(["", "null", "Null", "NULL", "~"]);

/**
 * The documents of a js-yaml lockfile when js-yaml reads it cleanly and nothing in it needs the
 * full reading; undefined otherwise (the caller then reads it fully).
 */
export function cleanLockfileDocuments(text: string, options: ParseOptions): unknown[] | undefined {
  // A BOM at the very start is skipped by both readings; one anywhere else is a finding.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (NEEDS_FULL_READING.test(body) || hasMergeConflictMarker(body) || continuesOnNextLine(body)) return undefined;
  let documents: unknown[];
  try {
    documents = loadAll(body, null, { schema: CORE_SCHEMA, filename: options.path });
  } catch {
    return undefined; // the full reading reports it, with its own position and fix
  }
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (documents.length === 0) return undefined;
  for (const doc of documents) {
    if (doc === null || typeof doc !== "object" || Array.isArray(doc) || !plainTree(doc, maxDepth)) return undefined;
  }
  return documents;
}

/**
 * A clean lockfile as a ParsedDocument: no findings; positions from the full reading, made once
 * on the first ask (a schema finding on a lockfile is rare, and the reading is what gives them).
 */
export function cleanLockfile(documents: unknown[], fullReading: () => ParsedDocument): ParsedDocument {
  let full: ParsedDocument | undefined;
  const read = () => (full ??= fullReading());
  return {
    format: "yaml",
    ok: true,
    value: documents[0],
    documents,
    findings: [],
    locate: (pointer, doc) => read().locate(pointer, doc),
    locateKey: (pointer, doc) => read().locateKey(pointer, doc),
  };
}

/**
 * Whether the value nests at most `limit` levels below `root` and has no key spelled as null
 * (iterative: never the stack).
 */
function plainTree(root: object, limit: number): boolean {
  const stack: [object, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth >= limit) return false;
    const array = Array.isArray(node);
    for (const key of Object.keys(node)) {
      if (!array && NULL_KEYS.has(key)) return false;
      const child = (node as Record<string, unknown>)[key];
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return true;
}

/**
 * Whether a quoted string or a flow collection continues on a later line. The full reading warns
 * when such a continuation is not indented more than its key (parse/quoted-indent,
 * parse/flow-indent: js-yaml, like PyYAML, reads it), so those files get the full reading; in a
 * lockfile every string and flow collection is on one line. A quote opens a string only where a
 * node starts (after a space, `[`, `{`, `,` or `:`, or at a line start); a `#` after a space
 * starts a comment. Deep flow nesting is left to the full reading too (its guard reports it).
 */
function continuesOnNextLine(text: string): boolean {
  let flow = 0;
  let previous = 10; // a line start
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (flow > 0) return true;
    } else if (c === 91 || c === 123) {
      if (++flow > 64) return true;
    } else if (c === 93 || c === 125) {
      if (flow > 0) flow--;
    } else if ((c === 34 || c === 39) && nodeStartsAfter(previous)) {
      let end = i + 1;
      for (; end < len; end++) {
        const d = text.charCodeAt(end);
        if (d === 10) return true;
        if (c === 34 && d === 92) end++;
        else if (d === c) {
          if (c === 39 && text.charCodeAt(end + 1) === 39) end++;
          else break;
        }
      }
      i = end;
    } else if (c === 35 && (previous === 32 || previous === 10)) {
      const end = text.indexOf("\n", i);
      if (end < 0) return false;
      i = end - 1;
    }
    previous = text.charCodeAt(i);
  }
  return false;
}

/** After this character (code), a quote opens a quoted node: a line start, a space, `[`, `{`, `,`, `:`, `-`. */
function nodeStartsAfter(code: number): boolean {
  return code === 10 || code === 32 || code === 91 || code === 123 || code === 44 || code === 58 || code === 45;
}
