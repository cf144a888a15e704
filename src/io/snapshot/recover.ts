/**
 * Named recovery procedures (config `recovery.NAME`): restore, run, verify steps in order,
 * stopping at the first that fails. Each step is timed.
 */
import { spawn } from "node:child_process";
import type { RecoveryStep, SnapshotsConfig } from "../../config/types.js";
import type { Finding } from "../../core/finding.js";
import { inScope } from "../../core/snapshot/manifest.js";
import type { PackedSnapshotManifest } from "../../core/snapshot/packed-files.js";
import { GuardError } from "../../errors.js";
import type { Git } from "../git.js";
import { checkRelative } from "../paths.js";
import { hashWorktreeFiles } from "./files.js";
import { SnapshotRefused } from "./refused.js";
import { runRestore } from "./run-restore.js";

interface StepReport {
  index: number;
  kind: "restore" | "run" | "verify";
  label: string;
  ok: boolean;
  ms: number;
  detail: string;
  findings: Finding[];
}

interface RecoverDeps {
  git: Git;
  config: SnapshotsConfig | undefined;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  allowUnsigned: boolean;
  dryRun: boolean;
  /** Runs `check` (verify: true); returns its findings. */
  runCheck: () => Promise<Finding[]>;
}

function describeStep(step: RecoveryStep): { kind: StepReport["kind"]; label: string } {
  if ("restore" in step) {
    const r = step.restore;
    return { kind: "restore", label: `restore ${r.snapshot ?? r.set ?? "latest"}${r.paths?.length ? " " + r.paths.join(" ") : ""}` };
  }
  if ("run" in step) return { kind: "run", label: `run ${step.run}` };
  return {
    kind: "verify",
    label: step.verify === true ? "verify (check)" : step.verify === false ? "verify (off)" : `verify ${step.verify.join(" ")}`,
  };
}

export async function runRecovery(steps: readonly RecoveryStep[], deps: RecoverDeps): Promise<StepReport[]> {
  const reports: StepReport[] = [];
  let restored: { id: string; manifest: PackedSnapshotManifest } | undefined;
  for (const [i, step] of steps.entries()) {
    const { kind, label } = describeStep(step);
    const t0 = process.hrtime.bigint();
    const report: StepReport = { index: i + 1, kind, label, ok: true, ms: 0, detail: "", findings: [] };
    deps.log(`step ${i + 1}/${steps.length}: ${label}`);
    try {
      if ("restore" in step) {
        const o = await runRestore(deps.git, deps.config, {
          spec: step.restore.snapshot ?? step.restore.set ?? "latest",
          paths: step.restore.paths ?? [],
          allowUnsigned: deps.allowUnsigned,
          dryRun: deps.dryRun,
          env: deps.env,
          log: deps.log,
        });
        restored = { id: o.snapshot.id, manifest: o.manifest };
        report.findings = o.findings;
        report.ok = o.findings.length === 0;
        const n = o.plan.create.length + o.plan.modify.length + o.plan.remove.length;
        report.detail = `${deps.dryRun ? "would change" : "changed"} ${n} file(s) from snapshot ${o.snapshot.id.slice(0, 12)}${o.undo ? `; undo: ${o.undo.command}` : ""}`;
        if (deps.dryRun) report.detail += planSummary(o.plan);
      } else if ("run" in step) {
        if (deps.dryRun) report.detail = `would run: sh -c ${JSON.stringify(step.run)} from the repository root (not run: --dry-run)`;
        else {
          const code = await runShell(step.run, deps.git.root, deps.env, deps.log);
          report.ok = code === 0;
          report.detail = `exit code ${code}`;
        }
      } else if (step.verify === true && deps.dryRun) {
        report.detail = "would run check on the whole tree (not run: --dry-run)";
      } else if (step.verify === true) {
        report.findings = (await deps.runCheck()).filter((f) => f.level === "error");
        report.ok = report.findings.length === 0;
        report.detail = report.ok ? "check passed" : `check found ${report.findings.length} error(s)`;
      } else if (Array.isArray(step.verify)) {
        if (!restored)
          throw new GuardError("a verify step with paths needs an earlier restore step to verify against", {
            fix: "put a restore step before it, or use verify: true",
          });
        if (deps.dryRun) {
          // The plan is possible when the restore before it holds files under these paths.
          const scopes = step.verify.map((p) => checkRelative(p, "verify path"));
          const n = manifestPaths(restored.manifest).filter((f) => scopes.some((sc) => inScope(f, sc))).length;
          report.ok = n > 0;
          report.detail =
            n > 0
              ? `would check ${n} file(s) under ${step.verify.join(", ")} against snapshot ${restored.id.slice(0, 12)} (not run: --dry-run)`
              : `no file of snapshot ${restored.id.slice(0, 12)} is under ${step.verify.join(", ")}: this step would fail`;
          report.ms = Number(process.hrtime.bigint() - t0) / 1e6;
          reports.push(report);
          continue;
        }
        report.findings = await verifyPaths(deps.git.root, restored.manifest, step.verify);
        report.ok = report.findings.length === 0;
        report.detail = report.ok
          ? `paths match snapshot ${restored.id.slice(0, 12)}`
          : `${report.findings.length} file(s) differ from snapshot ${restored.id.slice(0, 12)}`;
      } else report.detail = "skipped (verify: false)";
    } catch (error) {
      report.ok = false;
      if (error instanceof SnapshotRefused) report.findings = error.findings;
      report.detail = error instanceof Error ? error.message.split("\n")[0]! : String(error);
      if (error instanceof GuardError && error.fix) report.detail += ` (fix: ${error.fix})`;
    }
    report.ms = Number(process.hrtime.bigint() - t0) / 1e6;
    reports.push(report);
    // A dry run shows the plan of every step, even after one that could not go ahead.
    if (!report.ok && !deps.dryRun) break;
  }
  return reports;
}

