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

/**
 * The one path rule of a lang file, `assets/<namespace>/lang/[<folders>/]<locale>.json` in any
 * case, parsed at its last `assets/` (the innermost pack folder): the words `assets`, `lang` and
 * `json` as written, the namespace, the folders below `lang/` and the locale. Both readings below use it.
 */
const LANG_PATH = /^(?:[\s\S]*\/)?(assets)\/([^/]+)\/(lang)\/((?:[^/]+\/)*)([^/]+)\.(json)$/i;

/** A Minecraft Java lang file by its path: the folders below lang/ too, in any case (the mods' tooling reads them alike). */
export function isMinecraftLangFile(file: string): boolean {
  return LANG_PATH.test(file.replace(/\\/g, "/"));
}

/**
 * The namespace of a lang file the game itself loads, or undefined: `assets/<namespace>/lang/<locale>.json`
 * as a ResourceLocation names it (lowercase `assets`, `lang` and `.json`, namespace of [a-z0-9_.-], locale
 * of [a-z0-9_], no folder between). jsonc-by-content.ts reads such a file as lenient Gson does
 * when its keys name this namespace.
 */
export function minecraftLangNamespace(file: string): string | undefined {
  const m = LANG_PATH.exec(file);
  if (!m || m[1] !== "assets" || m[3] !== "lang" || m[4] !== "" || m[6] !== "json") return undefined;
  return /^[a-z0-9_.-]+$/.test(m[2]!) && /^[a-z0-9_]+$/.test(m[5]!) ? m[2] : undefined;
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
