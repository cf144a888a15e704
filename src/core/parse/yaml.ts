/**
 * YAML with positions, through the `yaml` package (YAML 1.2 core schema, strict), plus the
 * checks it does not make the way we need them: duplicate keys with both locations, merge keys
 * (on by default, as every common reader has them), tags by dialect, nesting depth,
 * merge-conflict markers and empty files; and the leniencies of PyYAML/libyaml/js-yaml that
 * real files rely on (quoted strings continued at the key's indent), as warnings.
 */
import {
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  Pair,
  parseAllDocuments,
  Scalar,
  YAMLMap,
  YAMLSeq,
  visit,
  type Alias,
  type Document,
  type Node,
} from "yaml";
import type { Finding } from "../finding.js";
import { parsePointer, toPointer } from "../pointer.js";
import { DEFAULT_MAX_DEPTH } from "./json.js";
import { LineIndex } from "./lines.js";
import { tabLineRefusedBy } from "./tab-line-readers.js";
import { groupIndentWarnings, MAX_SEPARATE_INDENT_WARNINGS } from "./yaml-indent-summary.js";
import { findMergeConflict } from "./markers.js";
import type { ParsedDocument, ParseOptions, Position } from "./types.js";
import {
  detectDialects,
  dialectHasTag,
  dialectsOfTag,
  suggestTag,
  tagValueRule,
  YAML_DIALECTS,
  type TagValueKind,
  type YamlDialect,
} from "./yaml-dialects.js";
import { yamlErrorFinding } from "./yaml-errors.js";
import { NOT_PLAIN, plainValue } from "./yaml-plain-value.js";
import { expandSequenceMerges, isWoodpeckerFile, splicedItems } from "./yaml-sequence-merge.js";
import { keepsRepeatedKeys } from "./yaml-repeated-keys.js";
import { sameYamlValue } from "./yaml-same-value.js";
import { foldRepeatedMergeKeys, mergesRepeatedMergeKeys } from "./yaml-repeated-merge.js";
import {
  closingFlow,
  closingQuote,
  confirmedBatch,
  laterCutShortQuotes,
  openingFlowBefore,
  openingQuoteBefore,
  quoteCutShort,
  reindentSpan,
  reindentSpans,
  type Reindent,
} from "./yaml-reindent.js";
import { appendAll } from "../append.js";
import { cleanLockfile, cleanLockfileDocuments, isJsYamlLockfile } from "./yaml-lockfile.js";
import { flowDashRefusedBy, jsYamlConfigReader, lockfileReader } from "./js-yaml-refusals.js";
import { isUnityAsset, withoutUnityStripped } from "./unity-yaml.js";
import { isUnityMapElement } from "./unity-yaml-maps.js";
import { withMantissaBeforeExponent } from "./yaml-1-1-float.js";

const YAML_TAG = "tag:yaml.org,2002:";
/**
 * Tags always accepted: the YAML 1.2 core schema, the YAML 1.1 types every common reader
 * (PyYAML, Psych, yaml.v3, js-yaml) still resolves, and the non-specific tag `!` (plain YAML:
 * "a string"). The 1.1 types are read as their plain YAML value (base64 text, the set's
 * members as null-valued keys, the list of pairs, the timestamp text), which is what a JSON
 * Schema can check.
 */
const ACCEPTED_TAGS = new Set([
  "!",
  ...["str", "int", "float", "bool", "null", "seq", "map"].map((t) => YAML_TAG + t),
  ...["binary", "set", "omap", "pairs", "timestamp", "merge", "value"].map((t) => YAML_TAG + t),
]);
/** Most strings and flow collections re-indented in one file before giving up (each costs a re-parse). */
const MAX_REINDENTS = 50;
/** The yaml package's message for a comment glued to the token before it (an error only in strict mode). */
const COMMENT_SPACING = "Comments must be separated from other tokens by white space characters";
/** A YAML 1.1 timestamp (PyYAML's resolver pattern): what `!!timestamp` must hold. */
const TIMESTAMP = /^(\d{4}-\d\d?-\d\d?|\d{4}-\d\d?-\d\d?([Tt]|[ \t]+)\d\d?:\d\d:\d\d(\.\d*)?([ \t]*(Z|[-+]\d\d?(:\d\d)?))?)$/;

export function parseYaml(text: string, options: ParseOptions): ParsedDocument {
  const read = withLineFeeds(withoutLeadingBom(text));
  // Unity's `--- !u!1001 &1 stripped` document lines (./unity-yaml.ts): Unity reads them, YAML has no such word.
  const unity = isUnityAsset(options.path, read);
  const lf = unity ? withoutUnityStripped(read) : read;
  // pnpm's and Yarn 2+'s lockfiles: their readers' js-yaml vouches for a clean file (./yaml-lockfile.ts).
  const clean = isJsYamlLockfile(options.path) ? cleanLockfileDocuments(lf, options) : undefined;
  if (clean) return cleanLockfile(clean, () => parseYamlText(lf, options, 0).doc);
  const parsed = unityQuotedAsWritten(parseYamlText(lf, options, 0).doc, unity);
  // Many strings continued the same way (generated CRDs) are one warning (./yaml-indent-summary.ts).
  const doc = withGroupedIndentWarnings(parsed);
  // A leniency js-yaml does not share is an error where js-yaml is the reader (./js-yaml-refusals.ts).
  const reader = isJsYamlLockfile(options.path) ? lockfileReader(options.path) : jsYamlConfigReader(options.path);
  return reader !== undefined ? flowDashRefusedBy(doc, reader) : doc;
}

/**
 * A Unity asset's document without its quoted-indent warnings: Unity's serializer writes a
 * multi-line text (a UI Text's `m_Text: 'Start` ... `'`) with its continuation lines at column 1,
 * reads it back, and writes it so again on the next save, so re-indenting it by hand is no fix.
 * The string still had to read cleanly once re-indented; only the advice is dropped.
 */
function unityQuotedAsWritten(doc: ParsedDocument, unity: boolean): ParsedDocument {
  if (!unity || !doc.findings.some((f) => f.rule === "parse/quoted-indent")) return doc;
  return { ...doc, findings: doc.findings.filter((f) => f.rule !== "parse/quoted-indent") };
}

/** `doc` with more than a few indent warnings of one rule folded into one. */
function withGroupedIndentWarnings(doc: ParsedDocument): ParsedDocument {
  let indent = 0;
  for (const f of doc.findings) if (f.rule === "parse/quoted-indent" || f.rule === "parse/flow-indent") indent++;
  return indent > MAX_SEPARATE_INDENT_WARNINGS ? { ...doc, findings: groupIndentWarnings(doc.findings) } : doc;
}

/**
 * The text without the byte order mark it starts with. YAML 1.2 allows a BOM at the start of the
 * stream, and its readers (YamlDotNet, PyYAML, libyaml, go-yaml, js-yaml) skip it; the yaml
 * package counts it on the first line, so a file that opens with a block sequence (DocFX's
 * toc.yml as Visual Studio saves it: `\uFEFF- name: x`) had its first `- ` at another indent
 * than the next ones, every line an error. Positions do not move: LineIndex never counted the
 * BOM as a column. A BOM anywhere else stays in the text and is reported (strayByteOrderMark).
 */
function withoutLeadingBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A carriage return not followed by a line feed. */
const LONE_CR = /\r(?!\n)/;

/**
 * YAML's line breaks are LF, CRLF and a lone CR (YAML 1.2 §5.4, as in 1.1): PyYAML, libyaml
 * (Psych), go-yaml and js-yaml read a file saved with classic Mac line endings line by line
 * (istio/istio has a release note written so), while the yaml package reads it as one long
 * line and reports nonsense ("Nested mappings are not allowed in compact mappings"). Each lone
 * CR becomes an LF: the same length, so every offset stays valid, and lines are then counted as
 * those readers and editors count them (a merge-conflict marker after a lone CR is at a line
 * start too). Scalars read the same: YAML normalises every line break in a scalar to LF.
 */
function withLineFeeds(text: string): string {
  return text.includes("\r") && LONE_CR.test(text) ? text.replace(/\r(?!\n)/g, "\n") : text;
}

/** Texts from this size on are parsed with a plain process.env (see withPlainEnv). */
const PLAIN_ENV_FROM = 64 * 1024;

