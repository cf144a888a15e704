import { describe, expect, it } from "vitest";
import { detectConflicts, orderByPrecedence, type ConfigFile, type ConflictRules } from "../../src/core/conflicts/index.js";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

function file(path: string, text: string): ConfigFile {
  const doc = parseDocument(text, { path, mergeKeys: true });
  if (!doc.ok) throw new Error(`${path} does not parse: ${doc.findings.map((f) => f.message).join("; ")}`);
  return { path, value: doc.value, doc };
}

function run(files: ConfigFile[], rules: ConflictRules = {}) {
  return detectConflicts(orderByPrecedence(files, rules.precedence), rules);
}

describe("config/conflict between files", () => {
  it("reports a key a YAML and a JSON file set differently, with both locations and values", () => {
    const a = file("config/system.yaml", "server:\n  port: 8080\n  name: web\n");
    const b = file("config/app.json", '{\n  "server": {\n    "port": 9090,\n    "name": "web"\n  }\n}\n');
    const { findings, conflicts } = run([a, b], { precedence: ["config/app.json", "config/system.yaml"] });
    expect(conflicts.map((c) => c.pointer)).toEqual(["/server/port"]);
    const f = findings.find((x) => x.rule === "config/conflict")!;
    expect(f).toMatchObject({
      level: "error",
      pointer: "/server/port",
      key: "server.port",
      file: "config/system.yaml",
      line: 2,
      column: 9,
      expected: "8080",
      found: "9090",
    });
    expect(f.related).toEqual([
      { file: "config/app.json", line: 3, column: 13, message: "server.port = 9090" },
      { file: "config/system.yaml", line: 2, column: 9, message: "server.port = 8080 (wins by precedence)" },
    ]);
    expect(f.message).toContain("8080 in config/system.yaml");
    expect(f.message).toContain("9090 in config/app.json");
  });

  it("does not report equal values, whatever the file format or key order", () => {
    const a = file("a.yaml", "db:\n  port: 5432\n  opts: {x: 1, y: [1, 2]}\n");
    const b = file("b.json", '{"db": {"opts": {"y": [1, 2], "x": 1}, "port": 5432}}');
    expect(run([a, b]).findings).toEqual([]);
  });

  it('tells types apart: 5432 and "5432" conflict, as do true and "true"', () => {
    const a = file("a.yaml", "port: 5432\nflag: true\n");
    const b = file("b.yaml", "port: '5432'\nflag: 'true'\n");
    expect(
      run([a, b])
        .conflicts.map((c) => c.pointer)
        .sort(),
    ).toEqual(["/flag", "/port"]);
  });

  it("recurses into nested maps and compares lists as whole values", () => {
    const a = file("a.yaml", "a:\n  b:\n    c:\n      d: 1\n      list: [1, 2, 3]\n    same: x\n");
    const b = file("b.yaml", "a:\n  b:\n    c:\n      d: 2\n      list: [1, 2]\n    same: x\n    only_b: 1\n");
    const { conflicts } = run([a, b]);
    expect(conflicts.map((c) => c.pointer).sort()).toEqual(["/a/b/c/d", "/a/b/c/list"]);
    expect(conflicts.find((c) => c.pointer === "/a/b/c/list")!.entries.map((e) => e.value)).toEqual([
      [1, 2, 3],
      [1, 2],
    ]);
  });

  it("reports a scalar in one file against a map in another", () => {
    const a = file("a.yaml", "cache: off\n");
    const b = file("b.yaml", "cache:\n  size: 10\n");
    const { conflicts, findings } = run([a, b]);
    expect(conflicts.map((c) => c.pointer)).toEqual(["/cache"]);
    expect(findings[0]!.message).toContain("a map (1 keys)");
  });

  it("resolves anchors and merge keys before comparing", () => {
    const a = file("a.yaml", "base: &base\n  host: db\n  port: 5432\nprod:\n  <<: *base\n  port: 6543\n");
    const b = file("b.yaml", "prod:\n  host: db\n  port: 6543\nbase:\n  host: db\n  port: 5432\n");
    expect(run([a, b]).findings).toEqual([]);
    const c = file("c.yaml", "prod:\n  host: other\n");
    const { conflicts } = run([a, c]);
    expect(conflicts.map((x) => x.pointer)).toEqual(["/prod/host"]);
  });

  it("leaves keys declared in config.differ alone, including everything below them", () => {
    const a = file("a.yaml", "environment: prod\nlabels:\n  env: prod\n  team: x\n");
    const b = file("b.yaml", "environment: dev\nlabels:\n  env: dev\n  team: y\n");
    const { conflicts } = run([a, b], { differ: ["/environment", "/labels/env"] });
    expect(conflicts.map((c) => c.pointer)).toEqual(["/labels/team"]);
  });

  it("does not report lists merged with unique/append, but compares a replace map as a whole", () => {
    const a = file("a.yaml", "features: [a, b]\nlimits: {cpu: 1, mem: 2}\n");
    const b = file("b.yaml", "features: [b, c]\nlimits: {cpu: 1}\n");
    const { conflicts } = run([a, b], { merge: { "/features": "unique", "/limits": "replace" } });
    expect(conflicts.map((c) => c.pointer)).toEqual(["/limits"]);
  });

  it("inherits a strategy declared on a parent map", () => {
    const a = file("a.yaml", "plugins:\n  x: [1]\n  y: [2]\n");
    const b = file("b.yaml", "plugins:\n  x: [3]\n  y: [4]\n");
    expect(run([a, b], { merge: { "/plugins": "append" } }).conflicts).toEqual([]);
    expect(run([a, b]).conflicts).toHaveLength(2);
  });

  it("reports a top level that is not a map instead of crashing", () => {
    const a = file("a.yaml", "- 1\n- 2\n");
    const b = file("b.yaml", "x: 1\n");
    const { findings } = run([a, b]);
    expect(findings).toEqual([expect.objectContaining({ rule: "config/not-a-map", file: "a.yaml", level: "error" })]);
  });

  it("leaves out a hostile, deeply nested file with a finding instead of overflowing the stack", () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 20000; i++) deep = { d: deep };
    const { findings, conflicts } = run([{ path: "deep.json", value: deep }, file("b.yaml", "d: 1\n"), file("c.yaml", "d: 2\n")]);
    expect(findings.find((f) => f.file === "deep.json")).toMatchObject({ rule: "config/skipped", level: "error" });
    expect(conflicts.map((c) => c.entries.map((e) => e.file))).toEqual([["b.yaml", "c.yaml"]]);
  });

  it("treats an empty file as defining nothing", () => {
    expect(run([file("a.yaml", ""), file("b.yaml", "x: 1\n")]).findings).toEqual([]);
  });

  // Its speed is measured by the bench (scripts/bench/conflicts.bench.mjs), not by a wall clock here.
  it("finds the one conflict among 50,000 keys across 10 files", () => {
    const files: ConfigFile[] = [];
    for (let i = 0; i < 10; i++) {
      const value: Record<string, Record<string, number>> = {};
      for (let s = 0; s < 50; s++) {
        value[`s${s}`] = {};
        for (let k = 0; k < 100; k++) value[`s${s}`]![`k${k}`] = k === 0 && s === 0 ? i : k;
      }
      files.push({ path: `f${i}.json`, value });
    }
    const { conflicts } = run(files);
    expect(conflicts.map((c) => c.pointer)).toEqual(["/s0/k0"]);
  });
});

