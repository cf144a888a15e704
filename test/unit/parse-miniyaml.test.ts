/**
 * OpenRA's MiniYaml reader (core/parse/miniyaml.ts), held to OpenRA.Game/MiniYaml.cs: levels by
 * tabs or four spaces, comments and blank lines dropped, "Bad indent" on a line more than one
 * level deeper than the key line before it, "Duplicate key" only where the engine builds a
 * dictionary from a mod.yaml's top level; and the test that makes a folder a mod.
 */
import { describe, expect, it } from "vitest";
import { isMiniYamlManifest, miniYamlFindings, miniYamlMounts } from "../../src/core/parse/miniyaml.js";

const RULES = [
  "^Infantry:",
  "\tInherits@1: ^ExistsInWorld",
  "\tHealth:",
  "\t\tHP: 5000 # a comment",
  "\t-Crushable:",
  "\tWithInfantryBody@DEPLOYED:",
  "\t\tRequiresCondition: deployed",
  "\t\tText: 50\\# of them",
  "",
  "# a comment at the top",
  "\t\t\t\t# an over-deep comment is dropped",
  "E1:",
  "    Inherits: ^Infantry",
  "    Tooltip:",
  "        Name: Rifle Infantry",
  "\tRenderSprites:",
  "\tRenderSprites:",
  "\t\tImage: e1",
  "E1:",
  "\tValued:",
  "\t\tCost: 100",
  "",
].join("\n");

