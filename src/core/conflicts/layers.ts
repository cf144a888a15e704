/**
 * Layered configuration (config.layers): a default plus overlays, as node-config, Spring
 * profiles, Helm values files and compose override files use. An overlay overriding a lower
 * layer is the point of the layout, so it is never a conflict. What is reported is what breaks
 * such layouts in practice:
 *
 * - config/type-change: an overlay gives a key another type than the layer below ("8080" over
 *   8080, a map over a list); null on either side is not a type (it unsets or is a placeholder);
 * - config/unknown-key: an overlay sets a key no lower layer defines (a typo does nothing);
 *   keys below config.extensible pointers, or below a map that is empty in every lower layer
 *   (`annotations: {}`), may be added;
 * - config/conflict: files of one layer and one alternative (same path without extension, such
 *   as production.yaml and production.json) disagree: nothing orders them;
 * - config/shadowed (notice): an overlay sets the value the layer below already gives.
 *
 * Files of one layer whose names differ are alternatives (production, staging): never applied
 * together, so never compared with each other. Pure: data in, findings out.
 */
import type { Finding, RelatedLocation } from "../finding.js";
import { matcher } from "../glob.js";
import type { Position } from "../parse/index.js";
import { escapeToken, pointerToDotted } from "../pointer.js";
import { closest } from "../schema/ajv-findings.js";
import { appendAll } from "../append.js";
import { shownValue } from "./credentials.js";
import { compileSecretTest, mergeMap, notAMapFinding, ownerOf, underAny, singleSourceFindings } from "./detect.js";
import { conflictPaths, foldInto, MAX_DEPTH, measure, NestingError, newRoot } from "./flatten.js";
import { maskedDisplay, type SecretTest } from "./secrets.js";
import type { Conflict, ConfigFile, ConflictRules, MergeStrategy } from "./types.js";
import { deepEqual, getAtPath, isMap } from "./values.js";

/** config.layers: each layer one glob or a list of globs. */
export type LayerSpec = readonly (string | readonly string[])[];

/** A config file placed in its layer. */
export interface LayeredFile {
  file: ConfigFile;
  /** Index in config.layers (0 = the default layer). */
  layer: number;
  /** The alternative within the layer: the path without its extension. */
  alt: string;
}

/** The layer rules the analysis needs beside the common ones. */
export interface LayerRules extends ConflictRules {
  layers: LayerSpec;
  extensible?: readonly string[];
}

/** `config/production.yaml` -> `config/production`: files differing only in format are one alternative. */
export function alternativeOf(path: string): string {
  const slash = path.lastIndexOf("/");
  const dot = path.lastIndexOf(".");
  return dot > slash + 1 ? path.slice(0, dot) : path;
}

/** A readable name for layer `i`: its globs. */
export function layerName(layers: LayerSpec, i: number): string {
  const l = layers[i];
  return typeof l === "string" ? l : (l ?? []).join(" | ");
}

/**
 * Place each file in the first layer whose glob matches it; files in no layer are returned
 * apart. The result is ordered by layer, then path: the order in which the layers apply.
 */
export function assignLayers<T extends { path: string }>(
  files: readonly T[],
  layers: LayerSpec,
): { placed: { file: T; layer: number; alt: string }[]; unlayered: T[] } {
  const matchers = layers.map((l) => matcher(typeof l === "string" ? [l] : [...l]));
  const placed: { file: T; layer: number; alt: string }[] = [];
  const unlayered: T[] = [];
  for (const f of files) {
    const layer = matchers.findIndex((m) => m(f.path));
    if (layer < 0) unlayered.push(f);
    else placed.push({ file: f, layer, alt: alternativeOf(f.path) });
  }
  placed.sort((a, b) => a.layer - b.layer || (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0));
  return { placed, unlayered };
}

/**
 * Whether alternative `alt` (a path without extension) is the one named `name`: its file name is
 * `name` (node-config `production`) or ends in `-name`, `_name` or `.name` (Helm `values-prod`,
 * Spring `application-prod`, compose `docker-compose.prod`).
 */
export function alternativeNamed(alt: string, name: string): boolean {
  const base = alt.slice(alt.lastIndexOf("/") + 1);
  return base === name || [`-${name}`, `_${name}`, `.${name}`].some((suffix) => base.endsWith(suffix));
}

/** The kind of a value for type-change: null is no kind (it unsets, or is a placeholder). */
export function kindOf(v: unknown): string | undefined {
  const t = typeof v;
  if (t === "string" || t === "number" || t === "boolean") return t; // most values: decided at once
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) return "list";
  if (v instanceof Date) return "timestamp";
  if (isMap(v)) return "map";
  if (typeof v === "bigint") return "number";
  return typeof v; // string | number | boolean
}

function article(kind: string): string {
  return kind === "list" || kind === "map" || kind === "string" || kind === "number" || kind === "boolean" || kind === "timestamp"
    ? `a ${kind}`
    : kind;
}

