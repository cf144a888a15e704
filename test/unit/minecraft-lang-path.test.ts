/**
 * Session 21: the one path rule of a Minecraft Java lang file (core/select/minecraft-lang.ts),
 * and its two readings: any lang file the mods' tooling reads (the `_` comment keys) and the
 * one the game loads by its ResourceLocation (the lenient-Gson JSONC reading,
 * jsonc-by-content.ts). Before, each module had a regex of its own; the rows are what both gave.
 */
import { describe, expect, it } from "vitest";
import { isMinecraftLangFile, minecraftLangNamespace } from "../../src/core/select/minecraft-lang.js";

const rows: [path: string, anyLangFile: boolean, gameNamespace: string | undefined][] = [
  ["src/main/resources/assets/twilightforest/lang/en_us.json", true, "twilightforest"],
  ["assets/minecraft/lang/zh_cn.json", true, "minecraft"],
  ["assets/my.mod-x/lang/en_us.json", true, "my.mod-x"],
  // Folders below lang/ (a mod's generated lang/unfinished/): tooling reads them, the game does not.
  ["src/generated/resources/assets/create/lang/unfinished/de_de.json", true, undefined],
  // Not a ResourceLocation: uppercase, a space, a dash in the locale, an uppercase extension.
  ["Assets/mod/lang/en_us.json", true, undefined],
  ["assets/mod/Lang/en_us.json", true, undefined],
  ["assets/My Mod/lang/en_us.json", true, undefined],
  ["assets/mod/lang/en_US.json", true, undefined],
  ["assets/mod/lang/zh-cn.json", true, undefined],
  ["assets/mod/lang/en_us.JSON", true, undefined],
  // A pack inside a pack's folder: the innermost `assets/` names the namespace.
  ["assets/outer/lang/assets/inner/lang/en_us.json", true, "inner"],
  ["assets/assets/lang/en_us.json", true, "assets"],
  ["a\\assets/mod/lang/en_us.json", true, undefined],
  ["assets/mod/lang/en_us.json5", false, undefined],
  ["assets/lang/en_us.json", false, undefined],
  ["myassets/mod/lang/en_us.json", false, undefined],
  ["lang/en_us.json", false, undefined],
];

describe("the Minecraft lang path rule: one module, two readings", () => {
  it.each(rows)("%s: a lang file %s, loaded by the game as namespace %s", (file, anyLangFile, gameNamespace) => {
    expect(isMinecraftLangFile(file)).toBe(anyLangFile);
    expect(minecraftLangNamespace(file)).toBe(gameNamespace);
  });
});
