/**
 * Stardew Valley mods loaded by SMAPI. SMAPI reads a mod's manifest.json, and every JSON file of
 * the mod through its JsonHelper (config.json, i18n/*.json, a content pack's content.json, the
 * assets a mod loads with `Helper.Data.ReadJsonFile` or `Helper.ModContent.Load`): the text is
 * read with File.ReadAllText, which drops a BOM, and handed to Json.NET's JsonConvert with the
 * default reader settings. Json.NET's JsonTextReader skips `//` and `/* *\/` comments, allows a
 * trailing comma in objects and arrays, and reads single-quoted strings, unquoted property names
 * and hex numbers; it still stops at a missing comma, an unclosed string or a truncated file.
 * Pathoschild/StardewMods writes its i18n and asset files with a comment header and a BOM. Pure.
 */
import type { JsoncDialect } from "./jsonc-by-content.js";

/**
 * Json.NET as SMAPI calls it: JSONC with trailing commas, a leading BOM skipped, and the json5
 * package deciding what the JSONC parse refuses (single quotes, unquoted keys), the nearest
 * reader to JsonTextReader's leniency at hand.
 */
export const SMAPI_MOD: JsoncDialect = { reader: "SMAPI (Json.NET)", trailingCommas: true, json5: true };

/**
 * True when `manifest` (a parsed manifest.json) is a SMAPI mod's: a UniqueID, and an EntryDll (a
 * C# mod) or a ContentPackFor (a content pack). Json.NET matches property names without regard to
 * case, so SMAPI does too.
 */
export function isSmapiManifest(manifest: unknown): boolean {
  if (manifest === null || typeof manifest !== "object" || Array.isArray(manifest)) return false;
  const keys = new Map(Object.entries(manifest).map(([k, v]) => [k.toLowerCase(), v]));
  if (typeof keys.get("uniqueid") !== "string") return false;
  const pack = keys.get("contentpackfor");
  return typeof keys.get("entrydll") === "string" || (pack !== null && typeof pack === "object" && !Array.isArray(pack));
}
