import { describe, expect, it } from "vitest";
import {
  detectConflicts,
  maskValue,
  orderByPrecedence,
  planConflictWrites,
  resolveConfig,
  secretTest,
  type ConfigFile,
} from "../../src/core/conflicts/index.js";

const f = (path: string, value: unknown): ConfigFile => ({ path, value });

describe("orderByPrecedence", () => {
  it("puts unlisted files first (by path), then the precedence list in order", () => {
    const files = ["config/local.yaml", "config/z.json", "config/system.yaml", "config/a.json"].map((p) => f(p, {}));
    expect(orderByPrecedence(files, ["config/system.yaml", "config/local.yaml"]).map((x) => x.path)).toEqual([
      "config/a.json",
      "config/z.json",
      "config/system.yaml",
      "config/local.yaml",
    ]);
  });
  it("accepts globs in the precedence list", () => {
    const files = ["env/prod.yaml", "base.yaml", "env/dev.yaml"].map((p) => f(p, {}));
    expect(orderByPrecedence(files, ["base.yaml", "env/*.yaml"]).map((x) => x.path)).toEqual([
      "base.yaml",
      "env/dev.yaml",
      "env/prod.yaml",
    ]);
  });
});

describe("resolveConfig", () => {
  const cases: { name: string; files: ConfigFile[]; rules?: Parameters<typeof resolveConfig>[1]; expected: unknown }[] = [
    {
      name: "deep-merges maps, the last file wins on scalars",
      files: [f("a", { db: { host: "a", port: 1 }, x: 1 }), f("b", { db: { host: "b" }, y: 2 })],
      expected: { db: { host: "b", port: 1 }, x: 1, y: 2 },
    },
    {
      name: "replaces lists by default",
      files: [f("a", { l: [1, 2] }), f("b", { l: [3] })],
      expected: { l: [3] },
    },
    {
      name: "unique merges lists without duplicates (by value, objects included)",
      files: [f("a", { l: [1, 2, { k: 1 }] }), f("b", { l: [2, 3, { k: 1 }] })],
      rules: { merge: { "/l": "unique" } },
      expected: { l: [1, 2, { k: 1 }, 3] },
    },
    {
      name: "append concatenates lists",
      files: [f("a", { l: [1, 2] }), f("b", { l: [2, 3] })],
      rules: { merge: { "/l": "append" } },
      expected: { l: [1, 2, 2, 3] },
    },
    {
      name: "replace takes a whole map from the last file",
      files: [f("a", { m: { a: 1, b: 2 } }), f("b", { m: { c: 3 } })],
      rules: { merge: { "/m": "replace" } },
      expected: { m: { c: 3 } },
    },
    {
      name: "a strategy on the root applies everywhere",
      files: [f("a", { m: { l: [1] } }), f("b", { m: { l: [2] } })],
      rules: { merge: { "": "append" } },
      expected: { m: { l: [1, 2] } },
    },
    {
      name: "owned keys come from their owner whatever the precedence",
      files: [f("system", { database: { host: "owner", port: 1 } }), f("local", { database: { host: "intruder" } })],
      rules: { owners: { "/database": "system" } },
      expected: { database: { host: "owner", port: 1 } },
    },
    {
      name: "a __proto__ key is data, not the prototype",
      files: [f("a", JSON.parse('{"__proto__": {"polluted": 1}}')), f("b", { x: 1 })],
      expected: JSON.parse('{"__proto__": {"polluted": 1}, "x": 1}'),
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = resolveConfig(c.files, c.rules ?? {});
      expect(JSON.stringify(out)).toEqual(JSON.stringify(c.expected));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
  it("leaves out a hostile, deeply nested file (as the analysis does) instead of overflowing", () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 20000; i++) deep = { d: deep };
    expect(resolveConfig([f("deep", deep), f("b", { d: 1 })], {})).toEqual({ d: 1 });
  });

  it("does not modify the input files", () => {
    const a = { db: { host: "a" }, l: [1] };
    resolveConfig([f("a", a), f("b", { db: { host: "b" }, l: [2] })], { merge: { "/l": "append" } });
    expect(a).toEqual({ db: { host: "a" }, l: [1] });
  });
});

describe("maskValue", () => {
  it("replaces every value under a secret-looking key by ***", () => {
    const v = { db: { host: "h", password: "p" }, tokens: ["a", "b"], api: { clientSecret: { x: 1 } }, list: [{ token: "t", name: "n" }] };
    expect(maskValue(v, secretTest())).toEqual({
      db: { host: "h", password: "***" },
      tokens: "***",
      api: { clientSecret: "***" },
      list: [{ token: "***", name: "n" }],
    });
  });
});

describe("planConflictWrites", () => {
  it("writes the winning value into each file that disagrees, and never a secret (listed as refused instead)", () => {
    const files = [f("a", { port: 1, password: "old", same: 1 }), f("b", { port: 2, password: "new", same: 1 }), f("c", { port: 2 })];
    const analysis = detectConflicts(files, {});
    const { edits, changes, refused } = planConflictWrites(files, analysis.conflicts, resolveConfig(files, {}), analysis.isSecret);
    expect([...edits]).toEqual([["a", [{ pointer: "/port", value: 2 }]]]);
    expect(changes).toEqual([{ file: "a", pointer: "/port", key: "port", from: "1", to: "2", secret: false }]);
    expect(refused).toEqual([{ file: "a", pointer: "/password", key: "password", from: "b", reason: "secret-key" }]);
  });
});
