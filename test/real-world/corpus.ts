/**
 * Issue 13's real-world corpus: reduced copies of public repositories of many kinds
 * (test/fixtures/real-world/<owner>__<repo>/, sources in SOURCES.md). Each one is copied into a
 * fresh git repository and run through what a new user does, with the built CLI:
 * `integrity-guard init` (defaults) and `integrity-guard check --format json`.
 *
 * Every error must be either a reviewed real corruption (expected-findings.json, each with why)
 * or a false block still waiting for its fix (known-false-blocks.json, temporary: the lead
 * empties it as the fixes land). The test fails on an error in neither list (a new false block,
 * or an unreviewed finding), on an expected error that is no longer reported (a missed
 * corruption), on a known false block that is gone (delete its entry), and on a crash.
 * Warnings never fail it: they are printed per rule (fixes move false blocks there on purpose).
 *
 * One file of ~370 repositories ran 900-960 s, the long pole of CI on two cores: the
 * repositories are now split into SHARES test files (real-world-share-N.test.ts, each a share
 * of about even size: shareOf) that vitest spreads over its workers, plus real-world.test.ts for
 * the lists and the split itself. `npx vitest run test/real-world` still runs them all.
 *
 * As fixes land: `IG_PRUNE_KNOWN_FALSE_BLOCKS=1 npx vitest run test/real-world` rewrites
 * known-false-blocks.json without the entries no longer reported (it only ever removes).
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { CLI_BUNDLE, GIT_ENV, PROJECT_ROOT, createRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

export const CORPUS = path.join(PROJECT_ROOT, "test/fixtures/real-world");

export interface ExpectedFinding {
  repo: string;
  file: string;
  rule: string;
  /** Absent: any line of that file and rule. */
  line?: number;
  why: string;
}

export interface KnownFalseBlock {
  repo: string;
  file: string;
  rule: string;
  cause: string;
  detail?: string;
}

/** The causes a false block is filed under (REVIEW.md counts them). */
export const CAUSES = [
  "merge key",
  "tag dialect",
  "template",
  "JSONC",
  "$schema unavailable",
  "quoted scalar",
  "format assertion",
  "crash",
  "other",
];

export const expected = (
  JSON.parse(fs.readFileSync(path.join(CORPUS, "expected-findings.json"), "utf8")) as { findings: ExpectedFinding[] }
).findings;
export const known = (JSON.parse(fs.readFileSync(path.join(CORPUS, "known-false-blocks.json"), "utf8")) as { entries: KnownFalseBlock[] })
  .entries;
/** Every repository of the corpus (its folders), sorted. */
export const repos = fs
  .readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Every file under dir, relative, with "/" separators. */
export function walk(dir: string, prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const rel = prefix ? `${prefix}/${d.name}` : d.name;
    return d.isDirectory() ? walk(path.join(dir, d.name), rel) : [rel];
  });
}

/**
 * The environment of a corpus run: a new user's machine, whose one cache folder (XDG_CACHE_HOME,
 * made empty for this test run by test/helpers/global-setup.ts) every repository shares, as a
 * user's clones do. There the compiled code of the built-in schemas is kept between clones
 * (src/io/schema-cache.ts: sharedDir, keyed by the schema's bytes and the compiler, checked by
 * checksum), so the ESLint or GitHub-workflow schema is compiled once per test run, not cold in
 * every repository's `init` (about half of the corpus's CPU before). Not a CI runner's (CI and
 * GITHUB_ACTIONS removed, as they are set by .ci/run and on GitHub): those keep no shared cache,
 * and the hook findings they skip would also make a local run and CI check different things.
 * Every finding is still made by check itself; only where validators' code comes from changes.
 */
const cacheHome = inject("corpusCacheHome");
function runEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...GIT_ENV, HOME: dir, XDG_CACHE_HOME: cacheHome };
  delete env.CI;
  delete env.GITHUB_ACTIONS;
  return env;
}

