/**
 * A Rush plugin's command-line.json. Rush loads the command line a plugin adds with JsonFile
 * (JSON5) from the file its rush-plugin-manifest.json names (`commandLineJsonFilePath`, relative
 * to the plugin package), and, for a plugin installed by an autoinstaller, from the copy Rush
 * commits under `common/autoinstallers/<name>/rush-plugins/<package>/<pluginName>/command-line.json`
 * beside the package's manifest (rush-lib's AutoinstallerPluginLoader). The file has a generic
 * name and often no `$schema`; the manifest says who reads it. Pure: the caller reads the
 * manifests named here.
 */
import { resolveRelative } from "../schema/mapping.js";

/** The rush-plugin-manifest.json files that could name `file`, nearest first (never the file itself). */
export function rushPluginManifestCandidates(file: string): string[] {
  if (!file.endsWith(".json") || file.endsWith("/rush-plugin-manifest.json") || file === "rush-plugin-manifest.json") return [];
  const parts = file.split("/").slice(0, -1);
  if (parts.includes("node_modules")) return [];
  const out: string[] = [];
  for (let i = parts.length; i >= 0; i--) out.push([...parts.slice(0, i), "rush-plugin-manifest.json"].join("/"));
  return out;
}

/**
 * True when the parsed `manifest` (at repo path `manifestPath`) makes Rush read `file` as a
 * plugin's command line: a plugin's `commandLineJsonFilePath` resolves to it, or it is the
 * autoinstaller copy `<manifest folder>/<pluginName>/command-line.json` of a plugin it lists.
 */
export function rushPluginNames(manifestPath: string, manifest: unknown, file: string): boolean {
  if (!isObject(manifest) || !Array.isArray(manifest.plugins)) return false;
  const folder = manifestPath.slice(0, manifestPath.length - "rush-plugin-manifest.json".length);
  for (const plugin of manifest.plugins) {
    if (!isObject(plugin)) continue;
    const { commandLineJsonFilePath: own, pluginName } = plugin;
    if (typeof own === "string" && own !== "" && resolveRelative(manifestPath, own) === file) return true;
    if (typeof pluginName === "string" && pluginName !== "" && !pluginName.includes("/") && pluginName !== ".." && pluginName !== ".") {
      if (`${folder}${pluginName}/command-line.json` === file) return true;
    }
  }
  return false;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