interface Below {
  lf: LayeredFile;
  v: unknown;
}

/**
 * The values an overlay overrides at one key: walking down from the highest lower layer that
 * defines it, each layer's definers count; the walk stops at a layer whose every alternative
 * defines the key (an alternative that does not define it lets a lower value through).
 */
function overridden(below: readonly Below[], altsPerLayer: readonly number[]): Below[] {
  const out: Below[] = [];
  let i = below.length - 1;
  while (i >= 0) {
    const layer = below[i]!.lf.layer;
    const alts = new Set<string>();
    for (; i >= 0 && below[i]!.lf.layer === layer; i--) {
      out.push(below[i]!);
      alts.add(below[i]!.lf.alt);
    }
    if (alts.size >= altsPerLayer[layer]!) break;
  }
  return out;
}

/** A finding waiting for positions (located in one batch per file). */
interface Pending {
  finding: Finding;
  at: { file: ConfigFile; pointer: string; key: boolean };
  related: { file: ConfigFile; pointer: string; message: string; key?: boolean }[];
}

/** Analyse a layered configuration set; `files` in any order. */
export function detectLayered(
  files: readonly ConfigFile[],
  rules: LayerRules,
  configFile = ".integrity-guard/config.yml",
): { findings: Finding[]; conflicts: Conflict[]; isSecret: SecretTest; placed: LayeredFile[] } {
  const { test: isSecret, findings } = compileSecretTest(rules.secret_keys, configFile);
  // Layers by path first: the files read one at a time (deferred) are known before any is read.
  const assigned = assignLayers(files, rules.layers);
  const deferred = deferrable(assigned.placed, rules);
  // Files left out (too deep, not a map), by their index in `files`: reported in that order.
  const leftOut: { at: number; finding: Finding }[] = [];
  const dropped = new Set<ConfigFile>();
  const index = new Map(files.map((f, i) => [f, i]));
  const admit = (f: ConfigFile): boolean => {
    const problem = admission(f);
    if (problem === undefined) return true;
    dropped.add(f);
    if (problem !== null) leftOut.push({ at: index.get(f)!, finding: problem });
    return false;
  };
  for (const f of files) if (!deferred.has(f)) admit(f);
  const unlayered = assigned.unlayered.filter((f) => !dropped.has(f));
  const unlayeredFindings: Finding[] = [];
  for (const f of unlayered) {
    unlayeredFindings.push({
      rule: "config/unlayered",
      level: "warning",
      file: f.path,
      message: `${f.path} is in config.files but in none of config.layers, so it was left out of the layered analysis`,
      fix: `add a glob matching ${f.path} to the layer it belongs to in config.layers, or leave it out of config.files`,
    });
  }
  const placed = assigned.placed.filter((p) => !dropped.has(p.file));
  const layered: LayeredFile[] = placed;
  const altsPerLayer = rules.layers.map((_, i) => new Set(layered.filter((p) => p.layer === i).map((p) => p.alt)).size);
  const ctx: WalkContext = {
    isSecret,
    merge: mergeMap(rules.merge),
    differ: new Set(rules.differ ?? []),
    extensible: new Set(rules.extensible ?? []),
    owners: rules.owners ?? {},
    layers: rules.layers,
    altsPerLayer,
    pending: [],
    plain: isEmptyMerge(rules.merge) && (rules.differ ?? []).length === 0 && (rules.extensible ?? []).length === 0 && isEmpty(rules.owners),
    guesses: new Map(),
    unknownIn: new Map(),
    places: new Map(),
    listed: new Map(),
  };
  const conflicts = sameLayerConflicts(layered, ctx);
  const strategy = ctx.merge.get("") ?? "deep";
  for (let i = 0; i < layered.length; i++) {
    const over = layered[i]!;
    const isDeferred = deferred.has(over.file);
    // A deferred file is read now, walked, and let go: no lower file is ever deferred.
    try {
      const below: Below[] = [];
      if (over.layer > 0) {
        for (let j = 0; j < i; j++) {
          const lf = layered[j]!;
          if (lf.layer < over.layer && !dropped.has(lf.file)) below.push({ lf, v: lf.file.value });
        }
      }
      const only = below.length === 1 && strategy !== "replace" && isMap(below[0]!.v) ? below[0]! : undefined;
      if (isDeferred && only !== undefined && isMap(over.file.value)) {
        // The common case (a default and overlays): admission's measure done by the walk itself,
        // so the overlay is walked once, not twice.
        const mark = ctx.pending.length;
        const tally: Tally = { keys: 0, nonFinite: false, tooDeep: false };
        ctx.tally = tally;
        try {
          walkOne(ctx, over, over.file.value, "", { lf: only.lf, v: only.v as Record<string, unknown> }, strategy, 0);
        } finally {
          ctx.tally = undefined;
        }
        if (tally.tooDeep) {
          // Left out, as admission would have left it out before the walk.
          ctx.pending.length = mark;
          dropped.add(over.file);
          leftOut.push({ at: index.get(over.file)!, finding: tooDeepFinding(over.file) });
        } else over.file.doc?.prepare?.([], { keys: tally.keys, nonFinite: tally.nonFinite, shallow: true });
        continue;
      }
      if (isDeferred && !admit(over.file)) continue;
      if (over.layer === 0) continue;
      // No lower file at all (the default file is missing: config/missing-file says so when it is
      // named): nothing to compare with, rather than every key "unknown".
      if (below.length === 0) continue;
      const top = over.file.value as Record<string, unknown>;
      if (only) walkOne(ctx, over, top, "", { lf: only.lf, v: only.v as Record<string, unknown> }, strategy, 0);
      else walk(ctx, over, top, "", below, strategy);
    } finally {
      if (isDeferred) over.file.doc?.release?.();
    }
  }
  const kept = layered.filter((l) => !dropped.has(l.file));
  leftOut.sort((a, b) => a.at - b.at);
  for (const l of leftOut) findings.push(l.finding);
  appendAll(findings, unlayeredFindings);
  locateAll(ctx.pending);
  for (const p of ctx.pending) findings.push(p.finding);
  appendAll(
    findings,
    singleSourceFindings(
      kept.map((l) => l.file),
      ctx.owners,
    ),
  );
  return { findings, conflicts, isSecret, placed: kept };
}

