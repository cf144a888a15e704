/**
 * Stardew Valley mods (src/core/select/smapi-mod.ts): SMAPI reads a mod's manifest.json and every
 * JSON file of the mod with Json.NET, which skips comments and a BOM and allows trailing commas,
 * single quotes and unquoted names. Such files pass in a folder whose nearest manifest.json is a
 * SMAPI manifest, through `check`, `check --staged` and the parse workers; the same text outside a
 * mod, and what Json.NET refuses too (a missing comma, a truncated file), stay errors.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function errorsOf(repo: TestRepo, args: string[], env: Record<string, string> = {}): Promise<Finding[]> {
  const r = await repo.cli([...args, "--format", "json"], env);
  expect([0, 1], r.stderr).toContain(r.code);
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings.filter((f) => f.level === "error");
}
const filesOf = (fs: Finding[]) => [...new Set(fs.map((f) => f.file))].sort();

// Reduced from Pathoschild/StardewMods (MIT), commit a6ac89d5a4ee: SkipIntro/manifest.json,
// SkipIntro/i18n/default.json and SmallBeachFarm/assets/data.json, each saved with a BOM.
const MANIFEST =
  '\ufeff{\n    "Name": "Skip Intro",\n    "Author": "Pathoschild",\n    "Version": "1.9.16",\n    "UniqueID": "Pathoschild.SkipIntro",\n    "EntryDll": "SkipIntro.dll",\n    "UpdateKeys": [ "Nexus:533" ]\n}\n';
const I18N =
  '\ufeff{\n    /*********\n    ** Generic Mod Config Menu UI\n    *********/\n    "config.skip-to.name": "Skip to",\n    "config.skip-to.values.title-menu": "Title menu",\n}\n';
const DATA =
  '\ufeff{\n    "Fish": [\n        // river (30% forest, else town)\n        {\n            "Id": "River_Forest",\n            "Chance": 0.3\n        },\n    ]\n}\n';
// A content pack for Content Patcher: ContentPackFor instead of EntryDll; names in any case, as Json.NET matches them.
const PACK_MANIFEST =
  '{\n  // a content pack\n  "name": "Example Pack",\n  "uniqueId": "Example.Pack",\n  "contentPackFor": { "UniqueID": "Pathoschild.ContentPatcher" },\n}\n';
const CONTENT = "{\n  Format: '2.0.0',\n  \"Changes\": [\n    /* none yet */\n  ],\n}\n";

function writeValid(repo: TestRepo): void {
  repo.write("Mods/SkipIntro/manifest.json", MANIFEST);
  repo.write("Mods/SkipIntro/i18n/default.json", I18N);
  repo.write("Mods/SkipIntro/assets/data.json", DATA);
  repo.write("Mods/[CP] Example/manifest.json", PACK_MANIFEST);
  repo.write("Mods/[CP] Example/content.json", CONTENT);
}

describe("SMAPI mods: JSON read by Json.NET", () => {
  it("passes a mod's comments, BOMs, trailing commas and JSON5-like syntax; keeps what Json.NET refuses", async () => {
    await withRepo(async (repo) => {
      await repo.cli(["init"]);
      writeValid(repo);
      for (const env of [{}, { IG_PARSE_WORKERS: "2" }] as Record<string, string>[])
        expect(await errorsOf(repo, ["check"], env), JSON.stringify(env)).toEqual([]);
      repo.git("add", "-A");
      expect(await errorsOf(repo, ["check", "--staged"])).toEqual([]);
      repo.commitAll("valid");

      const broken: [string, string, string, number][] = [
        ["Mods/SkipIntro/i18n/default.json", I18N.replace('"Skip to",', '"Skip to"'), "parse/syntax", 6],
        ["Mods/SkipIntro/assets/data.json", DATA.slice(0, 90), "parse/truncated", 1],
        // JSON5 decides here (single quotes, an unquoted name): a missing comma stops it at the next name.
        ["Mods/[CP] Example/content.json", CONTENT.replace("'2.0.0',", "'2.0.0'"), "parse/syntax", 3],
      ];
      for (const [file, text, rule, line] of broken) {
        writeValid(repo);
        repo.write(file, text);
        for (const env of [{}, { IG_PARSE_WORKERS: "2" }] as Record<string, string>[]) {
          const errors = await errorsOf(repo, ["check"], env);
          expect(filesOf(errors), `${file} ${rule}`).toEqual([file]);
          expect(errors[0]!.rule, `${file} ${JSON.stringify(env)}`).toMatch(/^parse\/(syntax|truncated)$/);
          if (rule === "parse/syntax") expect(errors[0]!.line, `${file} ${JSON.stringify(env)}`).toBe(line);
        }
      }
      // A broken manifest is reported at its line; SMAPI skips the whole mod then, so the mod's
      // other files are no longer known as its own and their comments are reported too.
      writeValid(repo);
      repo.write("Mods/SkipIntro/manifest.json", MANIFEST.replace('"Pathoschild",', '"Pathoschild"'));
      const errors = await errorsOf(repo, ["check"]);
      const manifest = errors.filter((f) => f.file === "Mods/SkipIntro/manifest.json");
      expect(manifest.map((f) => [f.rule, f.line])).toContainEqual(["parse/syntax", 4]);
    });
  });

  it("reads the same files strictly outside a mod, or under a manifest that is not SMAPI's", async () => {
    await withRepo(async (repo) => {
      await repo.cli(["init"]);
      repo.write("plain/i18n/default.json", I18N.slice(1));
      // A web app manifest nearer than the mod's: it decides, and it is no mod.
      repo.write("Mods/SkipIntro/manifest.json", MANIFEST);
      repo.write("Mods/SkipIntro/web/manifest.json", '{ "name": "site", "start_url": "/" }\n');
      repo.write("Mods/SkipIntro/web/data.json", DATA.slice(1));
      // A manifest with a UniqueID but neither EntryDll nor ContentPackFor is not a SMAPI manifest.
      repo.write("other/manifest.json", '{ "UniqueID": "x.y", "Version": "1.0.0" }\n');
      repo.write("other/data.json", DATA.slice(1));
      expect(filesOf(await errorsOf(repo, ["check"]))).toEqual([
        "Mods/SkipIntro/web/data.json",
        "other/data.json",
        "plain/i18n/default.json",
      ]);
    });
  });
});
