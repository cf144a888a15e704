/**
 * Fold every file's data into one tree of keys: for each key path, the first value seen and
 * whether a later file disagreed. Maps are recursed (deep merge); lists and scalars are compared
 * as whole values, except lists under a `unique`/`append` strategy, which merge and so never
 * conflict with each other; a map under `replace` is compared as a whole.
 *
 * One pass, O(total keys), with no per-key string building: pointers are made only for the
 * (few) keys in conflict. The same pass checks the nesting depth and sums up what the fast JSON
 * path compares with the file's text (FoldSummary).
 */
import { escapeToken } from "../pointer.js";
import type { MergeStrategy } from "./types.js";
import { canon, isMap } from "./values.js";

/** Stand-ins for "a map is here" and "a mergeable list is here". */
const MAP_MARK: unique symbol = Symbol("map");
const LIST_MARK: unique symbol = Symbol("list");

/** Deeper than this, a file is left out (a guard against hostile nesting, not a real limit). */
export const MAX_DEPTH = 256;

export class NestingError extends Error {}

interface KeyNode {
  /** Child nodes in first-seen order (the order conflicts are reported in). */
  children: Map<string, KeyNode> | undefined;
  /**
   * The member names of the last map folded here and their nodes, position by position: config
   * files mostly share their layout, so the next file's map finds its children by comparing
   * names (interned strings) instead of hashing every one.
   */
  shapeKeys: string[] | undefined;
  shapeNodes: KeyNode[] | undefined;
  first: unknown;
  conflict: boolean;
  /** The files (indexes in fold order) that define this key: `lo`, lo+1 .. lo+n-1 while they run on, else `files`. */
  lo: number;
  n: number;
  files: number[] | undefined;
}

function node(first: unknown, file: number): KeyNode {
  return { children: undefined, shapeKeys: undefined, shapeNodes: undefined, first, conflict: false, lo: file, n: 1, files: undefined };
}

/** Indexes (in fold order) of the files that define `n`'s key. */
function definers(n: KeyNode): number[] {
  if (n.files) return n.files;
  const out = new Array<number>(n.n);
  for (let i = 0; i < n.n; i++) out[i] = n.lo + i;
  return out;
}

function addFile(n: KeyNode, file: number): void {
  if (n.files) n.files.push(file);
  else if (file === n.lo + n.n) n.n++;
  else {
    n.files = definers(n);
    n.files.push(file);
  }
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || typeof a !== "object" || a === null || b === null) {
    return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
  }
  return canon(a) === canon(b);
}

export function newRoot(): KeyNode {
  return node(MAP_MARK, -1);
}

/**
 * What the fold saw of one file, for the fast JSON path to compare with the file's text: the
 * member names (lists included) and whether a number is not finite (JSON.parse turns an
 * out-of-range 1e400 into Infinity where the strict parser reports it).
 */
export interface FoldSummary {
  keys: number;
  nonFinite: boolean;
  /** Set once the whole file is folded: it nests within a few levels of MAX_DEPTH, far under the strict parser's limit. */
  shallow?: boolean;
}

/**
 * Add one file's map to the tree and return what it saw (FoldSummary).
 * `merge` maps pointers to declared strategies ("" = root); strategies apply to their pointer
 * and everything below. Throws NestingError past MAX_DEPTH, possibly after adding part of the
 * file: the caller then folds the accepted files again into a new root.
 */
export function foldInto(
  root: KeyNode,
  value: Record<string, unknown>,
  merge: ReadonlyMap<string, MergeStrategy>,
  file: number,
): FoldSummary {
  const rootStrategy = merge.get("") ?? "deep";
  const seen: FoldSummary = { keys: 0, nonFinite: false };
  if (merge.size === 0 || (merge.size === 1 && merge.has(""))) foldFast(root, value, rootStrategy, 0, file, seen);
  else foldWithPaths(root, value, rootStrategy, "", merge, 0, file, seen);
  seen.shallow = true;
  return seen;
}

/** Note a value that is not recursed (a scalar, a list, a replaced map), checking its depth. */
function seeLeaf(v: unknown, depth: number, seen: FoldSummary): void {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) seen.nonFinite = true;
  } else if (v !== null && typeof v === "object") {
    const shape = measure(v, MAX_DEPTH - depth);
    if (shape.tooDeep) throw new NestingError(`nested deeper than ${MAX_DEPTH} levels`);
    seen.keys += shape.keys;
    if (shape.nonFinite) seen.nonFinite = true;
  }
}

/** Record value `v` of `key` under `parent` (`child`: its node when known, else looked up by name); returns the node. */
function visit(parent: KeyNode, key: string, child: KeyNode | undefined, v: unknown, strategy: MergeStrategy, file: number): KeyNode {
  const mark =
    isMap(v) && strategy !== "replace" ? MAP_MARK : Array.isArray(v) && (strategy === "unique" || strategy === "append") ? LIST_MARK : v;
  if (child === undefined) {
    child = parent.children!.get(key);
    if (child === undefined) {
      child = node(mark, file);
      parent.children!.set(key, child);
      return child;
    }
  }
  if (!child.conflict && child.first !== mark && !same(child.first, mark)) child.conflict = true;
  addFile(child, file);
  return child;
}

