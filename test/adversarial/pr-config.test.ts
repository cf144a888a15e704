/**
 * Issue 14, item 2: a pull request is not judged by its own rules. The built Action runs on
 * real base and head commits: a PR that switches validation off, drops the manifest and corrupts
 * a data file must fail; so must one that adds a permissive config where the base has none, and
 * one that loosens a schema. The opt-out (`config-source: head`) and the shallow checkout (base
 * commit fetched; a failing fetch is a clear error, never a fallback) are covered too.
 */
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, GIT_ENV, makeTempDir, type TestRepo } from "../helpers/repo.js";
import { payloads, runActionBundle } from "../e2e/action-harness.js";
import { mergeRuns } from "../../src/action/trusted-config.js";

const SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  required: ["status", "count"],
  properties: { status: { type: "string" }, count: { type: "integer", minimum: 0 } },
};
const BASE_CONFIG = `version: 1
validate:
  schemas:
    - files: ["data/*.json"]
      schema: schemas/state.schema.json
manifest:
  include: ["sealed/**"]
`;
/** The hostile PR's config: every file excluded, no schemas, no manifest section. */
const OPEN_CONFIG = `version: 1
validate:
  exclude: ["**"]
`;

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

function baseRepo(withConfig = true): TestRepo {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write("data/state.json", '{"status": "ok", "count": 1}\n');
  repo.write("sealed/ledger.json", '{"balance": 100}\n');
  repo.write("schemas/state.schema.json", JSON.stringify(SCHEMA, null, 2) + "\n");
  if (withConfig) {
    repo.write(".integrity-guard/config.yml", BASE_CONFIG);
    const sealed = repo.cliBundle(["seal"]);
    expect(sealed.code, sealed.stderr).toBe(0);
  }
  repo.commitAll("base");
  return repo;
}

function sha(repo: TestRepo, rev = "HEAD"): string {
  return repo.git("rev-parse", rev).trim();
}

/** Commit the PR on a branch; returns [base, head]. */
function openPr(repo: TestRepo, change: (r: TestRepo) => void): [string, string] {
  const base = sha(repo);
  repo.git("switch", "-q", "-c", "feature");
  change(repo);
  repo.git("add", "-A");
  repo.git("commit", "-q", "--no-verify", "-m", "pr");
  return [base, sha(repo)];
}

const run = (repo: TestRepo, base: string, head: string, inputs: Record<string, string> = {}) =>
  runActionBundle({
    repo,
    eventName: "pull_request",
    payload: payloads.pullRequest(11, { ref: "main", sha: base }, { ref: "feature", sha: head }),
    inputs: { comment: "false", token: "", ...inputs },
  });

function rules(json: string | undefined): [string, string, string | undefined][] {
  const report = JSON.parse(json ?? "{}") as { findings: { rule: string; level: string; file?: string }[] };
  return report.findings.map((f) => [f.rule, f.level, f.file]);
}

/** The hostile PR of the issue: validation off, manifest dropped, a data file and a sealed file corrupted. */
function hostile(r: TestRepo): void {
  r.write(".integrity-guard/config.yml", OPEN_CONFIG);
  fs.rmSync(path.join(r.dir, ".integrity-guard/manifest.json"));
  r.write("data/state.json", '{"status": "ok",, "count": 1}\n');
  r.write("sealed/ledger.json", '{"balance": 1000000}\n');
}

