/**
 * Unity's text-serialized assets (src/core/parse/unity-yaml.ts, src/core/parse/yaml-1-1-float.ts):
 * what Unity writes and reads is read cleanly (its `!u!` class tags, `stripped` prefab-instance
 * objects, 4x4 matrices `e00`..`e33` under `%YAML 1.1`, multi-line texts at column 1), and what
 * Unity cannot load (conflict markers, a cut file, a mis-indented key, a real repeated key) stays
 * an error. The samples are cut from Unity-Technologies/2d-techdemos, Cysharp/UniTask and
 * keijiro/Smrvfx (MIT, MIT, Unlicense).
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { isUnityYaml } from "../../src/core/parse/unity-yaml.js";

const HEADER = "%YAML 1.1\n%TAG !u! tag:unity3d.com,2011:\n";

/** A scene: a GameObject, a prefab instance and its `stripped` objects, a UI Text on two lines. */
const SCENE = [
  HEADER.trimEnd(),
  "--- !u!1 &519420028",
  "GameObject:",
  "  m_ObjectHideFlags: 0",
  "  m_Component:",
  "  - component: {fileID: 519420032}",
  "  m_Name: Main Camera",
  "--- !u!1001 &100100000",
  "PrefabInstance:",
  "  m_ObjectHideFlags: 0",
  "  serializedVersion: 2",
  "  m_Modification:",
  "    m_TransformParent: {fileID: 0}",
  "    m_Modifications:",
  "    - target: {fileID: 4000011792100650, guid: 5eb5ff3eb0d1f4b5a8e0e2d8e8b0a6e2, type: 3}",
  "      propertyPath: m_LocalPosition.x",
  "      value: 0",
  "      objectReference: {fileID: 0}",
  "--- !u!4 &1584557230 stripped",
  "Transform:",
  "  m_CorrespondingSourceObject: {fileID: 4000011792100650, guid: 5eb5ff3eb0d1f4b5a8e0e2d8e8b0a6e2, type: 3}",
  "  m_PrefabInstance: {fileID: 100100000}",
  "--- !u!114 &1584557233",
  "MonoBehaviour:",
  "  m_Enabled: 1",
  "  m_Text: 'Start",
  "",
  "'",
  "--- !u!222 &1584557234",
  "CanvasRenderer:",
  "  m_ObjectHideFlags: 0",
  "",
].join("\n");

/** A tile asset: its transform is a 4x4 matrix, `e00` to `e33`. */
const TILE = [
  HEADER.trimEnd(),
  "--- !u!114 &11400000",
  "MonoBehaviour:",
  "  m_Name: RedBrick",
  "  m_Sprite: {fileID: 21300000, guid: 0a451cb9697c39044815bbd2d048826c, type: 3}",
  "  m_Transform:",
  ...["e00: 1", "e01: 0", "e02: 0", "e03: 0", "e10: 0", "e11: 1", "e12: 0", "e13: 0"].map((l) => `    ${l}`),
  ...["e20: 0", "e21: 0", "e22: 1", "e23: 0", "e30: 0", "e31: 0", "e32: 0", "e33: 1"].map((l) => `    ${l}`),
  "  m_Flags: 1",
  "",
].join("\n");

/** A material as Unity 5.x-2017.2 wrote it (NavMeshComponents): each map element one more `data:` key. */
const OLD_MATERIAL = [
  HEADER.trimEnd(),
  "--- !u!21 &2100000",
  "Material:",
  "  serializedVersion: 6",
  "  m_Name: crosshair",
  "  m_SavedProperties:",
  "    serializedVersion: 2",
  "    m_TexEnvs:",
  "      data:",
  "        first:",
  "          name: _MainTex",
  "        second:",
  "          m_Texture: {fileID: 2800000, guid: 28d2c2677149d45e290e8fa042b1b80f, type: 3}",
  "          m_Scale: {x: 1, y: 1}",
  "      data:",
  "        first:",
  "          name: _BumpMap",
  "        second:",
  "          m_Texture: {fileID: 0}",
  "          m_Scale: {x: 1, y: 1}",
  "    m_Floats:",
  "      data:",
  "        first:",
  "          name: _InvFade",
  "        second: 1",
  "      data:",
  "        first:",
  "          name: _Glossiness",
  "        second: .5",
  "",
].join("\n");

const parse = (text: string, path: string) => parseDocument(Buffer.from(text), { path, format: "yaml" });
const rules = (text: string, path: string) => parse(text, path).findings.map((f) => `${f.level} ${f.rule} ${f.line}`);

