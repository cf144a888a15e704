/**
 * A Unity project's text-serialized assets through `check` with the defaults
 * (src/core/select/well-known-names.ts, src/core/parse/unity-yaml.ts): scenes, prefabs, materials
 * and ProjectSettings assets that start with Unity's `%YAML 1.1` / `%TAG !u!` header are checked
 * as Unity reads them (no finding for what Unity writes), a broken one is an error at its line,
 * and what is not Unity's YAML under those names (binary assets, another program's `.asset`) and
 * the `.meta` files are not read.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function check(repo: TestRepo, args: string[] = []): Promise<{ findings: Finding[]; checked: number }> {
  const r = await repo.cli(["check", ...args, "--format", "json"]);
  expect([0, 1], r.stderr).toContain(r.code);
  const out = JSON.parse(r.stdout) as { findings: Finding[]; summary: { checked?: number } };
  return { findings: out.findings, checked: out.summary.checked ?? -1 };
}

const HEADER = "%YAML 1.1\n%TAG !u! tag:unity3d.com,2011:\n";
const SCENE = `${HEADER}--- !u!1 &519420028
GameObject:
  m_ObjectHideFlags: 0
  m_Name: Main Camera
--- !u!4 &1584557230 stripped
Transform:
  m_CorrespondingSourceObject: {fileID: 4000011792100650, guid: 5eb5ff3eb0d1f4b5a8e0e2d8e8b0a6e2, type: 3}
  m_PrefabInstance: {fileID: 100100000}
--- !u!114 &1584557233
MonoBehaviour:
  m_Text: 'Start

'
`;
const MATRIX = ["e00: 1", "e01: 0", "e10: 0", "e11: 1"].map((l) => `    ${l}\n`).join("");
const TILE = `${HEADER}--- !u!114 &11400000\nMonoBehaviour:\n  m_Name: RedBrick\n  m_Transform:\n${MATRIX}  m_Flags: 1\n`;
const MATERIAL = `${HEADER}--- !u!21 &2100000
Material:
  m_Name: crosshair
  m_SavedProperties:
    m_Floats:
      data:
        first:
          name: _InvFade
        second: 1
      data:
        first:
          name: _Glossiness
        second: .5
`;
const TAGS = `${HEADER}--- !u!78 &1\nTagManager:\n  serializedVersion: 2\n  tags: []\n  layers:\n  - Default\n  - \n`;

function writeProject(repo: TestRepo): void {
  repo.write("Assets/Scenes/Main.unity", SCENE);
  repo.write("Assets/Tiles/RedBrick.asset", TILE);
  repo.write("Assets/Materials/crosshair.mat", MATERIAL);
  repo.write("ProjectSettings/TagManager.asset", TAGS);
  // Not Unity's YAML: a binary-serialized asset, another program's `.asset`, and `.meta` files.
  repo.write("Assets/Terrain/TerrainData.asset", Buffer.from([0, 0, 0, 0, 0x11, 0x22, 0xff, 0xfe, 0, 0x15, 0]));
  repo.write("tools/other.asset", "name: [unclosed\n");
  repo.write("Assets/Scenes/Main.unity.meta", "fileFormatVersion: 2\nguid: 0a451cb9697c39044815bbd2d048826c\n");
}

describe("Unity's text-serialized assets, with the defaults", () => {
  it("what Unity writes passes without a finding; binary assets, other `.asset` files and `.meta` are not read", () =>
    withRepo(async (repo) => {
      writeProject(repo);
      repo.commitAll("a Unity project");
      const { findings, checked } = await check(repo);
      expect(findings).toEqual([]);
      expect(checked).toBe(4);
      // The built bundle too, with its parse workers (the YAML parser in a lazily loaded chunk).
      const bundled = repo.cliBundle(["check", "--format", "json"], { IG_PARSE_WORKERS: "2" });
      expect(bundled.code, bundled.stderr).toBe(0);
      expect(JSON.parse(bundled.stdout)).toMatchObject({ findings: [], summary: { checked: 4 } });
    }));

  it("a broken asset is an error at its line: conflict markers, a cut file, a mis-indented key, a repeated key; also staged", () =>
    withRepo(async (repo) => {
      writeProject(repo);
      repo.commitAll("a Unity project");
      repo.write(
        "Assets/Scenes/Main.unity",
        SCENE.replace("  m_Name: Main Camera\n", "<<<<<<< HEAD\n  m_Name: Main Camera\n=======\n  m_Name: Cam\n>>>>>>> b\n"),
      );
      repo.write("Assets/Tiles/RedBrick.asset", TILE.slice(0, TILE.indexOf("m_Transform:")) + "m_Sprite: {fileID: 21300000, guid: 0a45");
      repo.write("Assets/Materials/crosshair.mat", MATERIAL.replace("  m_SavedProperties:", "   m_SavedProperties:"));
      repo.write("ProjectSettings/TagManager.asset", TAGS.replace("  tags: []\n", "  tags: []\n  serializedVersion: 3\n"));
      for (const args of [[], ["--staged"]]) {
        if (args.length > 0) repo.git("add", "-A");
        const errors = (await check(repo, args)).findings.filter((f) => f.level === "error");
        expect([...new Set(errors.map((f) => JSON.stringify([f.file, f.rule, f.line])))].map((e) => JSON.parse(e) as unknown)).toEqual([
          ["Assets/Materials/crosshair.mat", "parse/syntax", 5],
          ["Assets/Scenes/Main.unity", "parse/merge-conflict", 6],
          ["Assets/Tiles/RedBrick.asset", "parse/truncated", 6],
          ["ProjectSettings/TagManager.asset", "parse/duplicate-key", 7],
        ]);
      }
    }));
});
