/**
 * Unity's text serialization (Force Text asset serialization, the default since Unity 2019):
 * scenes, prefabs, materials, animations, ProjectSettings/*.asset... are YAML 1.1 streams that
 * start `%YAML 1.1` and `%TAG !u! tag:unity3d.com,2011:`, one `--- !u!<classID> &<fileID>`
 * document per object. Pure.
 *
 * Unity's own reader departs from YAML in one place it writes itself: a prefab instance's object
 * in a scene or prefab is written `--- !u!1001 &100100000 stripped` (the object's data lives in
 * the prefab), and YAML has no word after a node's properties on the `---` line (the yaml package:
 * "Block collection cannot start on same line with directives-end marker"). Unity reads it, so
 * the word is blanked, same length (every offset stays valid), on such document lines only, in a
 * Unity asset (isUnityAsset: its name and header); any other stray word on a `---` line stays an error.
 */

/** The extensions of Unity's YAML assets (lower case): the selection's, and the only names read as Unity's. */
export const UNITY_EXTENSIONS: readonly string[] = [
  ".unity",
  ".prefab",
  ".asset",
  ".mat",
  ".anim",
  ".controller",
  ".overridecontroller",
  ".mask",
  ".playable",
  ".physicmaterial",
  ".physicsmaterial2d",
  ".lighting",
  ".spriteatlas",
  ".spriteatlasv2",
  ".rendertexture",
  ".cubemap",
  ".flare",
  ".fontsettings",
  ".guiskin",
  ".mixer",
  ".brush",
  ".terrainlayer",
  ".signal",
  ".preset",
  ".giparams",
  ".vfx",
  ".vfxoperator",
  ".vfxblock",
];

/**
 * True when `path` is named as a Unity asset and `text` starts with Unity's header: only there is
 * Unity's reading applied. A `.yaml` file given Unity's header by a pull request stays plain YAML
 * (the header alone must not relax a check), and a Unity asset's reading needs both.
 */
export function isUnityAsset(path: string, text: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  const dot = base.lastIndexOf(".");
  return dot > 0 && UNITY_EXTENSIONS.includes(base.slice(dot)) && isUnityYaml(text);
}

/** Unity's directives as its serializer writes them, first in the file (a BOM or blank lines aside). */
const UNITY_HEADER = /^\uFEFF?\s*%YAML 1\.1\r?\n%TAG !u! tag:unity3d\.com,2011:\r?\n/;

/** True when `text` starts as Unity's serializer starts every YAML asset it writes. */
export function isUnityYaml(text: string): boolean {
  return UNITY_HEADER.test(text);
}

/** A document start with a Unity class tag and object anchor, then Unity's `stripped`. */
const STRIPPED_DOCUMENT_START = /^(--- !u!-?\d+ &-?\d+) stripped(?=\r?$)/gm;

/** `text` (a Unity asset: isUnityYaml) with the `stripped` of its document lines blanked. */
export function withoutUnityStripped(text: string): string {
  if (!text.includes(" stripped")) return text;
  return text.replace(STRIPPED_DOCUMENT_START, (_, start: string) => `${start}         `);
}