describe("a pull request is judged by the base branch's rules", () => {
  it("a PR that switches validation off, drops the manifest and corrupts files fails", async () => {
    const repo = baseRepo();
    const [base, head] = openPr(repo, hostile);
    const r = await run(repo, base, head);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const found = rules(r.findingsJson);
    expect(found).toContainEqual(["parse/syntax", "error", "data/state.json"]);
    expect(found).toContainEqual(["manifest/removed", "error", ".integrity-guard/manifest.json"]);
    expect(found).toContainEqual(["trust/config-changed", "notice", ".integrity-guard/config.yml"]);
    expect(r.outputs.status).toBe("failed");
    // Said at the top of the summary, before the findings table.
    const top = r.summary.split("\n").slice(0, 6).join("\n");
    expect(top).toContain("Rules from the base branch");
    expect(top).toContain("This pull request changes `.integrity-guard/config.yml`");
    expect(r.summary).toContain("This pull request removes `.integrity-guard/manifest.json`");
    expect(r.annotations.some((a) => a.startsWith("::error file=data/state.json"))).toBe(true);
  });

  it("a PR that reseals a sealed file is said at the top, naming the file in the notice", async () => {
    const repo = baseRepo();
    const [base, head] = openPr(repo, (r) => {
      r.write("sealed/ledger.json", '{"balance": 1000000}\n');
      const sealed = r.cliBundle(["seal"]);
      expect(sealed.code, sealed.stderr).toBe(0);
    });
    const r = await run(repo, base, head);
    const report = JSON.parse(r.findingsJson!) as { findings: { rule: string; level: string; message: string }[] };
    const changed = report.findings.find((f) => f.rule === "trust/manifest-changed");
    expect(changed?.message).toContain("reseals sealed/ledger.json");
    expect(r.summary.split("\n").slice(0, 6).join("\n")).toContain("This pull request changes `.integrity-guard/manifest.json`");
  });

  it("`config-source: head` opts out: the same PR is judged by its own config (and the summary says so)", async () => {
    const repo = baseRepo();
    const [base, head] = openPr(repo, hostile);
    const r = await run(repo, base, head, { "config-source": "head" });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.summary).toContain("Config from the pull request (`config-source: head`)");
  });

  it("a bad `config-source` fails before anything runs", async () => {
    const repo = baseRepo();
    const [base, head] = openPr(repo, hostile);
    const r = await run(repo, base, head, { "config-source": "HEAD" });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/input `config-source` is "HEAD", which is not accepted; accepted: base, head/);
  });

  it("with no config in the base, a PR that adds a permissive one is still checked under the defaults", async () => {
    const repo = baseRepo(false);
    const [base, head] = openPr(repo, (r) => {
      r.write(".integrity-guard/config.yml", OPEN_CONFIG);
      r.write("data/state.json", '{"status": "ok", "count": 1,}\n');
    });
    const r = await run(repo, base, head);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(rules(r.findingsJson)).toContainEqual(["parse/syntax", "error", "data/state.json"]);
    expect(r.summary).toContain("has no `.integrity-guard/config.yml`, so pull request #11 is checked under the defaults");
  });

  it("a PR that loosens a schema is checked against the base commit's schema", async () => {
    const repo = baseRepo();
    const [base, head] = openPr(repo, (r) => {
      r.write("schemas/state.schema.json", "{}\n");
      r.write("data/state.json", '{"status": "ok", "count": -7}\n');
    });
    const r = await run(repo, base, head);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const found = rules(r.findingsJson);
    expect(found).toContainEqual(["schema/violation", "error", "data/state.json"]);
    expect(found).toContainEqual(["trust/schema-changed", "notice", "schemas/state.schema.json"]);
  });

  it("a PR with a broken config gets a finding for it, and is still checked under the base config", async () => {
    const repo = baseRepo();
    const [base, head] = openPr(repo, (r) => {
      r.write(".integrity-guard/config.yml", "version: 1\nvalidate:\n  exclud: ['**']\n");
      r.write("data/state.json", '{"status": "ok", "count": "x"}\n');
    });
    const r = await run(repo, base, head);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const found = rules(r.findingsJson);
    expect(found).toContainEqual(["config/invalid", "error", ".integrity-guard/config.yml"]);
    expect(found).toContainEqual(["schema/violation", "error", "data/state.json"]);
  });
});

describe("mergeRuns", () => {
  it("what only the base rules find becomes an error; what only the PR's rules find is kept; shared findings once", () => {
    const shared = { rule: "parse/syntax", level: "error" as const, file: "a.json", line: 1, column: 2, message: "bad" };
    const baseOnly = { rule: "parse/warning", level: "warning" as const, file: "b.yaml", line: 3, column: 1, message: "odd" };
    const headOnly = { rule: "schema/violation", level: "error" as const, file: "c.json", message: "new rule" };
    const merged = mergeRuns({ findings: [shared, baseOnly] }, { findings: [shared, headOnly], exitCode: 2 });
    expect(merged.findings).toEqual([
      shared,
      {
        ...baseOnly,
        level: "error",
        message: "odd (found under the base branch's rules; the pull request's changed rules would not report it)",
      },
      headOnly,
    ]);
    expect(merged.exitCode).toBeUndefined(); // the PR's rules failing to run are its findings, not "could not run"
  });
});

describe("a shallow checkout", () => {
  /** origin holds main and feature; the runner's clone has only the PR head (depth 1). */
  function shallowClone(): { clone: TestRepo; base: string; head: string } {
    const origin = baseRepo();
    const [base, head] = openPr(origin, hostile);
    const dir = makeTempDir("ig-shallow-");
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    execFileSync("git", ["clone", "-q", "--depth=1", "--branch", "feature", `file://${origin.dir}`, dir], {
      env: { ...process.env, ...GIT_ENV },
    });
    const clone = createRepo({ dir: path.join(dir) });
    return { clone, base, head };
  }

  it("fetches the base commit and judges by its config", async () => {
    const { clone, base, head } = shallowClone();
    expect(clone.tryGit("cat-file", "-e", `${base}^{commit}`).status).not.toBe(0); // really absent
    const r = await run(clone, base, head);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(rules(r.findingsJson)).toContainEqual(["parse/syntax", "error", "data/state.json"]);
  });

  it("a failing fetch is a clear error, never a fallback to the PR's config", async () => {
    const { clone, base, head } = shallowClone();
    clone.git("remote", "set-url", "origin", path.join(makeTempDir("ig-gone-"), "missing.git"));
    const r = await run(clone, base, head);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain(`cannot read the base branch's config: the base commit ${base} of pull request #11 is not in the checkout`);
    expect(r.stdout).toContain("config-source: head");
    expect(r.outputs.status ?? "").not.toBe("passed");
  });
});
