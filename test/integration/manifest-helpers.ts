/** Shared set-up for the manifest integration tests: a repo with manifest.include configured. */
import fs from "node:fs";
import path from "node:path";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { RACY_WINDOW_NS } from "../../src/io/stat-cache.js";

export const CONFIG = `version: 1
manifest:
  include: ["data/**", "agent_workspaces/**", "fsm_state.json"]
  exclude: ["**/*.tmp"]
`;

/** A repo with a config, tracked files, an ignored file and an untracked file; mtimes an hour old. */
export function sealedRepoFixture(config = CONFIG): TestRepo {
  const repo = createRepo();
  repo.write(".integrity-guard/config.yml", config);
  repo.write(".gitignore", "*.log\nlive/\n");
  repo.write("data/a.json", '{"a":1}\n');
  repo.write("data/sub/b.json", '{"b":2}\n');
  repo.write("fsm_state.json", '{"states":{}}\n');
  repo.write("agent_workspaces/meeting/meeting.json", '{"m":true}\n');
  repo.write("data/live/state.json", '{"live":1}\n'); // ignored (live/)
  repo.write("data/run.log", "log line\n"); // ignored (*.log)
  repo.write("data/scratch.tmp", "excluded\n");
  repo.write("other/not-covered.json", "{}\n");
  repo.commitAll("init");
  repo.write("data/untracked.json", '{"u":1}\n');
  ageTree(repo.dir);
  repo.git("update-index", "-q", "--refresh"); // as `git status` would after the mtime change
  return repo;
}

/**
 * Set every file's and folder's mtime an hour back, so neither the stat cache nor the verdict's
 * folder states see them as racy.
 */
export function ageTree(dir: string, seconds = 3600): void {
  const t = new Date(Date.now() - seconds * 1000);
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === ".git") continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) fs.utimesSync(p, t, t);
    }
    fs.utimesSync(d, t, t); // after its children: listing it does not change it
  };
  walk(dir);
  // Setting an mtime makes the ctime now, and the stat cache holds a record racy while its ctime
  // is within RACY_WINDOW_NS of a run's stamp (src/io/stat-cache.ts): let that window pass, so the
  // next run trusts what it hashes, as it would a file written a while ago.
  settleCtimes();
}

/** Wait out the stat cache's racy window (2 s) after files were written or had their mtime set. */
export function settleCtimes(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(RACY_WINDOW_NS / 1_000_000n) + 50);
}

export interface JsonReport {
  findings: { rule: string; level: string; file?: string; message: string; expected?: string; found?: string }[];
  summary: Record<string, unknown>;
}

export function parseReport(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

export function rulesOf(r: JsonReport): string[] {
  return r.findings.map((f) => `${f.rule} ${f.file ?? ""}`).sort();
}

export function statCacheFile(repo: TestRepo): string | undefined {
  const dir = path.join(repo.dir, ".git/integrity-guard");
  if (!fs.existsSync(dir)) return undefined;
  const f = fs.readdirSync(dir).find((n) => /^manifest-cache-[0-9a-f]+\.json$/.test(n));
  return f ? path.join(dir, f) : undefined;
}

/**
 * Waits until the wall clock is in a later second than the index file's last write (plus a
 * clock tick): a clean run's verdict is only trusted from then on (verdict.ts,
 * indexOlderThanStamp), so a test of the fast path runs its recording verify after this.
 */
export async function waitPastIndexWrite(repo: TestRepo): Promise<void> {
  const st = fs.statSync(path.join(repo.dir, ".git/index"));
  const written = Math.max(st.mtimeMs, st.ctimeMs);
  const from = (Math.floor(written / 1000) + 1) * 1000 + 60;
  const wait = from - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
