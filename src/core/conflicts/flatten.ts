/**
 * Flatten every file's data into one index: pointer -> the files that define it and their value.
 * Maps are recursed (deep merge); lists and scalars are compared as whole values, except lists
 * under a `unique`/`append` strategy, which merge and so never conflict with each other; a map
 * under `replace` is compared as a whole. One pass, O(total keys).
 */
import { escapeToken } from "../pointer.js";
import type { MergeStrategy } from "./types.js";
import { canon, isMap } from "./values.js";

/** Stand-ins for "a map is here" and "a mergeable list is here" in the index. */
export const MAP_MARK: unique symbol = Symbol("map");
export const LIST_MARK: unique symbol = Symbol("list");

export interface Slot {
  pointer: string;
  /** Index of the file in the precedence-ordered list, and what it holds here. */
  files: number[];
  values: unknown[];
  /** Set when two values differ. */
  conflict: boolean;
}

export type FlatIndex = Map<string, Slot>;

function esc(key: string): string {
  return key.includes("~") || key.includes("/") ? escapeToken(key) : key;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || typeof a !== "object" || a === null || b === null) {
    return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
  }
  return canon(a) === canon(b);
}

/** Add one file's data to the index. `merge` maps pointers to declared strategies ("" = root). */
export function flattenInto(index: FlatIndex, file: number, root: unknown, merge: ReadonlyMap<string, MergeStrategy>): void {
  const add = (pointer: string, value: unknown) => {
    let slot = index.get(pointer);
    if (!slot) {
      index.set(pointer, { pointer, files: [file], values: [value], conflict: false });
      return;
    }
    if (!slot.conflict && !same(slot.values[0], value)) slot.conflict = true;
    slot.files.push(file);
    slot.values.push(value);
  };
  // Iterative, so a deeply nested file cannot overflow the stack.
  const pointers: string[] = [""];
  const values: unknown[] = [root];
  const strategies: MergeStrategy[] = [merge.get("") ?? "deep"];
  while (pointers.length > 0) {
    const pointer = pointers.pop()!;
    const value = values.pop();
    const strategy = strategies.pop()!;
    if (isMap(value) && strategy !== "replace") {
      if (pointer !== "") add(pointer, MAP_MARK);
      for (const key of Object.keys(value)) {
        const child = pointer + "/" + esc(key);
        pointers.push(child);
        values.push(value[key]);
        strategies.push(merge.get(child) ?? strategy);
      }
    } else if (Array.isArray(value) && (strategy === "unique" || strategy === "append")) {
      add(pointer, LIST_MARK);
    } else {
      add(pointer, value);
    }
  }
}