/**
 * `fn()` (a synchronous parse) with process.env a plain copy of itself, put back after. The yaml
 * package's parser reads process.env.LOG_TOKENS once per token (a debugging switch), and on the
 * main thread each read of process.env calls into the C++ environment: 100 ms of CPU for the
 * 420,000 tokens of a 2.8 MB pnpm-lock.yaml, a copy's read is a property lookup. Nothing else
 * runs during the synchronous parse, and the copy holds every variable (LOG_TOKENS included),
 * so what the parser sees is the same. Small texts parse as they are: the copy would cost more.
 */
function withPlainEnv<T>(length: number, fn: () => T): T {
  if (length < PLAIN_ENV_FROM) return fn();
  const env = process.env;
  process.env = { ...env };
  try {
    return fn();
  } finally {
    process.env = env;
  }
}

interface Parsed {
  doc: ParsedDocument;
  /** Errors the yaml package itself reported (syntax), as opposed to our checks. */
  syntaxErrors: number;
}

function parseYamlText(text: string, options: ParseOptions, repairs: number): Parsed {
  const file = options.path;
  const lines = new LineIndex(text);
  const conflict = findMergeConflict(text, lines, file);
  if (conflict) return { doc: failed([conflict]), syntaxErrors: 1 };
  const bom = text.includes("\n\uFEFF") ? strayByteOrderMark(text, lines, file) : undefined;
  if (bom?.level === "error") return { doc: failed([bom]), syntaxErrors: 1 };

  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const deep = flowTooDeep(text, maxDepth);
  if (deep >= 0) {
    // The yaml package recurses per flow level: 100,000 levels take seconds before it gives up.
    const doc = failed([
      {
        rule: "parse/too-deep",
        level: "error",
        file,
        ...lines.position(deep),
        message: `nesting deeper than ${maxDepth} levels`,
        expected: `at most ${maxDepth} nested mappings/sequences`,
        found: `level ${maxDepth + 1}`,
        fix: "flatten the data; validators and most readers crash (stack overflow) on nesting this deep",
      },
    ]);
    return { doc, syntaxErrors: 1 };
  }

  let list: Document.Parsed[];
  try {
    const docs = withPlainEnv(text.length, () =>
      parseAllDocuments(text, {
        uniqueKeys: false, // checked below, with both locations and the pointer
        merge: options.mergeKeys ?? true,
        resolveKnownTags: false, // !!binary, !!set, !!omap, !!timestamp keep their plain YAML value (see ACCEPTED_TAGS)
        prettyErrors: false,
        strict: true,
        logLevel: "error", // no process warnings on stderr; problems become findings
        customTags: withMantissaBeforeExponent, // `%YAML 1.1`'s `e00: 1` is a string key, not NaN (./yaml-1-1-float.ts)
      }),
    );
    list = Array.isArray(docs) ? docs : [];
  } catch (error) {
    // The yaml package turns most stack overflows into RESOURCE_EXHAUSTION errors; this is the rest.
    return { doc: failed([crashFinding(error, file)]), syntaxErrors: 1 };
  }

  // A comment glued to a quoted value or a bracket ("x"#c): PyYAML, libyaml and js-yaml read it
  // as a comment, and so does the yaml package, which only flags it in strict mode.
  const lenientComment = (e: { code: string; message: string }) =>
    !options.strict && e.code === "MISSING_CHAR" && e.message.startsWith(COMMENT_SPACING);
  const syntaxErrors = list.reduce((n, d) => n + d.errors.filter((e) => !lenientComment(e)).length, 0);
  if (syntaxErrors > 0 && !options.strict && repairs < MAX_REINDENTS) {
    const dashes = plainDashesInFlow(text, list);
    const readAsDash = dashes.length > 0 ? reparsedDashes(text, dashes, options, repairs) : undefined;
    if (readAsDash) return readAsDash;
    const repaired = reindented(text, list, options, repairs);
    if (repaired) return repaired;
  }

  const findings: Finding[] = bom ? [bom] : [];
  const at = (offset: number) => lines.position(offset);
  const contentEnd = text.trimEnd().length;
  for (const doc of list) {
    for (const e of doc.errors) {
      if (lenientComment(e)) findings.push(commentSpacing(lines.position(e.pos[0]), file));
      else findings.push(yamlErrorFinding(e, file, lines, contentEnd));
    }
    for (const w of doc.warnings) {
      if (w.code === "TAG_RESOLVE_FAILED") continue; // tags are checked in walk(), against the allow-list
      findings.push({ rule: "parse/warning", level: "warning", file, ...at(w.pos[0]), message: w.message.split("\n")[0]!.trim() });
    }
  }
  if (list.length === 0) appendAll(findings, emptyStream(text, file));
  else appendAll(findings, directiveProblems(text, file, lines));
  if (text.includes("\t")) appendAll(findings, tabsBeforeComments(text, file, lines));
  let tags: TagPolicy | undefined;
  if (!findings.some((f) => f.level === "error")) {
    tags = new TagPolicy(options, text);
    list.forEach((doc, index) => {
      const found: Finding[] = [];
      walk(doc, index, list.length, text, options, tags!, lines, found);
      // The walk is depth-first from a stack: report in reading order.
      appendAll(
        findings,
        found.sort((a, b) => a.line! - b.line! || a.column! - b.column!),
      );
    });
  }

  let ok = !findings.some((f) => f.level === "error");
  let documents: unknown[] = [];
  if (ok) {
    try {
      documents = list.map((d) => {
        const plain = plainValue(d.contents);
        return plain === NOT_PLAIN ? toJsCounted(d, text) : plain;
      });
    } catch (error) {
      findings.push(crashFinding(error, file));
      ok = false;
      documents = [];
    }
  }

  const nodeAt = (pointer: string, docIndex: number, wantKey: boolean): Position | undefined => {
    const doc = list[docIndex];
    if (!doc) return list.length === 0 && docIndex === 0 && !wantKey ? { line: 1, column: 1 } : undefined;
    let tokens: string[];
    try {
      tokens = parsePointer(pointer);
    } catch {
      return undefined;
    }
    let node: unknown = doc.contents;
    let keyNode: unknown;
    let exact = true;
    for (const token of tokens) {
      if (isAlias(node)) node = aliasTarget(node, doc);
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyString(p.key) === token);
        if (pair) {
          keyNode = pair.key;
          next = pair.value ?? pair.key;
        }
      } else if (isSeq(node) && /^(0|[1-9][0-9]*)$/.test(token)) {
        next = node.items[Number(token)];
        keyNode = undefined;
      }
      if (next === undefined || next === null) {
        exact = false;
        break;
      }
      node = next;
    }
    if (wantKey && (!exact || !keyNode)) return undefined;
    const target = (wantKey ? keyNode : node) as Node | undefined;
    const range = target?.range ?? (doc.contents as Node | null)?.range;
    if (!range) return { line: 1, column: 1 };
    return lines.span(range[0], range[1]);
  };
  return {
    doc: {
      format: "yaml",
      ok,
      // An empty stream has no documents and reads as null (as yaml.parse("") does).
      value: ok && list.length === 0 ? null : documents[0],
      documents,
      findings,
      locate: (p, d = 0) => nodeAt(p, d, false),
      locateKey: (p, d = 0) => nodeAt(p, d, true),
      ...(tags?.used.size ? { dialectsUsed: [...tags.used] } : {}),
    },
    syntaxErrors,
  };
}

/**
 * The first error that is a quoted string or a flow collection continued at its key's indent
 * (see ./yaml-reindent.ts): the file parsed again with it re-indented, positions mapped back,
 * plus a warning. Undefined when that is not the case or the re-indented text still has syntax
 * errors: the original errors stand.
 */
