/**
 * The `conflicts` check: the whole configuration set (config.files, the precedence list and the
 * owner files) read from ctx.source, so `check --staged` sees every file as it will be committed,
 * not only the staged ones: a conflict can come from a file that did not change.
 */
import { isUtf8 } from "node:buffer";
import type { ConfigConflictConfig, Config } from "../config/types.js";
import { ALWAYS_EXCLUDED } from "../config/types.js";
import { detectConflicts, underAny } from "../core/conflicts/detect.js";
import { pointerToDotted } from "../core/pointer.js";
import type { AgreedHelmPointers, HelmBase } from "./conflicts-helm.js";
import { orderByPrecedence } from "../core/conflicts/order.js";
import type { ConfigFile } from "../core/conflicts/types.js";
import type { Finding } from "../core/finding.js";
import { matcher } from "../core/glob.js";
import { FastJsonDoc } from "../core/conflicts/json-fast.js";
import { formatFor, parseDocumentAsync } from "../core/parse/index.js";
import { OUTSIDE, type FileSource } from "../io/file-source.js";
import { outsideMessage } from "../io/symlink-outside.js";
import { UnsafePathError } from "../errors.js";
import { checkRelative, resolveInside } from "../io/paths.js";
import type { Check } from "./types.js";
import { appendAll } from "../core/append.js";
import { TemplateRules } from "../core/select/templates.js";
import { isTemplateByContent } from "./validate-select.js";

