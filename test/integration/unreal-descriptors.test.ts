/**
 * Unreal Engine's plugin and project descriptors (`*.uplugin`, `*.uproject`) were not selected at
 * all: a descriptor cut short or left with conflict markers passed, and the plugin then fails to
 * load (or the project to open). They are now read as the engine reads them: FJsonSerializer's
 * TJsonReader (Runtime/Json/Public/Serialization/JsonReader.h) has no comments and fails on a cut
 * file or a missing comma, takes a trailing comma (sideeffects/HoudiniEngineForUnreal#242 shipped
 * one), and the file is loaded with FFileHelper::LoadFileToString, which skips a UTF-8 BOM (a
 * warning naming the engine, not a block).
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function found(repo: TestRepo): Promise<{ code: number; findings: [string, string, string][] }> {
  const r = await repo.cli(["check", "--format", "json"]);
  const findings = (JSON.parse(r.stdout || "{}") as { findings?: Finding[] }).findings ?? [];
  return {
    code: r.code,
    findings: findings
      .filter((f) => f.level !== "notice")
      .map((f): [string, string, string] => [f.level, f.rule, f.file ?? ""])
      .sort((a, b) => a[2].localeCompare(b[2])),
  };
}

// The shape the editor writes (tabs), as a plugin's author edits it.
const PLUGIN =
  '{\n\t"FileVersion": 3,\n\t"VersionName": "1.0",\n\t"FriendlyName": "Sockets",\n\t"Modules": [\n\t\t{\n\t\t\t"Name": "Sockets",\n\t\t\t"Type": "Runtime",\n\t\t\t"LoadingPhase": "Default"\n\t\t}\n\t]\n}\n';
const PROJECT =
  '{\n\t"FileVersion": 3,\n\t"EngineAssociation": "5.3",\n\t"Modules": [\n\t\t{ "Name": "Game", "Type": "Runtime" }\n\t]\n}\n';

describe("Unreal Engine descriptors are read as the engine reads them", () => {
  it("a trailing comma passes and a BOM is a warning; a cut file, conflict markers and a comment are errors", () =>
    withRepo(async (repo) => {
      repo.write("Game.uproject", PROJECT);
      repo.write("Plugins/A/A.uplugin", PLUGIN.replace('"Default"\n\t\t}\n', '"Default"\n\t\t},\n'));
      repo.write("Plugins/B/B.uplugin", `\uFEFF${PLUGIN}`);
      repo.write("Plugins/C/C.uplugin", PLUGIN.slice(0, PLUGIN.indexOf('"Type"')));
      repo.write(
        "Plugins/D/D.uplugin",
        PLUGIN.replace('\t"Modules"', '<<<<<<< HEAD\n\t"Modules"').replace("\t]\n}", "\t]\n=======\n>>>>>>> theirs\n}"),
      );
      repo.write("Plugins/E/E.uplugin", PLUGIN.replace('"FileVersion": 3,', '"FileVersion": 3, // bumped'));
      repo.write("Other.uproject", PROJECT.replace('"5.3",', '"5.3"'));
      repo.git("add", "-A");
      const r = await found(repo);
      expect(r.findings).toEqual([
        ["error", "parse/syntax", "Other.uproject"],
        ["warning", "parse/encoding", "Plugins/B/B.uplugin"],
        ["error", "parse/truncated", "Plugins/C/C.uplugin"],
        ["error", "parse/merge-conflict", "Plugins/D/D.uplugin"],
        ["error", "parse/syntax", "Plugins/E/E.uplugin"],
      ]);
      expect(r.code).toBe(1);
    }));

  it("what the editor writes passes", () =>
    withRepo(async (repo) => {
      repo.write("Game.uproject", PROJECT);
      repo.write("Plugins/Sockets/Sockets.uplugin", PLUGIN);
      repo.git("add", "-A");
      const r = await found(repo);
      expect(r.findings).toEqual([]);
      expect(r.code).toBe(0);
    }));
});
