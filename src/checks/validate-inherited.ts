/**
 * The dialect a JSON file inherits from another file: Heft's config files, known by their
 * project's package.json (core/select/heft-project.ts), a Rush plugin's command-line.json, known
 * by the plugin's manifest (core/select/rush-plugin.ts), and shared configs known only because a
 * tsconfig or a Rush Stack config `extends` them (core/select/extends-dialect.ts). Asked only for
 * a file that failed to parse as strict JSON in a way JSONC could excuse, so valid files (and
 * the hook on them) never pay for it; everything read is read once per run.
 */
import { parseDocument } from "../core/parse/index.js";
import {
  MAX_EXTENDS_DEPTH,
  TYPESCRIPT_EXTENDED,
  extendsReaderOf,
  extendsSpecifiers,
  packageFolderName,
  packagePaths,
  resolveExtends,
} from "../core/select/extends-dialect.js";
import { HEFT, dependsOnHeft, heftProjectCandidates } from "../core/select/heft-project.js";
import type { JsoncDialect } from "../core/select/jsonc-by-content.js";
import { rushPluginManifestCandidates, rushPluginNames } from "../core/select/rush-plugin.js";
import type { FileSource } from "../io/file-source.js";

/** Configs (roots and extended files) read to build the extends graph of a run, at most. */
const MAX_CONFIG_READS = 20_000;
/** package.json files read to find workspace packages by name, at most. */
const MAX_PACKAGE_READS = 20_000;
/** A config or package.json over this size is not read for this purpose. */
const MAX_CONFIG_BYTES = 256 * 1024;
/** Paths per read call. */
const CHUNK = 500;

/**
 * The lookup of a run: the dialect `file` (with text `text`) is read with because its Heft
 * project or an extending config says so, or undefined. A reader that ends in JSON.parse
 * (leadingBom false) leaves a file with a leading BOM to the strict reading.
 */
export function inheritedDialectLookup(source: FileSource): (file: string, text: string) => Promise<JsoncDialect | undefined> {
  const heft = heftProjectLookup(source);
  const rushPlugin = rushPluginLookup(source);
  let extended: Promise<Map<string, JsoncDialect>> | undefined;
  return async (file, text) => {
    let dialect: JsoncDialect | undefined = (await heft(file)) || (await rushPlugin(file)) ? HEFT : undefined;
    if (!dialect) {
      extended ??= extendedDialects(source, heft);
      dialect = (await extended).get(file);
    }
    if (dialect?.leadingBom === false && text.charCodeAt(0) === 0xfeff) return undefined;
    return dialect;
  };
}

/** Heft project membership, with a prefetch that reads many projects' package.json in one call. */
interface HeftLookup {
  (file: string): Promise<boolean>;
  /** Reads the candidates of all `files` not known yet in one read (one git process in the hook). */
  prefetch(files: readonly string[]): void;
}

/** True when `file` is a Heft project's config (its package.json depends on Heft, or it has a rig). */
function heftProjectLookup(source: FileSource): HeftLookup {
  const byProject = new Map<string, Promise<boolean>>();
  const prefetch = (files: readonly string[]) => {
    const unknown = new Map<string, { packageJson: string; rigJson: string }>();
    for (const f of files) for (const c of heftProjectCandidates(f)) if (!byProject.has(c.packageJson)) unknown.set(c.packageJson, c);
    if (unknown.size === 0) return;
    const paths = [...unknown.values()].flatMap((c) => [c.packageJson, c.rigJson]);
    const read = source.read(paths, { maxBytes: MAX_CONFIG_BYTES });
    for (const c of unknown.values()) {
      byProject.set(
        c.packageJson,
        read.then((m) => {
          if (Buffer.isBuffer(m.get(c.rigJson))) return true;
          const pkg = m.get(c.packageJson);
          if (!Buffer.isBuffer(pkg)) return false;
          const doc = parseDocument(pkg, { path: c.packageJson, format: "json" });
          return doc.ok && dependsOnHeft(doc.value);
        }),
      );
    }
  };
  const lookup = async (file: string) => {
    prefetch([file]);
    for (const c of heftProjectCandidates(file)) if (await byProject.get(c.packageJson)) return true;
    return false;
  };
  return Object.assign(lookup, { prefetch });
}

/** True when a rush-plugin-manifest.json above `file` names it as a plugin's command line (Rush reads it with JsonFile). */
function rushPluginLookup(source: FileSource): (file: string) => Promise<boolean> {
  const manifests = new Map<string, Promise<unknown>>();
  return async (file) => {
    const candidates = rushPluginManifestCandidates(file);
    const unknown = candidates.filter((c) => !manifests.has(c));
    if (unknown.length) {
      const read = source.read(unknown, { maxBytes: MAX_CONFIG_BYTES });
      for (const c of unknown)
        manifests.set(
          c,
          read.then((m) => {
            const bytes = m.get(c);
            if (!Buffer.isBuffer(bytes)) return undefined;
            const doc = parseDocument(bytes, { path: c, format: "jsonc", trailingCommas: true });
            return doc.ok ? doc.value : undefined;
          }),
        );
    }
    for (const c of candidates) if (rushPluginNames(c, await manifests.get(c), file)) return true;
    return false;
  };
}

