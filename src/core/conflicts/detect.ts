/**
 * Conflict and single-source analysis over a precedence-ordered set of config files.
 * Pure: data in, findings out. Values of secret-looking keys never reach a finding.
 */
import type { Finding, RelatedLocation } from "../finding.js";
import { parsePointer, pointerToDotted, toPointer } from "../pointer.js";
import { conflictPaths, foldInto, NestingError, newRoot, type FoldSummary } from "./flatten.js";
import { holdsSecret } from "./credentials.js";
import { maskedDisplay, secretTest, type SecretTest } from "./secrets.js";
import type { Conflict, ConfigFile, ConflictRules, MergeStrategy } from "./types.js";
import { display, getAtPath, isMap } from "./values.js";
import { appendAll } from "../append.js";

interface ConflictAnalysis {
  findings: Finding[];
  conflicts: Conflict[];
  /** The secret test in force (config.secret_keys included), for callers that print values. */
  isSecret: SecretTest;
}

/** True when `pointer` equals one of `prefixes` or lies below one. */
export function underAny(pointer: string, prefixes: ReadonlySet<string>): boolean {
  if (prefixes.size === 0) return false;
  // "" is the whole document's pointer: everything is below it.
  if (prefixes.has(pointer) || prefixes.has("")) return true;
  for (let i = pointer.lastIndexOf("/"); i > 0; i = pointer.lastIndexOf("/", i - 1)) {
    if (prefixes.has(pointer.slice(0, i))) return true;
  }
  return false;
}

function isEmpty(o: object): boolean {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) return false;
  return true;
}

/** The owner of `pointer`: the file named for its longest owned prefix, if any. */
export function ownerOf(pointer: string, owners: Readonly<Record<string, string>>): string | undefined {
  if (isEmpty(owners)) return undefined; // the common case: no config.owners, nothing to look up
  if (Object.prototype.hasOwnProperty.call(owners, pointer)) return owners[pointer];
  for (let i = pointer.lastIndexOf("/"); i > 0; i = pointer.lastIndexOf("/", i - 1)) {
    const prefix = pointer.slice(0, i);
    if (Object.prototype.hasOwnProperty.call(owners, prefix)) return owners[prefix];
  }
  return undefined;
}

/** Compile config.secret_keys; a bad pattern is reported and left out rather than crashing. */
export function compileSecretTest(
  patterns: readonly string[] = [],
  configFile = ".integrity-guard/config.yml",
): { test: SecretTest; findings: Finding[] } {
  const good: string[] = [];
  const findings: Finding[] = [];
  for (const p of patterns) {
    try {
      new RegExp(p, "i");
      good.push(p);
    } catch (error) {
      findings.push({
        rule: "config/invalid",
        level: "error",
        file: configFile,
        message: `config.secret_keys: ${JSON.stringify(p)} is not a valid regular expression (${(error as Error).message})`,
        fix: "correct the pattern; values of keys it was meant to match are masked only once it compiles",
      });
    }
  }
  return { test: secretTest(good), findings };
}

export function mergeMap(merge: ConflictRules["merge"]): Map<string, MergeStrategy> {
  return new Map(Object.entries(merge ?? {}));
}

/**
 * Find every key set to different values (`config/conflict`) and every definition of an owned key
 * outside its owner (`config/single-source`). `files` must be in precedence order (last wins).
 */
export function detectConflicts(files: readonly ConfigFile[], rules: ConflictRules, configFile?: string): ConflictAnalysis {
  const { test: isSecret, findings } = compileSecretTest(rules.secret_keys, configFile);
  const merge = mergeMap(rules.merge);
  let root = newRoot();
  let rejected = false;
  const included: ConfigFile[] = [];
  const summaries = new Map<ConfigFile, FoldSummary>();
  for (const f of files) {
    if (isMap(f.value)) {
      try {
        summaries.set(f, foldInto(root, f.value, merge, included.length));
        included.push(f);
      } catch (error) {
        if (!(error instanceof NestingError) && !(error instanceof RangeError)) throw error;
        rejected = true;
        findings.push({
          rule: "config/skipped",
          level: "error",
          file: f.path,
          message: `${f.path} is ${error instanceof NestingError ? error.message : "nested too deeply"}; it was left out of the conflict analysis`,
          fix: "flatten the file's structure; configuration this deep is almost certainly generated or corrupted",
        });
      }
    } else if (f.value !== null && f.value !== undefined) {
      findings.push(notAMapFinding(f));
    }
  }
  if (rejected) {
    // A rejected file may have added part of itself before its nesting showed: fold the
    // accepted files again, once (rare; checking every file's depth first cost more).
    root = newRoot();
    for (let i = 0; i < included.length; i++) foldInto(root, included[i]!.value as Record<string, unknown>, merge, i);
  }
  const differ = new Set(rules.differ ?? []);
  const owners = rules.owners ?? {};
  const conflicts: Conflict[] = [];
  const wantedBy = new Map<ConfigFile, string[]>(included.map((f) => [f, Object.keys(owners)]));
  for (const { tokens, files: definers } of conflictPaths(root)) {
    const pointer = toPointer(tokens);
    if (underAny(pointer, differ) || ownerOf(pointer, owners) !== undefined) continue;
    const conflict: Conflict = { pointer, key: pointerToDotted(pointer), secret: isSecret(tokens), entries: [] };
    for (const fi of definers) {
      const file = included[fi];
      if (!file) continue;
      conflict.entries.push({ file: file.path, value: getAtPath(file.value, tokens) });
      wantedBy.get(file)!.push(pointer);
    }
    conflicts.push(conflict);
  }
  // Positions in one batch per file (the fast JSON path scans each file once).
  for (const [file, pointers] of wantedBy) file.doc?.prepare?.(pointers, summaries.get(file));
  const byPath = new Map(included.map((f) => [f.path, f]));
  for (const c of conflicts) {
    for (const e of c.entries) {
      const position = byPath.get(e.file)?.doc?.locate(c.pointer);
      if (position) e.position = position;
    }
    findings.push(conflictFinding(c, isSecret));
  }
  appendAll(findings, singleSourceFindings(included, owners));
  return { findings, conflicts, isSecret };
}