function reindented(text: string, list: Document.Parsed[], options: ParseOptions, repairs: number): Parsed | undefined {
  const contentEnd = text.trimEnd().length;
  for (const d of list) {
    for (const e of d.errors) {
      let open: number;
      let close = -1;
      let what: Leniency;
      const quote = e.code === "MISSING_CHAR" ? /closing (["'])quote/.exec(e.message)?.[1] : undefined;
      if (quote) {
        if (e.pos[0] >= contentEnd) continue; // at the very end: a truncated file, reported as such
        open = openingQuoteBefore(text, e.pos[0], quote as '"' | "'");
        if (open >= 0) close = closingQuote(text, open);
        what = quote === '"' ? "double-quoted string" : "single-quoted string";
      } else if (e.code === "BAD_INDENT" && /^Flow (sequence|map) in block collection must be sufficiently indented/.test(e.message)) {
        open = openingFlowBefore(text, e.pos[0]);
        if (open >= 0) close = closingFlow(text, open);
        what = text[open] === "[" ? "flow sequence [ ]" : "flow mapping { }";
      } else {
        continue;
      }
      return quote ? reparsedQuotes(text, open, close, options, repairs) : reparsed(text, open, close, what, options, repairs);
    }
  }
  // The yaml package does not always say "Missing closing quote": a quoted string whose next line
  // starts at column 1 under a top-level key is cut there and reported as whatever follows
  // ("Implicit keys need to be on a single line", ansible-collections/community.general).
  const open = quoteCutShort(text);
  if (open < 0) return undefined;
  return reparsedQuotes(text, open, closingQuote(text, open), options, repairs);
}

/** Stands for a lone `-` in the re-parse: one UTF-16 unit, as `-` is, so every offset stays valid. */
const DASH_STAND_IN = "\uE000";

/**
 * A plain `-` right before a flow indicator inside a flow collection (`waitFor: [-]`, Cloud
 * Build's "start at once"): YAML 1.2 lets a plain scalar start with `-` only before a plain-safe
 * character (yaml-test-suite YJV2, G5U8: errors), but libyaml, go-yaml and PyYAML check only that
 * the next character is not blank, end the scalar at the indicator and read it as "-". The
 * offsets of such dashes the yaml package refused (BLOCK_IN_FLOW); `[ - ]` is refused by them too.
 */
function plainDashesInFlow(text: string, list: Document.Parsed[]): number[] {
  if (text.includes(DASH_STAND_IN)) return [];
  const out: number[] = [];
  for (const d of list)
    for (const e of d.errors) {
      const at = e.pos[0];
      if (e.code === "BLOCK_IN_FLOW" && text[at] === "-" && /^[,\]}]/.test(text[at + 1] ?? "")) out.push(at);
    }
  return out;
}

/** The text with those dashes read as the string "-" (as libyaml, go-yaml, PyYAML read them), a warning each: undefined unless that is clean. */
function reparsedDashes(text: string, dashes: readonly number[], options: ParseOptions, repairs: number): Parsed | undefined {
  const chars = text.split("");
  for (const at of dashes) chars[at] = DASH_STAND_IN;
  const inner = parseYamlText(chars.join(""), options, repairs + 1);
  if (inner.syntaxErrors > 0) return undefined;
  const lines = new LineIndex(text);
  const restore = (v: unknown): unknown => {
    if (v === DASH_STAND_IN) return "-";
    if (Array.isArray(v)) return v.map(restore);
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, restore(x)]));
    return v;
  };
  const documents = inner.doc.documents.map(restore);
  const warnings: Finding[] = [...new Set(dashes)].map((at) => ({
    rule: "parse/flow-dash",
    level: "warning",
    file: options.path,
    ...lines.position(at),
    message:
      'a plain "-" right before a flow indicator: libyaml, go-yaml and PyYAML read it as the string "-", but YAML 1.2 does not allow a plain scalar to start so and strict parsers reject it',
    expected: "a quoted scalar",
    found: "-",
    fix: 'quote it: "-"',
  }));
  return {
    doc: { ...inner.doc, value: documents[0], documents, findings: [...warnings, ...inner.doc.findings] },
    syntaxErrors: 0,
  };
}

/** Most strings re-indented in one batch (each is one lexing of the rest of the file at most). */
const MAX_BATCH = 100_000;

const quotedKind = (text: string, open: number): Leniency => (text[open] === '"' ? "double-quoted string" : "single-quoted string");

/**
 * The quoted string opened at `open`, and every later string cut short the same way, re-indented
 * together and parsed once (a generated CRD holds hundreds: one re-parse each would take minutes
 * and stop at MAX_REINDENTS); when the batch is not clean or not confirmed, the one string alone.
 */
function reparsedQuotes(text: string, open: number, close: number, options: ParseOptions, repairs: number): Parsed | undefined {
  if (open >= 0 && close >= 0) {
    const later = laterCutShortQuotes(text, close, MAX_BATCH);
    const batch = later.length > 0 ? reindentSpans(text, [{ open, close }, ...later]) : undefined;
    if (batch && confirmedBatch(batch.text, batch.parts)) {
      const inner = parseYamlText(batch.text, options, repairs + 1);
      // Still broken with every string re-indented: one at a time would end the same way (and
      // re-parse the file once per string to get there), so the original errors stand.
      if (inner.syntaxErrors > 0) return undefined;
      const padded = new Map<number, number>();
      for (const part of batch.parts) for (const [line, pad] of part.padded) padded.set(line, pad);
      const parts = batch.parts.map((p) => ({ repair: p, open: p.open, what: quotedKind(text, p.open) }));
      return { doc: shifted(inner.doc, padded, parts, text, options.path), syntaxErrors: 0 };
    }
  }
  return reparsed(text, open, close, quotedKind(text, open), options, repairs);
}

/** The text re-indented from `open` to `close` and parsed again: undefined unless that is clean. */
function reparsed(text: string, open: number, close: number, what: Leniency, options: ParseOptions, repairs: number): Parsed | undefined {
  const repair = close < 0 ? undefined : reindentSpan(text, open, close, what.endsWith("string"));
  if (!repair) return undefined;
  const inner = parseYamlText(repair.text, options, repairs + 1);
  if (inner.syntaxErrors > 0) return undefined;
  return { doc: shifted(inner.doc, repair.padded, [{ repair, open, what }], text, options.path), syntaxErrors: 0 };
}

type Leniency = "double-quoted string" | "single-quoted string" | "flow sequence [ ]" | "flow mapping { }";

/**
 * `doc` (parsed from the re-indented text) with positions in the original text (`padded`: the
 * spaces added, by line), and one warning per re-indented part first.
 */
function shifted(
  doc: ParsedDocument,
  padded: ReadonlyMap<number, number>,
  parts: readonly { repair: Reindent; open: number; what: Leniency }[],
  original: string,
  file: string,
): ParsedDocument {
  const col = (line: number | undefined, column: number | undefined): number | undefined => {
    const pad = line === undefined ? undefined : padded.get(line);
    if (column === undefined || pad === undefined) return column;
    return Math.max(1, column - pad);
  };
  const move = <T extends { line?: number; column?: number; endLine?: number; endColumn?: number }>(p: T): T => {
    const out = { ...p };
    if (p.column !== undefined) out.column = col(p.line, p.column)!;
    if (p.endColumn !== undefined) out.endColumn = col(p.endLine, p.endColumn)!;
    return out;
  };
  const lines = new LineIndex(original);
  const textLines = original.split("\n");
  const warnings = parts.map(({ repair, open, what }) => indentWarning(repair, open, what, textLines, lines, file));
  return {
    ...doc,
    findings: [...warnings, ...doc.findings.map(move)],
    locate: (p, d) => {
      const pos = doc.locate(p, d);
      return pos && move(pos);
    },
    locateKey: (p, d) => {
      const pos = doc.locateKey(p, d);
      return pos && move(pos);
    },
  };
}

/** The warning for one string or flow collection re-indented at `open`. */
function indentWarning(
  repair: Reindent,
  open: number,
  what: Leniency,
  textLines: readonly string[],
  lines: LineIndex,
  file: string,
): Finding {
  const opened = lines.position(open);
  const padded = [...repair.padded.keys()];
  const first = padded[0]!;
  const last = padded[padded.length - 1]!;
  const firstIndent = /^ */.exec(textLines[first - 1] ?? "")![0].length;
  const quoted = what.endsWith("string");
  return {
    rule: quoted ? "parse/quoted-indent" : "parse/flow-indent",
    level: "warning",
    file,
    line: first,
    column: firstIndent + 1,
    message:
      `the ${what} opened at ${opened.line}:${opened.column} continues on line ${first} at column ${firstIndent + 1}, ` +
      `not indented more than its key: PyYAML, libyaml (Ruby's Psych) and js-yaml read it, but strict YAML 1.2 parsers ` +
      `(such as the yaml package of Node.js) reject it (${quoted ? '"Missing closing quote"' : '"must be sufficiently indented"'})`,
    expected: `continuation lines starting at column ${repair.needed} or further right`,
    found: `column ${firstIndent + 1}`,
    fix: `indent line${first === last ? ` ${first}` : `s ${first}-${last}`} so ${first === last ? "it starts" : "they start"} at column ${repair.needed} or further right (the value stays the same)${quoted ? ", or write the string on one line" : ""}`,
  };
}

