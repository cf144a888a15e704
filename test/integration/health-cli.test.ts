/** `integrity-guard health` end to end in real temporary git repositories. */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import healthSchema from "../../schemas/health.schema.json" with { type: "json" };
import { GIT_ENV, PROJECT_ROOT, withRepo, type TestRepo } from "../helpers/repo.js";
import { startGitHubApi } from "../helpers/github-api.js";
import { startSmtpServer } from "../helpers/smtp-server.js";
import { deadUrl, startWebhookServer } from "../helpers/webhook-server.js";

// ajv-formats is CommonJS: its default export arrives wrapped under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validateHealth = ajv.compile(healthSchema);

// Parsed CLI output is walked freely below; the schema check is what types it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

function expectValidHealthJson(stdout: string): Json {
  const json = JSON.parse(stdout) as Json;
  const ok = validateHealth(json);
  expect(ok ? [] : validateHealth.errors).toEqual([]);
  return json;
}

/** A config whose score does not depend on the machine's disk (weight 0 leaves it out). */
function configure(repo: TestRepo, extra = "") {
  repo.write(
    ".integrity-guard/config.yml",
    `version: 1\nhealth:\n  critical_files: ["state.json"]\n  weights: { disk: 0 }\n  max_snapshot_age: { hourly: 2h }\nsnapshots:\n  sets:\n    hourly: { paths: ["state.json"] }\n${extra}`,
  );
  repo.write("state.json", '{"ok": true}\n');
}

/**
 * Add a snapshot commit for `set` taken `hoursAgo` ago to the snapshot branch, shaped as
 * `snapshot` writes it: the files plus .integrity-snapshot/manifest.json, and trailers with the
 * manifest's digest. `corrupt` stores a manifest whose checksum does not match the file.
 */
function addSnapshot(repo: TestRepo, set: string, hoursAgo: number, options: { trailers?: string; corrupt?: boolean } = {}) {
  const run = (args: string[], input?: string) =>
    execFileSync("git", args, { cwd: repo.dir, env: { ...process.env, ...GIT_ENV }, input, encoding: "utf8" }).trim();
  const content = '{"ok": true}\n';
  const blob = run(["hash-object", "-w", "--stdin"], content);
  const sha = createHash("sha256")
    .update(options.corrupt ? "something else" : content)
    .digest("hex");
  const manifest =
    JSON.stringify(
      { version: 1, set, paths: ["state.json"], files: { "state.json": { sha256: sha, size: content.length, mode: "100644" } } },
      null,
      1,
    ) + "\n";
  const mBlob = run(["hash-object", "-w", "--stdin"], manifest);
  const meta = run(["mktree"], `100644 blob ${mBlob}\tmanifest.json\n`);
  const tree = run(["mktree"], `040000 tree ${meta}\t.integrity-snapshot\n100644 blob ${blob}\tstate.json\n`);
  const time = new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
  const digest = "sha256:" + createHash("sha256").update(manifest).digest("hex");
  const parent = repo.tryGit("rev-parse", "--verify", "-q", "refs/heads/integrity-snapshots").stdout.trim();
  const msg = `snapshot ${set}: 1 files, ${content.length} bytes\n\nSnapshot-Set: ${set}\nSnapshot-Time: ${time}\nSource-Commit: none\nManifest-Digest: ${digest}\nSnapshot-Files: 1\nSnapshot-Size: ${content.length}\n${options.trailers ?? ""}`;
  const id = run(["commit-tree", tree, ...(parent ? ["-p", parent] : [])], msg);
  repo.git("update-ref", "refs/heads/integrity-snapshots", id);
  return id;
}