/**
 * Whether a file takes part in the analysis: undefined when it does (its shape is then handed to
 * the fast JSON path), else the finding that says why not, or null for an empty file (no value).
 */
function admission(f: ConfigFile): Finding | null | undefined {
  const value = f.value;
  if (isMap(value)) {
    const shape = measure(value, MAX_DEPTH);
    if (shape.tooDeep) return tooDeepFinding(f);
    // What the walk saw, for the fast JSON path (no second walk of the value to check it).
    f.doc?.prepare?.([], { keys: shape.keys, nonFinite: shape.nonFinite, shallow: true });
    return undefined;
  }
  return value !== null && value !== undefined ? notAMapFinding(f) : null;
}

function tooDeepFinding(f: ConfigFile): Finding {
  return {
    rule: "config/skipped",
    level: "error",
    file: f.path,
    message: `${f.path} is nested deeper than ${MAX_DEPTH} levels; it was left out of the conflict analysis`,
    fix: "flatten the file's structure; configuration this deep is almost certainly generated or corrupted",
  };
}

/** What admission's measure() counts, counted by walkOne while it walks a deferred overlay. */
interface Tally {
  keys: number;
  nonFinite: boolean;
  tooDeep: boolean;
}

/** Count what walkOne does not walk into (`v` at `depth`) as measure() would. */
function tallyRest(t: Tally, v: unknown, depth: number): void {
  if (v !== null && typeof v === "object") {
    const shape = measure(v, MAX_DEPTH - depth);
    t.keys += shape.keys;
    if (shape.nonFinite) t.nonFinite = true;
    if (shape.tooDeep) t.tooDeep = true;
  } else if (typeof v === "number" && !Number.isFinite(v)) t.nonFinite = true;
}

/**
 * The files read, walked and let go one at a time (their documents can release their value):
 * those of the topmost layer that has files, each alone in its alternative (no same-layer
 * comparison needs it) and so never below another file. None when config.owners is set
 * (single-source findings read every file's value after the walk).
 */
function deferrable(placed: readonly LayeredFile[], rules: LayerRules): Set<ConfigFile> {
  const out = new Set<ConfigFile>();
  if (placed.length === 0 || !isEmpty(rules.owners)) return out;
  const top = placed[placed.length - 1]!.layer;
  const perAlt = new Map<string, number>();
  for (const p of placed) if (p.layer === top) perAlt.set(p.alt, (perAlt.get(p.alt) ?? 0) + 1);
  for (const p of placed) if (p.layer === top && perAlt.get(p.alt) === 1 && p.file.doc?.release !== undefined) out.add(p.file);
  return out;
}

interface WalkContext {
  isSecret: SecretTest;
  merge: ReadonlyMap<string, MergeStrategy>;
  differ: ReadonlySet<string>;
  extensible: ReadonlySet<string>;
  owners: Readonly<Record<string, string>>;
  layers: LayerSpec;
  altsPerLayer: readonly number[];
  pending: Pending[];
  /**
   * True when no pointer has a rule of its own (no merge strategies below the root, differ,
   * extensible or owners): the walk then builds a key's pointer only for a finding.
   */
  plain: boolean;
  /** Did-you-mean per overlay layer, parent pointer and key: the same typo in 200 overlays is looked up once. */
  guesses: Map<string, string | undefined>;
  /**
   * What an unknown key's finding says, by the lower map it is missing from and the key: the
   * same typo in 200 overlays (one lower map, one parent pointer) is worded once.
   */
  unknownIn: Map<Record<string, unknown>, { parent: string; byKey: Map<string, UnknownWording> }>;
  /** where() per file, worded once. */
  places: Map<LayeredFile, string>;
  /** Object.keys and Object.values of each lower map walkOne has met. */
  listed: Map<Record<string, unknown>, { keys: string[]; values: unknown[] }>;
  /** Set while walkOne walks an overlay not yet measured: it counts what measure() would. */
  tally?: Tally | undefined;
}