describe("MiniYaml reader", () => {
  it("reads OpenRA's rules forms: tabs, four spaces, comments, \\#, -Trait, Trait@suffix, merged repeats", () => {
    expect(miniYamlFindings(RULES, "mods/x/rules/infantry.yaml", false)).toEqual([]);
    expect(miniYamlFindings(RULES.replaceAll("\n", "\r\n"), "mods/x/rules/infantry.yaml", false)).toEqual([]);
  });

  it("a line two levels deeper than the key line before it is a parse/syntax error at its line and column", () => {
    const text = "E1:\n\tHealth:\n\t\t\tHP: 50\n\tArmor:\n\t\tType: None\n";
    const found = miniYamlFindings(text, "r.yaml", false);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: "parse/syntax", level: "error", line: 3, column: 4, key: "HP" });
    expect(found[0]!.message).toContain("Bad indent in miniyaml");
  });

  it("eight spaces under a top-level key is two levels: an error; three spaces is level 0", () => {
    expect(miniYamlFindings("E1:\n        HP: 5\n", "r.yaml", false).map((f) => f.line)).toEqual([2]);
    expect(miniYamlFindings("E1:\n   HP: 5\n", "r.yaml", false)).toEqual([]);
  });

  it("a first line already indented twice is an error only after a key line (the reader compares with the line before)", () => {
    expect(miniYamlFindings("\t\tHP: 5\n", "r.yaml", false)).toEqual([]);
    expect(miniYamlFindings("A:\n\t\t\tB: 1\n", "r.yaml", false).map((f) => f.found)).toEqual(["level 3"]);
  });

  it("a repeated top-level key of a mod.yaml is a duplicate-key error; nested repeats and other files are merged", () => {
    const manifest = "Metadata:\n\tTitle: x\nRules:\n\ta.yaml\nRules:\n\tb.yaml\n";
    const found = miniYamlFindings(manifest, "mods/x/mod.yaml", true);
    expect(found.map((f) => [f.rule, f.line, f.key])).toEqual([["parse/duplicate-key", 5, "Rules"]]);
    expect(found[0]!.related).toEqual([{ file: "mods/x/mod.yaml", line: 3, message: "first here" }]);
    expect(miniYamlFindings(manifest, "mods/x/rules.yaml", false)).toEqual([]);
    expect(miniYamlFindings("Metadata:\n\tTitle: x\nPackages:\n\ta\n\ta\n", "mod.yaml", true)).toEqual([]);
  });

  it("merge-conflict markers are reported as such", () => {
    const text = "E1:\n<<<<<<< HEAD\n\tCost: 1\n=======\n\tCost: 2\n>>>>>>> other\n";
    expect(miniYamlFindings(text, "r.yaml", false).map((f) => f.rule)).toEqual(["parse/merge-conflict"]);
  });

  it("is linear: 200,000 lines of deep tabs, spaces and #/: runs finish fast", () => {
    const deep = "A:\n" + Array.from({ length: 2000 }, (_, i) => "\t".repeat(i + 1) + "k:").join("\n");
    const noisy = "A:\n\t" + " ".repeat(100_000) + "k" + "\\#".repeat(50_000) + ":".repeat(100_000) + "#".repeat(100_000) + "\n";
    const many = "A:\n" + "\tB: 1 \\# x # y\n".repeat(200_000);
    const t0 = performance.now();
    expect(miniYamlFindings(deep, "d.yaml", false)).toEqual([]);
    expect(miniYamlFindings(noisy, "n.yaml", false)).toHaveLength(1);
    expect(miniYamlFindings(many, "m.yaml", false)).toEqual([]);
    expect(isMiniYamlManifest("Metadata:\n\t" + "a".repeat(200_000) + "#".repeat(200_000))).toBe(false);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

describe("a MiniYaml mod manifest", () => {
  it("is `Metadata:` first, then a tab-indented key", () => {
    expect(isMiniYamlManifest("# comment\n\nMetadata:\n\tTitle: mod-title\n\tVersion: {DEV_VERSION}\n")).toBe(true);
    expect(isMiniYamlManifest("Metadata:\r\n\tTitle: x\r\n")).toBe(true);
  });

  it("is not YAML indented with spaces, another first key, or a Metadata with nothing under it", () => {
    expect(isMiniYamlManifest("Metadata:\n    Title: x\n")).toBe(false);
    expect(isMiniYamlManifest("Metadata:\n  Title: x\n")).toBe(false);
    expect(isMiniYamlManifest("name: x\nMetadata:\n\tTitle: x\n")).toBe(false);
    expect(isMiniYamlManifest("Metadata:\nTitle: x\n")).toBe(false);
    expect(isMiniYamlManifest("Metadata: x\n\tTitle: x\n")).toBe(false);
    expect(isMiniYamlManifest("")).toBe(false);
  });
});

describe("the folders a mod manifest mounts", () => {
  it("reads today's FileSystem Packages (^EngineDir|..., ~optional) and leaves out the player's folder, mods by id, sub-mounts and the engine folder", () => {
    const manifest = [
      "Metadata:",
      "\tTitle: mod-title",
      "",
      "FileSystem: ContentInstallerFileSystem",
      "    Packages:",
      "\t\t^EngineDir",
      "\t\t$ra: ra",
      "\t\t^EngineDir|mods/common: common",
      "\t\t~^EngineDir|./mods/common-content/: content # shared installers",
      "\t\t~^SupportDir|Content/ra/v2/: content",
      "\t\tra|scripts",
      "\t\tcommon|scripts",
      "\tContentPackages:",
      "\t\t^EngineDir|mods/not-a-mount",
      "",
      "ModContent:",
      "\tPackages:",
      "\t\tContentPackage@base:",
      "\t\t\tTitle: base",
      "Rules:",
      "\t^EngineDir|mods/not-a-mount-either",
      "",
    ].join("\n");
    expect(miniYamlMounts(manifest)).toEqual(["mods/common", "mods/common-content"]);
    expect(miniYamlMounts(manifest.replaceAll("\n", "\r\n"))).toEqual(["mods/common", "mods/common-content"]);
  });

  it("reads the older top-level Folders and Packages lists (./path, relative to the engine folder)", () => {
    const old =
      "Metadata:\n\tTitle: x\n\nFolders:\n\t.\n\t./mods/ra\n\t./mods/common\n\t~^Content/ra\n\nPackages:\n\t~main.mix\n\t./mods/shared/bits\n";
    expect(miniYamlMounts(old)).toEqual(["mods/ra", "mods/common", "mods/shared/bits"]);
  });

  it("never leaves the engine folder: .. or a backslash drops the entry, and the engine folder itself is no mount", () => {
    const text = "Packages:\n\t^EngineDir|../outside: o\n\t./mods/../../x\n\t^EngineDir|mods\\\\common\n\t^EngineDir|./\n\t./\n";
    expect(miniYamlMounts(text)).toEqual([]);
  });

  it("is linear: 50,000 entries and long runs of | ~ . / finish fast", () => {
    const many = "Packages:\n" + "\t~^EngineDir|mods/common: common\n".repeat(50_000);
    const noisy = "Packages:\n\t" + "~".repeat(100_000) + "./".repeat(100_000) + "|".repeat(100_000) + "\n";
    const t0 = performance.now();
    expect(miniYamlMounts(many)).toHaveLength(50_000);
    expect(miniYamlMounts(noisy)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
