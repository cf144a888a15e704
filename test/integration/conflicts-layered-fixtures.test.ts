/**
 * Layered configuration on reduced copies of real projects (test/fixtures/layered/SOURCES.md):
 * node-config (uptime), Spring profiles (JHipster sample app), Helm values overlays
 * (hyperfleet-adapter) and a compose override (netbox-docker). `init` detects each layout and
 * writes config.layers; then the intended overrides give no finding, and each of type-change,
 * unknown-key, same-layer conflict and dead override, made by editing a copy, is caught at
 * file:line:column with the other file's location in `related`.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_PATH } from "../../src/config/types.js";
import { PROJECT_ROOT, withRepo, type TestRepo } from "../helpers/repo.js";

const FIXTURES = path.join(PROJECT_ROOT, "test/fixtures/layered");

interface Finding {
  rule: string;
  level: string;
  file: string;
  line?: number;
  column?: number;
  pointer?: string;
  message: string;
  related?: { file: string; line?: number; column?: number }[];
}

function copyFixture(repo: TestRepo, kind: string): void {
  const root = path.join(FIXTURES, kind);
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    repo.write(path.relative(root, abs).split(path.sep).join("/"), fs.readFileSync(abs));
  }
}

/** `file:line:column` of `token` on the first line holding `line` (after the line starting with `after`, if given). */
function loc(repo: TestRepo, file: string, line: string, token: string, after?: string): string {
  const lines = repo.read(file).split("\n");
  const start = after === undefined ? 0 : lines.findIndex((l) => l.startsWith(after));
  const i = lines.findIndex((l, n) => n >= start && l.includes(line));
  if (start < 0 || i < 0) throw new Error(`${line} not in ${file}`);
  return `${file}:${i + 1}:${lines[i]!.indexOf(token, lines[i]!.indexOf(line)) + 1}`;
}

const at = (f: { file: string; line?: number; column?: number }) => `${f.file}:${f.line}:${f.column}`;

/** Run init (config only), then let `adjust` edit the config it wrote; return the findings of `conflicts`. */
async function initAndCheck(
  repo: TestRepo,
  adjust?: (config: string) => string,
): Promise<{ code: number; findings: Finding[]; config: string }> {
  const init = await repo.cli(["init", "--no-hook"]);
  expect(init.code, init.stderr).toBe(0);
  let config = repo.read(CONFIG_PATH);
  expect(config).toContain("\nconfig:\n  layers:");
  if (adjust) repo.write(CONFIG_PATH, (config = adjust(config)));
  const run = await repo.cli(["conflicts", "--format", "json"]);
  expect(run.stderr).toBe("");
  return { code: run.code, findings: (JSON.parse(run.stdout) as { findings: Finding[] }).findings, config };
}

interface Case {
  /** Edit the copied fixture. */
  edit: (repo: TestRepo) => void;
  rule: string;
  /** Where the finding is and where `related` points, computed on the edited files. */
  where: (repo: TestRepo) => { at: string; related: string[] };
}

interface Kind {
  name: string;
  /** What init must have written for config.layers. */
  layers: string;
  /** What a user of this project changes in the config init wrote. */
  adjust?: (config: string) => string;
  cases: Record<"type-change" | "unknown-key" | "same-layer conflict" | "dead override", Case>;
}

const edit = (file: string, from: string, to: string) => (repo: TestRepo) => {
  const text = repo.read(file);
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  repo.write(file, text.replace(from, to));
};