/** The common case: no per-path strategies, so no pointers are needed at all. */
function foldFast(
  at: KeyNode,
  value: Record<string, unknown>,
  strategy: MergeStrategy,
  depth: number,
  file: number,
  seen: FoldSummary,
): void {
  if (depth > MAX_DEPTH) throw new NestingError(`nested deeper than ${MAX_DEPTH} levels`);
  // Object.keys and Object.values list own enumerable string keys in the same order.
  const keys = Object.keys(value);
  const values = Object.values(value);
  const len = keys.length;
  seen.keys += len;
  at.children ??= new Map();
  const shapeKeys = at.shapeKeys;
  let i = 0;
  if (shapeKeys !== undefined && shapeKeys.length === len) {
    const known = at.shapeNodes!;
    for (; i < len && shapeKeys[i] === keys[i]; i++) foldMember(at, keys[i]!, known[i], values[i], strategy, depth, file, seen);
    if (i === len) return;
  }
  // Another layout from member i on: look the rest up by name, and remember this layout.
  const nodes = new Array<KeyNode>(len);
  for (let j = 0; j < i; j++) nodes[j] = at.shapeNodes![j]!;
  for (; i < len; i++) nodes[i] = foldMember(at, keys[i]!, undefined, values[i], strategy, depth, file, seen);
  at.shapeKeys = keys;
  at.shapeNodes = nodes;
}

/** One member of a map folded by foldFast (`known`: its node, when the layout told). */
function foldMember(
  at: KeyNode,
  key: string,
  known: KeyNode | undefined,
  v: unknown,
  strategy: MergeStrategy,
  depth: number,
  file: number,
  seen: FoldSummary,
): KeyNode {
  const child = visit(at, key, known, v, strategy, file);
  if (strategy !== "replace" && isMap(v)) foldFast(child, v, strategy, depth + 1, file, seen);
  else seeLeaf(v, depth + 1, seen);
  return child;
}

function foldWithPaths(
  at: KeyNode,
  value: Record<string, unknown>,
  strategy: MergeStrategy,
  pointer: string,
  merge: ReadonlyMap<string, MergeStrategy>,
  depth: number,
  file: number,
  seen: FoldSummary,
): void {
  if (depth > MAX_DEPTH) throw new NestingError(`nested deeper than ${MAX_DEPTH} levels`);
  at.children ??= new Map();
  const keys = Object.keys(value);
  seen.keys += keys.length;
  for (const key of keys) {
    const v = value[key];
    const childPointer = pointer + "/" + escapeToken(key);
    const s = merge.get(childPointer) ?? strategy;
    const child = visit(at, key, undefined, v, s, file);
    if (isMap(v) && s !== "replace") foldWithPaths(child, v, s, childPointer, merge, depth + 1, file, seen);
    else seeLeaf(v, depth + 1, seen);
  }
}

/** Every key path (as tokens) whose files disagree, with the files that define it, depth first. */
export function conflictPaths(root: KeyNode): { tokens: string[]; files: number[] }[] {
  const out: { tokens: string[]; files: number[] }[] = [];
  const walk = (node: KeyNode, tokens: string[]) => {
    if (!node.children) return;
    for (const [key, child] of node.children) {
      tokens.push(key);
      if (child.conflict) out.push({ tokens: [...tokens], files: definers(child) });
      walk(child, tokens);
      tokens.pop();
    }
  };
  walk(root, []);
  return out;
}

/**
 * Depth check and member-name count in one iterative walk (safe on hostile nesting): whether
 * `value` nests deeper than `limit`, how many object keys it holds (lists included), and whether
 * a number in it is not finite.
 */
export function measure(value: unknown, limit: number): { tooDeep: boolean; keys: number; nonFinite: boolean } {
  let keys = 0;
  let nonFinite = false;
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const v = values.pop();
    const depth = depths.pop()!;
    if (depth > limit) return { tooDeep: true, keys, nonFinite };
    if (Array.isArray(v)) {
      for (const x of v) {
        if (x !== null && typeof x === "object") {
          values.push(x);
          depths.push(depth + 1);
        } else if (typeof x === "number" && !Number.isFinite(x)) nonFinite = true;
      }
    } else if (isMap(v)) {
      // Values by position, not looked up by name: a lookup per key was most of this walk.
      const xs = Object.values(v);
      keys += xs.length;
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        if (x !== null && typeof x === "object") {
          values.push(x);
          depths.push(depth + 1);
        } else if (typeof x === "number" && !Number.isFinite(x)) nonFinite = true;
      }
    }
  }
  return { tooDeep: false, keys, nonFinite };
}
