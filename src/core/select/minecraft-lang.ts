/**
 * Minecraft Java Edition lang files: `assets/<namespace>/lang/<locale>.json` in a resource pack or
 * a mod's resources (and folders below it, such as a mod's generated `lang/unfinished/`, which its
 * lang tooling reads the same way). Minecraft loads one with Gson into a JsonObject
 * (`Language.loadFromJson`: `GSON.fromJson(reader, JsonObject.class)`), and Gson's JsonElement
 * reading keeps the last of a repeated member without a word. Every member is a translation looked
 * up by its key, so a translation key given twice loses its first translation: that stays the
 * duplicate-key error. Keys starting with `_` are comments by the mods' convention: no game text
 * is looked up by them, and lang generators skip them (Create's LangMerger: `key.startsWith("_")`),
 * which write `"_": "->---] Game Elements [---<-"` as section headers, repeated through the
 * file. A repeated `_` key is therefore a notice here, not an error.
 * Pure; asked only after a strict parse failed, and only for these names.
 */
import type { Finding } from "../finding.js";

const LANG_FILE = /(?:^|\/)assets\/[^/]+\/lang\/(?:[^/]+\/)*[^/]+\.json$/i;

/** A Minecraft Java lang file by its path. */
export function isMinecraftLangFile(file: string): boolean {
  return LANG_FILE.test(file.replace(/\\/g, "/"));
}

/** The findings of a lang file: a repeated top-level key starting with `_` is a comment (see above). */
export function minecraftLangFindings(findings: readonly Finding[]): Finding[] {
  return findings.map((f) => {
    if (f.rule !== "parse/duplicate-key" || f.level !== "error" || f.key === undefined || !f.key.startsWith("_")) return f;
    // A lang file is flat: only a top-level member is a translation (or a comment).
    if (f.pointer === undefined || f.pointer.split("/").length - 1 > 1) return f;
    const first = f.related?.[0]?.line;
    return {
      ...f,
      level: "notice",
      message: `${JSON.stringify(f.key)} repeated on line ${f.line}${first === undefined ? "" : ` (first on line ${first})`}: a comment in a Minecraft lang file; Minecraft keeps the last value and looks up no translation by a key starting with "_"`,
      expected: "unique translation keys; `_` comment keys may repeat",
      fix: "nothing to do for Minecraft",
    };
  });
}