describe("health dashboard", () => {
  it("prints the dashboard as JSON valid against schemas/health.schema.json", async () => {
    await withRepo(async (repo) => {
      configure(repo);
      addSnapshot(repo, "hourly", 1);
      repo.commitAll();
      const started = Date.now();
      const r = await repo.cli(["health", "--format", "json"]);
      const ended = Date.now();
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const json = expectValidHealthJson(r.stdout);
      const h = json.system_health;
      expect(h.status).toBe("HEALTHY");
      expect(Object.keys(h.components)).toEqual([
        "critical_files",
        "schemas",
        "manifest",
        "configuration",
        "sync",
        "backups",
        "disk",
        "checks",
      ]);
      expect(h.components.critical_files).toMatchObject({ score: 100, status: "HEALTHY", included: true });
      expect(h.components.critical_files.detail.files[0]).toMatchObject({
        path: "state.json",
        exists: true,
        readable: true,
        parses: true,
        size: 13,
      });
      expect(h.components.backups.detail.sets.hourly).toMatchObject({ score: 100, snapshots: 1, max_age_seconds: 7200 });
      expect(h.components.manifest.included).toBe(false);
      expect(Object.keys(h.components.checks.detail.checks)).toEqual(["validate", "manifest", "conflicts", "sync"]);
      expect(h.components.disk.detail.total_bytes).toBeGreaterThan(0);
      // Stamped during this run: between the clock readings around it, whatever the machine's speed.
      expect(Date.parse(h.last_updated)).toBeGreaterThanOrEqual(started);
      expect(Date.parse(h.last_updated)).toBeLessThanOrEqual(ended);
      expect(json.summary).toMatchObject({ overall_score: h.overall_score, status: "HEALTHY" });
      // The overall is the documented rule over the included, weighted components.
      const counted = Object.values(h.components as Record<string, { score: number; included: boolean; weight: number }>).filter(
        (c) => c.included && c.weight > 0,
      );
      const mean = counted.reduce((s, c) => s + c.score * c.weight, 0) / counted.reduce((s, c) => s + c.weight, 0);
      expect(h.overall_score).toBe(Math.round((2 * mean + Math.min(...counted.map((c) => c.score))) / 3));
    });
  });

  it("shows broken critical files, invalid files and stale backups in a table, and exits by --fail-on", async () => {
    await withRepo(async (repo) => {
      configure(repo, "");
      repo.write("state.json", '{"contracts": [1, 2'); // truncated write
      repo.write("data/bad.json", "{bad");
      repo.write("data/good.json", "{}");
      addSnapshot(repo, "hourly", 5); // 2.5x the 2h limit -> 25
      const text = await repo.cli(["health"]);
      expect(text.code).toBe(1); // CRITICAL, default --fail-on critical
      expect(text.stdout).toMatch(/^Health: \d+\/100 CRITICAL/);
      expect(text.stdout).toMatch(
        /critical_files\s+0\s+XX CRITICAL\s+1 of 1 critical file broken: state\.json \(does not parse: 1:20 file ends inside an array/,
      );
      // state.json and data/bad.json are invalid; the config and data/good.json are fine.
      expect(text.stdout).toMatch(/schemas\s+50\s+XX CRITICAL\s+2 of 4 files valid \(50%\)/);
      expect(text.stdout).toMatch(/backups\s+25\s+XX CRITICAL\s+hourly: newest is 5h old \(limit 2h\)/);
      expect(text.stdout).toMatch(/manifest\s+-\s+-- n\/a/);
      expect(text.stdout).toContain("[health/critical]");
      expect((await repo.cli(["health", "--fail-on", "never"])).code).toBe(0);
      expect((await repo.cli(["health", "--fail-on", "bogus"])).code).toBe(2);
    });
  });

  it("exit code: 0 when DEGRADED unless --fail-on degraded", async () => {
    await withRepo(async (repo) => {
      configure(repo);
      addSnapshot(repo, "hourly", 4.4); // 2.2x the 2h limit: backups 40, CRITICAL
      const r = await repo.cli(["health", "--format", "json"]);
      const h = expectValidHealthJson(r.stdout).system_health;
      expect(h.components.backups).toMatchObject({ score: 40, status: "CRITICAL" });
      // critical_files, schemas, checks 100 and backups 40: mean 85, lowest 40 -> 70; a CRITICAL component keeps it from HEALTHY.
      expect([h.overall_score, h.status]).toEqual([70, "DEGRADED"]);
      expect(r.code).toBe(0);
      expect((await repo.cli(["health", "--fail-on", "degraded"])).code).toBe(1);
    });
  });

  it("reads the newest snapshot back: a checksum mismatch makes backups CRITICAL", async () => {
    await withRepo(async (repo) => {
      configure(repo);
      const good = addSnapshot(repo, "hourly", 1);
      let b = expectValidHealthJson((await repo.cli(["health", "--format", "json", "--no-record"])).stdout).system_health.components
        .backups;
      expect(b.detail.last_validation).toMatchObject({ ok: true, commit: good });
      expect(b).toMatchObject({ score: 100, status: "HEALTHY" });
      const bad = addSnapshot(repo, "hourly", 0.5, { corrupt: true });
      b = expectValidHealthJson((await repo.cli(["health", "--format", "json", "--no-record"])).stdout).system_health.components.backups;
      expect(b.detail.last_validation).toMatchObject({ ok: false, commit: bad });
      expect(b.detail.last_validation.message).toContain("state.json: read-back checksum differs from the source");
      expect([b.score, b.status]).toEqual([59, "CRITICAL"]);
      expect(b.summary).toContain("last backup validation failed");
    });
  });

  it("reads snapshots taken by `integrity-guard snapshot`", async () => {
    await withRepo(async (repo) => {
      configure(repo, "  sign: { format: none }\n");
      repo.commitAll();
      const snap = await repo.cli(["snapshot", "--set", "hourly"]);
      expect(snap.code).toBe(0);
      const b = expectValidHealthJson((await repo.cli(["health", "--format", "json", "--no-record"])).stdout).system_health.components
        .backups;
      expect(b).toMatchObject({ score: 100, status: "HEALTHY" });
      expect(b.detail.sets.hourly.snapshots).toBe(1);
      expect(b.detail.last_validation).toMatchObject({ ok: true });
    });
  });

  it("reports a symlinked, empty or missing critical file without following or crashing", async () => {
    await withRepo(async (repo) => {
      repo.write(
        ".integrity-guard/config.yml",
        'version: 1\nhealth:\n  critical_files: ["link.json", "empty.json", "gone.json", "../outside.json"]\n',
      );
      fs.symlinkSync("/etc/passwd", path.join(repo.dir, "link.json"));
      repo.write("empty.json", "");
      const r = await repo.cli(["health", "--format", "json"]);
      expect(r.stderr).toBe("");
      const files = expectValidHealthJson(r.stdout).system_health.components.critical_files.detail.files as {
        path: string;
        problem: string;
      }[];
      expect(files.map((f) => [f.path, f.problem.split(":")[0]])).toEqual([
        ["link.json", "is a symlink (not followed)"],
        ["empty.json", "empty (0 bytes)"],
        ["gone.json", "missing"],
        ["../outside.json", 'health.critical_files entry "../outside.json" contains "..", which could leave the repository'],
      ]);
    });
  });

  it("rejects bad health settings with exit 2 and says which", async () => {
    await withRepo(async (repo) => {
      repo.write(
        ".integrity-guard/config.yml",
        "version: 1\nhealth:\n  thresholds: { healthy: 50, degraded: 80 }\n  weights: { backup: 2 }\n",
      );
      const r = await repo.cli(["health"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("health.thresholds.degraded (80) is above health.thresholds.healthy (50)");
      expect(r.stderr).toContain("health.weights.backup: unknown component");
    });
  });
});

describe("health SVG", () => {
  it("prints a badge with the score and status", async () => {
    await withRepo(async (repo) => {
      configure(repo);
      addSnapshot(repo, "hourly", 1);
      const json = JSON.parse((await repo.cli(["health", "--format", "json", "--no-record"])).stdout);
      const r = await repo.cli(["health", "--format", "svg"]);
      expect(r.code).toBe(0);
      expect(r.stdout.startsWith("<svg ")).toBe(true);
      expect(r.stdout.trimEnd().endsWith("</svg>")).toBe(true);
      expect(r.stdout).toContain(`>${json.system_health.overall_score} HEALTHY</text>`);
      expect(r.stdout).toContain('fill="#4c1"');
    });
  });

  it("records each run and charts the history, with scores stored in snapshot commits", async () => {
    await withRepo(async (repo) => {
      configure(repo);
      addSnapshot(repo, "hourly", 30, { trailers: "Health-Score: 41 CRITICAL\n" });
      addSnapshot(repo, "hourly", 1);
      const scores: number[] = [];
      for (let i = 0; i < 2; i++)
        scores.push(JSON.parse((await repo.cli(["health", "--format", "json"])).stdout).system_health.overall_score);
      await repo.cli(["health", "--no-record"]); // not recorded
      const file = path.join(repo.dir, ".git/integrity-guard/health-history.jsonl");
      expect(fs.readFileSync(file, "utf8").trim().split("\n")).toHaveLength(2);
      fs.appendFileSync(file, '{"time":"2026-11-2'); // a torn line from a crash mid-append is skipped
      const hist = JSON.parse((await repo.cli(["health", "--history", "--format", "json"])).stdout);
      expect(hist.history.map((p: { score: number }) => p.score)).toEqual([41, ...scores]);
      expect(hist.history[0].source).toMatch(/^snapshot:[0-9a-f]{12}$/);
      const svg = await repo.cli(["health", "--history", "--format", "svg"]);
      expect(svg.code).toBe(0);
      expect([...svg.stdout.matchAll(/<circle /g)]).toHaveLength(3);
      expect([...svg.stdout.matchAll(/data-score="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([41, ...scores]);
      // The next run appends on a fresh line despite the torn one.
      await repo.cli(["health"]);
      expect(JSON.parse((await repo.cli(["health", "--history", "--format", "json"])).stdout).history).toHaveLength(4);
    });
  });
  it("concurrent runs each record their point", async () => {
    await withRepo(async (repo) => {
      configure(repo);
      const runs = await Promise.all([1, 2, 3].map(() => repo.cli(["health", "--format", "json"])));
      expect(runs.map((r) => r.stderr)).toEqual(["", "", ""]);
      const lines = fs.readFileSync(path.join(repo.dir, ".git/integrity-guard/health-history.jsonl"), "utf8").trim().split("\n");
      expect(lines).toHaveLength(3);
      for (const l of lines) expect(JSON.parse(l)).toMatchObject({ status: expect.stringMatching(/^(HEALTHY|DEGRADED|CRITICAL)$/) });
    });
  });
});

describe("health --alert", () => {
  it("never prints secrets, in any format, when sinks deliver or fail", async () => {
    const hook = await startWebhookServer();
    const smtp = await startSmtpServer({ user: "mailer", pass: "Smtp-Pa55-xyz" });
    const api = await startGitHubApi();
    try {
      const dead = await deadUrl();
      const secrets = {
        HOOK: `${hook.url}/services/T123/B456/HOOKSECRETabc`,
        DEAD: `${dead}/hooks/DEADSECRETdef?key=QUERYSECRET`,
        SMTP_URL: smtp.url,
        GITHUB_TOKEN: "ghs_SECRETTOKEN0123456789",
      };
      await withRepo(async (repo) => {
        configure(
          repo,
          "alerts:\n  - { level: INFO, webhook: { url: env:HOOK, format: slack } }\n  - { level: INFO, webhook: { url: env:DEAD, format: teams } }\n  - { level: INFO, email: { to: ops@example.com, smtp: env:SMTP_URL } }\n  - { level: WARNING, github_issue: true }\n",
        );
        // No snapshot: backups CRITICAL, so every route has something to send.
        const env = { ...secrets, GITHUB_API_URL: api.url, GITHUB_REPOSITORY: "acme/app" };
        const outputs: string[] = [];
        for (const args of [
          ["health", "--alert"],
          ["health", "--alert", "--format", "json"],
          ["health", "--alert", "--dry-run"],
          ["health", "--alert", "--dry-run", "--format", "json"],
        ]) {
          const r = await repo.cli(args, env);
          expect(r.code).toBe(1); // CRITICAL; a failing sink does not change the exit code
          outputs.push(r.stdout, r.stderr);
        }
        const all = outputs.join("\n");
        for (const s of ["HOOKSECRETabc", "T123/B456", "DEADSECRETdef", "QUERYSECRET", "Smtp-Pa55-xyz", "ghs_SECRETTOKEN0123456789"])
          expect(all).not.toContain(s);
        // ...while saying what happened, naming the failing sink by scheme and host only.
        expect(all).toContain(`alerts[1] webhook teams ${dead} failed: network error ECONNREFUSED`);
        expect(all).toContain(`alerts[0] webhook slack ${hook.url}`);
        const json = JSON.parse(outputs[2]!);
        expectValidHealthJson(outputs[2]!);
        expect(json.findings.filter((f: { rule: string }) => f.rule === "alert/sink-failed")).toHaveLength(1);
        expect(json.alerts.deliveries.map((d: { ok: boolean }) => d.ok)).toEqual([true, false, true, true]);
        const dry = expectValidHealthJson(outputs[6]!);
        expect(dry.alerts.dry_run).toBe(true);
        // Two real runs: two Slack posts, two mails; one issue per key, however many runs.
        expect(hook.requests).toHaveLength(2);
        expect(smtp.messages).toHaveLength(2);
        expect(new Set(api.issues.map((i) => i.title)).size).toBe(api.issues.length);
        expect(api.issues.map((i) => i.title).sort()).toEqual([
          "[integrity-guard] Repository health is CRITICAL",
          "[integrity-guard] backups is CRITICAL",
        ]);

        // Recovery: a fresh snapshot makes the repository HEALTHY; the issues close.
        addSnapshot(repo, "hourly", 0);
        const healed = await repo.cli(["health", "--alert", "--format", "json"], env);
        expect(healed.code).toBe(0);
        const hj = expectValidHealthJson(healed.stdout);
        expect(hj.alerts.alerts.map((a: { key: string; level: string }) => `${a.key}:${a.level}`)).toEqual(["health/status-change:INFO"]);
        expect(api.issues.map((i) => i.state)).toEqual(["closed", "closed"]);
        expect(hook.requests.at(-1)!.body).toMatchObject({ text: expect.stringContaining("Health changed from CRITICAL to HEALTHY") });
      });
    } finally {
      await Promise.all([hook.close(), smtp.close(), api.close()]);
    }
  });

  it("rejects an alert route without a sink (a typo must not silence alerts)", async () => {
    await withRepo(async (repo) => {
      repo.write(".integrity-guard/config.yml", "version: 1\nalerts:\n  - { level: ERROR, webhok: { url: env:X } }\n");
      const r = await repo.cli(["health", "--alert"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(".integrity-guard/config.yml:3:");
      expect(r.stderr).toContain("webhok");
    });
  });

  it("says so when no sinks are configured", async () => {
    await withRepo(async (repo) => {
      configure(repo);
      const r = await repo.cli(["health", "--alert", "--dry-run"]);
      expect(r.stdout).toContain("no sinks configured");
      expect(r.stdout).toContain("[ERROR] health/backups");
    });
  });
});

it("documents the health command in docs/health.md", () => {
  const doc = fs.readFileSync(path.join(PROJECT_ROOT, "docs/health.md"), "utf8");
  for (const key of [
    "max_snapshot_age",
    "min_free_disk",
    "weights",
    "max_error_count",
    "max_check_seconds",
    "--fail-on",
    "alert/sink-failed",
  ])
    expect(doc).toContain(key);
});
