import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";

// A node-config app (https://github.com/node-config/node-config/wiki/Configuration-Files):
// default.yaml, then the NODE_ENV file, then local.yaml, deep-merged in that order.
const NODE_CONFIG = `version: 1
config:
  files: ["config/*.yaml", "config/*.json"]
  layers:
    - "config/default.*"
    - ["config/production.*", "config/staging.*"]
    - "config/local.*"
  extensible: ["/features"]
`;

const DEFAULT = `# Defaults for every environment
server:
  host: 0.0.0.0
  port: 8080
  workers: [web, jobs]
database:
  host: localhost
  port: 5432
  password: dev-password
features:
  search: false
`;

const PRODUCTION = `server:
  port: 443
database:
  host: db.prod.internal
  password: Pr0d-Passw0rd-do-not-leak
features:
  search: true
  beta_checkout: true
`;

const STAGING = `database:
  host: db.staging.internal
`;

const LOCAL = `database:
  host: 127.0.0.1
`;

const SECRETS = ["Pr0d-Passw0rd-do-not-leak", "dev-password"];

function nodeApp(repo: TestRepo, files: Record<string, string> = {}): void {
  repo.write(".integrity-guard/config.yml", NODE_CONFIG);
  repo.write("config/default.yaml", DEFAULT);
  repo.write("config/production.yaml", PRODUCTION);
  repo.write("config/staging.yaml", STAGING);
  repo.write("config/local.yaml", LOCAL);
  for (const [p, c] of Object.entries(files)) repo.write(p, c);
}

interface JsonReport {
  findings: {
    rule: string;
    level: string;
    file: string;
    line?: number;
    column?: number;
    pointer?: string;
    message: string;
    related?: { file: string; line?: number; column?: number; message: string }[];
  }[];
  refused?: { file: string; pointer: string }[];
  explain?: { entries: { file: string; value?: string; wins: boolean }[] };
}

async function report(repo: TestRepo, args: string[] = []): Promise<{ code: number; json: JsonReport; raw: string }> {
  const run = await repo.cli(["conflicts", "--format", "json", ...args]);
  return { code: run.code, json: JSON.parse(run.stdout) as JsonReport, raw: run.stdout + run.stderr };
}

const at = (f: JsonReport["findings"][number]) => `${f.rule} ${f.file}:${f.line}:${f.column}`;