function isEmpty(o: object | undefined): boolean {
  for (const _ in o ?? {}) return false;
  return true;
}

function isEmptyMerge(merge: ConflictRules["merge"]): boolean {
  for (const k in merge ?? {}) if (k !== "") return false;
  return true;
}

function tokensOf(pointer: string): string[] {
  return pointer === ""
    ? []
    : pointer
        .slice(1)
        .split("/")
        .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function shown(ctx: WalkContext, pointer: string, v: unknown): string {
  return shownValue(v, ctx.isSecret(tokensOf(pointer)), ctx.isSecret);
}

/**
 * `walk` when exactly one lower file defines the map (the common case: a default and overlays):
 * the same decisions without the per-key arrays, and without per-key pointer strings when no
 * pointer has a rule of its own. A million keys stay a few hundred milliseconds.
 */
function walkOne(
  ctx: WalkContext,
  over: LayeredFile,
  value: Record<string, unknown>,
  pointer: string,
  b: Below & { v: Record<string, unknown> },
  strategy: MergeStrategy,
  /** Nesting of `value` (the root is 0), for ctx.tally. */
  depth: number,
): void {
  const lower = b.v;
  const plain = ctx.plain;
  const tally = ctx.tally;
  // Object.keys and Object.values list own enumerable string keys in the same order. An overlay
  // mostly lists the keys of the map below in its order: where the names line up position by
  // position (interned strings, compared by identity), the lower value is taken by position
  // instead of two lookups by name.
  const keys = Object.keys(value);
  const values = Object.values(value);
  // The map below is the same for every overlay of a layer: its lists are made once.
  let listed = ctx.listed.get(lower);
  if (listed === undefined) ctx.listed.set(lower, (listed = { keys: Object.keys(lower), values: Object.values(lower) }));
  const lowerKeys = listed.keys;
  const lowerValues = listed.values;
  if (tally !== undefined) tally.keys += keys.length;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const v = values[i];
    if (plain && lowerKeys[i] === key) {
      // The common case decided at once: a string, number or boolean over one of the same type.
      const t = typeof v;
      const lv = lowerValues[i];
      if ((t === "string" || t === "number" || t === "boolean") && typeof lv === t) {
        if (tally !== undefined && t === "number" && !Number.isFinite(v)) tally.nonFinite = true;
        // deepEqual of two scalars (NaN equals NaN); a merge strategy only matters for lists.
        const equal = lv === v ? t !== "number" || !Number.isNaN(v) : t === "number" && Number.isNaN(v) && Number.isNaN(lv);
        if (equal && strategy !== "append" && strategy !== "unique") {
          ctx.pending.push(shadowed(ctx, over, pointer + "/" + escapeToken(key), v, [{ lf: b.lf, v: lv }]));
        }
        continue;
      }
    }
    // A map is counted by the walk into it, or below where the walk does not go into it.
    const vMap = isMap(v);
    if (tally !== undefined && !vMap) tallyRest(tally, v, depth + 1);
    const p = plain ? undefined : pointer + "/" + escapeToken(key);
    if (p !== undefined && ownerOf(p, ctx.owners) !== undefined) {
      if (tally !== undefined && vMap) tallyRest(tally, v, depth + 1);
      continue;
    }
    const aligned = lowerKeys[i] === key;
    if (!aligned && !Object.prototype.hasOwnProperty.call(lower, key)) {
      if (tally !== undefined && vMap) tallyRest(tally, v, depth + 1);
      if (!isEmpty(lower) && !(p !== undefined && underAny(p, ctx.extensible))) ctx.pending.push(unknownKeyOne(ctx, over, pointer, key, b));
      continue;
    }
    const lv = aligned ? lowerValues[i] : lower[key];
    const s = p === undefined ? strategy : (ctx.merge.get(p) ?? strategy);
    const kind = kindOf(v);
    const lowerKind = kind === undefined ? undefined : kindOf(lv);
    if (
      lowerKind !== undefined &&
      lowerKind !== kind &&
      !(p !== undefined && underAny(p, ctx.differ)) &&
      !bindsAnyScalar(over, b.lf, kind!, lowerKind) &&
      !intOrPercent(key, v, lv) &&
      !emptiesHelmCollection(over, b.lf, v, lv) &&
      !composeRespells(over, b.lf, p ?? pointer + "/" + escapeToken(key), kind!, lowerKind)
    ) {
      if (tally !== undefined && vMap) tallyRest(tally, v, depth + 1);
      ctx.pending.push(typeChange(ctx, over, p ?? pointer + "/" + escapeToken(key), v, [{ lf: b.lf, v: lv }]));
      continue;
    }
    if (vMap && s !== "replace" && isMap(lv)) {
      walkOne(ctx, over, v, p ?? pointer + "/" + escapeToken(key), { lf: b.lf, v: lv }, s, depth + 1);
      continue;
    }
    if (tally !== undefined && vMap) tallyRest(tally, v, depth + 1);
    if (s === "append" || s === "unique" || (p !== undefined && underAny(p, ctx.differ))) continue;
    if (deepEqual(lv, v)) ctx.pending.push(shadowed(ctx, over, p ?? pointer + "/" + escapeToken(key), v, [{ lf: b.lf, v: lv }]));
  }
}