/**
 * A byte order mark at the start of a line after the first, other than before a document
 * (`---` or a `%` directive, where YAML allows one): two files joined with their BOMs, or a
 * paste. It is invisible, and readers that do not fail make it part of the key or value that
 * follows (`\uFEFFname` is not `name`), so it is reported where it is, whatever the parse says.
 * After nothing but comments and blank lines (from the start or a `...` line) it opens a
 * document prefix, which YAML 1.2 allows (rule l-document-prefix, and the yaml package, libyaml
 * and Go's yaml skip it): a comment line written above a file that began with a BOM, as
 * SchemaStore's tests do. Only PyYAML's pure loader and js-yaml keep it there, so: a warning.
 */
function strayByteOrderMark(text: string, lines: LineIndex, file: string): Finding | undefined {
  let prefix: Finding | undefined;
  for (let i = text.indexOf("\n\uFEFF"); i >= 0; i = text.indexOf("\n\uFEFF", i + 1)) {
    const after = text.slice(i + 2, i + 5);
    if (after === "---" || after.startsWith("%")) continue;
    if (afterCommentsOnly(text, i)) {
      prefix ??= {
        rule: "parse/encoding",
        level: "warning",
        file,
        ...lines.position(i + 1),
        message:
          'byte order mark (U+FEFF) after the leading comments: YAML 1.2 allows it there (the yaml package, libyaml and Go\'s yaml skip it), but PyYAML\'s pure-Python loader and js-yaml make it part of the first key ("\\uFEFFname" is not "name")',
        expected: "a BOM at most at the very start of the file",
        found: "U+FEFF",
        fix: "delete the invisible character at the start of this line, or move it to the start of the file",
      };
      continue;
    }
    return {
      rule: "parse/encoding",
      level: "error",
      file,
      ...lines.position(i + 1),
      message:
        "byte order mark (U+FEFF) at the start of a line inside the file: it is invisible, and it becomes part of the key or value that follows (two files joined, each with its BOM?)",
      expected: "a BOM at most at the very start of the file or of a document (before ---)",
      found: "U+FEFF",
      fix: "delete the invisible character at the start of this line (most editors show it as <feff> or a red dot)",
    };
  }
  return prefix;
}

/**
 * Whether the lines before the line break at `newline` are only comments and blank lines, back
 * to the start of the text or to a `...` document end marker: no document has begun.
 */
function afterCommentsOnly(text: string, newline: number): boolean {
  let end = newline;
  for (;;) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(start, end).replace(/^\uFEFF/, "");
    if (/^\.\.\.(?:[ \t]|\r?$)/.test(line)) return true;
    const trimmed = line.trim();
    if (trimmed !== "" && !trimmed.startsWith("#")) return false;
    if (start === 0) return true;
    end = start - 1;
  }
}

function commentSpacing(at: Position, file: string): Finding {
  return {
    rule: "parse/comment-spacing",
    level: "warning",
    file,
    ...at,
    message:
      "a comment starts right after a value, with no space before the #: PyYAML, libyaml (Ruby's Psych) and js-yaml read it as a comment, but YAML 1.2 requires white space before it and strict parsers reject it",
    expected: "a space before #",
    found: "#",
    fix: "add a space before the #",
  };
}

/**
 * A tab between a value and its comment (`key: value<TAB># note`), or at the end of a line
 * (after a value, or on a blank line): YAML allows it, and so do libyaml, Psych, js-yaml and the
 * yaml package, but PyYAML skips only spaces between tokens and stops with "found character
 * '\t' that cannot start any token". Found with the yaml lexer (so tabs inside quoted and block
 * scalars are left alone); only run when the file has a tab at all.
 */
