/**
 * The JS value of a parsed YAML document without the yaml package's toJS, for the documents
 * most big files are (lockfiles, Helm indexes, generated data): mappings, sequences and scalars,
 * with no alias, no merge key and no collection as a key. toJS dispatches through every node's
 * toJSON with an anchor check and a key stringifier per pair; on a 3 MB pnpm-lock.yaml that is
 * about a sixth of the parse. Anything else returns NOT_PLAIN and the caller uses toJS, so the
 * value is always the one toJS gives (Document#toJS keeps scalar values as they are: its
 * `keep` is set, as `json` is not passed).
 */
import { Scalar, YAMLMap, YAMLSeq } from "yaml";

/** What plainValue returns for a document it does not convert (the caller falls back to toJS). */
export const NOT_PLAIN: unique symbol = Symbol("not plain");

/**
 * The value toJS would give `contents`, or NOT_PLAIN. Recursive, like toJS; the caller has
 * checked the nesting depth, and a stack overflow also means NOT_PLAIN (toJS then reports it).
 */
export function plainValue(contents: unknown): unknown {
  try {
    return valueOf(contents);
  } catch (error) {
    if (error === NOT_PLAIN || error instanceof RangeError) return NOT_PLAIN;
    throw error;
  }
}

function valueOf(node: unknown): unknown {
  if (node === null || node === undefined) return node;
  const type = node.constructor;
  if (type === Scalar) return scalarValue(node as Scalar);
  if (type === YAMLMap) {
    const map: Record<string, unknown> = {};
    for (const pair of (node as YAMLMap).items) {
      const key = pair.key;
      let name: string;
      if (key === null || key === undefined) name = "";
      else if (key.constructor === Scalar && !("addToJSMap" in key)) {
        const k = scalarValue(key);
        // `<<` in any spelling: a merge key when merge keys are on (toJS merges it).
        if (k === "<<") throw NOT_PLAIN;
        name = k === null ? "" : String(k);
      } else throw NOT_PLAIN; // an alias or a collection as the key
      const value = valueOf(pair.value);
      // As toJS does: an inherited name (`constructor`, `__proto__`) becomes an own property.
      if (name in map) Object.defineProperty(map, name, { value, writable: true, enumerable: true, configurable: true });
      else map[name] = value;
    }
    return map;
  }
  if (type === YAMLSeq) {
    const items = (node as YAMLSeq).items;
    const seq: unknown[] = [];
    for (let i = 0; i < items.length; i++) seq.push(valueOf(items[i]));
    return seq;
  }
  throw NOT_PLAIN; // an alias, a pair in a flow sequence, a tagged class (!!set, !!omap)
}

function scalarValue(node: Scalar): unknown {
  const v: unknown = node.value;
  // Core schema scalars are null, booleans, numbers and strings; anything else goes through toJS.
  if (v !== null && typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") throw NOT_PLAIN;
  return v;
}