/** A file read and parsed for analysis, with the bytes kept for a later safe write. */
export interface LoadedFile extends ConfigFile {
  bytes: Buffer;
}

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
  options: {
    parseFindings: boolean;
    fastJson?: boolean;
    lazyJson?: boolean;
    strict?: ReadonlySet<string>;
    /** Files that do not parse because they are templates (as validate decides) are left out with a notice. */
    templates?: TemplateRules;
    /** A write command (`sync --fix`, `conflicts --resolve --write`): a file reached through a link out stops it (exit 2). */
    writing?: boolean;
  },
): Promise<{ files: Map<string, LoadedFile>; findings: Finding[]; absent: string[] }> {
  const findings: Finding[] = [];
  const files = new Map<string, LoadedFile>();
  const absent: string[] = [];
  const read = await source.read(paths);
  for (const p of paths) {
    const r = read.get(p);
    if (r === undefined) {
      absent.push(p);
      continue;
    }
    if (!Buffer.isBuffer(r)) {
      if (options.writing && r.code === OUTSIDE) {
        // As every write refuses such a link (paths.ts resolveInside): exit 2, nothing written.
        const { message, fix } = outsideMessage(p, r.link ?? p);
        throw new UnsafePathError(`${message} or written`, { fix });
      }
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
      const fast = tryFastJson(r, p, options.lazyJson === true);
      if (fast) {
        files.set(p, fast);
        continue;
      }
    }
    const doc = await parseDocumentAsync(r, { path: p, mergeKeys: true, customTags: customTagsFor(config, p) });
    if (!doc.ok && options.templates?.detectsContent(p) && isTemplateByContent(doc, r, doc.format)) {
      // validate skips it as a template (a validate/template notice): a Spring application.yml
      // with Maven's @project.version@ filtering is YAML only once the build has rendered it, so
      // it cannot take part in the analysis, and that is no reason to block the commit.
      findings.push({
        rule: "config/skipped",
        level: "notice",
        file: p,
        message: `${p} is a template (JSON/YAML only after rendering), so it was left out of the ${what}`,
        fix: "to analyse it as it is, list it under validate.templates.check",
      });
      continue;
    }
    if (!doc.ok) {
      const first = doc.findings.find((f) => f.level === "error") ?? doc.findings[0];
      if (options.parseFindings) appendAll(findings, doc.findings);
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
  return { files, findings, absent };
}

/**
 * JSON through JSON.parse (see core/conflicts/json-fast.ts); undefined whenever the strict parser
 * must look at the file: not .json, an encoding problem, or JSON.parse refuses it. `lazy`: parsed
 * when the analysis first reads the value (a refusal then shows as strictNeeded, and
 * conflictFindings reads the file strictly like any other file the fast path cannot vouch for).
 */
function tryFastJson(bytes: Buffer, path: string, lazy: boolean): LoadedFile | undefined {
  if (formatFor(path) !== "json") return undefined;
  let value: unknown;
  try {
    // Invalid UTF-8 (a UTF-16 BOM included) and NUL bytes go the strict way, which reports them.
    if (!isUtf8(bytes) || bytes.includes(0)) return undefined;
    if (lazy) {
      const doc = new FastJsonDoc(bytes, undefined, true);
      return {
        path,
        get value() {
          return doc.value;
        },
        doc,
        bytes,
      };
    }
    // The text is not kept: positions come from the bytes (json-fast.ts).
    value = JSON.parse(bytes.toString("utf8"));
  } catch {
    return undefined;
  }
  return { path, value, doc: new FastJsonDoc(bytes, value), bytes };
}

/**
 * Which files make up the configuration set: those matching config.files (or a precedence glob)
 * among `all`, plus every file named in config.precedence or config.owners, listed or not (a
 * git-ignored config/local.yaml still counts in the working tree). Named paths that could leave
 * the repository are reported and left out.
 */
export function selectConfigFiles(
  all: readonly string[],
  cfg: ConfigConflictConfig,
  configPath: string,
): { paths: string[]; named: Map<string, string>; findings: Finding[] } {
  const inSet = matcher(cfg.files);
  const excluded = matcher(ALWAYS_EXCLUDED);
  // Layer entries select files like precedence entries do: globs match, plain paths are named.
  const ordering = cfg.layers ? cfg.layers.flatMap((l) => (typeof l === "string" ? [l] : l)) : (cfg.precedence ?? []);
  const precedence = matcher(ordering.filter((p) => GLOB_CHARS.test(p)));
  const findings: Finding[] = [];
  const named = new Map<string, string>();
  const addNamed = (p: string, where: string) => {
    try {
      const clean = checkRelative(p, `${where.split(" ")[0]} entry`);
      if (!named.has(clean)) named.set(clean, where);
    } catch (error) {
      findings.push({
        rule: "config/invalid",
        level: "error",
        file: configPath,
        message: (error as Error).message,
        fix: "name config files relative to the repository root",
      });
    }
  };
  for (const p of ordering) if (!GLOB_CHARS.test(p)) addNamed(p, cfg.layers ? "config.layers" : "config.precedence");
  for (const [prefix, owner] of Object.entries(cfg.owners ?? {})) addNamed(owner, `config.owners (owner of ${prefix})`);
  const paths = new Set(all.filter((p) => !excluded(p) && (inSet(p) || precedence(p))));
  for (const p of named.keys()) paths.add(p);
  return { paths: [...paths], named, findings };
}

/**
 * The template rules validate applies (validate.templates), so a file validate skips as a
 * template is not a broken config file here. As in validate, a file the user maps to a schema
 * or requires one for is data, never a template.
 */
function configTemplates(config: Config): TemplateRules {
  const v = config.validate;
  const data = matcher([...(v?.require_schema ?? []), ...(v?.schemas ?? []).flatMap((s) => s.files)]);
  return new TemplateRules(v?.templates, data);
}

/** Layers mode: the files in the order the layers apply; files in no layer first, by path. */
async function layerOrder(files: readonly LoadedFile[], layers: NonNullable<ConfigConflictConfig["layers"]>): Promise<LoadedFile[]> {
  // Loaded only for a layered set: the hook of a repository without layers never pays for it.
  const { assignLayers } = await import("../core/conflicts/layers.js");
  const { placed, unlayered } = assignLayers(files, layers);
  return [...unlayered.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), ...placed.map((p) => p.file)];
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
  options: {
    parseFindings: boolean;
    strict?: ReadonlySet<string>;
    root?: string;
    stagedDeletions?: () => Promise<string[]>;
    /** Which of these paths the trusted commit holds (a pull request's base), when the run has one. */
    heldAtBase?: (paths: readonly string[]) => Promise<ReadonlySet<string>>;
    /** `conflicts --resolve --write`: a file reached through a link out is refused (UnsafePathError, exit 2), as every write refuses it. */
    writing?: boolean;
  },
): Promise<ConfigSet> {
  const cfg = config.config ?? {};
  const selected = selectConfigFiles(await source.list(), cfg, configPath);
  if (source.kind === "worktree" && options.root) {
    // Named files are read even when git does not list them: no symlinked folder may lead out.
    for (const p of [...selected.named.keys()]) {
      try {
        resolveInside(options.root, p, { what: "config file" });
      } catch (error) {
        // A check reports the link as a finding of the tree; a write must not run at all.
        if (options.writing) throw error;
        selected.findings.push({
          rule: "config/unreadable",
          level: "error",
          file: p,
          message: (error as Error).message,
          fix: "keep config files inside the repository",
        });
        selected.paths.splice(selected.paths.indexOf(p), 1);
        selected.named.delete(p);
      }
    }
  }
  const { files, findings, absent } = await readParsed(source, config, selected.paths, "conflict analysis", {
    ...options,
    templates: configTemplates(config),
    fastJson: true,
    // Layers mode reads overlays one at a time (core/conflicts/layers.ts); precedence folds all.
    lazyJson: cfg.layers !== undefined,
  });
  // A git-ignored local override is never in the index: only a notice when checking staged
  // content, unless this commit is what removes the file from HEAD (a move or a deletion makes the
  // config stale, and every later pull-request check warns: the commit that does it warns too).
  const named = absent.filter((p) => selected.named.has(p));
  const removed =
    source.kind === "index" && named.length > 0 && options.stagedDeletions ? new Set(await options.stagedDeletions()) : undefined;
  // On a pull request the base commit decides the same: a file it does not hold either is no
  // change of this one (a git-ignored local override: a notice, not a warning on every pull
  // request); one it holds, the pull request deletes or moves (a warning on that path).
  const held = source.kind === "worktree" && named.length > 0 && options.heldAtBase ? await options.heldAtBase(named) : undefined;
  for (const p of named) {
    const where = selected.named.get(p)!;
    const staged = source.kind === "index";
    const removing = removed?.has(p) === true || held?.has(p) === true;
    const notHeld = held !== undefined && !held.has(p);
    findings.push({
      rule: "config/missing-file",
      level: (staged && !removing) || notHeld ? "notice" : "warning",
      // At the commit that removes it, the finding is about that staged path (the hook prints
      // findings about the paths a commit touches; the config file is not one of them).
      file: removing ? p : configPath,
      message: `${p} is named in ${where} but does not exist${staged ? " in the index" : ""}${removed?.has(p) === true ? " (this commit deletes or moves it)" : held?.has(p) === true ? " (the base commit holds it: this change deletes or moves it)" : notHeld ? " (nor in the base commit: a file git does not track)" : ""}; it was left out of the conflict analysis`,
      fix: `restore ${p} (git restore ${p}, or integrity-guard restore), or remove it from ${where.split(" ")[0]}`,
    });
  }
  const loaded = [...files.values()];
  return {
    files: cfg.layers ? await layerOrder(loaded, cfg.layers) : orderByPrecedence(loaded, cfg.precedence),
    findings: [...selected.findings, ...findings],
    checked: selected.paths.length - absent.length,
  };
}

/** Everything `conflicts` reports for a configuration set. */
export async function conflictFindings(
  source: FileSource,
  config: Config,
  configPath: string,
  options: {
    parseFindings: boolean;
    root?: string;
    stagedDeletions?: () => Promise<string[]>;
    heldAtBase?: (paths: readonly string[]) => Promise<ReadonlySet<string>>;
    /** A pull request's base: a chart it holds opens overlay keys only as its own chart does too (conflicts-helm.ts). */
    helmBase?: HelmBase;
    writing?: boolean;
  },
) {
  let set = await loadConfigSet(source, config, configPath, options);
  const rules = config.config ?? {};
  const layered = rules.layers ? await import("../core/conflicts/layers.js") : undefined;
  // Helm values: keys under a dependency's name or alias, and `global`, are the subcharts' to
  // define, so overlays may set them (the chart's own Chart.yaml says which; hand-written layers too).
  const helm = layered
    ? await (
        await import("./conflicts-helm.js")
      ).helmOpenPointersAgreed(
        source,
        set.files.map((f) => f.path),
        options.helmBase,
      )
    : undefined;
  const helmOpen = helm?.open ?? [];
  const extensible = helmOpen.length > 0 ? [...(rules.extensible ?? []), ...helmOpen] : rules.extensible;
  const analyse = (files: readonly LoadedFile[]) =>
    layered && rules.layers
      ? layered.detectLayered(files, { ...rules, layers: rules.layers, ...(extensible ? { extensible } : {}) }, configPath)
      : detectConflicts(files, rules, configPath);
  let analysis = analyse(set.files);
  // JSON.parse keeps the last of two duplicate keys, turns 1e400 into Infinity and nests without
  // limit; such files are read again strictly, so the problem is reported (and the file skipped)
  // instead of one of its values being trusted.
  const strict = new Set(set.files.filter((f) => f.doc instanceof FastJsonDoc && f.doc.strictNeeded).map((f) => f.path));
  if (strict.size > 0) {
    set = await loadConfigSet(source, config, configPath, { ...options, strict });
    analysis = analyse(set.files);
  }
  const judged =
    helm && helm.refused.length > 0 ? judgeRefusedHelmKeys(helm.refused, analysis.findings) : { findings: analysis.findings, notices: [] };
  return { set, analysis, findings: [...set.findings, ...judged.findings, ...judged.notices] };
}

/**
 * On a pull request, an overlay key that only the pull request's own chart opens (a dependency it
 * adds, a template that starts reading the key) and its base's chart does not. The chart change
 * may be the point of the change (add a subchart and configure it in the prod overlay, in one pull
 * request: common, and blocking it would be a false block), or a way to excuse a misspelt key
 * (`replicaCout: 5` beside a dependency named `replicaCout`). So the config/unknown-key error
 * becomes a warning, never silence: it stays on the diff for the reviewer, with a
 * trust/reading-changed notice saying which chart change opened the key. Before session 22 the
 * pull request's chart alone decided, and no finding was given at all.
 */
function judgeRefusedHelmKeys(
  refused: AgreedHelmPointers["refused"],
  findings: readonly Finding[],
): { findings: Finding[]; notices: Finding[] } {
  const notices = new Map<string, Finding>();
  const out = findings.map((f) => {
    if (f.rule !== "config/unknown-key" || f.level !== "error" || f.file === undefined || f.pointer === undefined) return f;
    const dir = f.file.slice(0, Math.max(0, f.file.lastIndexOf("/")));
    const r = refused.find(
      (c) => c.chart.slice(0, Math.max(0, c.chart.lastIndexOf("/"))) === dir && underAny(f.pointer!, new Set(c.pointers)),
    );
    if (!r) return f;
    notices.set(`${f.file}\0${r.chart}`, {
      rule: "trust/reading-changed",
      level: "notice",
      file: f.file,
      message: `${f.file} is checked against the keys the base's chart opens: this change's chart (${r.chart}: its dependencies or templates) lets overlays set ${r.pointers.map((p) => pointerToDotted(p) || "every key").join(", ")}, which the trusted commit (the pull request's base), already holding the chart, does not: a warning, not an error, until the chart change is merged`,
      fix: "check that the chart change is meant (a new dependency or a template reading the key), or correct the key; merging the chart change on its own first makes this go away",
    });
    return { ...f, level: "warning" as const, message: `${f.message} (opened only by this change's ${r.chart})` };
  });
  return { findings: out, notices: [...notices.values()] };
}

export const check: Check = {
  name: "conflicts",
  async run(ctx) {
    if (!ctx.config.config) return [];
    // parse/* findings come from the validate check; here a broken file is one config/skipped error.
    const stagedDeletions = () => ctx.git.stagedDeletions();
    // A run judged by a trusted commit (a pull request's base) asks it which named files it holds.
    const base = ctx.schemaSource?.kind === "commit" ? (await import("./base-readings.js")).baseReadings(ctx) : undefined;
    const heldAtBase = base ? (paths: readonly string[]) => base.holding(paths) : undefined;
    const helmBase = base ? { source: base.source, holding: heldAtBase! } : undefined;
    return (
      await conflictFindings(ctx.source, ctx.config, ctx.configPath, {
        parseFindings: false,
        root: ctx.root,
        stagedDeletions,
        heldAtBase,
        ...(helmBase ? { helmBase } : {}),
      })
    ).findings;
  },
};