function tabsBeforeComments(text: string, file: string, lines: LineIndex): Finding[] {
  if (!/\t[ \t]*(?:#|\r?\n|$)/.test(text)) return [];
  const out: Finding[] = [];
  let offset = 0;
  let previous = "";
  let previousAt = 0;
  let flow = 0; // flow collections open: libyaml and go-yaml skip a tab there, even at a line's start
  const tabbed = () => previous.includes("\t") && /^[ \t]+$/.test(previous);
  // Who reads the file, asked once (it may look at the whole text) and only for a tab-led blank line.
  let reader: { by: string | undefined } | undefined;
  const refusedBy = () => (reader ??= { by: tabLineRefusedBy(file, text) }).by;
  const lineEnd = () => {
    const blankLine = flow === 0 && opensLine(text, previousAt, previous);
    out.push(tabFinding(file, lines, previousAt + previous.indexOf("\t"), "end", blankLine, blankLine ? refusedBy() : undefined));
  };
  for (const token of new Lexer().lex(text)) {
    if (token === "\x02" || token === "\x18" || token === "\x1f") continue;
    if (token === "[" || token === "{") flow++;
    else if ((token === "]" || token === "}") && flow > 0) flow--;
    if (token[0] === "#" && tabbed()) out.push(tabFinding(file, lines, previousAt + previous.indexOf("\t"), "comment"));
    else if ((token === "\n" || token === "\r\n") && tabbed()) lineEnd();
    previous = token;
    previousAt = offset;
    offset += token.length;
  }
  if (offset === text.length && tabbed()) lineEnd();
  return out;
}

/** Whether white space `ws` at `at` is a whole line that starts with a tab (libyaml refuses that line). */
function opensLine(text: string, at: number, ws: string): boolean {
  return ws[0] === "\t" && (at === 0 || text[at - 1] === "\n");
}

/**
 * `parse/tab-before-comment` or `parse/trailing-tab` at the tab at `at`. Who refuses it (checked
 * with PyYAML 6 on both loaders): PyYAML's pure-Python scanner refuses any tab before a comment or
 * a line end; libyaml (PyYAML's C loaders, Ruby's Psych: Rails, RuboCop, Travis CI) skips a tab
 * after content or after spaces, but refuses a blank line that starts with a tab ("found a tab
 * character that violates indentation" after a plain scalar); JavaScript's yaml reads both.
 * Where the file's name says its reader refuses such a blank line (`refusedBy`,
 * tab-line-readers.ts: Travis CI, GitLab CI, Compose, MkDocs...) or its content (an Ansible play, a
 * Kubernetes manifest), it is an error rather than a warning.
 */
function tabFinding(
  file: string,
  lines: LineIndex,
  at: number,
  before: "comment" | "end",
  startsBlankLine = false,
  refusedBy?: string,
): Finding {
  if (refusedBy !== undefined)
    return {
      rule: "parse/trailing-tab",
      level: "error",
      file,
      ...lines.position(at),
      message: `a blank line that starts with a tab: this file's reader, ${refusedBy}, refuses it ("found character that cannot start any token", or "a tab character that violates indentation" after a plain value), as PyYAML, libyaml, go-yaml and SnakeYAML do`,
      found: "tab",
      expected: "an empty line, or spaces",
      fix: "remove the tab from the blank line (most editors can trim trailing white space on save)",
    };
  const pyyaml = startsBlankLine
    ? 'a blank line that starts with a tab: PyYAML and libyaml-based readers (Ruby\'s Psych, PyYAML\'s C loader) reject it ("found character that cannot start any token", or "a tab character that violates indentation" after a plain value); JavaScript\'s yaml reads it'
    : "PyYAML's pure-Python loader rejects it (\"found character '\\t' that cannot start any token\"); libyaml-based readers (Ruby's Psych, PyYAML's C loader) and JavaScript's yaml read it";
  return before === "comment"
    ? {
        rule: "parse/tab-before-comment",
        level: "warning",
        file,
        ...lines.position(at),
        message: `a tab before a comment: ${pyyaml}`,
        found: "tab",
        expected: "spaces",
        fix: "replace the tab before the # with spaces",
      }
    : {
        rule: "parse/trailing-tab",
        level: "warning",
        file,
        ...lines.position(at),
        message: startsBlankLine ? pyyaml : `a tab at the end of a line: ${pyyaml}`,
        found: "tab",
        expected: "the end of the line",
        fix: "remove the trailing tab (most editors can trim trailing white space on save)",
      };
}

/**
 * Which tags a file may use: config first (allowAnyTag, customTags), then the dialects the
 * file belongs to, detected once and only when a tag needs them.
 */
class TagPolicy {
  private readonly allowed: Set<string>;
  private dialects?: YamlDialect[];
  /**
   * Ids of the dialects known by the file's path or content (not extraDialects, which another
   * file vouches for) that changed the reading: on a pull request the trusted commit must agree.
   */
  readonly used = new Set<string>();
  constructor(
    private readonly options: ParseOptions,
    private readonly text: string,
  ) {
    // `!!x` in the config is how the file spells it; the yaml package reports tag:yaml.org,2002:x.
    this.allowed = new Set((options.customTags ?? []).map((t) => (t.startsWith("!!") ? YAML_TAG + t.slice(2) : t)));
  }

  accepts(tag: string): boolean {
    if (ACCEPTED_TAGS.has(tag) || this.options.allowAnyTag || this.allowed.has(tag)) return true;
    const by = this.fileDialects().filter((d) => dialectHasTag(d, tag));
    for (const d of by) this.use(d.id);
    return by.length > 0;
  }

  private use(id: string): void {
    if (!(this.options.extraDialects ?? []).includes(id)) this.used.add(id);
  }

  /** `tag` is accepted only because the file is of a dialect that knows it (not by the config). */
  byDialect(tag: string): boolean {
    if (ACCEPTED_TAGS.has(tag) || this.options.allowAnyTag || this.allowed.has(tag)) return false;
    return this.fileDialects().some((d) => dialectHasTag(d, tag));
  }

  /**
   * The long-form key of a CloudFormation short form (`!Ref` -> "Ref", `!Sub` -> "Fn::Sub") in a
   * file detected as CloudFormation, else undefined.
   */
  longForm(tag: string): string | undefined {
    if (!tag.startsWith("!") || ACCEPTED_TAGS.has(tag)) return undefined;
    const cfn = this.fileDialects().find((d) => d.id === "cloudformation");
    if (!cfn?.tags.includes(tag)) return undefined;
    this.use(cfn.id);
    const name = tag.slice(1);
    return name === "Ref" || name === "Condition" ? name : `Fn::${name}`;
  }

  fileDialects(): YamlDialect[] {
    this.dialects ??=
      this.options.dialects === false
        ? []
        : withExtra(
            detectDialects(this.options.path, this.text).filter((d) => !(this.options.refusedDialects ?? []).includes(d.id)),
            this.options.extraDialects,
          );
    return this.dialects;
  }

  /**
   * True for `key: !reset ...` or a list item `- !reset ...` in a Docker Compose file:
   * compose-go's ResetProcessor drops the node before the file is validated and merged
   * (`ports: !reset []`, `build: !reset null`, `volumes: {data: !reset}`, `- !reset "8080:80"`;
   * a mapping item is the match criteria of a sequence reset in newer releases), so its schema
   * must not see the key or the item at all.
   */
  resetsKey(value: unknown): boolean {
    if (!(isScalar(value) || isCollection(value)) || value.tag !== "!reset") return false;
    if (this.options.dialects === false || !this.fileDialects().some((d) => d.id === "compose")) return false;
    this.use("compose");
    return true;
  }
}

/** `detected` plus the dialects of `extra` (ids) it does not hold yet. */
function withExtra(detected: YamlDialect[], extra: readonly string[] | undefined): YamlDialect[] {
  if (!extra?.length) return detected;
  return [...detected, ...YAML_DIALECTS.filter((d) => extra.includes(d.id) && !detected.includes(d))];
}

/** The key as it becomes a property name in the JS value (what a JSON Schema sees). */
function keyString(key: unknown): string {
  if (isScalar(key)) {
    if (typeof key.value === "symbol") return key.value.description ?? ""; // the `<<` merge key
    return key.value === null ? "" : String(key.value);
  }
  return String(key);
}

/** A `<<` merge key as the yaml package resolves it with merge keys on (a Symbol scalar). */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === "symbol" && key.value.description === "<<";
}

/**
 * A tag an application resolves (`!include`, `!secret`, any local tag): not the YAML core or
 * 1.1 types, not the non-specific `!`.
 */
function isApplicationTag(tag: string | undefined): boolean {
  return tag !== undefined && tag !== "!" && !tag.startsWith(YAML_TAG);
}

/**
 * For a `<<` merge key whose source (or a source in its sequence) is a node with an application
 * tag (`<<: !include common.yaml`, `<<: [!include a.yaml, *b]`): the original node is kept
 * beside the pair for the walk (its tag is checked: known to the file's reader, or an
 * unknown-tag finding), and an empty mapping is merged in its place. Untagged scalars stay
 * (`<<: 5`): no reader merges those, and the yaml package reports it.
 */
function standInForReaderMerges(pair: Pair, doc: Document.Parsed): void {
  const tagged = (n: unknown): n is Node => {
    const target = resolved(n, doc);
    return (isScalar(target) || isCollection(target)) && isApplicationTag(target.tag);
  };
  const standIn = (n: Node): YAMLMap => {
    const map = new YAMLMap();
    map.range = n.range;
    return map;
  };
  const value = pair.value;
  if (tagged(value)) {
    readerMerged.set(pair, [value]);
    pair.value = standIn(value);
  } else if (isSeq(value) && !isApplicationTag(value.tag)) {
    const originals: Node[] = [];
    value.items = value.items.map((item) => {
      if (!tagged(item)) return item;
      originals.push(item);
      return standIn(item);
    });
    if (originals.length) readerMerged.set(pair, originals);
  }
}

/**
 * What a `<<` merge key cannot merge (after standInForReaderMerges): an empty value, a scalar
 * (or an alias of one), or a list item that is not a mapping; undefined when the source is
 * fine. `at` is where it is written (the alias, not its anchor).
 */
function badMergeSource(value: unknown, doc: Document.Parsed): { at: Node | undefined; found: string } | undefined {
  const resolve = (n: unknown) => resolved(n, doc);
  const describe = (n: unknown) => (isScalar(n) && n.value !== null ? JSON.stringify(String(n.value)) : "an empty value");
  const source = resolve(value);
  if (source === null || source === undefined || isScalar(source)) return { at: value as Node | undefined, found: describe(source) };
  if (isSeq(source)) {
    const item = source.items.find((i) => !isMap(resolve(i)));
    if (item !== undefined)
      return { at: item as Node, found: `a list item that is ${isSeq(resolve(item)) ? "a list" : describe(resolve(item))}` };
  }
  return undefined;
}

/** The tagged merge sources standInForReaderMerges replaced, per pair, for the walk to check. */
const readerMerged = new WeakMap<Pair, Node[]>();

/**
 * A node's path from the document root, as a chain of links to its parent's: one small object per
 * node, where an array per node copied its parent's (a 3 MB lockfile has 300,000 nodes, and the
 * copies cost a tenth of the parse). Spelled out as a pointer only for a finding.
 */
interface PathLink {
  up: PathLink | undefined;
  key: string | number;
}

/** The key node of a mapping's first pair, if it has one. */
function firstPairKey(node: unknown): Node | undefined {
  const first = (node as { items: unknown[] }).items[0];
  return isPair(first) ? ((first.key as Node | null) ?? undefined) : undefined;
}

function pointerOf(link: PathLink | undefined): string {
  const keys: (string | number)[] = [];
  for (let l = link; l; l = l.up) keys.push(l.key);
  return toPointer(keys.reverse());
}

/**
 * A node of the walk. `owner` holds the node (the document, a sequence at `index`, or a pair's
 * value), so replaceNode can put another in its place (CloudFormation short forms, see longForm);
 * undefined for nodes that are checked but not replaced (keys, reader-merged originals).
 * Fields instead of a closure per node: the walk pushes one entry per node of the document.
 */
interface WalkEntry {
  node: unknown;
  path: PathLink | undefined;
  depth: number;
  owner: Document.Parsed | YAMLSeq | Pair | undefined;
  index: number;
}

function replaceNode(entry: WalkEntry, n: Node): void {
  const owner = entry.owner;
  if (isSeq(owner)) owner.items[entry.index] = n;
  else if (isPair(owner)) owner.value = n;
  else if (owner) owner.contents = n as typeof owner.contents;
}

/**
 * One iterative pass over a document's nodes (no recursion: the document may be deep):
 * nesting depth, duplicate keys, `<<` merge keys and tags.
 */
function walk(
  doc: Document.Parsed,
  docIndex: number,
  docCount: number,
  text: string,
  options: ParseOptions,
  tags: TagPolicy,
  lines: LineIndex,
  out: Finding[],
): void {
  const file = options.path;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const mergeKeys = options.mergeKeys ?? true;
  const docNote = docCount > 1 ? ` (document ${docIndex + 1})` : "";
  // Woodpecker splices lists with `- <<: *list` (yaml-sequence-merge.ts); no other reader does.
  const sequenceMerges = mergeKeys && isWoodpeckerFile(file);
  // PyYAML merges every `<<` key of a mapping (yaml-repeated-merge.ts): where it is the reader, a repeat is no duplicate.
  const repeatedMerges = mergeKeys && mergesRepeatedMergeKeys(file);
  // Cirrus CI keeps every repeated key (yaml-repeated-keys.ts): a repeat is a notice there.
  const keptBy = keepsRepeatedKeys(file);
  // Unity (5.x to 2017) wrote each element of a map as a repeated `data:` key (./unity-yaml.ts).
  const unityMaps = isUnityAsset(file, text);
  indexAliases(doc, text); // before any node is replaced below
  // Sequences holding a `- !reset ...` item of a compose file: emptied of them once the walk is
  // done (their items are checked where they are written, and replaceNode needs their indexes).
  const resetItems: YAMLSeq[] = [];
  const stack: WalkEntry[] = [{ node: doc.contents, path: undefined, depth: 0, owner: doc, index: 0 }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { node, depth } = entry;
    let path = entry.path;
    if (isAlias(node)) {
      // An alias whose anchor is not defined before it: the yaml package only fails later, in toJS.
      if (!aliasTarget(node, doc)) {
        out.push({
          rule: "parse/syntax",
          level: "error",
          file,
          ...lines.position(node.range?.[0] ?? 0),
          pointer: pointerOf(path),
          message: `alias *${node.source} has no anchor &${node.source} defined before it${docNote}`,
          expected: `an anchor &${node.source} earlier in the document`,
          found: `*${node.source}`,
          fix: `define &${node.source} on an earlier node, or fix the alias name`,
        });
      }
      continue;
    }
    if (!isScalar(node) && !isCollection(node)) continue; // empty values
    const tag = node.tag;
    if (tag && !tags.accepts(tag)) {
      out.push(unknownTag(tag, node, text, file, lines, pointerOf(path), docNote, options, tags.fileDialects()));
    } else if (tag && isScalar(node)) {
      const bad = badTypedScalar(tag, node, text, file, lines, pointerOf(path), docNote);
      if (bad) out.push(bad);
    }
    if (tag && tags.byDialect(tag)) {
      const bad = badDialectTagValue(tag, node, text, file, lines, pointerOf(path), docNote);
      if (bad) out.push(bad);
    }
    const fn = tag && entry.owner ? tags.longForm(tag) : undefined;
    if (fn) {
      replaceNode(entry, longForm(fn, node));
      path = { up: path, key: fn };
    }
    if (!isCollection(node)) continue;
    if (depth >= maxDepth) {
      out.push({
        rule: "parse/too-deep",
        level: "error",
        file,
        ...lines.position(node.range?.[0] ?? 0),
        message: `nesting deeper than ${maxDepth} levels${docNote}`,
        expected: `at most ${maxDepth} nested mappings/sequences`,
        found: `level ${depth + 1}`,
        fix: "flatten the data; validators and most readers crash (stack overflow) on nesting this deep",
      });
      return;
    }
    if (isSeq(node)) {
      const seq = node;
      if (sequenceMerges) expandSequenceMerges(seq, (n) => resolved(n, doc), isMergeKey);
      const spliced = splicedItems(seq);
      const items = seq.items;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (spliced?.has(item)) continue; // checked where it is written
        stack.push({ node: item, path: { up: path, key: i }, depth: depth + 1, owner: seq, index: i });
      }
      if (items.some((item) => tags.resetsKey(item))) resetItems.push(seq);
      continue;
    }
    const seen = new Map<string, Node>();
    const firstValues = new Map<string, unknown>();
    // Once the document's first key starts over (a missing `---`), a repeat with the same value
    // is a second document's line, not one to delete.
    let startedOver = false;
    // The document's own first key: when it comes back at the top level, two documents ran
    // together without their `---` line (a generator's output concatenated, a bad merge).
    const rootFirstKey = depth === 0 ? firstPairKey(node) : undefined;
    for (const pair of (node as { items: unknown[] }).items) {
      if (!isPair(pair)) continue;
      const key = pair.key;
      if (mergeKeys && isMergeKey(key)) {
        // `<<: !include common.yaml`: the reader (ESPHome) builds the merged mapping from the
        // tag. Its tags are checked like any other node (pushed below); what it merges in is
        // unknowable here, so an empty mapping stands in for it (the yaml package would throw).
        standInForReaderMerges(pair, doc);
        // Symfony YAML unions a list's items in by index (yaml-list-alias-merge.ts): an empty
        // mapping stands in for them (the anchored list is checked where it is written).
        if (options.listAliasMerges !== undefined && isAlias(pair.value) && isSeq(resolved(pair.value, doc))) {
          const map = new YAMLMap();
          map.range = (pair.value as Node).range;
          pair.value = map;
        }
        const bad = badMergeSource(pair.value, doc);
        if (bad) {
          out.push({
            rule: "parse/syntax",
            level: "error",
            file,
            ...lines.position(bad.at?.range?.[0] ?? (key as Node).range?.[0] ?? 0),
            pointer: pointerOf(path),
            message: `the \`<<\` merge key's source is ${bad.found}${docNote}: readers merge only a mapping, an alias of one, or a list of those (PyYAML, Psych and the yaml package refuse the file)`,
            expected: "a mapping, an alias of one (`<<: *defaults`), or a list of those",
            found: bad.found,
            fix: "merge an anchored mapping (`<<: *defaults`), or restore the tag your reader resolves (`<<: !include common.yaml`)",
          });
        }
      }
      if (isScalar(key) && key.value === "<<" && key.type === "PLAIN") {
        if (!mergeKeys && (isAlias(pair.value) || isSeq(pair.value))) {
          out.push({
            rule: "parse/merge-key",
            level: "error",
            file,
            ...lines.position(key.range?.[0] ?? 0),
            pointer: pointerOf(path),
            message: `\`<<\` merge key used${docNote}, but merge keys are forbidden for this file (validate.yaml.forbid_merge_keys): YAML 1.2 readers without merge keys read it as a plain "<<" key`,
            fix: "write the merged keys out, or remove this file from validate.yaml.forbid_merge_keys in .integrity-guard/config.yml",
          });
        }
        if (mergeKeys) continue;
      }
      if (isCollection(key)) {
        out.push({
          rule: "parse/complex-key",
          level: "warning",
          file,
          ...lines.position(key.range?.[0] ?? 0),
          pointer: pointerOf(path),
          message: `a mapping key is itself a ${isMap(key) ? "mapping" : "sequence"}${docNote}: JSON has no such keys, so it becomes the string ${clippedKey(String(key))}`,
          fix: "use a plain string key",
        });
        stack.push({ node: key, path, depth: depth + 1, owner: undefined, index: 0 });
      }
      const name = keyString(key);
      const first = seen.get(name);
      const keyNode = key as Node | null;
      const unityMapElement = unityMaps && isUnityMapElement(name, firstValues.get(name), pair.value);
      if (first && keyNode?.range && !(repeatedMerges && isMergeKey(key)) && !unityMapElement) {
        const firstPos = lines.position(first.range?.[0] ?? 0);
        const pos = lines.span(keyNode.range[0], keyNode.range[1]);
        if (keptBy) {
          out.push({
            rule: "parse/duplicate-key",
            level: "notice",
            file,
            ...pos,
            pointer: pointerOf({ up: path, key: name }),
            key: name,
            message: `key ${JSON.stringify(name)} repeated on line ${pos.line} (first on line ${firstPos.line})${docNote}: ${keptBy} keeps both (a repeated task, a matrix variant)`,
            fix: `nothing to do for ${keptBy}; other YAML readers keep only the last`,
            related: [{ file, line: firstPos.line, column: firstPos.column, message: `first definition of ${JSON.stringify(name)}` }],
          });
        } else {
          const startsOver = first === rootFirstKey && pos.column === firstPos.column;
          startedOver ||= startsOver;
          const same = !startedOver && !isMergeKey(key) && sameYamlValue(firstValues.get(name), pair.value, doc);
          out.push({
            rule: "parse/duplicate-key",
            level: "error",
            file,
            ...pos,
            pointer: pointerOf({ up: path, key: name }),
            key: name,
            message: same
              ? `duplicate key ${JSON.stringify(name)} on line ${pos.line}, first defined on line ${firstPos.line}${docNote}, with the same value: no data is lost whichever one a reader keeps, but a reader that refuses any repeated key (Go's yaml.v3, as docker compose uses) stops at it`
              : `duplicate key ${JSON.stringify(name)} on line ${pos.line}, first defined on line ${firstPos.line}${docNote}: readers disagree on which value wins`,
            expected: "unique keys",
            found: same ? `${JSON.stringify(name)} twice, with the same value` : `${JSON.stringify(name)} twice`,
            fix: isMergeKey(key)
              ? "merge every source with one key, `<<: [*first, *second]`: PyYAML, Psych and js-yaml also accept a repeated `<<`, Go's yaml.v3 (docker compose, Helm) rejects it"
              : startsOver
                ? `the document's first key starts over on line ${pos.line}: if a second document begins there, put a \`---\` line before it (without one, readers read a single mapping and keep only the last values); otherwise remove or rename one of the two entries`
                : same
                  ? `delete one of the two entries (line ${firstPos.line} or ${pos.line}): both hold the same value`
                  : "remove one of the two entries or rename one (most readers silently keep the last)",
            related: [{ file, line: firstPos.line, column: firstPos.column, message: `first definition of ${JSON.stringify(name)}` }],
          });
        }
      } else if (keyNode && !first) {
        seen.set(name, keyNode);
        firstValues.set(name, pair.value);
      }
      const valuePath: PathLink = { up: path, key: name };
      stack.push({ node: pair.value, path: valuePath, depth: depth + 1, owner: pair, index: 0 });
      const originals = readerMerged.get(pair);
      if (originals)
        for (const original of originals) stack.push({ node: original, path: valuePath, depth: depth + 1, owner: undefined, index: 0 });
    }
    // After the pairs are checked, each where it is written: one `<<` with PyYAML's order of sources.
    if (repeatedMerges) foldRepeatedMergeKeys(node, isMergeKey);
    // Compose removes `key: !reset ...` before it validates (TagPolicy.resetsKey); the value was checked above.
    const items = node.items;
    if (items.some((p) => isPair(p) && tags.resetsKey(p.value))) node.items = items.filter((p) => !tags.resetsKey(p.value));
  }
  // Compose drops a `- !reset ...` item from its list too (ResetProcessor.resolveReset, SequenceNode).
  for (const seq of resetItems) seq.items = seq.items.filter((item) => !tags.resetsKey(item));
}