interface Pending {
  file: string;
  dialect: JsoncDialect;
  depth: number;
}

/**
 * Every repository file reached through `extends` from a config whose reader is known, with that
 * reader's dialect. Built once per run from the listed files: the roots (tsconfig/jsconfig,
 * api-extractor.json, a Heft project's config/*.json) that mention "extends", then the files
 * they extend, breadth first, at most MAX_EXTENDS_DEPTH deep. A target must be a listed regular
 * file of the repository (never a symlink, never under node_modules/); the first reader to reach
 * a file decides its dialect.
 */
async function extendedDialects(source: FileSource, heft: HeftLookup): Promise<Map<string, JsoncDialect>> {
  const listed = await source.list();
  const present = new Set(listed);
  const out = new Map<string, JsoncDialect>();
  const folderOf = workspacePackages(source, listed);
  let reads = 0;
  let level: Pending[] = [];
  for (const file of listed) {
    const reader = extendsReaderOf(file);
    if (reader === undefined) continue;
    // A Heft candidate's project is checked only once the file is known to extend something.
    const dialect = reader === "typescript" ? TYPESCRIPT_EXTENDED : HEFT;
    level.push({ file, dialect, depth: reader === "heft-candidate" ? -1 : 0 });
  }
  while (level.length && reads < MAX_CONFIG_READS) {
    const next: Pending[] = [];
    const take = level.slice(0, MAX_CONFIG_READS - reads);
    reads += take.length;
    for (let i = 0; i < take.length; i += CHUNK) {
      const chunk = take.slice(i, i + CHUNK);
      const read = await source.read(
        chunk.map((p) => p.file),
        { maxBytes: MAX_CONFIG_BYTES },
      );
      const extending = chunk.filter((item) => {
        const bytes = read.get(item.file);
        return Buffer.isBuffer(bytes) && bytes.includes('"extends"');
      });
      heft.prefetch(extending.filter((item) => item.depth < 0).map((item) => item.file));
      for (const item of extending) {
        const bytes = read.get(item.file) as Buffer;
        if (item.depth < 0 && !(await heft(item.file))) continue;
        const doc = parseDocument(bytes, { path: item.file, format: "jsonc", trailingCommas: true });
        if (!doc.ok) continue;
        const depth = Math.max(item.depth, 0);
        for (const spec of extendsSpecifiers(doc.value)) {
          const typescript = item.dialect === TYPESCRIPT_EXTENDED;
          const target = resolveExtends(item.file, spec, typescript);
          if (!target) continue;
          let paths: string[];
          if ("paths" in target) paths = target.paths;
          else {
            const folder = await folderOf(target.packageName);
            paths = folder === undefined ? [] : packagePaths(folder, target.subpath, typescript);
          }
          const found = paths.find((p) => present.has(p));
          if (found === undefined || found === item.file || out.has(found)) continue;
          out.set(found, item.dialect);
          if (depth + 1 < MAX_EXTENDS_DEPTH) next.push({ file: found, dialect: item.dialect, depth: depth + 1 });
        }
      }
    }
    level = next;
  }
  return out;
}

/**
 * The folder of a workspace package by its name (never under node_modules/): first the listed
 * package.json files in a folder named like the package (`@scope/heft-jest-plugin` in
 * `.../heft-jest-plugin/`), then, if none has that name, every listed package.json, read once.
 */
function workspacePackages(source: FileSource, listed: readonly string[]): (name: string) => Promise<string | undefined> {
  const manifests = listed.filter((p) => (p === "package.json" || p.endsWith("/package.json")) && !p.split("/").includes("node_modules"));
  const byName = new Map<string, Promise<string | undefined>>();
  let all: Promise<Map<string, string>> | undefined;
  const namesOf = async (paths: readonly string[]): Promise<Map<string, string>> => {
    const names = new Map<string, string>();
    for (let i = 0; i < paths.length; i += CHUNK) {
      const read = await source.read(paths.slice(i, i + CHUNK), { maxBytes: MAX_CONFIG_BYTES });
      for (const [p, bytes] of read) {
        if (!Buffer.isBuffer(bytes)) continue;
        const doc = parseDocument(bytes, { path: p, format: "json" });
        const name =
          doc.ok && doc.value !== null && typeof doc.value === "object" ? (doc.value as Record<string, unknown>).name : undefined;
        const folder = p === "package.json" ? "" : p.slice(0, -"/package.json".length);
        if (typeof name === "string" && !names.has(name)) names.set(name, folder);
      }
    }
    return names;
  };
  return (name) => {
    let known = byName.get(name);
    if (!known) {
      const folderName = packageFolderName(name);
      const guesses = manifests.filter((p) => p === `${folderName}/package.json` || p.endsWith(`/${folderName}/package.json`));
      known = namesOf(guesses).then(async (names) => {
        const folder = names.get(name);
        if (folder !== undefined) return folder;
        all ??= namesOf(manifests.slice(0, MAX_PACKAGE_READS));
        return (await all).get(name);
      });
      byName.set(name, known);
    }
    return known;
  };
}