describe("Unity's text-serialized assets", () => {
  it("a scene with a prefab instance's `stripped` objects and a multi-line text reads cleanly, each object a document", () => {
    expect(isUnityYaml(SCENE)).toBe(true);
    const doc = parse(SCENE, "Assets/Scenes/SandboxMain.unity");
    expect(doc.findings).toEqual([]);
    expect(doc.ok).toBe(true);
    expect(doc.documents).toHaveLength(5);
    expect(doc.documents[2]).toEqual({
      Transform: {
        m_CorrespondingSourceObject: { fileID: 4000011792100650, guid: "5eb5ff3eb0d1f4b5a8e0e2d8e8b0a6e2", type: 3 },
        m_PrefabInstance: { fileID: 100100000 },
      },
    });
    expect((doc.documents[3] as { MonoBehaviour: { m_Text: string } }).MonoBehaviour.m_Text).toBe("Start\n");
  });

  it("a 4x4 matrix's keys e00..e33 under `%YAML 1.1` are sixteen keys, not sixteen NaN duplicates", () => {
    const doc = parse(TILE, "Assets/Tilemap/Brick/TileAssets/RedBrick.asset");
    expect(doc.findings).toEqual([]);
    const m = (doc.documents[0] as { MonoBehaviour: { m_Transform: Record<string, number> } }).MonoBehaviour.m_Transform;
    expect(Object.keys(m)).toHaveLength(16);
    expect(m.e33).toBe(1);
    // Any YAML 1.1 file, Unity's or not; a number with digits before its exponent is still a number.
    const other = parse("%YAML 1.1\n---\ne1: a\nE1: b\nx: 1e5\nm: -2.5E-3\n", "conf/m.yaml");
    expect(other.findings).toEqual([]);
    expect(other.documents[0]).toEqual({ e1: "a", E1: "b", x: 100000, m: -0.0025 });
  });

  it("a key Unity really wrote twice is still a duplicate", () => {
    const twice = TILE.replace("  m_Flags: 1\n", "  m_Flags: 1\n  m_Name: BlueBrick\n");
    expect(rules(twice, "Assets/RedBrick.asset")).toEqual(["error parse/duplicate-key 25"]);
  });

  it("an old material's repeated `data:` map elements are elements, not duplicates; other repeats still are", () => {
    expect(parse(OLD_MATERIAL, "Assets/Examples/Materials/crosshair.mat").findings).toEqual([]);
    // Another key repeated in the same asset.
    expect(rules(OLD_MATERIAL.replace("  m_SavedProperties:", "  m_Name: other\n  m_SavedProperties:"), "a.mat")).toEqual([
      "error parse/duplicate-key 7",
    ]);
    // A repeated `data` that is no map element (no first/second).
    expect(rules(OLD_MATERIAL.replace("        second: .5", "        value: .5"), "a.mat")).toEqual(["error parse/duplicate-key 27"]);
    // The same text without Unity's header: any YAML reader keeps one `data` of each mapping.
    expect(rules(OLD_MATERIAL.slice(HEADER.length).replace(/!u!/g, "!"), "a.yaml").filter((r) => r.includes("duplicate-key"))).toEqual([
      "error parse/duplicate-key 14",
      "error parse/duplicate-key 25",
    ]);
  });

  it("Unity's header on a file not named as a Unity asset (a pull request's `.yaml`) relaxes nothing", () => {
    expect(parse(SCENE, "deploy/values.yaml").ok).toBe(false); // `stripped`
    expect(rules(OLD_MATERIAL, ".github/workflows/ci.yml").filter((r) => r.includes("duplicate-key"))).toEqual([
      "error parse/duplicate-key 16",
      "error parse/duplicate-key 27",
    ]);
    expect(rules(`${HEADER}--- !u!114 &1\nMonoBehaviour:\n  m_Text: 'Start\n\n'\n`, "a.yml")).toContain("warning parse/quoted-indent 7");
  });

  it("`stripped` is read only on a `--- !u!<class> &<id>` line of a text with Unity's header", () => {
    // Without the header the word is a syntax error, as in any YAML.
    expect(parse(SCENE.slice(HEADER.length).replace(/!u!/g, "!x!"), "a.yaml").ok).toBe(false);
    // Anywhere else in a Unity asset too.
    expect(parse(SCENE.replace("--- !u!222 &1584557234", "--- !u!222 &1584557234 hidden"), "a.unity").ok).toBe(false);
    expect(parse(SCENE.replace("--- !u!222 &1584557234", "--- stripped"), "a.unity").ok).toBe(false);
  });

  it("the multi-line text's warning is dropped only in a Unity asset", () => {
    const plain = "m:\n  m_Text: 'Start\n\n'\n";
    expect(rules(plain, "a.yaml")).toEqual(["warning parse/quoted-indent 4"]);
    expect(rules(SCENE, "a.unity")).toEqual([]);
  });

  it("what Unity cannot load is an error: conflict markers, a cut file, a mis-indented key", () => {
    const conflict = SCENE.replace(
      "  m_Name: Main Camera\n",
      "<<<<<<< HEAD\n  m_Name: Main Camera\n=======\n  m_Name: Camera\n>>>>>>> feature\n",
    );
    expect(rules(conflict, "a.unity")).toEqual(["error parse/merge-conflict 8"]);
    const cut = TILE.slice(0, TILE.indexOf("guid: 0a45") + 10);
    expect(parse(cut, "a.asset").ok).toBe(false);
    const misIndented = TILE.replace("    e11: 1", "   e11: 1");
    expect(parse(misIndented, "a.asset").ok).toBe(false);
    expect(parse(misIndented, "a.asset").findings[0]).toMatchObject({ level: "error", line: 13 });
  });
});
