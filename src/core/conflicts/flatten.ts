/**
 * Fold every file's data into one tree of keys: for each key path, the first value seen and
 * whether a later file disagreed. Maps are recursed (deep merge); lists and scalars are compared
 * as whole values, except lists under a `unique`/`append` strategy, which merge and so never
 * conflict with each other; a map under `replace` is compared as a whole.
 *
 * One pass, O(total keys), with no per-key string building: pointers are made only for the
 * (few) keys in conflict. Which files hold a conflicting key is looked up afterwards.
 */
import { escapeToken } from "../pointer.js";
import type { MergeStrategy } from "./types.js";
import { canon, isMap } from "./values.js";

/** Stand-ins for "a map is here" and "a mergeable list is here". */
export const MAP_MARK: unique symbol = Symbol("map");
export const LIST_MARK: unique symbol = Symbol("list");

/** Deeper than this, a file is left out (a guard against hostile nesting, not a real limit). */
export const MAX_DEPTH = 256;

export class NestingError extends Error {}

export interface KeyNode {
  children: Map<string, KeyNode> | undefined;
  first: unknown;
  conflict: boolean;
  /** Indexes (in fold order) of the files that define this key. */
  files: number[];
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || typeof a !== "object" || a === null || b === null) {
    return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
  }
  return canon(a) === canon(b);
}

export function newRoot(): KeyNode {
  return { children: undefined, first: MAP_MARK, conflict: false, files: [] };
}

/**
 * Add one file's map to the tree. `merge` maps pointers to declared strategies ("" = root);
 * strategies apply to their pointer and everything below. Throws NestingError past MAX_DEPTH.
 */
export function foldInto(root: KeyNode, value: Record<string, unknown>, merge: ReadonlyMap<string, MergeStrategy>, file: number): void {
  const rootStrategy = merge.get("") ?? "deep";
  if (merge.size === 0 || (merge.size === 1 && merge.has(""))) foldFast(root, value, rootStrategy, 0, file);
  else foldWithPaths(root, value, rootStrategy, "", merge, 0, file);
}

function visit(parent: KeyNode, key: string, v: unknown, strategy: MergeStrategy, file: number): KeyNode | undefined {
  const mark =
    isMap(v) && strategy !== "replace" ? MAP_MARK : Array.isArray(v) && (strategy === "unique" || strategy === "append") ? LIST_MARK : v;
  let children = parent.children;
  if (!children) parent.children = children = new Map();
  let node = children.get(key);
  if (!node) {
    node = { children: undefined, first: mark, conflict: false, files: [file] };
    children.set(key, node);
  } else {
    if (!node.conflict && !same(node.first, mark)) node.conflict = true;
    node.files.push(file);
  }
  return mark === MAP_MARK ? node : undefined;
}

/** The common case: no per-path strategies, so no pointers are needed at all. */
function foldFast(node: KeyNode, value: Record<string, unknown>, strategy: MergeStrategy, depth: number, file: number): void {
  if (depth > MAX_DEPTH) throw new NestingError(`nested deeper than ${MAX_DEPTH} levels`);
  for (const key of Object.keys(value)) {
    const v = value[key];
    const child = visit(node, key, v, strategy, file);
    if (child) foldFast(child, v as Record<string, unknown>, strategy, depth + 1, file);
  }
}

function foldWithPaths(
  node: KeyNode,
  value: Record<string, unknown>,
  strategy: MergeStrategy,
  pointer: string,
  merge: ReadonlyMap<string, MergeStrategy>,
  depth: number,
  file: number,
): void {
  if (depth > MAX_DEPTH) throw new NestingError(`nested deeper than ${MAX_DEPTH} levels`);
  for (const key of Object.keys(value)) {
    const v = value[key];
    const childPointer = pointer + "/" + escapeToken(key);
    const s = merge.get(childPointer) ?? strategy;
    const child = visit(node, key, v, s, file);
    if (child) foldWithPaths(child, v as Record<string, unknown>, s, childPointer, merge, depth + 1, file);
  }
}

/** Every key path (as tokens) whose files disagree, with the files that define it, depth first. */
export function conflictPaths(root: KeyNode): { tokens: string[]; files: number[] }[] {
  const out: { tokens: string[]; files: number[] }[] = [];
  const walk = (node: KeyNode, tokens: string[]) => {
    if (!node.children) return;
    for (const [key, child] of node.children) {
      tokens.push(key);
      if (child.conflict) out.push({ tokens: [...tokens], files: child.files });
      walk(child, tokens);
      tokens.pop();
    }
  };
  walk(root, []);
  return out;
}

/**
 * Depth check and member-name count in one iterative walk (safe on hostile nesting): whether
 * `value` nests deeper than `limit`, and how many object keys it holds (lists included).
 */
export function measure(value: unknown, limit: number): { tooDeep: boolean; keys: number } {
  let keys = 0;
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const v = values.pop();
    const depth = depths.pop()!;
    if (depth > limit) return { tooDeep: true, keys };
    if (Array.isArray(v)) {
      for (const x of v) {
        if (x !== null && typeof x === "object") {
          values.push(x);
          depths.push(depth + 1);
        }
      }
    } else if (isMap(v)) {
      const ks = Object.keys(v);
      keys += ks.length;
      for (const k of ks) {
        const x = v[k];
        if (x !== null && typeof x === "object") {
          values.push(x);
          depths.push(depth + 1);
        }
      }
    }
  }
  return { tooDeep: false, keys };
}