/** Compare one overlay map with the maps it overrides, key by key. */
function walk(
  ctx: WalkContext,
  over: LayeredFile,
  value: Record<string, unknown>,
  pointer: string,
  below: readonly Below[],
  strategy: MergeStrategy,
): void {
  for (const key of Object.keys(value)) {
    const v = value[key];
    const p = pointer + "/" + escapeToken(key);
    if (ownerOf(p, ctx.owners) !== undefined) continue; // config/single-source speaks for owned keys
    const childBelow: Below[] = [];
    for (const b of below) if (isMap(b.v) && Object.prototype.hasOwnProperty.call(b.v, key)) childBelow.push({ lf: b.lf, v: b.v[key] });
    if (childBelow.length === 0) {
      const open = below.length > 0 && below.every((b) => isMap(b.v) && Object.keys(b.v).length === 0);
      if (!open && !underAny(p, ctx.extensible)) ctx.pending.push(unknownKey(ctx, over, p, key, below));
      continue;
    }
    const s = ctx.merge.get(p) ?? strategy;
    const lower = overridden(childBelow, ctx.altsPerLayer);
    const kind = kindOf(v);
    // A differ pointer may change type on purpose (`max_age: -1`, meaning no limit, over '30 days').
    const changed =
      kind === undefined || underAny(p, ctx.differ)
        ? []
        : lower.filter((b) => {
            const lowerKind = kindOf(b.v);
            return (
              lowerKind !== undefined &&
              lowerKind !== kind &&
              !bindsAnyScalar(over, b.lf, kind, lowerKind) &&
              !intOrPercent(key, v, b.v) &&
              !emptiesHelmCollection(over, b.lf, v, b.v) &&
              !composeRespells(over, b.lf, p, kind, lowerKind)
            );
          });
    if (changed.length > 0) {
      ctx.pending.push(typeChange(ctx, over, p, v, changed));
      continue;
    }
    if (isMap(v) && s !== "replace" && lower.some((b) => isMap(b.v))) {
      const only = childBelow.length === 1 ? childBelow[0]! : undefined;
      if (only && isMap(only.v)) walkOne(ctx, over, v, p, { lf: only.lf, v: only.v }, s, 0);
      else walk(ctx, over, v, p, childBelow, s);
      continue;
    }
    if (s === "append" || s === "unique" || underAny(p, ctx.differ)) continue;
    if (lower.every((b) => deepEqual(b.v, v))) ctx.pending.push(shadowed(ctx, over, p, v, lower));
  }
}

function where(ctx: WalkContext, lf: LayeredFile): string {
  let w = ctx.places.get(lf);
  if (w === undefined) ctx.places.set(lf, (w = `${lf.file.path} (layer ${lf.layer + 1}: ${layerName(ctx.layers, lf.layer)})`));
  return w;
}

/** The parts of an unknown key's finding that do not depend on the overlay. */
interface UnknownWording {
  pointer: string;
  dotted: string;
  /** The message after "is set in <file>". */
  tail: string;
  fix: string;
  guessPointer: string | undefined;
  guessMessage: string;
}

function unknownWording(parent: string, key: string, names: readonly string[]): UnknownWording {
  const p = parent + "/" + escapeToken(key);
  const guess = closest(key, names);
  const dotted = pointerToDotted(p);
  const guessPointer = guess === undefined ? undefined : parent + "/" + escapeToken(guess);
  const guessDotted = guessPointer === undefined ? "" : pointerToDotted(guessPointer);
  return {
    pointer: p,
    dotted,
    tail: ` but no lower layer defines it: it overrides nothing, and a misspelt key is silently ignored${guess === undefined ? "" : `; did you mean ${guessDotted}?`}`,
    fix:
      guess === undefined
        ? `correct the key, define it in a lower layer, or list ${parent || p} in config.extensible if overlays may add keys there`
        : `rename it to ${guessDotted}, or list ${parent || p} in config.extensible if overlays may add keys there`,
    guessPointer,
    guessMessage: `${guessDotted} is defined here`,
  };
}

/**
 * unknownKey where one lower map `b` is below (walkOne): the same finding, worded once per lower
 * map and key. The wording is kept with the parent pointer it was made for, since one map may be
 * reached by two paths (a YAML alias).
 */
