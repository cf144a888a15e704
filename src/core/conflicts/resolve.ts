/**
 * The effective configuration: files merged in precedence order (the last wins), maps merged
 * deeply unless `replace` is declared, lists replaced unless `unique`/`append` is declared (in the
 * manner of Hiera's lookup strategies), and owned prefixes taken from their owner whatever the
 * precedence. Also: which values `--write` puts into which file.
 */
import { parsePointer, pointerToDotted, toPointer } from "../pointer.js";
import { mergeMap } from "./detect.js";
import { MAX_DEPTH, measure } from "./flatten.js";
import { holdsSecret } from "./credentials.js";
import { MASK, type SecretTest } from "./secrets.js";
import type { Change, Conflict, ConfigFile, ConflictRules, MergeStrategy, TextEdit } from "./types.js";
import { canon, clone, deepEqual, display, getAtPath, isMap, setAtPath, setOwn } from "./values.js";

function mergeTwo(
  base: unknown,
  over: unknown,
  tokens: string[],
  strategy: MergeStrategy,
  merge: ReadonlyMap<string, MergeStrategy>,
): unknown {
  if (isMap(base) && isMap(over) && strategy !== "replace") {
    for (const key of Object.keys(over)) {
      tokens.push(key);
      const childStrategy = merge.get(toPointer(tokens)) ?? strategy;
      const has = Object.prototype.hasOwnProperty.call(base, key);
      setOwn(base, key, has ? mergeTwo(base[key], over[key], tokens, childStrategy, merge) : clone(over[key]));
      tokens.pop();
    }
    return base;
  }
  if (Array.isArray(base) && Array.isArray(over)) {
    if (strategy === "append") return [...base, ...clone(over)];
    if (strategy === "unique") {
      const seen = new Set(base.map(canon));
      const out = [...base];
      for (const item of over) {
        const c = canon(item);
        if (!seen.has(c)) {
          seen.add(c);
          out.push(clone(item));
        }
      }
      return out;
    }
  }
  return clone(over);
}

/** Merge `files` (precedence order, last wins) into one value. */
export function resolveConfig(files: readonly ConfigFile[], rules: ConflictRules): Record<string, unknown> {
  const merge = mergeMap(rules.merge);
  let result: Record<string, unknown> = {};
  for (const f of files) {
    // Same files as the analysis: a top level that is not a map, or hostile nesting, is left out.
    if (!isMap(f.value) || measure(f.value, MAX_DEPTH).tooDeep) continue;
    result = mergeTwo(result, f.value, [], merge.get("") ?? "deep", merge) as Record<string, unknown>;
  }
  // Owned prefixes come from their owner; shorter prefixes first so nested owners win.
  const owners = Object.entries(rules.owners ?? {}).sort((a, b) => a[0].length - b[0].length);
  for (const [prefix, owner] of owners) {
    const file = files.find((f) => f.path === owner);
    const v = file ? getAtPath(file.value, parsePointer(prefix)) : undefined;
    if (v !== undefined) result = setAtPath(result, parsePointer(prefix), clone(v)) as Record<string, unknown>;
  }
  return result;
}

/** A copy of `value` with every secret-looking key's value replaced by "***". */
export function maskValue(value: unknown, isSecret: SecretTest, tokens: string[] = []): unknown {
  if (tokens.length > 0 && isSecret(tokens.slice(-1))) return MASK;
  if (isMap(value)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) {
      tokens.push(k);
      setOwn(out, k, maskValue(value[k], isSecret, tokens));
      tokens.pop();
    }
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => maskValue(v, isSecret, tokens));
  return value;
}

/** A conflict `--write` would resolve by moving a secret, so it is left alone. */
export interface RefusedWrite {
  /** The file that would have received the value. */
  file: string;
  pointer: string;
  key: string;
  /** The file the value would have come from (the winner). */
  from: string;
  /** Why: the key looks secret, or the value looks like a credential. */
  reason: "secret-key" | "credential-value";
}

/**
 * The edits that make every conflicting key equal to its resolved (winning) value in every
 * file that disagrees, and the change list to show. A secret never moves: when the key looks
 * secret (`conflict.secret`, or a secret-looking key inside the value) or either value looks
 * like a credential, nothing is written for that key and it is listed in `refused` instead.
 */
export function planConflictWrites(
  files: readonly ConfigFile[],
  conflicts: readonly Conflict[],
  resolved: unknown,
  isSecret: SecretTest = () => false,
): { edits: Map<string, TextEdit[]>; changes: Change[]; refused: RefusedWrite[] } {
  const edits = new Map<string, TextEdit[]>();
  const changes: Change[] = [];
  const refused: RefusedWrite[] = [];
  const byPath = new Map(files.map((f) => [f.path, f]));
  for (const c of conflicts) {
    const tokens = parsePointer(c.pointer);
    const winning = getAtPath(resolved, tokens);
    if (winning === undefined) continue;
    const winner = [...c.entries].reverse().find((e) => deepEqual(e.value, winning))?.file ?? c.entries[c.entries.length - 1]!.file;
    const keySecret = c.secret || holdsSecretKey(winning, isSecret);
    for (const e of c.entries) {
      const file = byPath.get(e.file);
      const current = file ? getAtPath(file.value, tokens) : e.value;
      if (deepEqual(current, winning)) continue;
      if (keySecret || holdsSecret(winning, isSecret) || holdsSecret(current, isSecret)) {
        refused.push({ file: e.file, pointer: c.pointer, key: c.key, from: winner, reason: keySecret ? "secret-key" : "credential-value" });
        continue;
      }
      if (!edits.has(e.file)) edits.set(e.file, []);
      edits.get(e.file)!.push({ pointer: c.pointer, value: clone(winning) });
      changes.push({
        file: e.file,
        pointer: c.pointer,
        key: pointerToDotted(c.pointer),
        from: display(current),
        to: display(winning),
        secret: false,
      });
    }
  }
  return { edits, changes, refused };
}

/** True when a map or list value carries a secret-looking key somewhere inside. */
function holdsSecretKey(value: unknown, isSecret: SecretTest): boolean {
  return (isMap(value) || Array.isArray(value)) && canon(maskValue(value, isSecret)) !== canon(value);
}