/**
 * `{ fn: node }`, positioned where node is: what CloudFormation reads for a short form, so a
 * schema sees `{"Ref": "Bucket"}` for `!Ref Bucket` (and `!GetAtt A.B` as `["A", "B"]`).
 */
function longForm(fn: string, node: Scalar | YAMLMap | YAMLSeq): Node {
  let value: Node = node;
  if (fn === "Fn::GetAtt" && isScalar(node) && typeof node.value === "string" && node.value.includes(".")) {
    const dot = node.value.indexOf(".");
    const seq = new YAMLSeq();
    for (const part of [node.value.slice(0, dot), node.value.slice(dot + 1)]) {
      const item = new Scalar(part);
      item.range = node.range;
      seq.items.push(item);
    }
    seq.range = node.range;
    value = seq;
  }
  const key = new Scalar(fn);
  key.range = node.range;
  const map = new YAMLMap();
  map.items.push(new Pair(key, value));
  map.range = node.range;
  return map;
}

/** Where the tag of `node` is written (its range starts at the value). */
function tagOffset(tag: string, node: Node, text: string): number {
  const start = node.range?.[0] ?? 0;
  const spelled = tag.startsWith(YAML_TAG) ? "!!" + tag.slice(YAML_TAG.length) : tag;
  for (const form of [spelled, `!<${tag}>`]) {
    const hit = text.lastIndexOf(form, start);
    if (hit >= 0 && start - hit < 400) return hit;
  }
  return start;
}

