/**
 * Read and validate .integrity-guard/config.yml. A broken config is exit 2 with every problem
 * at its line and column; unknown keys are errors (a typo must never turn a check off).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { ConfigError } from "../errors.js";
import { configSchemaHash as generatedHash } from "./config-schema-hash.generated.js";
import type { Finding } from "../core/finding.js";
import { CONFIG_PATH, type Config, type LoadedConfig } from "./types.js";
import { outsideLink, outsideMessage } from "../io/symlink-outside.js";
import { readRegularFileSync, readStateFileSync } from "../io/read-regular.js";
import { FROM_INDEX, skippedBlobAt } from "../io/skip-worktree.js";
import type { Git } from "../io/git.js";
import { makeStateFolderSync } from "../io/state-folder.js";
import { WRITER_TAG, writerTag } from "../io/process-start.js";
import { STALE, sweepDeadWriters } from "../io/sweep-dead-writers.js";

/**
 * Load the config of the repository at `root`. `explicitPath` (from --config) must exist;
 * the default path may be absent, and then the defaults apply, unless `git` shows a sparse
 * checkout left it out of the work tree (then the index's copy is read).
 */
export async function loadConfig(root: string, explicitPath?: string, git?: Git): Promise<LoadedConfig> {
  const rel = explicitPath ? path.relative(root, path.resolve(explicitPath)).split(path.sep).join("/") : CONFIG_PATH;
  const abs = path.resolve(root, rel);
  if (!rel.startsWith("../") && !path.isAbsolute(rel)) {
    // Never through a symlink out of the repository: its content would be echoed in parse errors.
    const link = outsideLink(root, rel);
    if (link !== undefined) {
      const { message, fix } = outsideMessage(rel, link, "config");
      throw new ConfigError(message, { fix });
    }
  }
  let text: Buffer;
  try {
    text = readRegularFileSync(abs); // a FIFO named as the config would hang the hook
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && !explicitPath) {
      // A sparse checkout whose cone leaves the config out: the index's copy is the config.
      const skipped = git ? await skippedBlobAt(git, rel) : undefined;
      if (skipped) return loadConfigText(root, skipped, rel, `(${FROM_INDEX})`);
      return { config: { version: 1 }, path: rel, exists: false };
    }
    throw new ConfigError(`cannot read config ${rel}: ${(error as Error).message}`, {
      fix:
        code === "ENOENT"
          ? "check the --config path, or run `integrity-guard init` to write a starter config"
          : code === "ENOTREG" || code === "EISDIR"
            ? `replace ${rel} with a regular file`
            : "check the file's permissions",
    });
  }
  return loadConfigText(root, text, rel);
}

/**
 * The config from given bytes (the file's, or the staged blob's for the pre-commit hook):
 * validated, or served from the cache of configs that validated. `where` qualifies the path in
 * error messages (for example "as staged").
 */
export async function loadConfigText(root: string, text: Buffer, rel: string, where = ""): Promise<LoadedConfig> {
  const sha256 = createHash("sha256").update(text).digest("hex");
  const cached = readCachedConfig(root, text, rel);
  if (cached) return { config: cached.config, path: rel, exists: true, parsed: { sha256, findings: cached.warnings } };
  const { validateConfigText } = await import("./validate-text.js");
  const { config, findings, parseFindings = [] } = validateConfigText(text, rel);
  if (config) writeCachedConfig(root, text, rel, config, parseFindings);
  if (!config) {
    const lines = findings.map((f) => `  ${f.file}:${f.line ?? 1}:${f.column ?? 1}: ${f.message}${f.fix ? ` (${f.fix})` : ""}`);
    throw new ConfigError(`invalid config ${rel}${where ? ` ${where}` : ""}:\n${lines.join("\n")}`, {
      fix: `correct the entries above${where ? " and git add the file" : ""}; the accepted keys are described in schemas/config.schema.json and the README`,
    });
  }
  return { config, path: rel, exists: true, parsed: { sha256, findings: parseFindings } };
}

