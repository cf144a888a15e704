/**
 * Edit a JSON or YAML file's text and prove the result: the edited text is parsed again and must
 * hold exactly the old data with the edits applied. Anything else throws, so a bad edit can
 * never reach the disk.
 */
import { parse as parseYamlValue } from "yaml";
import { parsePointer } from "../pointer.js";
import { editJsonText } from "./edit-json.js";
import { editYamlText } from "./edit-yaml.js";
import type { TextEdit } from "./types.js";
import { canon, clone, setAtPath } from "./values.js";

export type EditFormat = "json" | "yaml";

/** Drop edits below another edit's pointer: the ancestor's value already holds them. */
function outermostEdits(edits: readonly TextEdit[]): TextEdit[] {
  const pointers = new Set(edits.map((e) => e.pointer));
  const out = new Map<string, TextEdit>();
  for (const e of edits) {
    let covered = false;
    for (let i = e.pointer.lastIndexOf("/"); i >= 0 && !covered; i = i === 0 ? -1 : e.pointer.lastIndexOf("/", i - 1)) {
      if (pointers.has(e.pointer.slice(0, i)) && e.pointer.slice(0, i) !== e.pointer) covered = true;
    }
    if (!covered) out.set(e.pointer, e);
  }
  return [...out.values()];
}

function readBack(text: string, format: EditFormat): unknown {
  return format === "json" ? JSON.parse(text) : parseYamlValue(text, { merge: true, maxAliasCount: 10000 });
}

/**
 * Apply `edits` to `text` (keeping layout) and verify by reading it back. Throws an Error whose
 * message says why when the edit cannot be made or would not read back as intended.
 */
export function editText(text: string, format: EditFormat, edits: readonly TextEdit[]): string {
  const list = outermostEdits(edits);
  if (list.length === 0) return text;
  const out = format === "json" ? editJsonText(text, list) : editYamlText(text, list);
  const before = readBack(text, format);
  let expected: unknown = clone(before);
  for (const e of list) expected = setAtPath(expected, parsePointer(e.pointer), clone(e.value));
  let after: unknown;
  try {
    after = readBack(out, format);
  } catch (error) {
    throw new Error(`the edited text would not parse (${(error as Error).message.split("\n")[0]}); nothing was written`, { cause: error });
  }
  if (canon(after) !== canon(expected)) throw new Error("the edited text would not read back as the intended data; nothing was written");
  return out;
}