function unknownKeyOne(
  ctx: WalkContext,
  over: LayeredFile,
  parent: string,
  key: string,
  b: Below & { v: Record<string, unknown> },
): Pending {
  let inMap = ctx.unknownIn.get(b.v);
  if (inMap === undefined) ctx.unknownIn.set(b.v, (inMap = { parent, byKey: new Map() }));
  let w = inMap.parent === parent ? inMap.byKey.get(key) : undefined;
  if (w === undefined) {
    w = unknownWording(parent, key, Object.keys(b.v));
    if (inMap.parent === parent) inMap.byKey.set(key, w);
  }
  return {
    finding: {
      rule: "config/unknown-key",
      level: "error",
      file: over.file.path,
      pointer: w.pointer,
      key: w.dotted,
      message: `${w.dotted} is set in ${where(ctx, over)}${w.tail}`,
      fix: w.fix,
    },
    at: { file: over.file, pointer: w.pointer, key: true },
    // The guess is one of b's keys, so b defines it.
    related: w.guessPointer === undefined ? [] : [{ file: b.lf.file, pointer: w.guessPointer, message: w.guessMessage, key: true }],
  };
}

function unknownKey(ctx: WalkContext, over: LayeredFile, p: string, key: string, below: readonly Below[]): Pending {
  const parent = p.slice(0, p.lastIndexOf("/"));
  // The lower files of an overlay depend only on its layer, so layer + parent + key decides.
  const cacheKey = `${over.layer}\u0000${parent}\u0000${key}`;
  let guess: string | undefined;
  if (ctx.guesses.has(cacheKey)) guess = ctx.guesses.get(cacheKey);
  else {
    const names = new Set<string>();
    for (const b of below) if (isMap(b.v)) for (const k of Object.keys(b.v)) names.add(k);
    ctx.guesses.set(cacheKey, (guess = closest(key, [...names])));
  }
  const dotted = pointerToDotted(p);
  const guessPointer = guess === undefined ? undefined : parent + "/" + escapeToken(guess);
  const guessDotted = guessPointer === undefined ? "" : pointerToDotted(guessPointer);
  return {
    finding: {
      rule: "config/unknown-key",
      level: "error",
      file: over.file.path,
      pointer: p,
      key: dotted,
      message: `${dotted} is set in ${where(ctx, over)} but no lower layer defines it: it overrides nothing, and a misspelt key is silently ignored${guess === undefined ? "" : `; did you mean ${guessDotted}?`}`,
      fix:
        guess === undefined
          ? `correct the key, define it in a lower layer, or list ${parent || p} in config.extensible if overlays may add keys there`
          : `rename it to ${guessDotted}, or list ${parent || p} in config.extensible if overlays may add keys there`,
    },
    at: { file: over.file, pointer: p, key: true },
    related: guessPointer
      ? below
          .filter((b) => isMap(b.v) && Object.prototype.hasOwnProperty.call(b.v, guess!))
          .map((b) => ({ file: b.lf.file, pointer: guessPointer, message: `${guessDotted} is defined here`, key: true }))
      : [],
  };
}

const SCALAR_KINDS = new Set(["string", "number", "boolean", "timestamp"]);
const SPRING_CONFIG = /(^|\/)application(-[^/]+)?\.ya?ml$/;

/**
 * Whether a scalar of one YAML type over a scalar of another is an ordinary override for the
 * files' reader: Spring Boot (application.yaml, then application-<profile>.yaml in the same
 * folder, as init lays them out) flattens each file into properties and its Binder converts any
 * scalar to the bound property's type (`password: 123456` and `password: openmysql` both bind a
 * String; `port: "8081"` an int); its YAML loader resolves no timestamps either. A map or a list
 * over a scalar still changes the merged shape, and other layouts keep the type check.
 */
function bindsAnyScalar(over: LayeredFile, lower: LayeredFile, kind: string, lowerKind: string): boolean {
  if (!SCALAR_KINDS.has(kind) || !SCALAR_KINDS.has(lowerKind)) return false;
  const a = over.file.path;
  const b = lower.file.path;
  return SPRING_CONFIG.test(a) && SPRING_CONFIG.test(b) && a.slice(0, a.lastIndexOf("/") + 1) === b.slice(0, b.lastIndexOf("/") + 1);
}

/** A Helm chart's values file: values.yaml and its overlays (values-external.yaml, values.prod.yaml). */
const HELM_VALUES = /(^|\/)values(?:[-._][^/]*)?\.ya?ml$/;

/**
 * An empty map over a list, or an empty list over a map, between Helm values files of one folder:
 * Helm templates read such collections with range, with and if, which take `{}` and `[]` alike as
 * empty, so `cephBlockPools: {}` in rook's values-external.yaml over the pools listed in its
 * values.yaml turns them off rather than changing type. A non-empty collection of the other kind,
 * or an empty one over a scalar, still changes type.
 */
