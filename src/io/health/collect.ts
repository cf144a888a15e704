/**
 * Gather every fact `health` scores: critical files, the registered checks (validate ->
 * schemas, manifest, conflicts -> configuration, sync) with their timings, the snapshot branch,
 * and the disk. Scoring is pure and happens in src/core/health/dashboard.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { ALWAYS_EXCLUDED, CONFIG_PATH, DEFAULT_VALIDATE_FILES, MANIFEST_PATH, type LoadedConfig } from "../../config/types.js";
import type { HistoryPoint } from "../../core/health/chart.js";
import type { CheckOutcome, FindingFacts, SchemaFacts } from "../../core/health/components.js";
import type { HealthFacts } from "../../core/health/dashboard.js";
import type { HealthSettings } from "../../core/health/settings.js";
import type { Finding } from "../../core/finding.js";
import { matcher } from "../../core/glob.js";
import { validateFilesMatcher } from "../../core/select/default-extensions.js";
import { baselineExempt, type BaselineLoader } from "../baseline-file.js";
import { WorktreeSource } from "../file-source.js";
import type { Git } from "../git.js";
import type { CheckContext } from "../../checks/types.js";
import { collectCriticalFiles } from "./critical-files.js";
import { collectDisk } from "./disk.js";
import { readSnapshotFacts } from "./snapshots.js";

interface CollectInput {
  root: string;
  git: Git;
  loaded: LoadedConfig;
  settings: HealthSettings;
  log: (line: string) => void;
  interactive: boolean;
  /**
   * Runs every registered check on the working tree (src/checks/run-checks.ts runChecksTimed,
   * passed in by the command: io/ sits below checks/ and does not import it).
   */
  runChecks: (ctx: CheckContext) => Promise<Map<string, CheckOutcome>>;
  /** .integrity-guard/baseline.json's loader: its known, unchanged broken files count as `check` counts them. */
  baseline?: BaselineLoader;
}

interface Collected {
  facts: HealthFacts;
  /** Health scores recorded with snapshots (for --history). */
  snapshotHistory: HistoryPoint[];
  /** Every finding the checks reported (for alerts and --format json detail). */
  checkFindings: Finding[];
}

/** The critical files: health.critical_files, or by default the config file and manifest that exist. */
function criticalFileList(root: string, loaded: LoadedConfig): string[] {
  const listed = loaded.config.health?.critical_files;
  if (listed) return listed;
  return [loaded.exists ? loaded.path : undefined, MANIFEST_PATH].filter(
    (p): p is string => p !== undefined && fs.existsSync(path.join(root, p)),
  );
}

export async function collectHealth(input: CollectInput): Promise<Collected> {
  const { root, git, loaded, settings } = input;
  const config = loaded.config;
  const source = new WorktreeSource(git);
  const [critical, runs, snaps, disk, files] = await Promise.all([
    collectCriticalFiles(root, criticalFileList(root, loaded)),
    input.runChecks({
      root,
      git,
      config,
      configPath: loaded.path ?? CONFIG_PATH,
      source,
      log: input.log,
      interactive: input.interactive,
      ...(input.baseline ? { exempt: baselineExempt(input.baseline, source) } : {}),
    }),
    readSnapshotFacts(git, config, settings.maxSnapshotAge),
    collectDisk(root, settings.minFreeDisk, settings.minFreeDiskText),
    source.list().catch(() => [] as string[]),
  ]);
  const get = (name: string): CheckOutcome | undefined => runs.get(name);
  const findingFacts = (name: string, configured: boolean): FindingFacts => {
    const r = get(name);
    return { configured, findings: r?.findings ?? [], ...(r?.failed !== undefined ? { failed: r.failed } : {}) };
  };
  return {
    facts: {
      criticalFiles: critical,
      schemas: schemaFacts(files, loaded, get("validate")),
      manifest: findingFacts("manifest", (config.manifest?.include?.length ?? 0) > 0),
      configuration: findingFacts("conflicts", (config.config?.files?.length ?? 0) > 0),
      sync: findingFacts("sync", (config.sync?.length ?? 0) > 0),
      backups: snaps.backups,
      disk,
      checks: [...runs.values()].map(({ findings: _f, ...fact }) => fact),
    },
    snapshotHistory: snaps.history,
    checkFindings: [...runs.values()].flatMap((r) => r.findings),
  };
}

/** Files validate covers (validate.files minus excludes) and those with an error finding. */
function schemaFacts(files: readonly string[], loaded: LoadedConfig, run: CheckOutcome | undefined): SchemaFacts {
  if (run?.failed !== undefined) return { total: 0, invalid: [], failed: run.failed };
  const v = loaded.config.validate;
  const include = validateFilesMatcher(v?.files ?? DEFAULT_VALIDATE_FILES); // the default globs in any letter case, as validate selects
  const exclude = matcher([...ALWAYS_EXCLUDED, ...(v?.exclude ?? [])]);
  const covered = new Set(files.filter((f) => include(f) && !exclude(f)));
  const invalid = new Map<string, string>();
  for (const f of run?.findings ?? []) {
    if (f.level !== "error" || !f.file) continue;
    covered.add(f.file);
    if (!invalid.has(f.file)) invalid.set(f.file, `${f.rule}${f.line ? ` at ${f.line}:${f.column ?? 1}` : ""}: ${f.message}`);
  }
  return { total: covered.size, invalid: [...invalid].map(([file, message]) => ({ file, message })) };
}
