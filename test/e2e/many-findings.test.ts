/**
 * Never crash on many findings (issue 13, item 5). On the Helm repository (thousands of template
 * lines, each an error when read as YAML) `check` died with "RangeError: Maximum call stack size
 * exceeded", exit 2 and no report: findings were appended with push(...list), which passes each
 * one as an argument. Here: 80 files of 2,500 duplicate keys (about 200,000 findings) through the
 * built CLI in every format and through the built Action, and one file with 150,000 findings
 * through `validate`. Each file lists at most 50 findings plus one "and K more" line per rule,
 * and the summary counts them all.
 */
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_BUNDLE, createRepo, GIT_ENV, type TestRepo } from "../helpers/repo.js";
import { payloads, runActionBundle } from "./action-harness.js";

const FILES = 80;
const KEYS = 2_500;
/** Every key after the first is a parse/duplicate-key error. */
const PER_FILE = KEYS - 1;
const TOTAL = FILES * PER_FILE;
const CAP = 50;

let repo: TestRepo;

/** The built CLI, with room for a large report (the helper's spawnSync keeps 1 MiB of output). */
function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
    cwd: repo.dir,
    env: { ...process.env, ...GIT_ENV },
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const name = (i: number) => `charts/app/templates/t${String(i).padStart(2, "0")}.yaml`;

beforeAll(() => {
  repo = createRepo();
  const body = "key: 1\n".repeat(KEYS);
  for (let i = 0; i < FILES; i++) repo.write(name(i), body);
  repo.write("values.json", '{"ok": true}\n');
  repo.commitAll("many findings");
});
afterAll(() => repo.cleanup());

/** Per file: how many findings are listed and what the capped lines say. */
function perFile(findings: { rule: string; file?: string; omitted?: { rule: string; level: string; count: number } }[]) {
  const out = new Map<string, { listed: number; omitted: { rule: string; level: string; count: number }[] }>();
  for (const f of findings) {
    const e = out.get(f.file!) ?? { listed: 0, omitted: [] };
    if (f.omitted) e.omitted.push(f.omitted);
    else e.listed++;
    out.set(f.file!, e);
  }
  return out;
}

