/**
 * Shared configs reached only through `extends`. TypeScript reads each file a tsconfig (or
 * jsconfig) `extends` with the same JSONC reader as the tsconfig itself, and Rush Stack's tools
 * (Heft and its plugins, API Extractor) read each file a config `extends` with the same JsonFile
 * (JSON5). The extended file may have any name and no `$schema` (a monorepo's
 * `tsconfig.base.json` is named like a tsconfig, but `configs/base.json` or heft-jest-plugin's
 * `includes/jest-shared.config.json` are not), so only the extending file says how it is read.
 * Pure: the caller lists and reads the repository and resolves workspace packages; node_modules/
 * is never a target.
 */
import { resolveRelative } from "../schema/mapping.js";
import type { JsoncDialect } from "./jsonc-by-content.js";

/** How TypeScript reads a config another config extends: JSONC, comments and trailing commas, a BOM skipped. */
export const TYPESCRIPT_EXTENDED: JsoncDialect = { reader: "TypeScript (a config another tsconfig extends)", trailingCommas: true };

/** Who reads a config file that can extend others, by its name alone. */
type ExtendsReader = "typescript" | "rush-stack" | "heft-candidate";

/** At most this many `extends` entries are followed per file (TypeScript allows an array). */
export const MAX_EXTENDS_PER_FILE = 16;
/** Chains longer than this are not followed further (readers stop on cycles; we stop early). */
export const MAX_EXTENDS_DEPTH = 8;

/**
 * The reader of `file` when it is a config that may extend another: a tsconfig*.json or
 * jsconfig*.json (TypeScript), an api-extractor.json (API Extractor's JsonFile), or a `.json`
 * directly in a `config/` folder, which Heft reads when its project depends on Heft (the caller
 * checks, see heft-project.ts). Never a file under node_modules/.
 */
export function extendsReaderOf(file: string): ExtendsReader | undefined {
  if (!file.endsWith(".json") || file.startsWith("node_modules/") || file.includes("/node_modules/")) return undefined;
  const slash = file.lastIndexOf("/");
  const base = file.slice(slash + 1);
  if (base.startsWith("tsconfig") || base.startsWith("jsconfig")) return "typescript";
  if (base === "api-extractor.json") return "rush-stack";
  const parent = file.slice(0, Math.max(slash, 0)).split("/").pop();
  return parent === "config" ? "heft-candidate" : undefined;
}

/** The `extends` entries of a parsed config: a string, or (TypeScript 5) an array of strings. */
export function extendsSpecifiers(config: unknown): string[] {
  if (config === null || typeof config !== "object" || Array.isArray(config)) return [];
  const value = (config as Record<string, unknown>).extends;
  const list = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
  return list.filter((s): s is string => typeof s === "string" && s !== "").slice(0, MAX_EXTENDS_PER_FILE);
}

/** Where an `extends` entry points: repository paths (tried in order), or a package and a path inside it. */
type ExtendsTarget = { paths: string[] } | { packageName: string; subpath: string };

/**
 * Resolves one `extends` entry of `from` (repo-relative). A relative entry (`./base.json`,
 * `../x`) becomes repository paths; one that leaves the repository, an absolute path and any
 * path through node_modules/ give nothing. A package entry (`@scope/pkg/includes/x.json`,
 * `pkg/tsconfig`) is returned for the caller to resolve to a workspace package's folder.
 * TypeScript also tries the name with `.json` added, and a bare package name means its
 * tsconfig.json.
 */
export function resolveExtends(from: string, spec: string, typescript: boolean): ExtendsTarget | undefined {
  const clean = spec.replace(/\\/g, "/");
  if (clean.startsWith("/") || /^[A-Za-z]:/.test(clean) || clean.includes("\0")) return undefined;
  if (clean === "." || clean === ".." || clean.startsWith("./") || clean.startsWith("../")) {
    const target = resolveRelative(from, clean);
    return target === undefined ? undefined : keepPaths(withJsonName(target, typescript));
  }
  const parts = clean.split("/");
  const nameLength = parts[0]!.startsWith("@") ? 2 : 1;
  if (parts.length < nameLength || parts.slice(0, nameLength).some((p) => p === "" || p.startsWith("."))) return undefined;
  const packageName = parts.slice(0, nameLength).join("/");
  const rest = parts.slice(nameLength);
  if (rest.some((p) => p === ".." || p === "node_modules")) return undefined;
  const subpath = rest.filter((p) => p !== "" && p !== ".").join("/");
  if (subpath === "" && !typescript) return undefined; // Rush Stack resolves a package to its main module, not a JSON file
  return { packageName, subpath };
}

/** The repository paths of `subpath` inside a workspace package at `folder` ("" is the root). */
export function packagePaths(folder: string, subpath: string, typescript: boolean): string[] {
  const prefix = folder === "" ? "" : `${folder}/`;
  if (subpath === "") return [`${prefix}tsconfig.json`];
  const paths = withJsonName(`${prefix}${subpath}`, typescript);
  return paths.filter((p) => !p.split("/").includes("node_modules"));
}

function withJsonName(path: string, typescript: boolean): string[] {
  return typescript && !path.endsWith(".json") ? [path, `${path}.json`] : [path];
}

function keepPaths(paths: string[]): ExtendsTarget | undefined {
  const kept = paths.filter((p) => !p.split("/").includes("node_modules"));
  return kept.length ? { paths: kept } : undefined;
}

/** The last segment of a package name: the folder name a workspace package usually has. */
export function packageFolderName(packageName: string): string {
  return packageName.slice(packageName.lastIndexOf("/") + 1);
}
