/**
 * Unity 5.x to 2017.2 serialized each element of a map (a material's m_TexEnvs, m_Floats,
 * m_Colors; an animator's tables) as one more `data:` key of the same mapping, each holding a
 * `first:` (the map key) and a `second:` (its value):
 *
 *     m_Floats:
 *       data:
 *         first:
 *           name: _Glossiness
 *         second: .5
 *       data:
 *         first: ...
 *
 * Unity reads every one of them in order (its YAML reader is its own, not a mapping of unique
 * keys), and keeps writing old materials so until they are re-saved by a newer editor. In a
 * Unity asset (./unity-yaml.ts: its header), such a repeated `data` is an element, not a
 * duplicate; any other repeated key, or a `data` without `first`/`second`, stays a duplicate.
 * Separate from ./unity-yaml.ts, which the selection imports: this one needs the yaml package.
 */
import { isMap } from "yaml";

/** True when a key repeated in a Unity asset is Unity's old map element (`data:` with `first:` and `second:`), both times. */
export function isUnityMapElement(name: string, firstValue: unknown, value: unknown): boolean {
  return name === "data" && isMapElement(firstValue) && isMapElement(value);
}

function isMapElement(node: unknown): boolean {
  return isMap(node) && node.has("first") && node.has("second");
}
