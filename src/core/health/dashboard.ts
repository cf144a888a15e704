/** Facts -> the dashboard (pure). The seed's shape, plus each component's detail. */
import {
  scoreBackups,
  scoreChecks,
  scoreCriticalFiles,
  scoreDisk,
  scoreFindings,
  scoreSchemas,
  type BackupFacts,
  type CheckRunFact,
  type CriticalFileFact,
  type DiskFacts,
  type FindingFacts,
  type SchemaFacts,
} from "./components.js";
import { overallScore } from "./score.js";
import type { HealthSettings } from "./settings.js";
import type { ComponentName, ComponentScore, Dashboard } from "./types.js";

/** Everything `health` collected, before scoring. */
export interface HealthFacts {
  criticalFiles: CriticalFileFact[];
  schemas: SchemaFacts;
  manifest: FindingFacts;
  configuration: FindingFacts;
  sync: FindingFacts;
  backups: BackupFacts;
  disk: DiskFacts;
  checks: CheckRunFact[];
}

/** Score every component and the whole. `now` is passed in so tests can pin time. */
export function buildDashboard(facts: HealthFacts, settings: HealthSettings, now: Date): Dashboard {
  const t = settings.thresholds;
  const components: Record<ComponentName, ComponentScore> = {
    critical_files: scoreCriticalFiles(facts.criticalFiles, t),
    schemas: scoreSchemas(facts.schemas, t),
    manifest: scoreFindings("manifest", facts.manifest, t, "no manifest configured (manifest.include)"),
    configuration: scoreFindings("config conflict", facts.configuration, t, "no config files configured (config.files)"),
    sync: scoreFindings("sync", facts.sync, t, "no sync rules configured (sync)"),
    backups: scoreBackups(facts.backups, now.getTime(), t),
    disk: scoreDisk(facts.disk, t),
    checks: scoreChecks(facts.checks, settings.checkLimits, t),
  };
  for (const [name, c] of Object.entries(components)) {
    const w = settings.weights[name];
    if (w !== undefined) c.weight = w;
  }
  const overall = overallScore(components, t);
  return {
    system_health: {
      overall_score: overall.score,
      status: overall.status,
      last_updated: now.toISOString(),
      components,
      thresholds: { ...t },
    },
  };
}
