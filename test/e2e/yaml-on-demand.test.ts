/**
 * The built CLI loads the YAML parser only when a YAML file is in play (the hook's JSON-only
 * commits skip it). Each run here is a fresh process of the bundle, where nothing is preloaded:
 * every path that reads YAML must work, and none may crash or pass a corrupt file.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const CONFIG = `version: 1
validate:
  schemas:
    - files: ["data/*.yaml", "data/*.json"]
      schema: schemas/item.schema.yaml
config:
  files: ["config/*.yaml"]
sync:
  - name: s
    source: { file: state/src.yaml, path: /items }
    target: { file: state/dst.json, path: /items }
    fields: { status: status }
`;
const SCHEMA_YAML = "type: object\nrequired: [id]\nproperties:\n  id: { type: integer }\n";

function setup(): TestRepo {
  const r = createRepo();
  r.write(".integrity-guard/config.yml", CONFIG);
  r.write("schemas/item.schema.yaml", SCHEMA_YAML);
  r.write("data/a.json", '{"id": 1}\n');
  r.write("config/base.yaml", "db:\n  host: a\n");
  r.write("config/local.yaml", "db:\n  port: 1\n");
  r.write("state/src.yaml", "items:\n  x: { status: done }\n");
  r.write("state/dst.json", '{"items": {"x": {"status": "done"}}}\n');
  r.commitAll("base");
  // Warm the config cache: later runs then do not parse the (YAML) config, so they show
  // whether the check itself loads the parser when it needs it.
  expect(r.cliBundle(["validate", "data/a.json"]).code).toBe(0);
  expect(r.git("status", "--porcelain")).toBe("");
  return r;
}

describe("YAML support loaded on demand (built bundle)", () => {
  it("a JSON-only commit validates against a YAML schema", () => {
    repo = setup();
    repo.write("data/b.json", '{"id": "x"}\n');
    repo.git("add", "data/b.json");
    const r = repo.cliBundle(["check", "--staged", "--format", "json"]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout).findings as { rule: string; file: string; line: number }[];
    expect(f).toEqual([expect.objectContaining({ rule: "schema/violation", file: "data/b.json", line: 1, expected: "integer" })]);
  });

  it("a staged corrupt YAML file is blocked with its line, not crashed on", () => {
    repo = setup();
    repo.write("other/c.yaml", "id: 1\nid: 2\n"); // no schema: only the parse needs YAML
    repo.git("add", "other/c.yaml");
    const r = repo.cliBundle(["check", "--staged", "--format", "json"]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout).findings as { rule: string; file: string; line: number }[];
    expect(f).toEqual([expect.objectContaining({ rule: "parse/duplicate-key", file: "other/c.yaml", line: 2 })]);
  });

  it("conflicts and sync read YAML files in a staged check", () => {
    repo = setup();
    repo.write("config/local.yaml", "db:\n  host: b\n");
    repo.write("state/src.yaml", "items:\n  x: { status: open }\n");
    repo.git("add", "-A");
    const r = repo.cliBundle(["check", "--staged", "--format", "json"]);
    expect(r.stderr).not.toMatch(/internal error/);
    const rules = (JSON.parse(r.stdout).findings as { rule: string }[]).map((x) => x.rule).sort();
    expect(rules).toEqual(["config/conflict", "sync/drift"]);
  });

  it("validate of a YAML file, and an invalid config on a cold config cache", () => {
    repo = setup();
    repo.write("data/d.yaml", "id: nope\n");
    const v = repo.cliBundle(["validate", "data/d.yaml", "--format", "json"]);
    expect(v.stderr).not.toMatch(/internal error/);
    expect((JSON.parse(v.stdout).findings as { rule: string }[]).map((x) => x.rule)).toEqual(["schema/violation"]);
    repo.write(".integrity-guard/config.yml", CONFIG.replace("validate:", "validat:"));
    const bad = repo.cliBundle(["check"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/config\.yml:2:1/);
  });

  it("seal and verify run without it (the manifest is JSON), YAML files included", () => {
    repo = setup();
    repo.write(".integrity-guard/config.yml", CONFIG + 'manifest:\n  include: ["config/**", "state/**"]\n');
    expect(repo.cliBundle(["seal"]).code).toBe(0);
    repo.write("config/base.yaml", "db:\n  host: changed\n");
    const v = repo.cliBundle(["verify", "--format", "json"]);
    expect(v.stderr).not.toMatch(/internal error/);
    expect(v.code).toBe(1);
    expect((JSON.parse(v.stdout).findings as { rule: string; file: string }[]).map((f) => `${f.rule} ${f.file}`)).toEqual([
      "manifest/modified config/base.yaml",
    ]);
  });

  it("conflicts loads it for a YAML set, for --resolve output and for --resolve --write", () => {
    repo = setup();
    repo.write("config/local.yaml", "db:\n  host: b # keep this comment\n");
    const c = repo.cliBundle(["conflicts", "--format", "json"]);
    expect(c.stderr).not.toMatch(/internal error/);
    expect(c.code).toBe(1);
    expect((JSON.parse(c.stdout).findings as { rule: string; line: number }[]).map((f) => `${f.rule}:${f.line}`)).toEqual([
      "config/conflict:2",
    ]);
    const resolved = repo.cliBundle(["conflicts", "--resolve"]);
    expect(resolved.stderr).not.toMatch(/internal error/);
    expect(resolved.stdout).toMatch(/^db:\n {2}host: b\n/m);
    const w = repo.cliBundle(["conflicts", "--resolve", "--write"]);
    expect(w.stderr).not.toMatch(/internal error/);
    expect(w.code).toBe(0);
    expect(repo.read("config/base.yaml")).toBe("db:\n  host: b\n");
    expect(repo.read("config/local.yaml")).toBe("db:\n  host: b # keep this comment\n");
  });

  it("conflicts on a JSON-only set: a duplicate key still goes the strict way and is reported", () => {
    repo = setup();
    repo.write(".integrity-guard/config.yml", CONFIG.replace('files: ["config/*.yaml"]', 'files: ["cfg/*.json"]'));
    repo.write("cfg/a.json", '{"db": {"host": "a"}}\n');
    repo.write("cfg/b.json", '{"db": {"host": "b"}}\n');
    repo.write("cfg/c.json", '{"db": {"host": "a", "host": "b"}}\n');
    expect(repo.cliBundle(["validate", "data/a.json"]).code).toBe(0); // warm the config cache again
    const c = repo.cliBundle(["conflicts", "--format", "json"]);
    expect(c.stderr).not.toMatch(/internal error/);
    expect(c.code).toBe(1);
    const rules = (JSON.parse(c.stdout).findings as { rule: string; file: string }[]).map((f) => `${f.rule} ${f.file}`).sort();
    expect(rules).toEqual(["config/conflict cfg/b.json", "config/skipped cfg/c.json", "parse/duplicate-key cfg/c.json"]);
  });

  it("sync loads it before it runs", () => {
    repo = setup();
    const s = repo.cliBundle(["sync", "--format", "json"]);
    expect(s.stderr).not.toMatch(/internal error/);
    expect(s.code).toBe(0);
  });
});