/** Run the built CLI in dir; the Helm repository's report is tens of MB before the fixes. */
export function cli(dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI_BUNDLE, ...args],
      { cwd: dir, env: runEnv(dir), encoding: "utf8", maxBuffer: 512 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * git in dir, as TestRepo.git runs it, without blocking this worker: the copy, commit and removal
 * of one repository overlap the other slot's run (and its output is read meanwhile).
 */
function git(dir: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile("git", args, { cwd: dir, env: { ...process.env, ...GIT_ENV, HOME: dir }, encoding: "utf8" }, (error, _stdout, stderr) =>
      error ? reject(new Error(`git ${args.join(" ")} failed in ${dir}: ${stderr || error.message}`)) : resolve(),
    );
  });
}

/** Two repositories at a time (two cores): the runs are child processes, so they overlap. */
const SLOTS = 2;
let running = 0;
const waiting: (() => void)[] = [];
async function inSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= SLOTS) await new Promise<void>((go) => waiting.push(go));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export const where = (f: { file?: string; line?: number; rule: string }) => `${f.file ?? "(no file)"}:${f.line ?? "-"} ${f.rule}`;

interface RepoTally {
  repo: string;
  checked: number;
  expected: number;
  knownFalse: number;
  warnings: Map<string, number>;
}
/** How many test files the repositories are split into (real-world-share-1..SHARES.test.ts). */
export const SHARES = 4;

/** A repository's weight: its bytes, plus 4 KiB a file and 100 KiB a repository (each costs a read and a start-up). */
function weight(repo: string): number {
  let bytes = 100 * 1024;
  const visit = (dir: string) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, d.name);
      if (d.isDirectory()) visit(abs);
      else bytes += fs.statSync(abs).size + 4096;
    }
  };
  visit(path.join(CORPUS, repo));
  return bytes;
}

/**
 * The repositories split into SHARES lists of about even weight (heaviest first, each to the
 * lightest share; ties by name), so that every repository is run by exactly one test file and
 * the split is the same in every file and on every machine.
 */
export function corpusShares(names: readonly string[] = repos, count = SHARES, weightOf: (repo: string) => number = weight): string[][] {
  const shares = Array.from({ length: count }, () => ({ weight: 0, repos: [] as string[] }));
  const weighed = names.map((repo) => ({ repo, w: weightOf(repo) }));
  weighed.sort((a, b) => b.w - a.w || (a.repo < b.repo ? -1 : 1));
  for (const { repo, w } of weighed) {
    const lightest = shares.reduce((min, s) => (s.weight < min.weight ? s : min));
    lightest.weight += w;
    lightest.repos.push(repo);
  }
  return shares.map((s) => s.repos.sort());
}