/** ": create a, modify b, remove c" for a dry run's restore step (at most five names each). */
function planSummary(plan: { create: string[]; modify: string[]; remove: string[] }): string {
  const part = (verb: string, list: string[]) =>
    list.length === 0 ? [] : [`${verb} ${list.slice(0, 5).join(", ")}${list.length > 5 ? ` and ${list.length - 5} more` : ""}`];
  const parts = [...part("create", plan.create), ...part("modify", plan.modify), ...part("remove", plan.remove)];
  return parts.length > 0 ? ` (${parts.join("; ")})` : "";
}

/** A configured shell command, run from the repository root; its output goes to the log. */
function runShell(command: string, cwd: string, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("sh", ["-c", command], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const forward = (b: Buffer) =>
      b
        .toString("utf8")
        .split("\n")
        .filter(Boolean)
        .forEach((l) => log(`  | ${l}`));
    child.stdout.on("data", forward);
    child.stderr.on("data", forward);
    child.on("error", (e) => {
      log(`  | cannot start sh: ${e.message}`);
      resolve(127);
    });
    child.on("close", (code) => resolve(code ?? 128));
  });
}

/** The manifest's paths in its own order. */
function manifestPaths(manifest: PackedSnapshotManifest): string[] {
  return Array.from({ length: manifest.files.count }, (_, i) => manifest.files.path(i));
}

async function verifyPaths(root: string, manifest: PackedSnapshotManifest, paths: readonly string[]): Promise<Finding[]> {
  const scopes = paths.map((p) => checkRelative(p, "verify path"));
  const files = manifestPaths(manifest).filter((f) => scopes.some((s) => inScope(f, s)));
  const findings: Finding[] = [];
  const present: string[] = [];
  const fs = await import("node:fs/promises");
  for (const f of files) {
    try {
      await fs.access(`${root}/${f}`);
      present.push(f);
    } catch {
      findings.push({
        rule: "snapshot/checksum",
        level: "error",
        file: f,
        message: "file is missing after recovery",
        fix: "run the recovery again",
      });
    }
  }
  const hashes = await hashWorktreeFiles(root, present);
  for (const f of present) {
    const want = manifest.files.get(f)!;
    const got = hashes.get(f)!;
    if (got.sha256 !== want.sha256)
      findings.push({
        rule: "snapshot/checksum",
        level: "error",
        file: f,
        message: "file differs from the restored snapshot",
        expected: `sha256 ${want.sha256}`,
        found: `sha256 ${got.sha256}`,
        fix: "a later step changed it; inspect the step's command",
      });
  }
  if (files.length === 0)
    findings.push({
      rule: "snapshot/checksum",
      level: "error",
      message: `no file of the restored snapshot is under ${paths.join(", ")}`,
      fix: "name paths the restore step restored",
    });
  return findings;
}
