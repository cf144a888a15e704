/**
 * YAML with positions, through the `yaml` package (YAML 1.2 core schema, strict), plus the
 * checks it does not make the way we need them: duplicate keys with both locations, merge keys
 * and tags only where allowed, nesting depth, merge-conflict markers and empty files.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node } from "yaml";
import type { Finding } from "../finding.js";
import { parsePointer, toPointer } from "../pointer.js";
import { DEFAULT_MAX_DEPTH } from "./json.js";
import { LineIndex } from "./lines.js";
import { findMergeConflict } from "./markers.js";
import type { ParsedDocument, ParseOptions, Position } from "./types.js";
import { yamlErrorFinding } from "./yaml-errors.js";
import { yamlRegistry } from "./yaml-registry.js";
import { appendAll } from "../append.js";

/** Tags of the YAML 1.2 core schema: always accepted. Anything else needs customTags/allowAnyTag. */
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "seq", "map"].map((t) => `tag:yaml.org,2002:${t}`));

export function parseYaml(text: string, options: ParseOptions): ParsedDocument {
  const file = options.path;
  const lines = new LineIndex(text);
  const conflict = findMergeConflict(text, lines, file);
  if (conflict) return failed([conflict]);

  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const deep = flowTooDeep(text, maxDepth);
  if (deep >= 0) {
    // The yaml package recurses per flow level: 100,000 levels take seconds before it gives up.
    return failed([
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
  }

  let list: Document.Parsed[];
  try {
    const docs = parseAllDocuments(text, {
      uniqueKeys: false, // checked below, with both locations and the pointer
      merge: options.mergeKeys ?? false,
      prettyErrors: false,
      strict: true,
      logLevel: "error", // no process warnings on stderr; problems become findings
    });
    list = Array.isArray(docs) ? docs : [];
  } catch (error) {
    // The yaml package turns most stack overflows into RESOURCE_EXHAUSTION errors; this is the rest.
    return failed([crashFinding(error, file)]);
  }

  const findings: Finding[] = [];
  const at = (offset: number) => lines.position(offset);
  const contentEnd = text.trimEnd().length;
  for (const doc of list) {
    for (const e of doc.errors) findings.push(yamlErrorFinding(e, file, lines, contentEnd));
    for (const w of doc.warnings) {
      if (w.code === "TAG_RESOLVE_FAILED") continue; // tags are checked in walk(), against the allow-list
      findings.push({ rule: "parse/warning", level: "warning", file, ...at(w.pos[0]), message: w.message.split("\n")[0]!.trim() });
    }
  }
  if (list.length === 0) appendAll(findings, emptyStream(text, file));
  else appendAll(findings, directiveProblems(text, file, lines));
  if (!findings.some((f) => f.level === "error")) {
    list.forEach((doc, index) => {
      const found: Finding[] = [];
      walk(doc, index, list.length, text, options, lines, found);
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
      documents = list.map((d) => d.toJS({ maxAliasCount: 10000 }));
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
      if (isAlias(node)) node = node.resolve(doc);
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
    format: "yaml",
    ok,
    // An empty stream has no documents and reads as null (as yaml.parse("") does).
    value: ok && list.length === 0 ? null : documents[0],
    documents,
    findings,
    locate: (p, d = 0) => nodeAt(p, d, false),
    locateKey: (p, d = 0) => nodeAt(p, d, true),
  };
}

/** The key as it becomes a property name in the JS value (what a JSON Schema sees). */
function keyString(key: unknown): string {
  if (isScalar(key)) return key.value === null ? "" : String(key.value);
  return String(key);
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
  lines: LineIndex,
  out: Finding[],
): void {
  const file = options.path;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const allowed = new Set(options.customTags ?? []);
  const docNote = docCount > 1 ? ` (document ${docIndex + 1})` : "";
  const stack: { node: unknown; path: string[]; depth: number }[] = [{ node: doc.contents, path: [], depth: 0 }];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    if (isAlias(node)) {
      // An alias whose anchor is not defined before it: the yaml package only fails later, in toJS.
      if (!node.resolve(doc)) {
        out.push({
          rule: "parse/syntax",
          level: "error",
          file,
          ...lines.position(node.range?.[0] ?? 0),
          pointer: toPointer(path),
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
    if (tag && !CORE_TAGS.has(tag) && !options.allowAnyTag && !allowed.has(tag)) {
      out.push(unknownTag(tag, node, text, file, lines, toPointer(path), docNote));
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
      node.items.forEach((item, i) => stack.push({ node: item, path: [...path, String(i)], depth: depth + 1 }));
      continue;
    }
    const seen = new Map<string, Node>();
    for (const pair of (node as { items: unknown[] }).items) {
      if (!isPair(pair)) continue;
      const key = pair.key;
      if (isScalar(key) && key.value === "<<" && key.type === "PLAIN") {
        if (!options.mergeKeys && (isAlias(pair.value) || isSeq(pair.value))) {
          out.push({
            rule: "parse/merge-key",
            level: "error",
            file,
            ...lines.position(key.range?.[0] ?? 0),
            pointer: toPointer(path),
            message: `\`<<\` merge key used${docNote}, but merge keys are not enabled for this file: readers differ on whether it merges or is a plain key`,
            fix: "add this file to validate.yaml.merge_keys in .integrity-guard/config.yml, or write the keys out",
          });
        }
        if (options.mergeKeys) continue;
      }
      if (isCollection(key)) {
        out.push({
          rule: "parse/complex-key",
          level: "warning",
          file,
          ...lines.position(key.range?.[0] ?? 0),
          pointer: toPointer(path),
          message: `a mapping key is itself a ${isMap(key) ? "mapping" : "sequence"}${docNote}: JSON has no such keys, so it becomes the string ${JSON.stringify(String(key))}`,
          fix: "use a plain string key",
        });
        stack.push({ node: key, path, depth: depth + 1 });
      }
      const name = keyString(key);
      const first = seen.get(name);
      const keyNode = key as Node | null;
      if (first && keyNode?.range) {
        const firstPos = lines.position(first.range?.[0] ?? 0);
        const pos = lines.span(keyNode.range[0], keyNode.range[1]);
        out.push({
          rule: "parse/duplicate-key",
          level: "error",
          file,
          ...pos,
          pointer: toPointer([...path, name]),
          key: name,
          message: `duplicate key ${JSON.stringify(name)} on line ${pos.line}, first defined on line ${firstPos.line}${docNote}: readers disagree on which value wins`,
          expected: "unique keys",
          found: `${JSON.stringify(name)} twice`,
          fix: "remove one of the two entries or rename one (most readers silently keep the last)",
          related: [{ file, line: firstPos.line, column: firstPos.column, message: `first definition of ${JSON.stringify(name)}` }],
        });
      } else if (keyNode && !first) {
        seen.set(name, keyNode);
      }
      stack.push({ node: pair.value, path: [...path, name], depth: depth + 1 });
    }
  }
}

function unknownTag(tag: string, node: Node, text: string, file: string, lines: LineIndex, pointer: string, docNote: string): Finding {
  // The node's range starts at its value; find the tag itself just before it.
  const start = node.range?.[0] ?? 0;
  const spelled = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.slice("tag:yaml.org,2002:".length) : tag;
  let offset = start;
  for (const form of [spelled, `!<${tag}>`]) {
    const hit = text.lastIndexOf(form, start);
    if (hit >= 0 && start - hit < 400) {
      offset = hit;
      break;
    }
  }
  const shown = tag.startsWith("!") ? tag : spelled;
  return {
    rule: "parse/unknown-tag",
    level: "error",
    file,
    ...lines.position(offset),
    pointer,
    message: `tag ${shown} is not allowed here${docNote}: readers that do not know it fail or silently read a plain string`,
    found: shown,
    fix: `remove the tag, or allow it for this file in validate.yaml.custom_tags (e.g. CloudFormation's !Ref, !GetAtt, !Sub)`,
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

// Evaluating this module is what makes parseDocument able to read YAML (see ./index.ts).
yamlRegistry.parser = parseYaml;
