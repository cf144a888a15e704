/**
 * Whether a repeated key's two values are the same data: then no value is lost whichever one a
 * reader keeps (PyYAML, Psych and js-yaml keep the last, SnakeYAML too), and the fix is to delete
 * one of the two lines. Readers that refuse any repeated key (go-yaml v3: "mapping key already
 * defined", the yaml package) still stop at it, so the finding keeps its level; only its words
 * change. Compared as the readers see them: aliases resolved, tags applied (`!!str 1` is not
 * `1`). Values written over more than MAX_COMPARED characters are not compared (never "same").
 */
import { isDeepStrictEqual } from "node:util";
import { isNode, type Document } from "yaml";

/** Source length of a value compared at most (a duplicate whole manifest is not worth the work). */
const MAX_COMPARED = 64 * 1024;

/** True when the values `a` and `b` of two pairs of `doc` read as the same data. */
export function sameYamlValue(a: unknown, b: unknown, doc: Document.Parsed): boolean {
  try {
    const x = dataOf(a, doc);
    const y = dataOf(b, doc);
    return x !== TOO_BIG && y !== TOO_BIG && isDeepStrictEqual(x, y);
  } catch {
    return false; // an alias loop or a bad merge: the parse reports it elsewhere
  }
}

const TOO_BIG = Symbol("too big");

function dataOf(value: unknown, doc: Document.Parsed): unknown {
  if (value === null || value === undefined) return null; // `key:` with nothing after it
  if (!isNode(value)) return value;
  const range = value.range;
  if (range && range[2] - range[0] > MAX_COMPARED) return TOO_BIG;
  return value.toJS(doc, { maxAliasCount: 100 });
}
