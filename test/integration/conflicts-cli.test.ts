import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";

const CONFIG = `version: 1
config:
  files: ["config/*.yaml", "config/*.json"]
  precedence: ["config/system.yaml", "config/local.yaml"]
  owners: { "/database": "config/system.yaml" }
  differ: ["/environment"]
`;

const SYSTEM = `# System defaults: owned by ops
environment: prod
database:
  host: db.internal   # primary
  password: hunter2-system
server:
  port: 8080          # public port
  api_token: tok-system-111
  features: [a, b]
  name: web
`;

const LOCAL = `environment: dev
server:
  port: 9090
  api_token: tok-local-222
  features: [a, c]
  name: web
`;

const APP_JSON = `{
    "server": {
        "port": 8081,
        "name": "web"
    }
}
`;

function setup(repo: TestRepo, files: Record<string, string> = {}): void {
  repo.write(".integrity-guard/config.yml", CONFIG);
  repo.write("config/system.yaml", SYSTEM);
  repo.write("config/local.yaml", LOCAL);
  repo.write("config/app.json", APP_JSON);
  for (const [p, c] of Object.entries(files)) repo.write(p, c);
}

interface JsonReport {
  findings: {
    rule: string;
    level: string;
    file: string;
    line: number;
    column: number;
    pointer: string;
    key: string;
    expected?: string;
    found?: string;
    related: { file: string; line: number; column: number; message: string }[];
  }[];
  resolved?: Record<string, Record<string, unknown>>;
  changes?: { file: string; key: string; from: string; to: string }[];
}

const SECRETS = ["hunter2-system", "tok-system-111", "tok-local-222"];

