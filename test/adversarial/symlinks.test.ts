/**
 * Issue 14, item 6: nothing is read through a symlink that leads outside the repository. A
 * symlinked config, a schema or `$ref` target under a symlinked folder, a symlinked data file
 * (working tree and index), each is reported by the link's name, and the outside file's content
 * (here a marker standing in for /etc/shadow lines) never appears in stdout, stderr or JSON.
 * A pull request adding such a link gets it reported beside the other findings.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";
import { payloads, runActionBundle } from "../e2e/action-harness.js";

const MARKER = "SECRET-MARKER-7f3a";
/** Outside content built to be echoed: an unknown config key, an unparsable schema. */
const SECRET_CONFIG = `version: 1\nvalidate:\n  ${MARKER}: "root:$6$hash:19000"\n`;
const SECRET_JSON = `{"${MARKER}": "root:$6$hash:19000",\n`;

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

function setup(): { repo: TestRepo; outside: string } {
  const repo = createRepo();
  const outside = makeTempDir("ig-outside-");
  cleanup.push(
    () => repo.cleanup(),
    () => fs.rmSync(outside, { recursive: true, force: true }),
  );
  fs.writeFileSync(path.join(outside, "config.yml"), SECRET_CONFIG);
  fs.writeFileSync(path.join(outside, "secret.json"), SECRET_JSON);
  fs.writeFileSync(path.join(outside, "state.schema.json"), SECRET_JSON);
  fs.writeFileSync(path.join(outside, "defs.json"), SECRET_JSON);
  repo.write("data/state.json", '{"count": 1}\n');
  return { repo, outside };
}

function link(repo: TestRepo, rel: string, target: string): void {
  fs.mkdirSync(path.dirname(path.join(repo.dir, rel)), { recursive: true });
  fs.symlinkSync(target, path.join(repo.dir, rel));
}

function expectNoLeak(...outputs: string[]): void {
  for (const o of outputs) {
    expect(o).not.toContain(MARKER);
    expect(o).not.toContain("root:$6$");
  }
}

const MAPPED = `version: 1\nvalidate:\n  schemas:\n    - files: ["data/*.json"]\n      schema: schemas/state.schema.json\n`;

