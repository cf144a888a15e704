/**
 * The `conflicts` check: the whole configuration set (config.files, the precedence list and the
 * owner files) read from ctx.source, so `check --staged` sees every file as it will be committed,
 * not only the staged ones: a conflict can come from a file that did not change.
 */
import type { ConfigConflictConfig, Config } from "../config/types.js";
import { ALWAYS_EXCLUDED } from "../config/types.js";
import { detectConflicts, orderByPrecedence, type ConfigFile } from "../core/conflicts/index.js";
import type { Finding } from "../core/finding.js";
import { matcher } from "../core/glob.js";
import { FastJsonDoc } from "../core/conflicts/json-fast.js";
import { formatFor, parseDocument } from "../core/parse/index.js";
import type { FileSource } from "../io/file-source.js";
import type { Check } from "./types.js";

/** A file read and parsed for analysis, with the bytes kept for a later safe write. */
export interface LoadedFile extends ConfigFile {
  bytes: Buffer;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

const GLOB_CHARS = /[*?[\]{}!]/;

/** YAML custom tags allowed for `file` by validate.yaml.custom_tags. */
function customTagsFor(config: Config, file: string): string[] {
  const tags: string[] = [];
  for (const entry of config.validate?.yaml?.custom_tags ?? []) if (matcher(entry.files)(file)) tags.push(...entry.tags);
  return tags;
}

/**
 * Read and parse `paths` from `source`. Files that cannot be read or do not parse are reported
 * and left out; `what` names the analysis in the note ("conflict analysis", "sync rule x").
 */
export async function readParsed(
  source: FileSource,
  config: Config,
  paths: readonly string[],
  what: string,
  options: { parseFindings: boolean; fastJson?: boolean; strict?: ReadonlySet<string> },
): Promise<{ files: Map<string, LoadedFile>; findings: Finding[] }> {
  const findings: Finding[] = [];
  const files = new Map<string, LoadedFile>();
  const read = await source.read(paths);
  for (const p of paths) {
    const r = read.get(p);
    if (r === undefined) continue;
    if (!Buffer.isBuffer(r)) {
      findings.push({
        rule: "config/unreadable",
        level: "error",
        file: p,
        message: `${p} cannot be read (${r.error}); it was left out of the ${what}`,
        fix: "make the file a readable regular file inside the repository",
      });
      continue;
    }
    if (options.fastJson && !options.strict?.has(p)) {
      const fast = tryFastJson(r, p);
      if (fast) {
        files.set(p, fast);
        continue;
      }
    }
    const doc = parseDocument(r, { path: p, mergeKeys: true, customTags: customTagsFor(config, p) });
    if (!doc.ok) {
      const first = doc.findings.find((f) => f.level === "error") ?? doc.findings[0];
      if (options.parseFindings) findings.push(...doc.findings);
      findings.push({
        rule: "config/skipped",
        level: options.parseFindings ? "notice" : "error",
        file: p,
        ...(first?.line ? { line: first.line, column: first.column } : {}),
        message: `${p} does not parse${first ? ` (${first.message})` : ""}, so it was left out of the ${what}`,
        fix: first?.fix ?? "fix the file's syntax (integrity-guard validate shows every problem)",
      });
      continue;
    }
    files.set(p, { path: p, value: doc.value, doc, bytes: r });
  }
  return { files, findings };
}

/**
 * JSON through JSON.parse (see core/conflicts/json-fast.ts); undefined whenever the strict parser
 * must look at the file: not .json, an encoding problem, or JSON.parse refuses it.
 */
function tryFastJson(bytes: Buffer, path: string): LoadedFile | undefined {
  if (formatFor(path) !== "json") return undefined;
  let text: string;
  let value: unknown;
  try {
    // One decode that also validates UTF-8 (a UTF-16 BOM fails it too); NUL bytes go the strict way.
    text = utf8.decode(bytes);
    if (text.includes("\0")) return undefined;
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return { path, value, doc: new FastJsonDoc(text, value), bytes };
}

/** Which files make up the configuration set, and the named ones that are missing. */
export function selectConfigFiles(
  all: readonly string[],
  cfg: ConfigConflictConfig,
  configPath: string,
): { paths: string[]; findings: Finding[] } {
  const inSet = matcher(cfg.files);
  const excluded = matcher(ALWAYS_EXCLUDED);
  const precedence = matcher((cfg.precedence ?? []).filter((p) => GLOB_CHARS.test(p)));
  const named = new Map<string, string>();
  for (const p of cfg.precedence ?? []) if (!GLOB_CHARS.test(p)) named.set(p, "config.precedence");
  for (const [prefix, owner] of Object.entries(cfg.owners ?? {}))
    if (!named.has(owner)) named.set(owner, `config.owners (owner of ${prefix})`);
  const present = new Set(all);
  const paths = all.filter((p) => !excluded(p) && (inSet(p) || precedence(p) || named.has(p)));
  const findings: Finding[] = [];
  for (const [p, where] of named) {
    if (present.has(p)) continue;
    findings.push({
      rule: "config/missing-file",
      level: "warning",
      file: configPath,
      message: `${p} is named in ${where} but does not exist; it was left out of the conflict analysis`,
      fix: `restore ${p} (git restore ${p}, or integrity-guard restore), or remove it from ${where.split(" ")[0]}`,
    });
  }
  return { paths, findings };
}

export interface ConfigSet {
  /** Precedence order, last wins. */
  files: LoadedFile[];
  findings: Finding[];
  /** How many files were looked at. */
  checked: number;
}

/** Select, read and parse the configuration set from `source`. */
export async function loadConfigSet(
  source: FileSource,
  config: Config,
  configPath: string,
  options: { parseFindings: boolean; strict?: ReadonlySet<string> },
): Promise<ConfigSet> {
  const cfg = config.config ?? {};
  const selected = selectConfigFiles(await source.list(), cfg, configPath);
  const { files, findings } = await readParsed(source, config, selected.paths, "conflict analysis", { ...options, fastJson: true });
  return {
    files: orderByPrecedence([...files.values()], cfg.precedence),
    findings: [...selected.findings, ...findings],
    checked: selected.paths.length,
  };
}

/** Everything `conflicts` reports for a configuration set. */
export async function conflictFindings(source: FileSource, config: Config, configPath: string, options: { parseFindings: boolean }) {
  let set = await loadConfigSet(source, config, configPath, options);
  let analysis = detectConflicts(set.files, config.config ?? {}, configPath);
  // JSON.parse keeps the last of two duplicate keys; such files are read again strictly, so the
  // duplicate is reported (and the file skipped) instead of one of its values being trusted.
  const strict = new Set(set.files.filter((f) => f.doc instanceof FastJsonDoc && f.doc.duplicateKeys).map((f) => f.path));
  if (strict.size > 0) {
    set = await loadConfigSet(source, config, configPath, { ...options, strict });
    analysis = detectConflicts(set.files, config.config ?? {}, configPath);
  }
  return { set, analysis, findings: [...set.findings, ...analysis.findings] };
}

export const check: Check = {
  name: "conflicts",
  async run(ctx) {
    if (!ctx.config.config) return [];
    // parse/* findings come from the validate check; here a broken file is one config/skipped error.
    return (await conflictFindings(ctx.source, ctx.config, ctx.configPath, { parseFindings: false })).findings;
  },
};
