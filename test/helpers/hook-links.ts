/**
 * Set-up shared by the hook's symlink tests (hook-committed-links, hook19-nested-links,
 * hook20-link-cap): a symlink written into a test repository, files and links added to the hook
 * repository (test/e2e/hook-fixture.ts) and committed without the hook, and the "rule file"
 * pairs of a JSON report.
 */
import fs from "node:fs";
import path from "node:path";
import type { TestRepo } from "./repo.js";

/** A symlink at `at` (repo-relative) whose text is `target`, replacing whatever is there. */
export function link(r: TestRepo, at: string, target: string): void {
  const abs = path.join(r.dir, at);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.rmSync(abs, { force: true });
  fs.symlinkSync(target, abs);
}

/** `files` (path -> content) and `links` (path -> link text) written and staged; committed without the hook unless `stageOnly`. */
export function addFilesAndLinks(r: TestRepo, files: Record<string, string>, links: Record<string, string>, stageOnly = false): TestRepo {
  for (const [p, c] of Object.entries(files)) r.write(p, c);
  for (const [p, t] of Object.entries(links)) link(r, p, t);
  r.git("add", "--", ...Object.keys(files), ...Object.keys(links));
  if (!stageOnly) r.git("commit", "-q", "--no-verify", "-m", "links");
  return r;
}

/** Each distinct "rule file" of a `--format json` report on `stdout`, sorted (none when it is empty). */
export function ruleFiles(stdout: string): string[] {
  const report = JSON.parse(stdout || "{}") as { findings?: { rule: string; file?: string }[] };
  return [...new Set((report.findings ?? []).map((f) => `${f.rule} ${f.file ?? ""}`))].sort();
}