function conflictFinding(c: Conflict, isSecret: SecretTest): Finding {
  const last = c.entries.length - 1;
  const winner = c.entries[last]!;
  // Each value shown once: a report of thousands of conflicts would otherwise stringify every
  // value four times. And each value searched for a credential once (shownValue and the fix
  // below ask the same question of it).
  const held = c.secret ? undefined : c.entries.map((e) => holdsSecret(e.value, isSecret));
  const shown = c.entries.map((e, i) => (c.secret || (!isMap(e.value) && held![i]) ? maskedDisplay(e.value) : display(e.value)));
  const listed = c.entries
    .slice(0, 4)
    .map((e, i) => `${shown[i]!} in ${e.file}`)
    .join(", ");
  const more = c.entries.length > 4 ? ` and ${c.entries.length - 4} more` : "";
  const related: RelatedLocation[] = c.entries.map((e, i) => ({
    file: e.file,
    ...(e.position ? { line: e.position.line, column: e.position.column } : {}),
    message: `${c.key} = ${shown[i]!}${i === last ? " (wins by precedence)" : ""}`,
  }));
  const losers = [...new Set(shown.slice(0, last))];
  const secretInvolved = c.secret || held!.includes(true);
  return {
    rule: "config/conflict",
    level: "error",
    file: winner.file,
    ...(winner.position ?? {}),
    pointer: c.pointer,
    key: c.key,
    message: `${c.key} is set to different values in ${c.entries.length} files: ${listed}${more}; ${winner.file} wins by precedence`,
    expected: shown[last]!,
    found: losers.join(" | "),
    related,
    fix: secretInvolved
      ? `make the values equal by hand, or list ${c.pointer} in config.differ if they are meant to differ (a secret is never copied from one file into another automatically); for a default + overlays layout, declare config.layers`
      : `make the values equal, list ${c.pointer} in config.differ if they are meant to differ, or run \`integrity-guard conflicts --resolve --write\` to write the winning value into the other files`,
  };
}

/** Leaf pointers of `value` below `base` (maps recursed, everything else a leaf). */
function leafPointers(value: unknown, base: string): string[] {
  const out: string[] = [];
  const stack: [string, unknown][] = [[base, value]];
  while (stack.length > 0) {
    const [p, v] = stack.pop()!;
    if (isMap(v) && Object.keys(v).length > 0) {
      for (const k of Object.keys(v)) stack.push([p + "/" + k.replace(/~/g, "~0").replace(/\//g, "~1"), v[k]]);
    } else out.push(p);
  }
  return out;
}

export function singleSourceFindings(files: readonly ConfigFile[], owners: Readonly<Record<string, string>>): Finding[] {
  const findings: Finding[] = [];
  const byPath = new Map(files.map((f) => [f.path, f]));
  for (const [prefix, owner] of Object.entries(owners)) {
    const tokens = parsePointer(prefix);
    const ownerFile = byPath.get(owner);
    const ownerPos =
      ownerFile && getAtPath(ownerFile.value, tokens) !== undefined
        ? (ownerFile.doc?.locateKey(prefix) ?? ownerFile.doc?.locate(prefix))
        : undefined;
    for (const f of files) {
      if (f.path === owner) continue;
      const v = getAtPath(f.value, tokens);
      if (v === undefined) continue;
      // A longer prefix owned by this very file takes precedence (nested owners).
      const foreign = leafPointers(v, prefix).filter((p) => ownerOf(p, owners) !== f.path);
      if (foreign.length === 0) continue;
      const pos = f.doc?.locateKey(prefix) ?? f.doc?.locate(prefix);
      const key = pointerToDotted(prefix);
      findings.push({
        rule: "config/single-source",
        level: "error",
        file: f.path,
        ...(pos ? { line: pos.line, column: pos.column } : {}),
        pointer: prefix,
        key,
        message: `${key} belongs to ${owner} (config.owners), but ${f.path} defines it too${foreign.length > 1 || foreign[0] !== prefix ? ` (${foreign.length} key${foreign.length === 1 ? "" : "s"} below it)` : ""}; a key has one source of truth, even when the values are equal`,
        related: [
          {
            file: owner,
            ...(ownerPos ? { line: ownerPos.line, column: ownerPos.column } : {}),
            message: ownerPos ? `owner of ${key}` : `owner of ${key} (does not define it)`,
          },
        ],
        fix: `remove ${key} from ${f.path} and keep it in ${owner} only, or change config.owners`,
      });
    }
  }
  return findings;
}

/** A config file whose top level is not a map: left out of the conflict analysis (precedence and layers alike). */
export function notAMapFinding(f: ConfigFile): Finding {
  return {
    rule: "config/not-a-map",
    level: "error",
    file: f.path,
    ...(f.doc?.locate("") ?? { line: 1, column: 1 }),
    message: `${f.path} holds ${Array.isArray(f.value) ? "a list" : "a single value"} at its top level; config files must hold a map of keys, so it was left out of the conflict analysis`,
    fix: "make the top level of the file a map (key: value), or remove the file from config.files",
  };
}
