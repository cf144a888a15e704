/**
 * Heft projects: Heft (@rushstack/heft) and its plugins load a project's `config/*.json`
 * (typescript.json, jest.config.json, sass.json, ...) with Rush Stack's JsonFile, whose syntax is
 * JSON5: comments and trailing commas. Such a file often has no `$schema` and a generic name, so
 * nothing in it says who reads it; the project's package.json does (a dependency on
 * @rushstack/heft), or its config/rig.json (a rig, resolved by @rushstack/rig-package for Heft).
 * A rig package's profiles (`<rig>/profiles/<name>/config/*.json`) are read the same way by the
 * projects using the rig. Pure: the caller reads the package.json files named here.
 */
import type { JsoncDialect } from "./jsonc-by-content.js";

/** How Heft reads its config files (JsonFile, JSON5); a leading BOM ends in JSON.parse's error. */
export const HEFT: JsoncDialect = { reader: "Heft (Rush Stack's JsonFile, JSON5)", trailingCommas: true, leadingBom: false, json5: true };

/** The package whose dependency on Heft would make `file` a Heft config, and its rig.json. */
interface HeftProjectCandidate {
  /** `<project>/package.json`. */
  packageJson: string;
  /** `<project>/config/rig.json`: a project with a rig is built by Heft. */
  rigJson: string;
}

/**
 * The projects that could read `file` (repo-relative) as a Heft config: for a `.json` file
 * directly in a `config/` folder, the folder's parent; for a rig profile's
 * `<rig>/profiles/<name>/config/`, the rig package too. Empty for any other file.
 */
export function heftProjectCandidates(file: string): HeftProjectCandidate[] {
  if (!file.endsWith(".json")) return [];
  const parts = file.split("/");
  if (parts.length < 2 || parts[parts.length - 2] !== "config") return [];
  const project = parts.slice(0, -2);
  const out = [candidate(project)];
  if (project.length >= 3 && project[project.length - 2] === "profiles") out.push(candidate(project.slice(0, -2)));
  return out;
}

function candidate(folder: string[]): HeftProjectCandidate {
  const prefix = folder.length ? `${folder.join("/")}/` : "";
  return { packageJson: `${prefix}package.json`, rigJson: `${prefix}config/rig.json` };
}

const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"];

/** True when a parsed package.json is Heft's own or names @rushstack/heft among its dependencies. */
export function dependsOnHeft(pkg: unknown): boolean {
  if (pkg === null || typeof pkg !== "object" || Array.isArray(pkg)) return false;
  const record = pkg as Record<string, unknown>;
  if (record.name === "@rushstack/heft") return true;
  return DEPENDENCY_FIELDS.some((field) => {
    const deps = record[field];
    return deps !== null && typeof deps === "object" && !Array.isArray(deps) && Object.hasOwn(deps, "@rushstack/heft");
  });
}
