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
export declare const UNITY_EXTENSIONS: readonly string[];
/**
 * True when `path` is named as a Unity asset and `text` starts with Unity's header: only there is
 * Unity's reading applied. A `.yaml` file given Unity's header by a pull request stays plain YAML
 * (the header alone must not relax a check), and a Unity asset's reading needs both.
 */
export declare function isUnityAsset(path: string, text: string): boolean;
/** True when `text` starts as Unity's serializer starts every YAML asset it writes. */
export declare function isUnityYaml(text: string): boolean;
/** `text` (a Unity asset: isUnityYaml) with the `stripped` of its document lines blanked. */
export declare function withoutUnityStripped(text: string): string;