function emptiesHelmCollection(over: LayeredFile, lower: LayeredFile, a: unknown, b: unknown): boolean {
  const empty = (Array.isArray(a) && a.length === 0) || (isMap(a) && Object.keys(a).length === 0);
  if (!empty || !(Array.isArray(b) || isMap(b)) || Array.isArray(a) === Array.isArray(b)) return false;
  const x = over.file.path;
  const y = lower.file.path;
  return HELM_VALUES.test(x) && HELM_VALUES.test(y) && x.slice(0, x.lastIndexOf("/") + 1) === y.slice(0, y.lastIndexOf("/") + 1);
}

/** A Compose file: compose.yaml, docker-compose.yml and their overlays (compose.prod.yaml, docker-compose.override.yml). */
const COMPOSE_FILE = /(^|\/)(?:docker-)?compose(?:\.[^/]+)?\.ya?ml$/;

/**
 * Compose fields whose two spellings compose-go merges as one (override/merge.go, mergeSpecials):
 * `environment`, `labels`, `build.args`... as a map or a `KEY=VALUE` list (mergeToSequence turns
 * both into a list), `depends_on` and `networks` as a list of names or a map (mergeDependsOn,
 * mergeNetworks), `build` as a context path or a map (mergeBuild), and `command`, `entrypoint`,
 * `env_file`, `dns`, `tmpfs`, `healthcheck.test` as a string or a list. Paths below a service.
 */
const COMPOSE_LIST_OR_MAP = new Set([
  "environment",
  "labels",
  "annotations",
  "sysctls",
  "extra_hosts",
  "depends_on",
  "networks",
  "build/args",
  "build/labels",
  "build/extra_hosts",
  "build/additional_contexts",
  "deploy/labels",
]);
const COMPOSE_STRING_OR_LIST = new Set([
  "command",
  "entrypoint",
  "env_file",
  "label_file",
  "dns",
  "dns_opt",
  "dns_search",
  "tmpfs",
  "healthcheck/test",
]);

/**
 * One of Compose's two spellings of a service field over the other, between Compose files
 * (api-platform/demo's compose.prod.yaml gives `environment` as a map over compose.yaml's
 * `- POSTGRES_DB=...` list): compose-go normalises both before it merges, so the merged
 * configuration does not change type. A kind no spelling of that field has still does.
 */
function composeRespells(over: LayeredFile, lower: LayeredFile, p: string, kind: string, lowerKind: string): boolean {
  if (!COMPOSE_FILE.test(over.file.path) || !COMPOSE_FILE.test(lower.file.path)) return false;
  const tokens = p.split("/");
  if (tokens[1] !== "services" || tokens.length < 4) return false;
  const field = tokens.slice(3).join("/");
  const pair = new Set([kind, lowerKind]);
  const within = (kinds: readonly string[]) => [...pair].every((k) => kinds.includes(k));
  if (COMPOSE_LIST_OR_MAP.has(field)) return within(["list", "map"]);
  if (COMPOSE_STRING_OR_LIST.has(field)) return within(["string", "list"]);
  return field === "build" && within(["string", "map"]);
}

/** Kubernetes fields of type intstr.IntOrString that take an integer or a percentage (apps/v1, policy/v1). */
const INT_OR_PERCENT = new Set(["maxUnavailable", "maxSurge", "minAvailable"]);

/**
 * An integer over a percentage string (or back) at maxUnavailable, maxSurge or minAvailable: the
 * Kubernetes API declares these intstr.IntOrString, so `maxUnavailable: 1` over `25%` (linkerd2's
 * values-ha.yaml over its values.yaml, rendered into a Deployment's rollingUpdate) is an ordinary
 * override. A fraction, a boolean, a map or another string there still changes type.
 */
function intOrPercent(key: string, a: unknown, b: unknown): boolean {
  if (!INT_OR_PERCENT.has(key)) return false;
  const int = (v: unknown) => typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v));
  const percent = (v: unknown) => typeof v === "string" && /^\d+%$/.test(v);
  return (int(a) && percent(b)) || (percent(a) && int(b));
}

function typeChange(ctx: WalkContext, over: LayeredFile, p: string, v: unknown, changed: readonly Below[]): Pending {
  const dotted = pointerToDotted(p);
  const kind = kindOf(v)!;
  const first = changed[0]!;
  const lowerKind = kindOf(first.v)!;
  return {
    finding: {
      rule: "config/type-change",
      level: "error",
      file: over.file.path,
      pointer: p,
      key: dotted,
      message: `${dotted} is ${article(kind)} (${shown(ctx, p, v)}) in ${where(ctx, over)} but ${article(lowerKind)} (${shown(ctx, p, first.v)}) in ${first.lf.file.path}, which it overrides; the merged configuration changes type`,
      expected: lowerKind,
      found: kind,
      fix: `write ${dotted} as ${article(lowerKind)} in ${over.file.path}${kind === "string" && lowerKind !== "string" ? " (without quotes)" : ""}, or change its type in every layer`,
    },
    at: { file: over.file, pointer: p, key: false },
    related: changed.map((b) => ({
      file: b.lf.file,
      pointer: p,
      message: `${dotted} = ${shown(ctx, p, b.v)} (${article(kindOf(b.v)!)}, layer ${b.lf.layer + 1})`,
    })),
  };
}

