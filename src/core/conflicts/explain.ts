/**
 * `conflicts --explain POINTER`: where a value comes from. Every file of the set, in the order
 * the files apply (layers, or precedence), with its value at the pointer (masked when secret)
 * and its position, and which file wins. Pure.
 */
import type { Position } from "../parse/index.js";
import { parsePointer, pointerToDotted } from "../pointer.js";
import { shownValue } from "./credentials.js";
import { ownerOf } from "./detect.js";
import { assignLayers, layerName, type LayerSpec } from "./layers.js";
import type { SecretTest } from "./secrets.js";
import type { ConfigFile } from "./types.js";
import { getAtPath } from "./values.js";

interface ExplainEntry {
  file: string;
  /** 1-based layer number and its globs (layers mode). */
  layer?: number;
  layerName?: string;
  /** False when the file does not set the key. */
  defined: boolean;
  /** Display form, masked (`maskedDisplay`) when secret. */
  value?: string;
  position?: Position;
  wins: boolean;
}

export interface Explanation {
  pointer: string;
  key: string;
  entries: ExplainEntry[];
  /** One line on how the winner was chosen. */
  note: string;
}

/**
 * Explain `pointer` over `files` (precedence order when `layers` is absent). The winner is the
 * owner (config.owners), else the last file that sets the key; with layers, the files of the
 * highest layer that sets it (one per alternative).
 */
export function explainPointer(
  files: readonly ConfigFile[],
  pointer: string,
  options: { layers?: LayerSpec; owners?: Readonly<Record<string, string>>; isSecret: SecretTest },
): Explanation {
  const tokens = parsePointer(pointer);
  const keySecret = options.isSecret(tokens);
  const entryFor = (f: ConfigFile, layer?: number): ExplainEntry => {
    const v = getAtPath(f.value, tokens);
    const e: ExplainEntry = { file: f.path, defined: v !== undefined, wins: false };
    if (layer !== undefined && options.layers) {
      e.layer = layer + 1;
      e.layerName = layerName(options.layers, layer);
    }
    if (v !== undefined) {
      e.value = shownValue(v, keySecret, options.isSecret);
      const pos = f.doc?.locate(pointer);
      if (pos) e.position = { line: pos.line, column: pos.column };
    }
    return e;
  };
  const key = pointerToDotted(pointer) || "(root)";
  const owner = ownerOf(pointer, options.owners ?? {});
  let entries: ExplainEntry[];
  let note: string;
  if (options.layers) {
    const { placed } = assignLayers(files, options.layers);
    entries = placed.map((p) => entryFor(p.file, p.layer));
    const defining = placed.filter((_, i) => entries[i]!.defined);
    const top = defining.length > 0 ? defining[defining.length - 1]!.layer : -1;
    const alts = new Set(placed.filter((p) => p.layer === top).map((p) => p.alt));
    const setting = new Set(defining.filter((p) => p.layer === top).map((p) => p.alt));
    placed.forEach((p, i) => {
      if (p.layer === top && entries[i]!.defined) entries[i]!.wins = true;
    });
    note =
      top < 0
        ? `no file of the layers sets ${key}`
        : `the highest layer that sets ${key} wins (layer ${top + 1}: ${layerName(options.layers, top)})` +
          (alts.size > 1 ? `; its alternatives apply one at a time` : "") +
          (setting.size < alts.size ? `; where an alternative that does not set it applies, a lower layer's value is used` : "");
  } else {
    entries = files.map((f) => entryFor(f));
    const ownerEntry = owner === undefined ? undefined : entries.find((e) => e.file === owner && e.defined);
    const winner = ownerEntry ?? [...entries].reverse().find((e) => e.defined);
    if (winner) winner.wins = true;
    note = ownerEntry
      ? `${key} belongs to ${owner} (config.owners), whatever the precedence`
      : winner
        ? `the last file in precedence order that sets ${key} wins`
        : `no file of the set defines ${key}`;
  }
  return { pointer, key, entries, note };
}