function shownTag(tag: string): string {
  return tag.startsWith(YAML_TAG) ? "!!" + tag.slice(YAML_TAG.length) : tag;
}

function unknownTag(
  tag: string,
  node: Node,
  text: string,
  file: string,
  lines: LineIndex,
  pointer: string,
  docNote: string,
  options: ParseOptions,
  fileDialects: readonly YamlDialect[],
): Finding {
  const shown = shownTag(tag);
  const level = options.unknownTags ?? "warning";
  const suggestion = suggestTag(tag, fileDialects);
  const owners = dialectsOfTag(tag);
  let why: string;
  if (suggestion) {
    why = `it is not a tag of ${fileDialects.find((d) => d.tags.includes(suggestion))!.name}: did you mean ${suggestion}?`;
  } else if (owners.length > 0) {
    why = `it is a tag of ${owners.map((d) => d.name).join(" / ")}, but this file was not recognised as such (docs/parsing.md lists how each dialect is detected)`;
  } else {
    why = "readers that do not know it fail or silently read a plain string";
  }
  const allow = `validate.yaml.custom_tags: [{ files: [${JSON.stringify(file)}], tags: [${JSON.stringify(shown)}] }]`;
  return {
    rule: "parse/unknown-tag",
    level,
    file,
    ...lines.position(tagOffset(tag, node, text)),
    pointer,
    message: `tag ${shown} is not known here${docNote}: ${why}`,
    found: shown,
    ...(suggestion ? { expected: suggestion } : {}),
    fix: suggestion
      ? `write ${suggestion}; if ${shown} is really meant, allow it with ${allow}`
      : level === "warning"
        ? `if this file's reader knows ${shown}, allow it with ${allow}; to make unknown tags errors, set validate.yaml.unknown_tags: error`
        : `remove the tag, or allow it for this file with ${allow}`,
  };
}

/**
 * A dialect tag whose value no reader of that tag takes (yaml-dialects.ts, tagValueRule): a
 * mapping under `!secret` (the next key indented one step too far), `!secret` with nothing after
 * it (a write cut there is still valid YAML), text after `!!python/name:m.f`, a plain name after
 * `!reference`. The reader fails at load.
 */
function badDialectTagValue(
  tag: string,
  node: Scalar | YAMLMap | YAMLSeq,
  text: string,
  file: string,
  lines: LineIndex,
  pointer: string,
  docNote: string,
): Finding | undefined {
  const rule = tagValueRule(tag);
  if (!rule) return undefined;
  const kind = isScalar(node) ? "scalar" : isSeq(node) ? "seq" : "map";
  const value = isScalar(node) ? (node.value === null || node.value === undefined ? "" : String(node.value)) : undefined;
  const shown = shownTag(tag);
  const names: Record<TagValueKind, string> = { scalar: "a single value", seq: "a list", map: "a mapping" };
  let found: string;
  let fix: string;
  if (!rule.kinds.includes(kind)) {
    found = names[kind];
    fix =
      kind === "scalar"
        ? `write ${shown} ${rule.takes.startsWith("a list") ? "[.job, key]" : "with the value its reader takes"}`
        : `if the lines under ${shown} belong to the next key, indent them like their siblings; otherwise give ${shown} ${rule.takes}`;
  } else if (kind === "scalar" && rule.scalar === "name" && value!.trim() === "") {
    found = "an empty value";
    fix = `write ${rule.takes} after ${shown} (restore the file from git if the write was cut here)`;
  } else if (kind === "scalar" && rule.scalar === "none" && value!.trim() !== "") {
    found = JSON.stringify(value!.length > 40 ? value!.slice(0, 40) + "..." : value);
    fix = `remove the text after ${shown}, or put it on its own line as the next key`;
  } else {
    return undefined;
  }
  return {
    rule: "parse/syntax",
    level: "error",
    file,
    ...lines.position(tagOffset(tag, node, text)),
    pointer,
    message: `${shown} holds ${found}${docNote}, where its readers take ${rule.takes}: the file fails to load`,
    expected: rule.takes,
    found,
    fix,
  };
}

/**
 * `!!binary` (or Psych's `!binary`) that is not base64, `!!timestamp` that is not a timestamp:
 * PyYAML, Psych and yaml.v3 fail on them, and a base64 block cut short is otherwise invisible.
 */
