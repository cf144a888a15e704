/**
 * JSON data of a Godot project (a folder with `project.godot`). Godot loads a project's `.json`
 * files (dialogue, levels, saves, `res://` paths) with its JSON class (core/io/json.cpp), whose
 * parser differs from RFC 8259 in two ways that matter here: after a comma, `}` or `]` closes the
 * object or array (a trailing comma is read), and a raw line break inside a string is kept. It has
 * no comment syntax (`/` is "Unexpected character"), and a missing comma, an unclosed string or a
 * cut file fail as in JSON. A repeated key keeps the last value: still a duplicate-key error here.
 *
 * Not every `.json` under a Godot project is Godot's: a Node project inside it (godot-demo-projects
 * keeps a signaling server with its package.json in networking/webrtc_signaling/server_node) is
 * read by npm and Node, so a `package.json` nearer than `project.godot` (or the file being one)
 * keeps strict JSON; so does a file in a hidden folder, which Godot's filesystem never lists. Pure.
 */
import type { JsoncDialect } from "./jsonc-by-content.js";

/** Godot's JSON class: no comments, trailing commas, raw line breaks in strings; a BOM is not assumed skipped. */
const GODOT_JSON: JsoncDialect = {
  reader: "Godot (the JSON class)",
  comments: false,
  trailingCommas: true,
  lineBreaksInStrings: true,
  leadingBom: false,
};

/**
 * The marker files that decide whether `file` is Godot data, nearest folder first: for each folder
 * from the file's own up to the root, its `package.json` then its `project.godot`. Empty for a
 * file that is not `.json`, or that sits in a hidden folder.
 */
export function godotMarkerCandidates(file: string): string[] {
  // Any case: the game opens the path it names and hands the text to the JSON class (Data.JSON too).
  if (!file.toLowerCase().endsWith(".json")) return [];
  const parts = file.split("/").slice(0, -1);
  if (parts.some((p) => p.startsWith("."))) return [];
  const out: string[] = [];
  for (let i = parts.length; i >= 0; i--) {
    const dir = parts.slice(0, i).join("/");
    const prefix = dir ? `${dir}/` : "";
    out.push(`${prefix}package.json`, `${prefix}project.godot`);
  }
  return out;
}

/**
 * GODOT_JSON when the nearest of `godotMarkerCandidates(file)` that exists is a `project.godot`
 * (and the file is not a package.json itself); undefined otherwise.
 */
export function godotDialectOf(file: string, exists: (path: string) => boolean): JsoncDialect | undefined {
  for (const candidate of godotMarkerCandidates(file)) {
    if (candidate === file) return undefined; // the file is a package.json: npm's
    if (exists(candidate)) return candidate.endsWith("project.godot") ? GODOT_JSON : undefined;
  }
  return undefined;
}
