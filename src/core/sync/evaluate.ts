/**
 * Sync rules (the seed's "real-time synchronization"): under `source.path` and `target.path` sit
 * maps keyed by id; for every id on both sides each mapped field must be equal (target field <-
 * source field). Pure: two parsed files in, findings and the fix (a list of edits) out.
 */
import type { SyncRule } from "../../config/types.js";
import { holdsSecret, shownValue } from "../conflicts/credentials.js";
import type { RefusedWrite } from "../conflicts/resolve.js";
import type { SecretTest } from "../conflicts/secrets.js";
import type { Change, TextEdit } from "../conflicts/types.js";
import { clone, deepEqual, display, getAtPath, isMap } from "../conflicts/values.js";
import type { Finding, Level } from "../finding.js";
import type { Position } from "../parse/index.js";
import { escapeToken, parsePointer, pointerToDotted } from "../pointer.js";

export interface SyncSide {
  path: string;
  value: unknown;
  doc?: { locate(pointer: string): Position | undefined; locateKey(pointer: string): Position | undefined };
}

export interface SyncResult {
  findings: Finding[];
  /** Edits to the target file that remove every drift. */
  edits: TextEdit[];
  changes: Change[];
  /** Drifts not fixed because a secret would be copied into the target (present when any). */
  refused?: RefusedWrite[];
}

/** How a rule is named in messages. */
export function ruleLabel(rule: SyncRule): string {
  return rule.name ?? `${rule.source.file}#${rule.source.path} -> ${rule.target.file}#${rule.target.path}`;
}

function fieldTokens(field: string): string[] {
  return field.startsWith("/") ? parsePointer(field) : [field];
}

function at(side: SyncSide, pointer: string, key = false): { line?: number; column?: number } {
  const p = key ? (side.doc?.locateKey(pointer) ?? side.doc?.locate(pointer)) : side.doc?.locate(pointer);
  return p ? { line: p.line, column: p.column } : {};
}

function join(base: string, tokens: readonly string[]): string {
  return base + tokens.map((t) => "/" + escapeToken(t)).join("");
}