function shadowed(ctx: WalkContext, over: LayeredFile, p: string, v: unknown, lower: readonly Below[]): Pending {
  const dotted = pointerToDotted(p);
  return {
    finding: {
      rule: "config/shadowed",
      level: "notice",
      file: over.file.path,
      pointer: p,
      key: dotted,
      message: `${dotted} in ${where(ctx, over)} sets the value the layer below already gives (${shown(ctx, p, v)}); the override has no effect`,
      fix: `remove ${dotted} from ${over.file.path}, or change it if it was meant to differ`,
    },
    at: { file: over.file, pointer: p, key: false },
    related: lower.map((b) => ({ file: b.lf.file, pointer: p, message: `${dotted} = ${shown(ctx, p, b.v)} (layer ${b.lf.layer + 1})` })),
  };
}

/** config/conflict between files of one layer and one alternative: nothing orders them. */
function sameLayerConflicts(layered: readonly LayeredFile[], ctx: WalkContext): Conflict[] {
  const groups = new Map<string, LayeredFile[]>();
  for (const lf of layered) {
    const id = `${lf.layer}\u0000${lf.alt}`;
    const g = groups.get(id);
    if (g) g.push(lf);
    else groups.set(id, [lf]);
  }
  const conflicts: Conflict[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const root = newRoot();
    try {
      group.forEach((lf, i) => foldInto(root, lf.file.value as Record<string, unknown>, ctx.merge, i));
    } catch (error) {
      // Depth was checked before (measure); a disagreement on the limit must not crash the check.
      if (!(error instanceof NestingError) && !(error instanceof RangeError)) throw error;
      continue;
    }
    for (const { tokens, files } of conflictPaths(root)) {
      const pointer = "/" + tokens.map(escapeToken).join("/");
      if (underAny(pointer, ctx.differ) || ownerOf(pointer, ctx.owners) !== undefined) continue;
      const entries = files.map((i) => ({ file: group[i]!.file.path, value: getAtPath(group[i]!.file.value, tokens) }));
      const conflict: Conflict = { pointer, key: pointerToDotted(pointer), secret: ctx.isSecret(tokens), entries };
      conflicts.push(conflict);
      const definers = files.map((i) => group[i]!);
      const dotted = conflict.key;
      const values = entries.map((e) => (conflict.secret ? maskedDisplay(e.value) : shown(ctx, pointer, e.value)));
      const last = definers[definers.length - 1]!;
      ctx.pending.push({
        finding: {
          rule: "config/conflict",
          level: "error",
          file: last.file.path,
          pointer,
          key: dotted,
          message: `${dotted} is set to different values by files of one layer (layer ${last.layer + 1}: ${layerName(ctx.layers, last.layer)}): ${definers.map((d, i) => `${values[i]!} in ${d.file.path}`).join(", ")}; nothing decides which applies`,
          expected: "one value in every file of the layer",
          found: [...new Set(values)].join(" | "),
          fix: `make the values equal, or keep ${dotted} in one of ${definers.map((d) => d.file.path).join(", ")} only`,
        },
        at: { file: last.file, pointer, key: false },
        related: definers.map((d, i) => ({ file: d.file, pointer, message: `${dotted} = ${values[i]!}` })),
      });
    }
  }
  return conflicts;
}

/** Fill in every pending finding's positions, one batch of pointers per file. */
function locateAll(pending: readonly Pending[]): void {
  const wanted = new Map<ConfigFile, Set<string>>();
  const want = (f: ConfigFile, p: string) => {
    let s = wanted.get(f);
    if (!s) wanted.set(f, (s = new Set()));
    s.add(p);
  };
  for (const p of pending) {
    want(p.at.file, p.at.pointer);
    for (const r of p.related) want(r.file, r.pointer);
  }
  for (const [f, pointers] of wanted) f.doc?.prepare?.(pointers);
  for (const p of pending) {
    const doc = p.at.file.doc;
    const pos: Position | undefined = p.at.key ? (doc?.locateKey(p.at.pointer) ?? doc?.locate(p.at.pointer)) : doc?.locate(p.at.pointer);
    if (pos) {
      p.finding.line = pos.line;
      p.finding.column = pos.column;
    }
    if (p.related.length === 0) continue;
    const related: RelatedLocation[] = [];
    for (const r of p.related) {
      const rp = r.key ? (r.file.doc?.locateKey(r.pointer) ?? r.file.doc?.locate(r.pointer)) : r.file.doc?.locate(r.pointer);
      // One literal per shape, keys in report order (no spread of a temporary object per entry).
      related.push(
        rp ? { file: r.file.path, line: rp.line, column: rp.column, message: r.message } : { file: r.file.path, message: r.message },
      );
    }
    p.finding.related = related;
  }
}