/*
 * A valid config, cached by the SHA-256 of its bytes and path (and of the schema it was validated
 * against) under .git/integrity-guard/: the pre-commit hook then skips the YAML parse and the
 * validation, which cost more than the rest of a small commit's checks. Only configs that
 * validated are cached; each entry carries the SHA-256 of its JSON, and anything that does not
 * match is ignored. Never throws: a cache that cannot be read or written only costs speed.
 */
const CONFIG_CACHE_VERSION = 2; // 2: entries carry the parse warnings

function configCacheFile(root: string, text: Buffer, rel: string): string | undefined {
  const gitDir = path.join(root, ".git");
  try {
    if (!fs.statSync(gitDir).isDirectory()) return undefined; // worktrees and submodules: no cache
  } catch {
    return undefined;
  }
  // The path too: the cached warnings name it (the same bytes as --config elsewhere named the first path).
  const key = createHash("sha256").update(`${CONFIG_CACHE_VERSION}\0${generatedHash}\0${rel}\0`).update(text).digest("hex");
  return path.join(gitDir, "integrity-guard", "config-cache", `${key}.json`);
}

function readCachedConfig(root: string, text: Buffer, rel: string): { config: Config; warnings: Finding[] } | undefined {
  const file = configCacheFile(root, text, rel);
  if (!file) return undefined;
  try {
    // `json` holds [config, parse warnings]; `sha` is the SHA-256 of `json`.
    const entry = JSON.parse(readStateFileSync(file)?.toString("utf8") ?? "") as { sha: string; json: string };
    if (createHash("sha256").update(entry.json).digest("hex") !== entry.sha) return undefined;
    const [config, warnings] = JSON.parse(entry.json) as [Config, Finding[]];
    if (!Array.isArray(warnings)) return undefined;
    return { config, warnings };
  } catch {
    return undefined;
  }
}

function writeCachedConfig(root: string, text: Buffer, rel: string, config: Config, warnings: Finding[]): void {
  const file = configCacheFile(root, text, rel);
  if (!file) return;
  try {
    const json = JSON.stringify([config, warnings]);
    // Only plain JSON data is cached (a YAML .nan or .inf would not survive the round trip).
    if (!isDeepStrictEqual((JSON.parse(json) as [Config])[0], config)) return;
    makeStateFolderSync(path.dirname(file));
    const tmp = `${file}.${writerTag()}.tmp`;
    // Created new ("wx"): a symlink left at the temporary's name is removed, never written through
    // (a write into a cache folder must not replace some other file by surprise).
    fs.rmSync(tmp, { force: true });
    fs.writeFileSync(tmp, JSON.stringify({ sha: createHash("sha256").update(json).digest("hex"), json }), { flag: "wx" });
    fs.renameSync(tmp, file);
  } catch {
    // read-only .git or full disk: only speed is lost
  }
  pruneConfigCache(file);
}

/** A cache entry (`<sha256>.json`) or a writer's temporary file of one (`<sha256>.json.<writer>.tmp`). */
const CACHE_NAME = new RegExp(String.raw`^[0-9a-f]{64}\.json(?:\.(${WRITER_TAG})\.tmp)?$`);

/**
 * Keep the folder small (a config changes rarely, old entries are useless), removing only what is
 * ours: other entries, and temporary files whose writer no longer runs. It once removed every
 * other name there: a folder reached through a symlink (.git/integrity-guard linked to another
 * disk, or to a folder a downloaded .git pointed at) lost every file in it, and a live writer
 * racing this one lost its temporary file. Never throws.
 */
function pruneConfigCache(keep: string): void {
  const kept = path.basename(keep);
  sweepDeadWriters(path.dirname(keep), (name) => {
    const m = CACHE_NAME.exec(name);
    if (!m || name === kept) return undefined;
    return m[1] ?? STALE; // an older entry is stale; a temporary goes when its writer is dead
  });
}