function badTypedScalar(
  tag: string,
  node: Node,
  text: string,
  file: string,
  lines: LineIndex,
  pointer: string,
  docNote: string,
): Finding | undefined {
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value !== "string") return undefined;
  let expected: string;
  if (tag === YAML_TAG + "binary" || tag === "!binary") {
    const compact = value.replace(/\s+/g, "");
    if (/^[A-Za-z0-9+/]*={0,2}$/.test(compact) && compact.length % 4 === 0) return undefined;
    expected = "base64 text (A-Z, a-z, 0-9, +, /, = padding)";
  } else if (tag === YAML_TAG + "timestamp") {
    if (TIMESTAMP.test(value.trim())) return undefined;
    expected = "a date (2001-12-14) or date-time (2001-12-14T21:59:43.10-05:00)";
  } else {
    return undefined;
  }
  return {
    rule: "parse/syntax",
    level: "error",
    file,
    ...lines.position(tagOffset(tag, node, text)),
    pointer,
    message: `${shownTag(tag)} value is not ${expected}${docNote}: readers that decode it fail`,
    expected,
    found: JSON.stringify(value.length > 40 ? value.slice(0, 40) + "..." : value),
    fix: `fix the value, or remove the ${shownTag(tag)} tag if it is meant as a plain string`,
  };
}

/**
 * Offset of the first `[`/`{` nested deeper than `limit`, or -1. A cheap guard before the
 * recursive reader: quoted scalars and comments are skipped roughly (an apostrophe in plain
 * text may hide brackets, which only makes the guard miss, never fire wrongly on valid data
 * short of a thousand unclosed brackets).
 */
function flowTooDeep(text: string, limit: number): number {
  let depth = 0;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > limit) return i;
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    } else if (c === 34) {
      for (i++; i < len; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 39) {
      const end = text.indexOf("'", i + 1);
      i = end < 0 ? len : end;
    } else if (c === 35) {
      const end = text.indexOf("\n", i);
      i = end < 0 ? len : end;
    }
  }
  return -1;
}

/** A file with no YAML document. Valid YAML (it means null), but for a state or config file almost always a truncated write. */
function emptyStream(text: string, file: string): Finding[] {
  const directive = /^%/m.exec(text);
  if (directive) {
    return [
      {
        rule: "parse/syntax",
        level: "error",
        file,
        line: text.slice(0, directive.index).split("\n").length,
        column: 1,
        message: "a directive (%YAML or %TAG) with no document after it",
        expected: "a document start (---) after the directives",
        found: "end of file",
        fix: "add --- and the document, or remove the directive",
      },
    ];
  }
  const comments = /^\s*#/m.test(text);
  return [
    {
      rule: "parse/empty",
      level: "warning",
      file,
      line: 1,
      column: 1,
      message: comments
        ? "file has only comments and no YAML document (it reads as null)"
        : "file is empty (it reads as null): often a truncated write",
      fix: "restore the file from git or a snapshot if it should hold data; write {} or [] for an intentionally empty file",
    },
  ];
}

/** The yaml package accepts two %YAML directives for one document; YAML 1.2 (§6.8.1) does not. */
function directiveProblems(text: string, file: string, lines: LineIndex): Finding[] {
  if (!text.includes("%YAML")) return [];
  let seen = false;
  const re = /^(%YAML\b|---|\.\.\.)/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] !== "%YAML") {
      seen = false;
      continue;
    }
    if (seen) {
      return [
        {
          rule: "parse/syntax",
          level: "error",
          file,
          ...lines.position(m.index),
          message: "a second %YAML directive for the same document",
          expected: "one %YAML directive per document",
          found: "%YAML",
          fix: "remove the repeated %YAML line",
        },
      ];
    }
    seen = true;
  }
  return [];
}

function crashFinding(error: unknown, file: string): Finding {
  const deep = error instanceof RangeError;
  const message = error instanceof Error ? error.message : String(error);
  if (/alias count/i.test(message)) {
    return {
      rule: "parse/syntax",
      level: "error",
      file,
      line: 1,
      column: 1,
      message: 'aliases expand to too many nodes (a "billion laughs" pattern): reading the file would exhaust memory',
      fix: "write the repeated data out, or use fewer nested aliases",
    };
  }
  return {
    rule: deep ? "parse/too-deep" : "parse/syntax",
    level: "error",
    file,
    line: 1,
    column: 1,
    message: deep ? "the YAML is nested too deeply to read (stack overflow in the YAML reader)" : `the YAML could not be read: ${message}`,
    fix: deep ? "flatten the data" : "check the YAML syntax (anchors/aliases, nesting) near the start of the file",
  };
}

function failed(findings: Finding[]): ParsedDocument {
  return { format: "yaml", ok: false, value: undefined, documents: [], findings, locate: () => undefined, locateKey: () => undefined };
}

/**
 * Each alias's anchored node, found in one pass over the document: the anchor of that name
 * written last before the alias, as the yaml package's Alias.resolve finds it. That method visits
 * the whole document on every call, so a hostile file of 9,000 aliases to a 10,000-item list
 * took minutes in the walk (aliases x nodes). Built on first use, before the walk replaces
 * nodes (stand-ins for reader merges, CloudFormation long forms), so an alias keeps the anchor
 * it was written against.
 */
const aliasTargets = new WeakMap<Document.Parsed, WeakMap<Alias, Node | undefined>>();

function indexAliases(doc: Document.Parsed, text?: string): WeakMap<Alias, Node | undefined> {
  let targets = aliasTargets.get(doc);
  if (!targets) {
    const found = new WeakMap<Alias, Node | undefined>();
    const last = new Map<string, Node>();
    // No `*` in the text: no alias to look up; no `&`: no anchor, so every alias has no target
    // (an empty index answers both). Skips a visit of every node of most big files (lockfiles).
    if (text !== undefined && (!text.includes("*") || !text.includes("&"))) {
      aliasTargets.set(doc, found);
      return found;
    }
    visit(doc, {
      Node: (_key, node) => {
        if (isAlias(node)) found.set(node, last.get(node.source));
        else if (node.anchor) last.set(node.anchor, node);
      },
    });
    aliasTargets.set(doc, found);
    targets = found;
  }
  return targets;
}

/**
 * `doc.toJS` with the yaml package's alias-count guard (maxAliasCount: the "billion laughs"
 * refusal, see crashFinding). To count the aliases inside an anchored node, the package calls
 * Alias.resolve(doc) without its context, which visits the whole document on every call: a 737 KB
 * Home Assistant blueprint with ~600 aliases spent ~2 s there, against 45 ms for the rest of toJS.
 * Those calls are answered here from one visit of the document as it is now (the walk may have
 * replaced nodes since indexAliases ran): the anchor of that name written last before the alias,
 * exactly what the package's search returns; calls with the context go to the package.
 */
function toJsCounted(doc: Document.Parsed, text: string): unknown {
  if (!text.includes("*") || !text.includes("&")) return doc.toJS({ maxAliasCount: 10000 });
  const patched: Alias[] = [];
  const last = new Map<string, Node>();
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) {
        const target = last.get(node.source);
        const own = node.resolve;
        node.resolve = function (this: Alias, d: Parameters<Alias["resolve"]>[0], ctx?: Parameters<Alias["resolve"]>[1]) {
          if (!ctx) return target;
          // With the context, the package looks for the anchor in a list of every anchor and alias
          // of the document, from its start, on every alias: 20,000 of each (550 KB) took minutes.
          // Handed a list of the one node found here, it finds the same one and counts as before.
          const c = ctx as { aliasResolveCache?: unknown };
          const saved = c.aliasResolveCache;
          c.aliasResolveCache = target ? [target] : [];
          try {
            return own.call(this, d, ctx);
          } finally {
            c.aliasResolveCache = saved;
          }
        } as Alias["resolve"];
        patched.push(node);
      } else if (node.anchor) last.set(node.anchor, node);
    },
  });
  try {
    return doc.toJS({ maxAliasCount: 10000 });
  } finally {
    // The prototype's method again: the document is read later (locate, the walk's callers).
    for (const a of patched) delete (a as { resolve?: unknown }).resolve;
  }
}

function aliasTarget(alias: Alias, doc: Document.Parsed): Node | undefined {
  return indexAliases(doc).get(alias);
}

/** The node an alias stands for (see aliasTarget), or the node itself. */
function resolved(n: unknown, doc: Document.Parsed): unknown {
  return isAlias(n) ? aliasTarget(n, doc) : n;
}

/** A collection key as text for a message: a long one (a whole flow collection) clipped, with its length. */
function clippedKey(text: string): string {
  const MAX = 80;
  if (text.length <= MAX) return JSON.stringify(text);
  const head = Array.from(text.slice(0, MAX + 1))
    .slice(0, MAX)
    .join(""); // never half a surrogate pair
  return `${JSON.stringify(head + "…")} (${text.length.toLocaleString("en-US")} characters)`;
}