describe("the config", () => {
  it("a config file symlinked out of the repository is refused by name, unread", async () => {
    const { repo, outside } = setup();
    link(repo, ".integrity-guard/config.yml", path.join(outside, "config.yml"));
    const r = await repo.cli(["check", "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toContain(".integrity-guard/config.yml is a symlink that leads outside the repository");
    expectNoLeak(r.stdout, r.stderr);
  });

  it("a config under a symlinked .integrity-guard/ folder is refused, naming the folder", async () => {
    const { repo, outside } = setup();
    link(repo, ".integrity-guard", outside);
    const r = await repo.cli(["check"]);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toContain("is reached through .integrity-guard, a symlink that leads outside the repository");
    expectNoLeak(r.stdout, r.stderr);
  });

  it("a config symlinked to .git/config (where actions/checkout writes the token header) is refused, unread", async () => {
    const { repo } = setup();
    repo.git("config", "http.https://github.com/.extraheader", `AUTHORIZATION: basic ${MARKER}`);
    link(repo, ".integrity-guard/config.yml", "../.git/config");
    const r = await repo.cli(["check", "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toContain(".integrity-guard/config.yml is a symlink that leads outside the repository");
    expectNoLeak(r.stdout, r.stderr);
  });

  it("a config symlink that stays inside the repository keeps working", async () => {
    const { repo } = setup();
    repo.write("conf/ig.yml", "version: 1\nvalidate:\n  exclude: [data/**]\n");
    link(repo, ".integrity-guard/config.yml", "../conf/ig.yml");
    repo.write("data/state.json", "{broken");
    const r = await repo.cli(["check", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
  });
});

describe("schemas and $ref", () => {
  it("a mapped schema under a symlinked folder is reported by the link, unread", async () => {
    const { repo, outside } = setup();
    repo.write(".integrity-guard/config.yml", MAPPED);
    link(repo, "schemas", outside);
    const r = await repo.cli(["check", "--format", "json"]);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain("is reached through schemas, a symlink that leads outside the repository");
    expectNoLeak(r.stdout, r.stderr);
  });

  it("a $ref into a symlinked folder is reported by the link, unread", async () => {
    const { repo, outside } = setup();
    repo.write(".integrity-guard/config.yml", MAPPED);
    repo.write("schemas/state.schema.json", JSON.stringify({ type: "object", properties: { count: { $ref: "defs/defs.json" } } }));
    link(repo, "schemas/defs", outside);
    const r = await repo.cli(["check", "--format", "json"]);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(
      "schemas/defs/defs.json is reached through schemas/defs, a symlink that leads outside the repository",
    );
    expectNoLeak(r.stdout, r.stderr);
  });
});

describe("data files", () => {
  it("a file whose own $schema names ../.git/config gets a finding, and git's config is never read", async () => {
    const { repo } = setup();
    repo.git("config", "http.https://github.com/.extraheader", `AUTHORIZATION: basic ${MARKER}`);
    repo.write("data/state.json", '{"$schema": "../.git/config", "count": 1}\n');
    const r = await repo.cli(["check", "--format", "json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: { rule: string; file: string; message: string }[] };
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: "schema/unavailable", file: "data/state.json" }));
    expect(r.stdout).toContain(".git/config is inside .git/, which is never read");
    expectNoLeak(r.stdout, r.stderr);
  });

  it("a data file symlinked out of the repository is a path/symlink-outside error, unread", async () => {
    const { repo, outside } = setup();
    link(repo, "data/evil.json", path.join(outside, "secret.json"));
    const r = await repo.cli(["check", "--format", "json"]);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: { rule: string; level: string; file: string; message: string }[] };
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: "path/symlink-outside", level: "error", file: "data/evil.json" }),
    );
    expectNoLeak(r.stdout, r.stderr);
  });

  it("check --staged does not follow a staged symlink either: out of the repository it is a finding", async () => {
    const { repo, outside } = setup();
    repo.commitAll("base");
    link(repo, "data/evil.json", path.join(outside, "secret.json"));
    repo.git("add", "data/evil.json");
    const r = await repo.cli(["check", "--staged", "--format", "json"]);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: { rule: string; file: string }[] };
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: "path/symlink-outside", file: "data/evil.json" }));
    expectNoLeak(r.stdout, r.stderr);
  });

  it("check --staged never reads a staged schema symlink's target text as the schema", async () => {
    const { repo, outside } = setup();
    repo.write(".integrity-guard/config.yml", MAPPED);
    link(repo, "schemas/state.schema.json", path.join(outside, "state.schema.json"));
    repo.git("add", "-A");
    const r = await repo.cli(["check", "--staged", "--format", "json"]);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain("schemas/state.schema.json is a symlink that leads outside the repository");
    expect(r.stdout + r.stderr).not.toContain("does not parse");
    expectNoLeak(r.stdout, r.stderr);
  });
});

describe("the Action on a pull request", () => {
  it("a PR adding a symlink out of the repository gets it reported beside the other findings", async () => {
    const { repo, outside } = setup();
    repo.commitAll("base");
    const base = repo.git("rev-parse", "HEAD").trim();
    repo.git("switch", "-q", "-c", "feature");
    link(repo, "data/evil.json", path.join(outside, "secret.json"));
    link(repo, ".integrity-guard/config.yml", path.join(outside, "config.yml"));
    repo.write("data/state.json", '{"count": 1,,}\n');
    repo.commitAll("pr");
    const head = repo.git("rev-parse", "HEAD").trim();
    const r = await runActionBundle({
      repo,
      eventName: "pull_request",
      payload: payloads.pullRequest(5, { ref: "main", sha: base }, { ref: "feature", sha: head }),
      inputs: { comment: "false", token: "" },
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const report = JSON.parse(r.findingsJson!) as { findings: { rule: string; file?: string }[] };
    const found = report.findings.map((f) => [f.rule, f.file]);
    expect(found).toContainEqual(["path/symlink-outside", "data/evil.json"]);
    expect(found).toContainEqual(["parse/syntax", "data/state.json"]);
    expect(found).toContainEqual(["config/invalid", ".integrity-guard/config.yml"]);
    expectNoLeak(r.stdout, r.stderr, r.summary, r.findingsJson!);
  });
});