describe("integrity-guard conflicts", () => {
  it("shows a masked secret as its length and a tag keyed by the repository's own key (.git/integrity-guard/mask-key, 0600)", async () => {
    const tokenTag = async (repo: TestRepo) => {
      const r = await repo.cli(["conflicts", "--format", "json"]);
      const f = (JSON.parse(r.stdout) as JsonReport).findings.find((x) => x.key === "server.api_token")!;
      return { expected: f.expected!, found: f.found!, raw: r.stdout + r.stderr };
    };
    await withRepo(async (repo) => {
      setup(repo);
      expect(fs.existsSync(path.join(repo.dir, ".git/integrity-guard/mask-key"))).toBe(false);
      const first = await tokenTag(repo);
      // tok-local-222 wins over tok-system-111: both masked, lengths and tags shown.
      expect(first.expected).toMatch(/^\*\*\* \(13 chars, #[0-9a-f]{6}\)$/);
      expect(first.found).toMatch(/^\*\*\* \(14 chars, #[0-9a-f]{6}\)$/);
      for (const s of SECRETS) expect(first.raw).not.toContain(s);
      const keyFile = path.join(repo.dir, ".git/integrity-guard/mask-key");
      const st = fs.statSync(keyFile);
      expect(st.size).toBe(32);
      expect(st.mode & 0o777).toBe(0o600);
      expect(repo.git("status", "--porcelain", "--ignored")).not.toContain("mask-key");
      // Same repository, same key: the tags stay; a changed secret shows a new tag.
      expect(await tokenTag(repo)).toEqual(first);
      repo.write("config/local.yaml", LOCAL.replace("tok-local-222", "tok-local-223"));
      const changed = await tokenTag(repo);
      expect(changed.expected).not.toBe(first.expected);
      expect(changed.found).toBe(first.found);
      await withRepo(async (other) => {
        // The same files in another repository: another key, so other tags (no lookup across them).
        setup(other);
        expect((await tokenTag(other)).found).not.toBe(first.found);
      });
    });
  });

  it("reports keys set differently by YAML and JSON files, with every location, masking secrets in text and JSON", async () => {
    await withRepo(async (repo) => {
      setup(repo);
      const text = await repo.cli(["conflicts"]);
      expect(text.code).toBe(1);
      expect(text.stdout).toContain("config/local.yaml:3:9  error  server.port is set to different values in 3 files");
      expect(text.stdout).toContain("see config/app.json:3:17  server.port = 8081");
      expect(text.stdout).toContain("see config/system.yaml:7:9  server.port = 8080");
      expect(text.stdout).toContain("server.api_token = ***");
      const json = await repo.cli(["conflicts", "--format", "json"]);
      expect(json.code).toBe(1);
      const report = JSON.parse(json.stdout) as JsonReport;
      const conflicts = report.findings.filter((f) => f.rule === "config/conflict");
      expect(conflicts.map((f) => f.key).sort()).toEqual(["server.api_token", "server.features", "server.port"]);
      const port = conflicts.find((f) => f.key === "server.port")!;
      expect(port).toMatchObject({
        file: "config/local.yaml",
        line: 3,
        column: 9,
        pointer: "/server/port",
        expected: "9090",
        found: "8081 | 8080",
      });
      expect(port.related.map((r) => `${r.file}:${r.line}:${r.column}`)).toEqual([
        "config/app.json:3:17",
        "config/system.yaml:7:9",
        "config/local.yaml:3:9",
      ]);
      // environment differs on purpose (config.differ); name is equal everywhere.
      expect(report.findings.some((f) => f.key === "environment" || f.key === "server.name")).toBe(false);
      for (const s of SECRETS) {
        expect(text.stdout + text.stderr).not.toContain(s);
        expect(json.stdout + json.stderr).not.toContain(s);
      }
    });
  });

  it("reports an owned key defined outside its owner, even with an equal value", async () => {
    await withRepo(async (repo) => {
      setup(repo, { "config/local.yaml": LOCAL + "database:\n  host: db.internal\n" });
      const report = JSON.parse((await repo.cli(["conflicts", "--format", "json"])).stdout) as JsonReport;
      const single = report.findings.filter((f) => f.rule === "config/single-source");
      expect(single).toHaveLength(1);
      expect(single[0]).toMatchObject({ file: "config/local.yaml", line: 7, column: 1, pointer: "/database" });
      expect(single[0]!.related[0]).toMatchObject({ file: "config/system.yaml", line: 3, column: 1 });
    });
  });

  it("--resolve prints the merged configuration with secrets masked (text and JSON)", async () => {
    await withRepo(async (repo) => {
      setup(repo);
      const text = await repo.cli(["conflicts", "--resolve"]);
      expect(text.stdout).toContain("merged in precedence order: config/app.json < config/system.yaml < config/local.yaml");
      expect(text.stdout).toMatch(/server:\n {2}port: 9090\n/);
      const json = await repo.cli(["conflicts", "--resolve", "--format", "json"]);
      const report = JSON.parse(json.stdout) as JsonReport;
      expect(report.resolved).toEqual({
        server: { port: 9090, name: "web", api_token: "***", features: ["a", "c"] },
        environment: "dev",
        database: { host: "db.internal", password: "***" },
      });
      for (const s of SECRETS) expect(text.stdout + json.stdout).not.toContain(s);
    });
  });

  it("--resolve --write writes the winners into the losing files, keeps comments, saves an undo copy, and never moves a secret", async () => {
    await withRepo(async (repo) => {
      setup(repo);
      const run = await repo.cli(["conflicts", "--resolve", "--write"]);
      expect(run.stderr).toBe("");
      // The secret-key conflict is left for a person: it is still reported, so the run fails.
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("config/system.yaml: server.port 8080 -> 9090");
      expect(run.stdout).not.toContain("*** -> ***");
      expect(run.stdout).toContain(
        "config/system.yaml: server.api_token (/server/api_token): not written; the key looks secret, and the value would come from config/local.yaml",
      );
      expect(run.stdout).toContain("config/app.json: server.port 8081 -> 9090");
      for (const s of SECRETS) expect(run.stdout).not.toContain(s);
      const system = repo.read("config/system.yaml");
      expect(system).toBe(SYSTEM.replace("port: 8080 ", "port: 9090 ").replace("[a, b]", "[a, c]"));
      expect(repo.read("config/app.json")).toBe(APP_JSON.replace("8081", "9090"));
      expect(repo.read("config/local.yaml")).toBe(LOCAL);
      const undo = /saved in (\S+);/.exec(run.stdout)![1]!;
      expect(fs.readFileSync(path.join(repo.dir, undo, "config/system.yaml"), "utf8")).toBe(SYSTEM);
      const after = JSON.parse((await repo.cli(["conflicts", "--format", "json"])).stdout) as JsonReport;
      expect(after.findings.map((f) => `${f.rule} ${f.key}`)).toEqual(["config/conflict server.api_token"]);
    });
  });

  it("two concurrent --write runs take turns: one writes, the other finds nothing left to change", async () => {
    await withRepo(async (repo) => {
      setup(repo);
      const runs = await Promise.all([repo.cli(["conflicts", "--resolve", "--write"]), repo.cli(["conflicts", "--resolve", "--write"])]);
      // Both end with the secret conflict left for a person (exit 1); only one wrote.
      expect(runs.map((r) => r.code)).toEqual([1, 1]);
      expect(runs.filter((r) => r.stdout.includes("nothing to change"))).toHaveLength(1);
      expect(repo.read("config/app.json")).toBe(APP_JSON.replace("8081", "9090"));
      expect((await repo.cli(["conflicts"])).stdout).not.toContain("server.port");
    });
  });

  it("reports a malformed config file (parse finding, skipped) and still checks the others", async () => {
    await withRepo(async (repo) => {
      setup(repo, {
        "config/broken.json": '{"server": {"port": 1,,}}',
        "config/bad.yaml": "server:\n  port: [1, 2\n",
        // JSON.parse would quietly keep 8080 here; the file must be reported, not trusted.
        "config/dup.json": '{"server": {"port": 1, "port": 8080}}',
      });
      const run = await repo.cli(["conflicts", "--format", "json"]);
      expect(run.code).toBe(1);
      expect(run.stderr).not.toContain("internal error");
      const report = JSON.parse(run.stdout) as JsonReport;
      const rules = report.findings.map((f) => `${f.rule} ${f.file}`);
      expect(rules).toContain("config/skipped config/broken.json");
      expect(rules).toContain("config/skipped config/bad.yaml");
      expect(rules).toContain("parse/duplicate-key config/dup.json");
      expect(rules).toContain("config/skipped config/dup.json");
      expect(report.findings.some((f) => f.rule.startsWith("parse/") && f.file === "config/broken.json")).toBe(true);
      expect(report.findings.some((f) => f.rule === "config/conflict" && f.key === "server.port")).toBe(true);
    });
  });

  it("reports a named file that does not exist, and a config file that is a symlink, without crashing", async () => {
    await withRepo(async (repo) => {
      setup(repo);
      fs.rmSync(path.join(repo.dir, "config/local.yaml"));
      fs.symlinkSync("/etc/hostname", path.join(repo.dir, "config/link.yaml"));
      const run = await repo.cli(["conflicts", "--format", "json"]);
      const report = JSON.parse(run.stdout) as JsonReport;
      const rules = report.findings.map((f) => f.rule);
      expect(rules).toContain("config/missing-file");
      expect(report.findings.find((f) => f.rule === "config/unreadable")?.file).toBe("config/link.yaml");
      expect(run.stderr).not.toContain("internal error");
    });
  });

  it("includes a git-ignored local override in the working tree, notes its absence from the index, and refuses paths outside the repo", async () => {
    await withRepo(async (repo) => {
      setup(repo);
      repo.write(".gitignore", "config/local.yaml\n");
      repo.write(".integrity-guard/config.yml", CONFIG.replace('"config/local.yaml"]', '"config/local.yaml", "../outside.yaml"]'));
      repo.commitAll("ignored local");
      const worktree = JSON.parse((await repo.cli(["conflicts", "--format", "json"])).stdout) as JsonReport;
      expect(worktree.findings.find((f) => f.key === "server.port")?.related.map((r) => r.file)).toContain("config/local.yaml");
      const bad = worktree.findings.find((f) => f.rule === "config/invalid");
      expect(bad?.file).toBe(".integrity-guard/config.yml");
      expect(JSON.stringify(worktree)).not.toContain('outside.yaml","line');
      const staged = JSON.parse((await repo.cli(["conflicts", "--staged", "--format", "json"])).stdout) as JsonReport;
      expect(staged.findings.find((f) => f.rule === "config/missing-file")).toMatchObject({ level: "notice" });
      expect(staged.findings.find((f) => f.key === "server.port")?.related.map((r) => r.file)).not.toContain("config/local.yaml");
    });
  });

  it("refuses --write without --resolve and with --staged (exit 2, nothing written)", async () => {
    await withRepo(async (repo) => {
      setup(repo);
      expect((await repo.cli(["conflicts", "--write"])).code).toBe(2);
      const staged = await repo.cli(["conflicts", "--resolve", "--write", "--staged"]);
      expect(staged.code).toBe(2);
      expect(staged.stderr).toContain("--staged");
      expect(repo.read("config/system.yaml")).toBe(SYSTEM);
    });
  });
});

describe("conflicts in staged mode", () => {
  const base = `version: 1\nconfig:\n  files: ["config/*.yaml"]\n  precedence: ["config/a.yaml", "config/b.yaml"]\n`;
  it("reads the whole set from the index: an unchanged committed file conflicts with a staged change", async () => {
    await withRepo(async (repo) => {
      repo.write(".integrity-guard/config.yml", base);
      repo.write("config/a.yaml", "port: 1\n");
      repo.write("config/b.yaml", "port: 1\n");
      repo.commitAll("initial");
      repo.write("config/b.yaml", "port: 2\n");
      repo.git("add", "config/b.yaml");
      // The working tree agrees again; only the index holds the conflict.
      repo.write("config/b.yaml", "port: 1\n");
      const worktree = await repo.cli(["conflicts"]);
      expect(worktree.code).toBe(0);
      const staged = await repo.cli(["conflicts", "--staged", "--format", "json"]);
      expect(staged.code).toBe(1);
      const report = JSON.parse(staged.stdout) as JsonReport;
      expect(report.findings.map((f) => `${f.rule} ${f.key}`)).toEqual(["config/conflict port"]);
      expect(report.findings[0]!.related.map((r) => r.file)).toEqual(["config/a.yaml", "config/b.yaml"]);
      const check = await repo.cli(["check", "--staged", "--format", "json"]);
      expect(check.code).toBe(1);
      const checkReport = JSON.parse(check.stdout) as JsonReport;
      expect(checkReport.findings.filter((f) => f.rule === "config/conflict").map((f) => f.key)).toEqual(["port"]);
    });
  });

  it("check --staged passes when the index is consistent even if the working tree is not", async () => {
    await withRepo(async (repo) => {
      repo.write(".integrity-guard/config.yml", base);
      repo.write("config/a.yaml", "port: 1\n");
      repo.write("config/b.yaml", "port: 1\n");
      repo.commitAll("initial");
      repo.write("config/b.yaml", "port: 2\n");
      const check = await repo.cli(["check", "--staged", "--format", "json"]);
      const report = JSON.parse(check.stdout) as JsonReport;
      expect(report.findings.filter((f) => f.rule.startsWith("config/"))).toEqual([]);
    });
  });
});
