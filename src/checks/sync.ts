/**
 * The `sync` check: every rule in config.sync evaluated on the files as ctx.source holds them
 * (working tree, or the index for `check --staged`).
 */
import type { Config, SyncRule } from "../config/types.js";
import { compileSecretTest } from "../core/conflicts/detect.js";
import type { Finding } from "../core/finding.js";
import { evaluateSyncRule, ruleLabel, type SyncResult } from "../core/sync/index.js";
import { checkRelative, resolveInside } from "../io/paths.js";
import type { FileSource } from "../io/file-source.js";
import { readParsed, type LoadedFile } from "./conflicts.js";
import type { Check } from "./types.js";
import { appendAll } from "../core/append.js";

export interface SyncRun {
  rule: SyncRule;
  label: string;
  target?: LoadedFile;
  result: SyncResult;
}

/** Evaluate every sync rule (or only those named in `only`). */
export async function runSyncRules(
  source: FileSource,
  config: Config,
  configPath: string,
  options: {
    parseFindings: boolean;
    only?: readonly string[];
    root?: string;
    /** `sync --fix`: a file reached through a link out is refused (UnsafePathError, exit 2), as every write refuses it. */
    writing?: boolean;
  },
): Promise<{ runs: SyncRun[]; findings: Finding[] }> {
  const rules = (config.sync ?? []).filter((r) => !options.only?.length || options.only.includes(r.name ?? ""));
  const findings: Finding[] = [];
  const { test: isSecret, findings: secretFindings } = compileSecretTest(config.config?.secret_keys, configPath);
  appendAll(findings, secretFindings);
  const wanted = new Set<string>();
  const bad = new Set<string>();
  for (const r of rules) {
    for (const f of [r.source.file, r.target.file]) {
      try {
        wanted.add(checkRelative(f, "sync file"));
      } catch (error) {
        bad.add(f);
        findings.push({
          rule: "config/invalid",
          level: "error",
          file: configPath,
          message: `sync rule ${ruleLabel(r)}: ${(error as Error).message}`,
          fix: "name files relative to the repository root",
        });
      }
    }
  }
  if (source.kind === "worktree" && options.root) {
    // Sync files are read by name, listed by git or not (logs/ is often ignored): stay inside.
    for (const p of [...wanted]) {
      try {
        resolveInside(options.root, p, { what: "sync file" });
      } catch (error) {
        // A check reports the link as a finding of the tree; a write must not run at all.
        if (options.writing) throw error;
        wanted.delete(p);
        bad.add(p);
        findings.push({
          rule: "config/unreadable",
          level: "error",
          file: p,
          message: (error as Error).message,
          fix: "keep sync files inside the repository",
        });
      }
    }
  }
  const { files, findings: readFindings, absent } = await readParsed(source, config, [...wanted], "sync check", options);
  appendAll(findings, readFindings);
  const missing = new Set(absent);
  const missingReported = new Set<string>();
  const runs: SyncRun[] = [];
  for (const rule of rules) {
    const label = ruleLabel(rule);
    if (bad.has(rule.source.file) || bad.has(rule.target.file)) continue;
    const src = checkRelative(rule.source.file);
    const tgt = checkRelative(rule.target.file);
    let skip = false;
    for (const p of [src, tgt]) {
      if (!missing.has(p)) {
        if (!files.has(p)) skip = true; // unreadable or malformed: already reported
        continue;
      }
      skip = true;
      if (missingReported.has(p + "\0" + label)) continue;
      missingReported.add(p + "\0" + label);
      findings.push({
        rule: "sync/missing-file",
        level: source.kind === "index" ? "notice" : "warning",
        file: configPath,
        message: `${p} (named in sync rule ${label}) does not exist${source.kind === "index" ? " in the index" : ""}, so the rule was not checked`,
        fix: `restore ${p}, or remove the rule from config.sync`,
      });
    }
    if (skip) continue;
    const target = files.get(tgt)!;
    const result = evaluateSyncRule(rule, files.get(src)!, target, isSecret);
    appendAll(findings, result.findings);
    runs.push({ rule, label, target, result });
  }
  return { runs, findings };
}

export const check: Check = {
  name: "sync",
  async run(ctx) {
    if (!ctx.config.sync?.length) return [];
    return (await runSyncRules(ctx.source, ctx.config, ctx.configPath, { parseFindings: false, root: ctx.root })).findings;
  },
};