describe("conflicts with config.layers (node-config layout)", () => {
  it("intended overrides across layers are not findings", async () => {
    await withRepo(async (repo) => {
      nodeApp(repo);
      const run = await repo.cli(["conflicts"]);
      expect(run.stdout).toContain("no findings");
      expect(run.code).toBe(0);
      // The same files under precedence: every override is a blocking conflict (what the issue reports).
      repo.write(
        ".integrity-guard/config.yml",
        NODE_CONFIG.replace(/ {2}layers:[\s\S]*/, '  precedence: ["config/default.yaml", "config/production.yaml", "config/local.yaml"]\n'),
      );
      expect((await repo.cli(["conflicts"])).code).toBe(1);
    });
  });

  it("reports a type change, a typo key, a same-layer disagreement and a dead override with file:line:column", async () => {
    await withRepo(async (repo) => {
      nodeApp(repo, {
        "config/production.yaml": PRODUCTION.replace("port: 443", 'port: "443"'),
        "config/staging.yaml": STAGING + "databse:\n  port: 5433\n",
        "config/production.json": '{\n  "database": {\n    "host": "db2.prod.internal"\n  }\n}\n',
        "config/local.yaml": LOCAL + "server:\n  host: 0.0.0.0\n",
      });
      const { code, json, raw } = await report(repo);
      expect(code).toBe(1);
      const byRule = (rule: string) => json.findings.filter((f) => f.rule === rule);
      expect(byRule("config/type-change").map(at)).toEqual(["config/type-change config/production.yaml:2:9"]);
      expect(byRule("config/type-change")[0]!.related!.map((r) => `${r.file}:${r.line}:${r.column}`)).toEqual(["config/default.yaml:4:9"]);
      const unknown = byRule("config/unknown-key");
      expect(unknown.map(at)).toEqual(["config/unknown-key config/staging.yaml:3:1"]);
      expect(unknown[0]!.message).toContain("did you mean database?");
      expect(unknown[0]!.related!.map((r) => `${r.file}:${r.line}:${r.column}`)).toEqual(["config/default.yaml:6:1"]);
      const conflict = byRule("config/conflict");
      expect(conflict.map((f) => f.pointer)).toEqual(["/database/host"]);
      expect(conflict[0]!.related!.map((r) => `${r.file}:${r.line}:${r.column}`).sort()).toEqual([
        "config/production.json:3:13",
        "config/production.yaml:4:9",
      ]);
      const shadowed = byRule("config/shadowed");
      expect(shadowed.map((f) => `${at(f)} ${f.level}`)).toEqual(["config/shadowed config/local.yaml:4:9 notice"]);
      // beta_checkout is new in production, allowed by config.extensible: ["/features"].
      expect(raw).not.toContain("beta_checkout");
      for (const s of SECRETS) expect(raw).not.toContain(s);
    });
  });

  it("--explain shows every layer's value (secrets masked) and the winner", async () => {
    await withRepo(async (repo) => {
      nodeApp(repo);
      const text = await repo.cli(["conflicts", "--explain", "database.host"]);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain("layer 1 (config/default.*)");
      expect(text.stdout).toContain(`config/default.yaml:7:9  "localhost"`);
      expect(text.stdout).toContain('config/local.yaml:2:9  "127.0.0.1"  <- wins');
      const secret = await repo.cli(["conflicts", "--explain", "/database/password"]);
      expect(secret.stdout).toMatch(/config\/production\.yaml:5:13 {2}\*\*\* \(\d+ chars, #[0-9a-f]{6}\) {2}<- wins/);
      expect(secret.stdout).toContain("config/staging.yaml  (not set)");
      for (const s of SECRETS) expect(secret.stdout + secret.stderr).not.toContain(s);
    });
  });

  it("--resolve --write has nothing to write for intended overrides, and never moves the production password", async () => {
    await withRepo(async (repo) => {
      nodeApp(repo);
      const run = await repo.cli(["conflicts", "--resolve", "--write"]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("nothing to change");
      expect(repo.read("config/default.yaml")).toBe(DEFAULT);
      expect(repo.read("config/production.yaml")).toBe(PRODUCTION);
      expect(repo.read("config/local.yaml")).toBe(LOCAL);
    });
  });

  it("under config.precedence, --resolve --write still never moves a secret key or a credential-looking value", async () => {
    await withRepo(async (repo) => {
      nodeApp(repo, {
        "config/default.yaml": DEFAULT + "cache:\n  url: redis://cache.local:6379\n",
        "config/production.yaml": PRODUCTION + "cache:\n  url: redis://app:Pr0dCachePw@cache.prod:6379\n",
      });
      repo.write(
        ".integrity-guard/config.yml",
        'version: 1\nconfig:\n  files: ["config/*.yaml"]\n  precedence: ["config/default.yaml", "config/staging.yaml", "config/production.yaml", "config/local.yaml"]\n',
      );
      const run = await repo.cli(["conflicts", "--resolve", "--write"]);
      expect(run.stdout).toContain("left for you to decide");
      expect(run.stdout).toContain(
        "config/default.yaml: database.password (/database/password): not written; the key looks secret, and the value would come from config/production.yaml",
      );
      expect(run.stdout).toContain(
        "config/default.yaml: cache.url (/cache/url): not written; the value looks like a credential, and the value would come from config/production.yaml",
      );
      expect(run.stdout).not.toContain("*** -> ***");
      // Ordinary overrides are written (that is what precedence means); the secrets stay put.
      expect(run.stdout).toContain("config/default.yaml: server.port 8080 -> 443");
      const written = repo.read("config/default.yaml") + repo.read("config/staging.yaml");
      expect(written).not.toContain("Pr0d-Passw0rd-do-not-leak");
      expect(written).not.toContain("Pr0dCachePw");
      expect(run.stdout + run.stderr).not.toContain("Pr0dCachePw");
      const json = JSON.parse((await repo.cli(["conflicts", "--resolve", "--write", "--format", "json"])).stdout) as JsonReport;
      expect(json.refused!.map((r) => `${r.file} ${r.pointer}`).sort()).toEqual([
        "config/default.yaml /cache/url",
        "config/default.yaml /database/password",
      ]);
      const conflict = JSON.parse((await repo.cli(["conflicts", "--format", "json"])).stdout) as JsonReport;
      const pw = conflict.findings.find((f) => f.pointer === "/database/password")!;
      expect((pw as { fix?: string }).fix).not.toContain("--write");
    });
  });

  it("--resolve prints the merged configuration when each layer has one alternative, and refuses to guess between alternatives", async () => {
    await withRepo(async (repo) => {
      nodeApp(repo);
      const ambiguous = await repo.cli(["conflicts", "--resolve"]);
      expect(ambiguous.code).toBe(2);
      expect(ambiguous.stderr).toContain("layer 2 has 2 alternatives (config/production, config/staging)");
      const staging = await repo.cli(["conflicts", "--resolve", "--layer", "staging", "--format", "json"]);
      expect(staging.code).toBe(0);
      expect((JSON.parse(staging.stdout) as { resolved: { database: unknown } }).resolved.database).toEqual({
        host: "127.0.0.1",
        port: 5432,
        password: "***",
      });
      const typo = await repo.cli(["conflicts", "--resolve", "--layer", "prod"]);
      expect(typo.code).toBe(2);
      expect(typo.stderr).toContain("name one of: default, production, staging, local");
      fs.rmSync(path.join(repo.dir, "config/staging.yaml"));
      const merged = await repo.cli(["conflicts", "--resolve", "--format", "json"]);
      expect(merged.code).toBe(0);
      expect((JSON.parse(merged.stdout) as { resolved: unknown }).resolved).toEqual({
        server: { host: "0.0.0.0", port: 443, workers: ["web", "jobs"] },
        database: { host: "127.0.0.1", port: 5432, password: "***" },
        features: { search: true, beta_checkout: true },
      });
      for (const s of SECRETS) expect(merged.stdout + merged.stderr).not.toContain(s);
    });
  });

  it("the pre-commit check blocks a staged type change in an overlay and passes intended overrides", async () => {
    await withRepo(async (repo) => {
      nodeApp(repo);
      repo.commitAll("init");
      expect((await repo.cli(["check", "--staged"])).code).toBe(0);
      repo.write("config/production.yaml", PRODUCTION.replace("port: 443", 'port: "443"'));
      repo.git("add", "config/production.yaml");
      const run = await repo.cli(["check", "--staged"]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("config/production.yaml:2:9");
      expect(run.stdout).toContain("config/type-change");
    });
  });

  it("precedence and layers together is a config error", async () => {
    await withRepo(async (repo) => {
      nodeApp(repo);
      repo.write(".integrity-guard/config.yml", NODE_CONFIG + '  precedence: ["config/default.yaml"]\n');
      const run = await repo.cli(["conflicts"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("config.precedence and config.layers cannot be used together");
      expect(run.stderr).toContain(".integrity-guard/config.yml:9:3");
    });
  });
});

describe("conflicts with config.layers (Helm values + values-prod)", () => {
  const HELM_CONFIG = `version: 1
config:
  layers: ["chart/values.yaml", "chart/values-*.yaml"]
`;
  const VALUES = `replicaCount: 1
image:
  repository: nginx
  tag: ""
podAnnotations: {}
resources: {}
ingress:
  enabled: false
  hosts:
    - host: chart-example.local
`;
  const VALUES_PROD = `replicaCount: 3
image:
  tag: "1.25"
podAnnotations:
  prometheus.io/scrape: "true"
resources:
  limits:
    cpu: 500m
ingress:
  enabled: true
  hosts:
    - host: example.com
`;

  it("overrides, and keys added under maps that are empty in values.yaml, are not findings", async () => {
    await withRepo(async (repo) => {
      repo.write(".integrity-guard/config.yml", HELM_CONFIG);
      repo.write("chart/values.yaml", VALUES);
      repo.write("chart/values-prod.yaml", VALUES_PROD);
      const run = await repo.cli(["conflicts"]);
      expect(run.stdout).toContain("no findings");
      expect(run.code).toBe(0);
    });
  });

  it("catches a list turned into a map and a misspelt key", async () => {
    await withRepo(async (repo) => {
      repo.write(".integrity-guard/config.yml", HELM_CONFIG);
      repo.write("chart/values.yaml", VALUES);
      repo.write(
        "chart/values-prod.yaml",
        VALUES_PROD.replace("  hosts:\n    - host: example.com\n", "  hosts:\n    host: example.com\n") + "replicaCont: 4\n",
      );
      const { code, json } = await report(repo);
      expect(code).toBe(1);
      expect(json.findings.map((f) => `${at(f)} ${f.pointer}`).sort()).toEqual([
        "config/type-change chart/values-prod.yaml:12:5 /ingress/hosts",
        "config/unknown-key chart/values-prod.yaml:13:1 /replicaCont",
      ]);
    });
  });
});