export function evaluateSyncRule(rule: SyncRule, source: SyncSide, target: SyncSide, isSecret: SecretTest): SyncResult {
  const label = ruleLabel(rule);
  const result: SyncResult = { findings: [], edits: [], changes: [] };
  const src = entriesAt(source, rule.source.path, label, result.findings);
  const tgt = entriesAt(target, rule.target.path, label, result.findings);
  if (!src || !tgt) return result;
  const oneSided: Level | "ignore" = rule.one_sided ?? "warning";
  const fields = Object.entries(rule.fields).map(([t, s]) => ({ t, s, tt: fieldTokens(t), st: fieldTokens(s) }));
  for (const id of Object.keys(src)) {
    const sPtr = join(rule.source.path, [id]);
    const tPtr = join(rule.target.path, [id]);
    if (!Object.prototype.hasOwnProperty.call(tgt, id)) {
      if (oneSided !== "ignore") {
        result.findings.push({
          rule: "sync/missing-target",
          level: oneSided,
          file: source.path,
          ...at(source, sPtr, true),
          pointer: sPtr,
          key: pointerToDotted(sPtr),
          message: `${pointerToDotted(sPtr)} has no counterpart ${pointerToDotted(tPtr)} in ${target.path} (sync rule ${label})`,
          fix: `add the entry ${JSON.stringify(id)} under ${pointerToDotted(rule.target.path)} in ${target.path}, or set one_sided: ignore on the rule`,
        });
      }
      continue;
    }
    const s = src[id];
    const t = tgt[id];
    if (!isMap(s) || !isMap(t)) {
      const [bad, side, ptr] = !isMap(s) ? [s, source, sPtr] : [t, target, tPtr];
      result.findings.push({
        rule: "sync/invalid-entry",
        level: "error",
        file: side.path,
        ...at(side, ptr),
        pointer: ptr,
        key: pointerToDotted(ptr),
        message: `${pointerToDotted(ptr)} in ${side.path} should be a map of fields but is ${display(bad)} (sync rule ${label})`,
        fix: "make the entry a map of fields, or correct source.path/target.path in the sync rule",
      });
      continue;
    }
    for (const f of fields) {
      const sv = getAtPath(s, f.st);
      const tv = getAtPath(t, f.tt);
      const sField = join(sPtr, f.st);
      const tField = join(tPtr, f.tt);
      const secret = isSecret(parsePointer(sField)) || isSecret(parsePointer(tField));
      const show = (v: unknown) => (v === undefined ? display(v) : shownValue(v, secret, isSecret));
      if (sv === undefined) {
        if (tv !== undefined) {
          result.findings.push({
            rule: "sync/missing-field",
            level: "warning",
            file: source.path,
            ...at(source, sPtr, true),
            pointer: sField,
            key: pointerToDotted(sField),
            message: `${pointerToDotted(sField)} is absent from ${source.path}, so ${pointerToDotted(tField)} in ${target.path} cannot be checked (sync rule ${label})`,
            fix: `add ${f.s} to the source entry, or remove the field mapping from the rule`,
          });
        }
        continue;
      }
      if (deepEqual(sv, tv)) continue;
      // A secret never moves between files: the drift is reported, the copy left to a person.
      const moves = secret || holdsSecret(sv, isSecret) || holdsSecret(tv, isSecret);
      const tPos = at(target, tField);
      result.findings.push({
        rule: "sync/drift",
        level: "error",
        file: target.path,
        ...tPos,
        pointer: tField,
        key: pointerToDotted(tField),
        message: `${pointerToDotted(tField)} is ${show(tv)} but ${pointerToDotted(sField)} in ${source.path} is ${show(sv)} (sync rule ${label})`,
        expected: show(sv),
        found: show(tv),
        related: [
          { file: source.path, ...at(source, sField), message: `source: ${pointerToDotted(sField)} = ${show(sv)}` },
          { file: target.path, ...tPos, message: `target: ${pointerToDotted(tField)} = ${show(tv)}` },
        ],
        fix: moves
          ? `copy the value by hand (a secret is never copied from one file into another automatically), or remove the field mapping from the rule`
          : `run \`integrity-guard sync --fix\` to copy the source value into ${target.path}`,
      });
      if (moves) {
        (result.refused ??= []).push({
          file: target.path,
          pointer: tField,
          key: pointerToDotted(tField),
          from: source.path,
          reason: secret ? "secret-key" : "credential-value",
        });
        continue;
      }
      result.edits.push({ pointer: tField, value: clone(sv) });
      result.changes.push({ file: target.path, pointer: tField, key: pointerToDotted(tField), from: show(tv), to: show(sv), secret });
    }
  }
  if (oneSided !== "ignore") {
    for (const id of Object.keys(tgt)) {
      if (Object.prototype.hasOwnProperty.call(src, id)) continue;
      const tPtr = join(rule.target.path, [id]);
      const sPtr = join(rule.source.path, [id]);
      result.findings.push({
        rule: "sync/missing-source",
        level: oneSided,
        file: target.path,
        ...at(target, tPtr, true),
        pointer: tPtr,
        key: pointerToDotted(tPtr),
        message: `${pointerToDotted(tPtr)} has no counterpart ${pointerToDotted(sPtr)} in ${source.path} (sync rule ${label})`,
        fix: `add the entry ${JSON.stringify(id)} under ${pointerToDotted(rule.source.path)} in ${source.path}, or remove it from ${target.path}, or set one_sided: ignore on the rule`,
      });
    }
  }
  return result;
}

/** The map of entries at `pointer`, or a finding saying why there is none. */
function entriesAt(side: SyncSide, pointer: string, label: string, findings: Finding[]): Record<string, unknown> | undefined {
  const v = getAtPath(side.value, parsePointer(pointer));
  if (isMap(v)) return v;
  findings.push({
    rule: "sync/invalid-path",
    level: "error",
    file: side.path,
    ...at(side, pointer),
    pointer,
    message:
      v === undefined
        ? `${pointerToDotted(pointer)} is absent from ${side.path}, so sync rule ${label} cannot be checked`
        : `${pointerToDotted(pointer)} in ${side.path} is ${Array.isArray(v) ? "a list" : display(v)}, not a map of entries keyed by id (sync rule ${label})`,
    fix: `correct the path in the sync rule, or restore ${side.path} (integrity-guard restore)`,
  });
  return undefined;
}
