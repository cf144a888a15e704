/**
 * Files of an OpenRA mod, read as MiniYaml (core/parse/miniyaml.ts). A mod is a folder whose
 * `mod.yaml` is a MiniYaml manifest; OpenRA reads the files its manifest lists (Rules, Weapons,
 * Chrome, Cursors...) and every map below its MapFolders with MiniYaml, and nothing below a mod
 * folder is read as YAML by the engine. So every `.yaml` below such a folder is MiniYaml: a
 * listing by manifest would miss the map folders and the files a rules file pulls in, and read
 * the mod's unlisted files as YAML that nothing reads as YAML. The nearest `mod.yaml` above a
 * file decides (a YAML one stops the search). A folder without one is a mod's too when a MiniYaml
 * manifest of the same repository mounts it (`^EngineDir|mods/common: common`): OpenRA's shared
 * `mods/common` and `mods/common-content` hold rules, chrome and installers every mod reads.
 * Asked only for a .yaml file the YAML parse has a finding for, so valid YAML (and the hook on it)
 * pays nothing; each manifest is read once, and the repository's manifests are listed once, only
 * for a file no mod.yaml above decides. On a pull request validate.ts asks the base too
 * (agreedFlag), so a manifest a pull request adds or edits cannot relax a file the base holds.
 */
import path from "node:path";
import type { FileSource } from "../io/file-source.js";
import { isMiniYamlManifest, miniYamlMounts } from "../core/parse/miniyaml.js";

/** The `mod.yaml` files that could make `file` a mod's: one in each of its folders, nearest first. */
function manifestCandidates(file: string): string[] {
  const out: string[] = [];
  let dir = path.posix.dirname(file);
  for (;;) {
    out.push(dir === "." ? "mod.yaml" : `${dir}/mod.yaml`);
    if (dir === ".") return out;
    dir = path.posix.dirname(dir);
  }
}

/**
 * The folder a manifest's `^EngineDir` stands for: the one holding the `mods` folder the mod is
 * in (the engine's own layout, and a mod SDK's `engine/`), else the repository's root.
 */
function engineFolder(manifest: string): string {
  const mods = path.posix.dirname(path.posix.dirname(manifest));
  return path.posix.basename(mods) === "mods" ? path.posix.dirname(mods) : ".";
}

/** The folders the repository's MiniYaml mod manifests mount (miniYamlMounts), repository-relative. */
async function mountedFolders(source: FileSource): Promise<string[]> {
  const manifests = (await source.list()).filter(isModManifestPath);
  if (manifests.length === 0) return [];
  const read = await source.read(manifests);
  const out = new Set<string>();
  for (const manifest of manifests) {
    const bytes = read.get(manifest);
    if (!Buffer.isBuffer(bytes)) continue;
    const text = bytes.toString("utf8");
    if (!isMiniYamlManifest(text)) continue;
    const engine = engineFolder(manifest);
    for (const mount of miniYamlMounts(text)) out.add(engine === "." ? mount : `${engine}/${mount}`);
  }
  return [...out];
}

/** True when `file` is a `.yaml` file below an OpenRA mod folder (the mod.yaml itself included) or a folder a mod mounts. */
export function miniYamlModLookup(source: FileSource): (file: string) => Promise<boolean> {
  const manifests = new Map<string, Promise<boolean | undefined>>();
  let mounted: Promise<string[]> | undefined;
  return async (file) => {
    if (!file.endsWith(".yaml")) return false;
    const candidates = manifestCandidates(file);
    const unknown = candidates.filter((c) => !manifests.has(c));
    if (unknown.length) {
      const read = source.read(unknown);
      for (const c of unknown)
        manifests.set(
          c,
          read.then((m) => {
            const b = m.get(c);
            return Buffer.isBuffer(b) ? isMiniYamlManifest(b.toString("utf8")) : undefined;
          }),
        );
    }
    for (const c of candidates) {
      const mini = await manifests.get(c);
      if (mini !== undefined) return mini;
    }
    mounted ??= mountedFolders(source);
    return (await mounted).some((folder) => file.startsWith(`${folder}/`));
  };
}

/** True when `file` is a mod's manifest (its top-level keys must be distinct). */
export function isModManifestPath(file: string): boolean {
  return file === "mod.yaml" || file.endsWith("/mod.yaml");
}