/** Run share `share` (0-based) of the corpus: init + check with the defaults for each of its repositories. */
export function defineCorpusShare(share: number): void {
  const shareRepos = corpusShares()[share]!;
  const inShare = new Set(shareRepos);
  const tallies: RepoTally[] = [];
  /** Known false blocks no longer reported, for IG_PRUNE_KNOWN_FALSE_BLOCKS. */
  const noLongerReported = new Set<KnownFalseBlock>();

  afterAll(() => {
    if (tallies.length === 0) return;
    const lines = ["real-world corpus: errors reviewed as real / known false blocks (temporary) / warnings by rule"];
    for (const t of tallies) {
      const warnings = [...t.warnings].map(([rule, n]) => `${rule} ${n}`).join(", ") || "none";
      lines.push(`  ${t.repo}: ${t.checked} files checked; ${t.expected} real; ${t.knownFalse} known false; warnings: ${warnings}`);
    }
    if (process.env.IG_PRUNE_KNOWN_FALSE_BLOCKS === "1" && noLongerReported.size > 0) {
      const file = path.join(CORPUS, "known-false-blocks.json");
      const list = JSON.parse(fs.readFileSync(file, "utf8")) as { entries: KnownFalseBlock[] };
      const gone = new Set([...noLongerReported].map((k) => `${k.repo}\0${k.file}\0${k.rule}`));
      list.entries = list.entries.filter((k) => !gone.has(`${k.repo}\0${k.file}\0${k.rule}`));
      fs.writeFileSync(file, `${JSON.stringify(list, null, 2)}\n`);
      lines.push(`  removed ${gone.size} fixed entries from known-false-blocks.json (IG_PRUNE_KNOWN_FALSE_BLOCKS=1)`);
    }
    const still = known.filter((k) => inShare.has(k.repo) && !noLongerReported.has(k));
    const files = new Set(still.map((k) => `${k.repo}/${k.file}`)).size;
    lines.push(
      `  share ${share + 1}/${SHARES}: ${still.length} known false blocks remain (${files} files) in test/fixtures/real-world/known-false-blocks.json: empty it as the fixes land`,
    );
    console.log(lines.join("\n"));
  });

  describe("real-world corpus: init + check with the defaults", () => {
    for (const repo of shareRepos) {
      it.concurrent(
        `${repo}: only reviewed errors, every real corruption still caught, no crash`,
        () =>
          inSlot(async () => {
            const r = createRepo();
            try {
              await fs.promises.cp(path.join(CORPUS, repo), r.dir, { recursive: true });
              await git(r.dir, ["add", "-A"]);
              await git(r.dir, ["commit", "-q", "--no-verify", "-m", "corpus"]);

              const init = await cli(r.dir, ["init"]);
              expect(init.code, `init failed:\n${init.stderr}`).toBe(0);
              expect(fs.existsSync(path.join(r.dir, ".integrity-guard/config.yml"))).toBe(true);

              const check = await cli(r.dir, ["check", "--format", "json"]);
              expect(check.stderr).not.toMatch(/internal error|RangeError|Maximum call stack/i);
              expect([0, 1], `check exit code (2 = could not run):\n${check.stderr.slice(0, 2000)}`).toContain(check.code);
              const report = JSON.parse(check.stdout) as { findings: Finding[]; summary: { checked: number } };
              expect(report.summary.checked).toBeGreaterThan(0);

              const errors = report.findings.filter((f) => f.level === "error");
              const mine = expected.filter((e) => e.repo === repo);
              const mineKnown = known.filter((k) => k.repo === repo);
              const seenExpected = new Set<ExpectedFinding>();
              const seenKnown = new Set<KnownFalseBlock>();
              const unreviewed: string[] = [];
              for (const f of errors) {
                const real = mine.filter((e) => e.file === f.file && e.rule === f.rule && (e.line === undefined || e.line === f.line));
                const falseBlock = mineKnown.find((k) => k.file === f.file && k.rule === f.rule);
                if (real.length > 0) real.forEach((e) => seenExpected.add(e));
                else if (falseBlock) seenKnown.add(falseBlock);
                else unreviewed.push(`${where(f)}: ${f.message}`);
              }
              const missed = mine.filter((e) => !seenExpected.has(e)).map((e) => `${where(e)} (${e.why})`);
              const gone = mineKnown.filter((k) => !seenKnown.has(k));
              gone.forEach((k) => noLongerReported.add(k));
              const fixed = gone.map((k) => `${where(k)} [${k.cause}]`);

              const warnings = new Map<string, number>();
              for (const f of report.findings) if (f.level !== "error") warnings.set(f.rule, (warnings.get(f.rule) ?? 0) + 1);
              tallies.push({ repo, checked: report.summary.checked, expected: seenExpected.size, knownFalse: seenKnown.size, warnings });

              expect(
                {
                  "new errors (a false block, or unreviewed: review and list in expected-findings.json or fix the cause)": unreviewed.slice(
                    0,
                    40,
                  ),
                  "missed corruption (expected-findings.json entries no longer reported)": missed,
                  "false blocks now fixed (delete these entries from known-false-blocks.json)": fixed.slice(0, 40),
                },
                `${repo}: ${unreviewed.length} new errors, ${missed.length} missed, ${fixed.length} fixed false blocks`,
              ).toEqual({
                "new errors (a false block, or unreviewed: review and list in expected-findings.json or fix the cause)": [],
                "missed corruption (expected-findings.json entries no longer reported)": [],
                "false blocks now fixed (delete these entries from known-false-blocks.json)": [],
              });
            } finally {
              await fs.promises.rm(r.dir, { recursive: true, force: true });
            }
          }),
        // Generous: a test's time includes its wait for a slot.
        180_000,
      );
    }
  });
}
