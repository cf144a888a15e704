/**
 * A Minecraft Java mod's or resource pack's translations, `assets/<namespace>/lang/<locale>.json`:
 * the game loads them with Language.loadFromJson, `GSON.fromJson(reader, JsonObject.class)`, and
 * Gson's fromJson reads leniently (a reader left at its default strictness is switched to
 * LENIENT): `//` and block comments pass. A trailing comma in the object fails ("Expected name")
 * and so does a leading BOM (read as an unquoted string, not the object): the whole language is
 * then not loaded. TeamTwilight/twilightforest's Spanish translations carry `// ADVANCEMENTS`
 * section comments (4 false blocks, run whole). A file says it is Minecraft's by its keys, which
 * name the folder's namespace (`item.twilightforest.x`, `block.minecraft.stone`); an app's
 * `assets/i18n/lang/en_us.json` read by JSON.parse stays strict.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function errors(repo: TestRepo, args: string[]): Promise<[string, string][]> {
  const r = await repo.cli([...args, "--format", "json"]);
  const findings = (JSON.parse(r.stdout || "{}") as { findings?: Finding[] }).findings ?? [];
  return findings
    .filter((f) => f.level === "error")
    .map((f): [string, string] => [f.rule, f.file ?? ""])
    .sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]));
}

const LANG = `{
  "itemGroup.twilightforest": "Twilight Forest",

  // ADVANCEMENTS
  "advancement.twilightforest.root.desc": "Entra en el misterioso bosque mágico.",
  /* General progression */
  "block.twilightforest.hedge": "Seto"
}
`;

describe("Minecraft Java lang files", () => {
  it("comments in assets/<namespace>/lang/<locale>.json pass, in a mod's sources and in a resource pack", () =>
    withRepo(async (repo) => {
      repo.write("src/main/resources/assets/twilightforest/lang/es_ar.json", LANG);
      repo.write(
        "pack/assets/minecraft/lang/en_us.json",
        '{\n  // vanilla overrides\n  "block.minecraft.stone": "Rock",\n  "item.minecraft.diamond": "Gem"\n}\n',
      );
      repo.git("add", "-A");
      expect(await errors(repo, ["check", "--staged"])).toEqual([]);
      expect(await errors(repo, ["check"])).toEqual([]);
    }));

  it("what Gson refuses (a trailing comma, a BOM, a cut file) is still reported, and other lang files stay strict", () =>
    withRepo(async (repo) => {
      const dir = "src/main/resources/assets/twilightforest/lang";
      repo.write(`${dir}/es_cl.json`, LANG.replace('"Seto"', '"Seto",'));
      repo.write(`${dir}/es_ec.json`, `\uFEFF${LANG}`);
      repo.write(`${dir}/es_mx.json`, LANG.slice(0, LANG.indexOf('"block.')));
      // Keys that do not name the folder's namespace: a web app's strings, read with JSON.parse.
      repo.write("web/assets/i18n/lang/en_us.json", '{\n  // menu\n  "menu.quit": "Quit"\n}\n');
      repo.git("add", "-A");
      expect(await errors(repo, ["check", "--staged"])).toEqual([
        ["parse/syntax", `${dir}/es_cl.json`],
        ["parse/encoding", `${dir}/es_ec.json`],
        ["parse/syntax", `${dir}/es_ec.json`],
        ["parse/truncated", `${dir}/es_mx.json`],
        ["parse/syntax", "web/assets/i18n/lang/en_us.json"],
      ]);
    }));
});