const KINDS: Kind[] = [
  {
    name: "node-config",
    layers: '    - "config/default.*"\n    - "config/test.*"\n',
    cases: {
      "type-change": {
        // uptime reads the polling interval as milliseconds: a duration string is not one.
        edit: edit("config/test.yaml", "mongodb:\n", "monitor:\n  pollingInterval: '10s'\n\nmongodb:\n"),
        rule: "config/type-change",
        where: (r) => ({
          at: loc(r, "config/test.yaml", "pollingInterval: '10s'", "'10s'"),
          related: [loc(r, "config/default.yaml", "pollingInterval:", "10000")],
        }),
      },
      "unknown-key": {
        edit: edit("config/test.yaml", "  database: uptime-test\n", "  databse: uptime-test\n"),
        rule: "config/unknown-key",
        where: (r) => ({
          at: loc(r, "config/test.yaml", "databse:", "databse"),
          related: [loc(r, "config/default.yaml", "database:", "database", "mongodb:")],
        }),
      },
      "same-layer conflict": {
        edit: (r) => r.write("config/test.json", '{\n  "mongodb": {\n    "database": "uptime-ci"\n  }\n}\n'),
        rule: "config/conflict",
        where: (r) => ({
          at: loc(r, "config/test.yaml", "database: uptime-test", "uptime-test"),
          related: [
            loc(r, "config/test.json", '"database"', '"uptime-ci"'),
            loc(r, "config/test.yaml", "database: uptime-test", "uptime-test"),
          ],
        }),
      },
      "dead override": {
        // One of the real test.yaml's overrides that changes nothing.
        edit: edit("config/test.yaml", "  database: uptime-test\n", "  database: uptime-test\n  user:     root\n"),
        rule: "config/shadowed",
        where: (r) => ({
          at: loc(r, "config/test.yaml", "user:     root", "root"),
          related: [loc(r, "config/default.yaml", "user:     root", "root")],
        }),
      },
    },
  },
  {
    name: "spring",
    layers: '    - "src/main/resources/config/application.yml"\n    - "src/main/resources/config/application-*.yml"\n',
    // What the starter's comment says to do to have misspelt keys reported: narrow extensible
    // to what the profiles add.
    adjust: (c) =>
      c.replace(
        '  extensible: [""]',
        '  extensible: ["/logging", "/server", "/jhipster", "/spring/devtools", "/spring/datasource", "/spring/liquibase", "/spring/docker/compose", "/spring/messages", "/spring/thymeleaf"]',
      ),
    cases: {
      "type-change": {
        edit: edit(
          "src/main/resources/config/application-prod.yml",
          "  thymeleaf:\n    cache: true\n",
          // A map over a scalar: Spring's Binder converts a scalar to the property's type
          // ('no' binds false), but not a map to a boolean.
          "  thymeleaf:\n    cache: true\n  jpa:\n    open-in-view: { enabled: false }\n",
        ),
        rule: "config/type-change",
        where: (r) => ({
          at: loc(r, "src/main/resources/config/application-prod.yml", "open-in-view: { enabled", "{"),
          related: [loc(r, "src/main/resources/config/application.yml", "open-in-view: false", "false")],
        }),
      },
      "unknown-key": {
        edit: edit(
          "src/main/resources/config/application-dev.yml",
          "  thymeleaf:\n    cache: false\n",
          "  thymeleaf:\n    cache: false\n  jpa:\n    open-in-veiw: true\n",
        ),
        rule: "config/unknown-key",
        where: (r) => ({
          at: loc(r, "src/main/resources/config/application-dev.yml", "open-in-veiw:", "open-in-veiw"),
          related: [loc(r, "src/main/resources/config/application.yml", "open-in-view:", "open-in-view")],
        }),
      },
      "same-layer conflict": {
        edit: (r) => r.write("src/main/resources/config/application-prod.yaml", "server:\n  port: 8443\n"),
        rule: "config/conflict",
        where: (r) => ({
          at: loc(r, "src/main/resources/config/application-prod.yml", "port: 8080", "8080"),
          related: [
            loc(r, "src/main/resources/config/application-prod.yaml", "port: 8443", "8443"),
            loc(r, "src/main/resources/config/application-prod.yml", "port: 8080", "8080"),
          ],
        }),
      },
      "dead override": {
        edit: edit(
          "src/main/resources/config/application-prod.yml",
          "  thymeleaf:\n    cache: true\n",
          "  thymeleaf:\n    cache: true\n    mode: HTML\n",
        ),
        rule: "config/shadowed",
        where: (r) => ({
          at: loc(r, "src/main/resources/config/application-prod.yml", "mode: HTML", "HTML"),
          related: [loc(r, "src/main/resources/config/application.yml", "mode: HTML", "HTML")],
        }),
      },
    },
  },
  {
    name: "helm",
    layers: '    - "charts/values.yaml"\n    - "charts/values-*.yaml"\n',
    cases: {
      "type-change": {
        edit: edit("charts/values-prod.yaml", "  qps: 200.0\n", '  qps: "200"\n'),
        rule: "config/type-change",
        where: (r) => ({
          at: loc(r, "charts/values-prod.yaml", 'qps: "200"', '"200"'),
          related: [loc(r, "charts/values.yaml", "qps: 100.0", "100.0")],
        }),
      },
      "unknown-key": {
        edit: edit("charts/values-dev.yaml", "    replicas: 1\n", "    replica: 1\n"),
        rule: "config/unknown-key",
        where: (r) => ({
          at: loc(r, "charts/values-dev.yaml", "replica: 1", "replica"),
          related: [loc(r, "charts/values.yaml", "replicas: 2", "replicas", "  validation:")],
        }),
      },
      "same-layer conflict": {
        edit: (r) => r.write("charts/values-prod.yml", "kubernetes:\n  burst: 300\n"),
        rule: "config/conflict",
        where: (r) => ({
          at: loc(r, "charts/values-prod.yml", "burst: 300", "300"),
          related: [loc(r, "charts/values-prod.yaml", "burst: 400", "400"), loc(r, "charts/values-prod.yml", "burst: 300", "300")],
        }),
      },
      "dead override": {
        // One of the real values-prod.yaml's overrides that changes nothing.
        edit: edit("charts/values-prod.yaml", "kubernetes:\n", 'image:\n  tag: "1.0.0"\n\nkubernetes:\n'),
        rule: "config/shadowed",
        where: (r) => ({
          at: loc(r, "charts/values-prod.yaml", 'tag: "1.0.0"', '"1.0.0"'),
          related: [loc(r, "charts/values.yaml", 'tag: "1.0.0"', '"1.0.0"')],
        }),
      },
    },
  },
  {
    name: "compose",
    layers: '    - "docker-compose.yml"\n    - "docker-compose.override.yml"\n',
    // init leaves the top level open (compose and its built-in schema reject a misspelt key, and
    // version, name, include and x-* fields are valid in any file); a project without x-* fields
    // in its overrides narrows it to have `conflicts` report a misspelt top-level key too.
    adjust: (c) => c.replace('  extensible: [""]', '  extensible: ["/services", "/volumes", "/networks", "/configs", "/secrets"]'),
    cases: {
      "type-change": {
        // compose wants a duration string ("10s"): a bare number is rejected when the files are merged.
        edit: edit("docker-compose.override.yml", "services:\n", "services:\n  postgres:\n    healthcheck:\n      interval: 10\n"),
        rule: "config/type-change",
        where: (r) => ({
          at: loc(r, "docker-compose.override.yml", "interval: 10", "10"),
          related: [loc(r, "docker-compose.yml", "interval: 10s", "10s")],
        }),
      },
      "unknown-key": {
        edit: edit("docker-compose.override.yml", "services:\n", "servces:\n  postgres:\n    restart: always\nservices:\n"),
        rule: "config/unknown-key",
        where: (r) => ({
          at: loc(r, "docker-compose.override.yml", "servces:", "servces"),
          related: [loc(r, "docker-compose.yml", "services:", "services")],
        }),
      },
      "same-layer conflict": {
        edit: (r) => r.write("docker-compose.override.yaml", "services:\n  netbox:\n    healthcheck:\n      start_period: 120s\n"),
        rule: "config/conflict",
        where: (r) => ({
          at: loc(r, "docker-compose.override.yml", "start_period: 300s", "300s"),
          related: [
            loc(r, "docker-compose.override.yaml", "start_period: 120s", "120s"),
            loc(r, "docker-compose.override.yml", "start_period: 300s", "300s"),
          ],
        }),
      },
      "dead override": {
        edit: edit("docker-compose.override.yml", "      start_period: 300s\n", "      start_period: 300s\n      timeout: 3s\n"),
        rule: "config/shadowed",
        where: (r) => ({
          at: loc(r, "docker-compose.override.yml", "timeout: 3s", "3s"),
          related: [loc(r, "docker-compose.yml", "timeout: 3s", "3s")],
        }),
      },
    },
  },
];

describe.each(KINDS)("layered fixture: $name", (kind) => {
  it("init writes its config.layers, and the intended overrides give no finding", async () => {
    await withRepo(async (repo) => {
      copyFixture(repo, kind.name);
      const { code, findings, config } = await initAndCheck(repo, kind.adjust);
      expect(config).toContain(`  layers: # lowest first; [a, b] are alternatives of one layer (one applies at a time)\n${kind.layers}`);
      expect(findings.map((f) => `${f.rule} ${f.file}:${f.line} ${f.message}`)).toEqual([]);
      expect(code).toBe(0);
    });
  });

  it.each(Object.entries(kind.cases))("catches a %s with both locations", async (_name, c) => {
    await withRepo(async (repo) => {
      copyFixture(repo, kind.name);
      c.edit(repo);
      const { code, findings } = await initAndCheck(repo, kind.adjust);
      expect(findings.map((f) => f.rule)).toEqual([c.rule]);
      const want = c.where(repo);
      expect(at(findings[0]!)).toBe(want.at);
      expect(findings[0]!.related!.map(at).sort()).toEqual([...want.related].sort());
      expect(code).toBe(c.rule === "config/shadowed" ? 0 : 1);
    });
  });
});
