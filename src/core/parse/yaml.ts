/** YAML with positions, through the `yaml` package (YAML 1.2 core schema, strict). */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type ScalarTag, type CollectionTag } from "yaml";
import type { Finding } from "../finding.js";
import { parsePointer } from "../pointer.js";
import type { ParsedDocument, ParseOptions, Position } from "./types.js";

export function parseYaml(text: string, options: ParseOptions): ParsedDocument {
  const lineCounter = new LineCounter();
  const customTags: (ScalarTag | CollectionTag)[] = [];
  for (const tag of options.customTags ?? []) {
    // Accept the tag on scalars, maps and sequences; keep the plain value for validation.
    customTags.push({ tag, identify: () => false, resolve: (v: string) => v } as ScalarTag);
    customTags.push({ tag, collection: "map", identify: () => false, resolve: (m: unknown) => m } as unknown as CollectionTag);
    customTags.push({ tag, collection: "seq", identify: () => false, resolve: (s: unknown) => s } as unknown as CollectionTag);
  }
  const docs = parseAllDocuments(text, {
    lineCounter,
    uniqueKeys: true,
    merge: options.mergeKeys ?? false,
    prettyErrors: true,
    strict: true,
    customTags,
  });
  const list: Document.Parsed[] = Array.isArray(docs) ? docs : [];
  const findings: Finding[] = [];
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  for (const doc of list) {
    for (const e of doc.errors) {
      const start = pos(e.pos[0]);
      const end = pos(e.pos[1]);
      const duplicate = e.code === "DUPLICATE_KEY";
      findings.push({
        rule: duplicate ? "parse/duplicate-key" : "parse/syntax",
        level: "error",
        file: options.path,
        ...start,
        endLine: end.line,
        endColumn: end.column,
        message: firstLine(e.message),
        fix: duplicate ? "remove one of the two entries or rename the key; YAML readers disagree on which one wins" : "fix the YAML syntax at this position",
      });
    }
    for (const w of doc.warnings) {
      // Unresolved tags silently become strings in most readers: treat as corruption unless allowed.
      const tag = w.code === "TAG_RESOLVE_FAILED";
      findings.push({
        rule: tag ? "parse/unknown-tag" : "parse/warning",
        level: tag ? "error" : "warning",
        file: options.path,
        ...pos(w.pos[0]),
        message: firstLine(w.message),
        ...(tag ? { fix: "remove the tag, or allow it for this file in validate.yaml.custom_tags" } : {}),
      });
    }
  }
  if (!options.mergeKeys) findMergeKeys(list, options.path, pos, findings);
  const ok = !findings.some((f) => f.level === "error");
  const documents = ok ? list.map((d) => d.toJS({ maxAliasCount: 10000 })) : [];
  const nodeAt = (pointer: string, docIndex: number, wantKey: boolean): Position | undefined => {
    const doc = list[docIndex];
    if (!doc) return undefined;
    let node: unknown = doc.contents;
    let keyNode: unknown;
    let tokens: string[];
    try {
      tokens = parsePointer(pointer);
    } catch {
      return undefined;
    }
    for (const token of tokens) {
      if (isAlias(node)) node = node.resolve(doc);
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? String(p.key.value) : String(p.key)) === token);
        if (pair) {
          keyNode = pair.key;
          next = pair.value ?? pair.key;
        }
      } else if (isSeq(node) && /^(0|[1-9][0-9]*)$/.test(token)) {
        next = node.items[Number(token)];
        keyNode = undefined;
      }
      if (next === undefined || next === null) break;
      node = next;
    }
    const target = (wantKey ? keyNode : node) as Node | undefined;
    const range = target?.range ?? (doc.contents as Node | null)?.range;
    if (!range) return { line: 1, column: 1 };
    const s = pos(range[0]);
    const e = pos(range[1]);
    return { ...s, endLine: e.line, endColumn: e.column };
  };
  return {
    format: "yaml",
    ok,
    value: documents[0],
    documents,
    findings,
    locate: (p, d = 0) => nodeAt(p, d, false),
    locateKey: (p, d = 0) => nodeAt(p, d, true),
  };
}

function findMergeKeys(docs: Document.Parsed[], file: string, pos: (o: number) => Position, out: Finding[]): void {
  const visit = (node: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.value === "<<" && pair.key.type === "PLAIN" && (isAlias(pair.value) || isSeq(pair.value))) {
          out.push({
            rule: "parse/merge-key",
            level: "error",
            file,
            ...pos(pair.key.range?.[0] ?? 0),
            message: "`<<` merge key used, but merge keys are not enabled for this file: readers differ on whether it merges or is a plain key",
            fix: "add this file to validate.yaml.merge_keys in .integrity-guard/config.yml, or write the keys out",
          });
        }
        visit(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item);
    }
  };
  for (const d of docs) visit(d.contents);
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.trim();
}
