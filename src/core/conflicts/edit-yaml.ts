/**
 * Edit YAML text keeping comments and layout. A scalar replaced by a scalar is rewritten where it
 * stands (only its own characters change, in the same quoting style where possible). Anything
 * else (a missing key, a list or map value, a key that comes from a `<<` merge) goes through the
 * `yaml` Document API (`setIn`), which keeps comments and re-emits the document with the file's
 * own indentation.
 */
import { Document, isAlias, isMap, isScalar, isSeq, parseAllDocuments, parse as parseYamlValue, type Node, type Scalar } from "yaml";
import { parsePointer } from "../pointer.js";
import { applySplices, type Splice } from "./edit-json.js";
import type { TextEdit } from "./types.js";

type Found = { kind: "node"; node: Node } | { kind: "missing" } | { kind: "alias" };

function find(doc: Document.Parsed, tokens: readonly string[]): Found {
  let node: unknown = doc.contents;
  for (const t of tokens) {
    if (isAlias(node)) return { kind: "alias" };
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === t);
      if (!pair) return { kind: "missing" };
      node = pair.value;
    } else if (isSeq(node) && /^(0|[1-9][0-9]*)$/.test(t) && Number(t) < node.items.length) {
      node = node.items[Number(t)];
    } else return { kind: "missing" };
  }
  if (isAlias(node)) return { kind: "alias" };
  return node ? { kind: "node", node: node as Node } : { kind: "missing" };
}

const PLAIN_SAFE = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^\n#]*$/;

/** A scalar written in the style of the node it replaces, falling back to double quotes. */
function renderScalar(value: unknown, style: Scalar["type"]): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") {
    if (Number.isNaN(value)) return ".nan";
    if (!Number.isFinite(value)) return value > 0 ? ".inf" : "-.inf";
    return String(value);
  }
  const s = String(value);
  if (style === "QUOTE_SINGLE" && !/[\n\r\t\\]/.test(s) && /^[\x20-\x7e\u00a0-\uffff]*$/.test(s)) return "'" + s.replace(/'/g, "''") + "'";
  if (style !== "QUOTE_DOUBLE" && PLAIN_SAFE.test(s) && !/: |\s$|:$/.test(s)) {
    try {
      if (parseYamlValue(s) === s) return s;
    } catch {
      /* not plain-safe */
    }
  }
  return JSON.stringify(s);
}

/** A list or map as one line of flow YAML: `[a, c]`, `{host: x, port: 1}`. */
function renderFlow(value: unknown): string {
  const d = new Document(value);
  if (isMap(d.contents) || isSeq(d.contents)) d.contents.flow = true;
  return d.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, "");
}

/** Indentation of block collections in the text: spaces per level, and whether `- ` items are indented under their key. */
function detectLayout(text: string): { indent: number; indentSeq: boolean } {
  const m = /\n( +)[^\s#-]/.exec(text);
  const indent = m ? Math.min(Math.max(m[1]!.length, 1), 8) : 2;
  const seq = /^( *)[^\s#-][^\n]*:[ \t]*\n( *)- /m.exec(text);
  return { indent, indentSeq: seq ? seq[2]!.length > seq[1]!.length : true };
}

/** Apply `edits` to YAML `text`; throws with the reason when an edit cannot be made safely. */
export function editYamlText(text: string, edits: readonly TextEdit[]): string {
  const docs = parseAllDocuments(text, { merge: true });
  if (!Array.isArray(docs) || docs.length !== 1) throw new Error("only a file holding exactly one YAML document can be edited");
  const doc = docs[0]!;
  if (doc.errors.length > 0) throw new Error(`the file does not parse: ${doc.errors[0]!.message.split("\n")[0]}`);
  const plan = edits.map((e) => ({ edit: e, tokens: parsePointer(e.pointer), found: find(doc, parsePointer(e.pointer)) }));
  for (const p of plan) {
    if (p.found.kind === "alias") throw new Error(`${p.edit.pointer} is reached through an alias (*name); edit the anchored value by hand`);
    if (p.found.kind === "node" && (p.found.node as { anchor?: string }).anchor) {
      throw new Error(
        `${p.edit.pointer} carries an anchor (&${(p.found.node as { anchor?: string }).anchor}) used elsewhere; edit it by hand`,
      );
    }
  }
  // In place when every edit replaces a scalar or a flow collection ([a, b], {k: v}).
  const inPlace = plan.every(
    (p) => p.found.kind === "node" && (isScalar(p.found.node) || ((isMap(p.found.node) || isSeq(p.found.node)) && p.found.node.flow)),
  );
  if (inPlace) {
    const splices: Splice[] = plan.map((p, order) => {
      const node = (p.found as { node: Node }).node;
      const range = node.range!;
      const value = p.edit.value;
      let out: string;
      if (value !== null && typeof value === "object") out = renderFlow(value);
      else {
        const type = isScalar(node) ? node.type : "PLAIN";
        const block = type === "BLOCK_LITERAL" || type === "BLOCK_FOLDED";
        out = renderScalar(value, block ? "QUOTE_DOUBLE" : type);
        // A block scalar's range ends after its last line break: keep the break.
        if (block && text[range[1] - 1] === "\n") out += "\n";
      }
      return { at: range[0], end: range[1], text: out, order };
    });
    return applySplices(text, splices);
  }
  for (const p of plan) {
    if (p.found.kind === "node" && isScalar(p.found.node) && (p.edit.value === null || typeof p.edit.value !== "object")) {
      p.found.node.value = p.edit.value;
      continue;
    }
    const path = p.tokens.map((t, i) => {
      const parent = i === 0 ? doc.contents : doc.getIn(p.tokens.slice(0, i), true);
      return isSeq(parent) && /^(0|[1-9][0-9]*)$/.test(t) ? Number(t) : t;
    });
    doc.setIn(path, doc.createNode(p.edit.value));
  }
  return doc.toString({ lineWidth: 0, ...detectLayout(text) });
}
