/**
 * OpenRA's MiniYaml: the engine's own line format under `.yaml` names (OpenRA.Game/MiniYaml.cs,
 * FromLines). One `key: value` per line; the level is the count of leading tabs plus one per four
 * leading spaces; what follows an unescaped `#` is a comment; lines without a key (blank,
 * comment-only) are dropped. The reader throws on only one thing, a line more than one level
 * deeper than the key line before it ("Bad indent in miniyaml"). What a repeated key means depends
 * on who reads the file: rules merge repeated top-level and trait keys (MergeSelfPartial,
 * MergeIntoResolved: OpenRA's own rules repeat `RenderSprites:` and `Inherits:` under one actor),
 * chrome and content files repeat `Container@ROW:` among a widget's children, but the manifest
 * reads a mod.yaml's top level with ToDictionary, which throws ("Duplicate key"). So only that
 * one is reported.
 *
 * Pure, one pass over the lines with indexOf only: linear in the text.
 */
import type { Finding } from "../finding.js";
import { LineIndex } from "./lines.js";
import { findMergeConflict } from "./markers.js";

const SPACES_PER_LEVEL = 4;

/** The MiniYaml reader's findings for `text` (none when OpenRA reads it). `manifest`: the file is a mod.yaml. */
export function miniYamlFindings(text: string, file: string, manifest: boolean): Finding[] {
  const conflict = findMergeConflict(text, new LineIndex(text), file);
  if (conflict) return [conflict];
  const findings: Finding[] = [];
  /** Sibling keys seen so far at each level of the current branch, with their line. */
  const siblings: Map<string, number>[] = [];
  let previous: { level: number; line: number } | undefined;
  let lineNo = 0;
  for (let start = 0; start <= text.length;) {
    const nl = text.indexOf("\n", start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end > start && text[end - 1] === "\r" ? end - 1 : end);
    start = end + 1;
    lineNo++;
    const { level, keyStart } = levelOf(line);
    const key = keyOf(line, keyStart);
    if (key === "") continue; // dropped by the reader (discardCommentsAndWhitespace)
    if (previous && previous.level < level - 1) {
      findings.push({
        rule: "parse/syntax",
        level: "error",
        file,
        line: lineNo,
        column: keyStart + 1,
        key,
        message: `bad indent in MiniYaml: "${key}" is at level ${level}, more than one level deeper than line ${previous.line} (level ${previous.level}); OpenRA refuses the file ("Bad indent in miniyaml")`,
        expected: `level ${previous.level + 1} or less`,
        found: `level ${level}`,
        fix: `indent it at most one tab (or four spaces) deeper than line ${previous.line}`,
      });
    }
    siblings.length = Math.min(siblings.length, level + 1);
    const here = (siblings[level] ??= new Map());
    const first = here.get(key);
    if (first !== undefined && level === 0 && manifest) {
      findings.push({
        rule: "parse/duplicate-key",
        level: "error",
        file,
        line: lineNo,
        column: keyStart + 1,
        key,
        message: `duplicate key "${key}" (first at line ${first}): OpenRA reads a mod.yaml's top level as a dictionary and refuses a repeated key ("Duplicate key")`,
        fix: `merge the two "${key}" blocks into one`,
        related: [{ file, line: first, message: "first here" }],
      });
    } else if (first === undefined) here.set(key, lineNo);
    previous = { level, line: lineNo };
  }
  return findings;
}

/** The key of a line as FromLines cuts it: up to the first `:` or unescaped `#`, trimmed. */
function keyOf(line: string, keyStart: number): string {
  let end = line.length;
  const colon = line.indexOf(":", keyStart);
  if (colon >= 0) end = colon;
  for (let h = line.indexOf("#", keyStart); h >= 0 && h < end; h = line.indexOf("#", h + 1)) {
    if (h === 0 || line[h - 1] !== "\\") {
      end = h;
      break;
    }
  }
  return line.slice(keyStart, end).trim();
}

/** A MiniYaml line's level (tabs, plus one per four spaces) and where its key starts. */
function levelOf(line: string): { level: number; keyStart: number } {
  let level = 0;
  let spaces = 0;
  let keyStart = 0;
  for (; keyStart < line.length; keyStart++) {
    const c = line[keyStart];
    if (c === "\t") level++;
    else if (c === " ") {
      if (++spaces >= SPACES_PER_LEVEL) {
        spaces = 0;
        level++;
      }
    } else break;
  }
  return { level, keyStart };
}

/** The keys that list what a manifest mounts: `Packages:` (today's, also under `FileSystem:`) and `Folders:` (before 2016). */
const MOUNT_LISTS = new Set(["Packages", "Folders"]);

/**
 * The folders a MiniYaml mod manifest mounts from the engine's folder, as paths relative to it
 * (OpenRA.Game/FileSystem/FileSystem.cs, Mount): the entries of its `Packages:` and `Folders:`
 * lists written `^EngineDir|mods/common` (today's form) or `./mods/common` (the engine folder was
 * the working folder), an optional `~` first. Entries the repository cannot hold are left out:
 * `^SupportDir|...` (the player's folder), `$ra` (a mod by id: its folder has a mod.yaml of its
 * own), `common|scripts` (inside another mount), the engine folder itself (`^EngineDir`, `.`:
 * mounted for its loose files, not read as a mod), and any path leaving the engine folder.
 * One pass over the lines with indexOf: linear in the text.
 */
export function miniYamlMounts(text: string): string[] {
  const out: string[] = [];
  /** The level of the `Packages:`/`Folders:` line whose entries are being read. */
  let listLevel: number | undefined;
  for (let start = 0; start < text.length;) {
    const nl = text.indexOf("\n", start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end > start && text[end - 1] === "\r" ? end - 1 : end);
    start = end + 1;
    const { level, keyStart } = levelOf(line);
    const key = keyOf(line, keyStart);
    if (key === "") continue;
    if (listLevel !== undefined && level === listLevel + 1) {
      const mount = engineRelative(key);
      if (mount !== undefined) out.push(mount);
      continue;
    }
    if (listLevel !== undefined && level > listLevel + 1) continue;
    listLevel = MOUNT_LISTS.has(key) ? level : undefined;
  }
  return out;
}

/** `^EngineDir|mods/common` or `./mods/common` (optionally after `~`) as `mods/common`; undefined for anything else. */
function engineRelative(entry: string): string | undefined {
  const e = entry.startsWith("~") ? entry.slice(1) : entry;
  let rest: string;
  if (e.startsWith("^EngineDir|")) rest = e.slice("^EngineDir|".length);
  else if (e.startsWith("./")) rest = e.slice(2);
  else return undefined;
  const parts: string[] = [];
  for (const part of rest.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." || part.includes("\\")) return undefined;
    parts.push(part);
  }
  return parts.length ? parts.join("/") : undefined;
}

/**
 * True when `text` is an OpenRA mod manifest in MiniYaml: its first key line is `Metadata:` at
 * the top level and the key line after it is indented by a tab, which YAML refuses (so a YAML
 * file named mod.yaml, even one with a Metadata map, never makes its folder MiniYaml).
 */
export function isMiniYamlManifest(text: string): boolean {
  let seenMetadata = false;
  for (let start = 0; start < text.length;) {
    const nl = text.indexOf("\n", start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end).replace(/\r$/, "");
    start = end + 1;
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    if (!seenMetadata) {
      if (!/^Metadata:[ \t]*(?:#.*)?$/.test(line)) return false;
      seenMetadata = true;
      continue;
    }
    return /^\t[^\s:#][^:#]*:/.test(line);
  }
  return false;
}
