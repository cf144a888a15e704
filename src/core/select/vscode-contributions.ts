/**
 * JSON files a VS Code extension contributes, which VS Code reads with its JSONC parser: color,
 * icon and product icon themes, language configurations and snippets named in the extension's
 * package.json (`contributes`). Theme files are often named `themes/dark.json`, a name too
 * common to put in the default JSONC globs (a website's strict-JSON theme data must stay
 * strict), so the extension's own manifest decides. Pure.
 */
import { resolveRelative } from "../schema/mapping.js";

/** Which `contributes` entries name JSONC files, and the field holding the path. */
const CONTRIBUTIONS: [string, string][] = [
  ["themes", "path"],
  ["iconThemes", "path"],
  ["productIconThemes", "path"],
  ["languages", "configuration"],
  ["snippets", "path"],
];

/**
 * Repo-relative paths of the JSONC files that the package.json at `packageJson` (repo-relative)
 * with parsed value `manifest` contributes; empty unless it is a VS Code extension (`engines.vscode`).
 */
export function vscodeJsoncFiles(packageJson: string, manifest: unknown): Set<string> {
  const out = new Set<string>();
  if (!isObject(manifest) || !isObject(manifest.engines) || typeof manifest.engines.vscode !== "string") return out;
  const contributes = manifest.contributes;
  if (!isObject(contributes)) return out;
  for (const [point, field] of CONTRIBUTIONS) {
    const list = contributes[point];
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const ref = isObject(entry) ? entry[field] : undefined;
      if (typeof ref !== "string" || ref === "") continue;
      const resolved = resolveRelative(packageJson, ref);
      if (resolved !== undefined) out.add(resolved);
    }
  }
  return out;
}

/** The package.json files that could own `file`, nearest first. */
export function packageJsonCandidates(file: string): string[] {
  const parts = file.split("/").slice(0, -1);
  const out: string[] = [];
  for (let i = parts.length; i >= 0; i--) out.push([...parts.slice(0, i), "package.json"].join("/"));
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