describe("check on a repository with 200,000 findings", { timeout: 240_000 }, () => {
  it("json: exit 1, 50 findings and one 'and K more' line per file, the summary counts all", () => {
    const r = cli(["check", "--format", "json"]);
    expect(r.stderr).not.toMatch(/Maximum call stack|internal error/);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: Parameters<typeof perFile>[0]; summary: Record<string, unknown> };
    expect(report.summary).toMatchObject({ errors: TOTAL, warnings: 0, files: FILES, omitted: TOTAL - FILES * CAP });
    const files = perFile(report.findings);
    expect(files.size).toBe(FILES);
    for (const [, e] of files) {
      expect(e.listed).toBe(CAP);
      expect(e.omitted).toEqual([{ rule: "parse/duplicate-key", level: "error", count: PER_FILE - CAP }]);
    }
  });

  it("text: one 'and K more' line per file and a summary that counts every error", () => {
    const r = cli(["check"]);
    expect(r.code, r.stderr).toBe(1);
    const more = r.stdout.match(/and 2449 more errors of parse\/duplicate-key in this file/g) ?? [];
    expect(more).toHaveLength(FILES);
    expect(r.stdout.match(/\[parse\/duplicate-key\]/g)).toHaveLength(FILES * CAP);
    expect(r.stdout).toContain(`✖ ${TOTAL} errors, 0 warnings in ${FILES} files`);
    expect(r.stdout).toContain(`${TOTAL - FILES * CAP} of these are counted but not listed`);
  });

  it("sarif: one result per listed finding and one per capped line", () => {
    const r = cli(["check", "--format", "sarif"]);
    expect(r.code, r.stderr).toBe(1);
    const results = (JSON.parse(r.stdout) as { runs: { results: { ruleId: string; level: string }[] }[] }).runs[0]!.results;
    expect(results.filter((x) => x.ruleId === "parse/duplicate-key")).toHaveLength(FILES * CAP);
    expect(results.filter((x) => x.ruleId === "report/capped" && x.level === "note")).toHaveLength(FILES);
  });

  it("github: annotations capped per file", () => {
    const r = cli(["check", "--format", "github"]);
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("::error ") && l.includes("title=parse/duplicate-key"))).toHaveLength(FILES * CAP);
    expect(lines.filter((l) => l.startsWith("::notice ") && l.includes("title=report/capped"))).toHaveLength(FILES);
  });

  it("the limit is validate.max_findings_per_file", () => {
    repo.write(".integrity-guard/config.yml", "version: 1\nvalidate:\n  max_findings_per_file: 3\n");
    try {
      const r = cli(["check", "--format", "json"]);
      expect(r.code, r.stderr).toBe(1);
      const report = JSON.parse(r.stdout) as { findings: Parameters<typeof perFile>[0]; summary: Record<string, unknown> };
      expect(report.summary).toMatchObject({ errors: TOTAL, omitted: TOTAL - FILES * 3 });
      for (const [, e] of perFile(report.findings))
        expect(e).toEqual({ listed: 3, omitted: [{ rule: "parse/duplicate-key", level: "error", count: PER_FILE - 3 }] });
    } finally {
      repo.git("rm", "-q", "--cached", "--ignore-unmatch", ".integrity-guard/config.yml");
      repo.write(".integrity-guard/config.yml", "version: 1\n");
    }
  });

  it("through the built Action: no crash, annotations capped, counts in the outputs and the job summary", async () => {
    const sha = repo.git("rev-parse", "HEAD").trim();
    const run = await runActionBundle({ repo, eventName: "push", payload: payloads.push("0".repeat(40), sha) });
    expect(run.stdout + run.stderr).not.toMatch(/Maximum call stack/);
    expect(run.code, run.stderr).toBe(1);
    expect(run.annotations.filter((a) => a.startsWith("::error ") && a.includes("title=parse/duplicate-key"))).toHaveLength(FILES * CAP);
    expect(run.annotations.filter((a) => a.startsWith("::notice ") && a.includes("title=report/capped"))).toHaveLength(FILES);
    expect(run.outputs).toMatchObject({ errors: String(TOTAL), status: "failed" });
    expect(run.summary).toContain(`❌ ${TOTAL} errors, 0 warnings in ${FILES} files`);
    const findings = JSON.parse(run.findingsJson!) as { findings: unknown[]; summary: Record<string, unknown> };
    expect(findings.findings).toHaveLength(FILES * (CAP + 1));
    expect(findings.summary).toMatchObject({ errors: TOTAL, omitted: TOTAL - FILES * CAP });
  });
});

describe("validate on one file with 150,000 findings", { timeout: 240_000 }, () => {
  it("lists 50, counts all, in every format", () => {
    const one = createRepo();
    try {
      one.write("huge.yaml", "key: 1\n".repeat(150_001));
      one.commitAll("huge");
      for (const format of ["json", "text"]) {
        const r = spawnSync(process.execPath, [CLI_BUNDLE, "validate", "--format", format], {
          cwd: one.dir,
          env: { ...process.env, ...GIT_ENV },
          encoding: "utf8",
          maxBuffer: 512 * 1024 * 1024,
        });
        expect(r.stderr).not.toMatch(/Maximum call stack|internal error/);
        expect(r.status, r.stderr).toBe(1);
        if (format === "json") {
          const report = JSON.parse(r.stdout) as { findings: { omitted?: unknown }[]; summary: Record<string, unknown> };
          expect(report.summary).toMatchObject({ errors: 150_000, files: 1, omitted: 150_000 - CAP });
          expect(report.findings).toHaveLength(CAP + 1);
          expect(report.findings.at(-1)!.omitted).toEqual({ rule: "parse/duplicate-key", level: "error", count: 150_000 - CAP });
        } else {
          expect(r.stdout).toContain("and 149950 more errors of parse/duplicate-key in this file");
        }
      }
    } finally {
      one.cleanup();
    }
  });
});