describe("masking secret values", () => {
  const a = file(
    "a.yaml",
    "db:\n  password: hunter2\n  apiKey: AKIA111\ncredentials:\n  user: alice\nservice:\n  Auth_Token: t0k3n\n  private: [s1]\n  stripe: sk_live_1\n",
  );
  const b = file(
    "b.yaml",
    "db:\n  password: swordfish\n  apiKey: AKIA222\ncredentials:\n  user: bob\nservice:\n  Auth_Token: t0k3n2\n  private: [s2]\n  stripe: sk_live_2\n",
  );

  it("masks values of keys that look secret, anywhere in the finding", () => {
    const { findings } = run([a, b], { secret_keys: ["^stripe$"] });
    expect(findings).toHaveLength(6);
    const text = JSON.stringify(findings);
    for (const secret of ["hunter2", "swordfish", "AKIA111", "AKIA222", "alice", "bob", "t0k3n", "s1", "s2", "sk_live"]) {
      expect(text).not.toContain(secret);
    }
    const masked = /^\*\*\* \(\d+ chars, #[0-9a-f]{6}\)$/;
    expect(findings.every((f) => masked.test(f.expected!) && f.found!.split(" | ").every((x) => masked.test(x)))).toBe(true);
  });

  it("does not mask ordinary keys that merely contain the letters (keyboard, monkey)", () => {
    const x = file("x.yaml", "keyboard: us\nmonkey: 1\n");
    const y = file("y.yaml", "keyboard: fr\nmonkey: 2\n");
    const text = JSON.stringify(run([x, y]).findings);
    expect(text).toContain('\\"us\\"');
    expect(text).toContain("monkey = 2");
  });

  it("reports a bad secret_keys pattern and still masks with the defaults", () => {
    const { findings } = run([a, b], { secret_keys: ["(unclosed"] });
    expect(findings.find((f) => f.rule === "config/invalid")!.message).toContain("(unclosed");
    expect(JSON.stringify(findings)).not.toContain("hunter2");
  });
});

describe("config/single-source (owners)", () => {
  const system = file("config/system.yaml", "database:\n  host: db\n  port: 5432\n");
  it("reports a definition of an owned key outside its owner, even with an equal value", () => {
    const local = file("config/local.yaml", "server: 1\ndatabase:\n  host: db\n");
    const { findings } = run([system, local], { owners: { "/database": "config/system.yaml" } });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: "config/single-source",
        file: "config/local.yaml",
        line: 2,
        column: 1,
        pointer: "/database",
        related: [{ file: "config/system.yaml", line: 1, column: 1, message: "owner of database" }],
      }),
    ]);
  });

  it("does not also report owned keys as conflicts", () => {
    const local = file("config/local.yaml", "database:\n  host: other\n");
    const { findings } = run([system, local], { owners: { "/database": "config/system.yaml" } });
    expect(findings.map((f) => f.rule)).toEqual(["config/single-source"]);
  });

  it("lets a longer owned prefix belong to another file (nested owners)", () => {
    const local = file("config/local.yaml", "database:\n  replica:\n    host: r1\n");
    const owners = { "/database": "config/system.yaml", "/database/replica": "config/local.yaml" };
    expect(run([system, local], { owners }).findings).toEqual([]);
    const other = file("config/other.yaml", "database:\n  replica:\n    host: r2\n");
    expect(run([system, local, other], { owners }).findings.map((f) => `${f.rule} ${f.file}`)).toEqual([
      "config/single-source config/other.yaml",
      "config/single-source config/other.yaml",
    ]);
  });
});
