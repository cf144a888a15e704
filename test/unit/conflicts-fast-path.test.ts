/**
 * The fast JSON path of the conflicts check (JSON.parse plus one byte scan, core/conflicts/json-fast.ts)
 * must report exactly what the strict parser reports: the same findings, values, positions and
 * masking, and a file JSON.parse would wrongly accept (a duplicate key) must still be reported.
 */
import { describe, expect, it } from "vitest";
import { conflictFindings, loadConfigSet } from "../../src/checks/conflicts.js";
import type { Config, ConfigConflictConfig } from "../../src/config/types.js";
import { detectConflicts, type ConfigFile } from "../../src/core/conflicts/index.js";
import { detectLayered } from "../../src/core/conflicts/layers.js";
import { FastJsonDoc } from "../../src/core/conflicts/json-fast.js";
import type { Finding } from "../../src/core/finding.js";
import type { FileSource } from "../../src/io/file-source.js";

const CONFIG_PATH = ".integrity-guard/config.yml";

function memorySource(files: Record<string, string | Buffer>): FileSource {
  return {
    kind: "worktree",
    list: async () => Object.keys(files),
    read: async (paths) => {
      const out = new Map<string, Buffer>();
      for (const p of paths) {
        const f = files[p];
        if (f !== undefined) out.set(p, Buffer.isBuffer(f) ? f : Buffer.from(f));
      }
      return out;
    },
  };
}

/** What `conflicts` reports (fast path), and what it reports with every file parsed strictly. */
async function bothWays(files: Record<string, string | Buffer>, rules: ConfigConflictConfig = {}) {
  const config: Config = { version: 1, config: { files: ["config/**"], ...rules } };
  const source = memorySource(files);
  const fast = await conflictFindings(source, config, CONFIG_PATH, { parseFindings: true });
  const set = await loadConfigSet(source, config, CONFIG_PATH, { parseFindings: true, strict: new Set(Object.keys(files)) });
  const strict = [...set.findings, ...detectConflicts(set.files, config.config!, CONFIG_PATH).findings];
  const fastJson = fast.set.files.filter((f) => f.doc instanceof FastJsonDoc).map((f) => f.path);
  return { fast: fast.findings, strict, fastJson };
}

const brief = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.file}:${f.line ?? "-"}:${f.column ?? "-"} ${f.key ?? ""}`);

describe("fast JSON path reports what the strict parser reports", () => {
  it("conflicts in nested maps, deep in lists, under escaped and non-ASCII keys, in CRLF and minified files", async () => {
    const a = JSON.stringify(
      {
        server: { port: 8080, name: "web", tags: ["a", "b"] },
        deep: { list: [{ x: [1, { y: 2 }] }, "s"], same: [1, { z: true }] },
        'k"q': 1,
        "e\u00e9": "caf\u00e9",
        "sl/ash": { "til~de": 1 },
        db: { password: "hunter2", host: "h1" },
        kind: "scalar",
        empty: {},
        none: [],
      },
      null,
      2,
    );
    // Same data in other layouts: CRLF line ends, one minified line with an emoji before the
    // conflicting keys (columns count code points), keys in another order.
    const b = JSON.stringify(
      {
        none: [],
        empty: {},
        kind: { now: "a map" },
        db: { host: "h2", password: "swordfish" },
        "sl/ash": { "til~de": 2 },
        "e\u00e9": "caf\u00e9!",
        'k"q': 2,
        deep: { same: [1, { z: true }], list: [{ x: [1, { y: 3 }] }, "s"] },
        server: { name: "web", port: 9090, tags: ["a", "b"] },
      },
      null,
      4,
    ).replace(/\n/g, "\r\n");
    const c = `{"note":"\u{1F600}\u{1F600} emoji, then","server":{"port":7070,"name":"w\u00e9b"},"deep":{"list":[{"x":[1,{"y":4}]},"s"]},"\\u006b\\"q":3}`;
    const { fast, strict, fastJson } = await bothWays({ "config/a.json": a, "config/b.json": b, "config/c.json": c });
    expect(fastJson).toEqual(["config/a.json", "config/b.json", "config/c.json"]);
    expect(fast).toEqual(strict);
    // The comparison above is only as good as what it compares: check the findings are there.
    expect(brief(fast)).toEqual([
      // Columns count code points: the two emoji before "port" are one column each.
      "config/conflict config/c.json:1:43 server.port",
      "config/conflict config/c.json:1:55 server.name",
      "config/conflict config/c.json:1:77 deep.list",
      'config/conflict config/c.json:1:114 ["k\\"q"]',
      'config/conflict config/b.json:14:11 ["eé"]',
      'config/conflict config/b.json:12:19 ["sl/ash"]["til~de"]',
      "config/conflict config/b.json:9:21 db.password",
      "config/conflict config/b.json:8:17 db.host",
      "config/conflict config/b.json:4:13 kind",
    ]);
    const secret = fast.find((f) => f.key === "db.password")!;
    expect(JSON.stringify(secret)).not.toMatch(/hunter2|swordfish/);
  });

  it("treats equal values written differently as equal, exactly as the strict path does", async () => {
    const { fast, strict } = await bothWays({
      "config/a.json": '{"n": 1, "m": 100, "s": "A", "f": 0.5, "tiny": 1e-400, "neg": -0, "u": "\\ud83d\\ude00"}',
      "config/b.json": '{"n": 1.0, "m": 1e2, "s": "\\u0041", "f": 5E-1, "tiny": 0, "neg": 0, "u": "\u{1F600}"}',
    });
    expect(fast).toEqual(strict);
    expect(fast).toEqual([]);
  });

  it("reports a duplicate key (which JSON.parse would drop) and leaves the file out, as the strict path does", async () => {
    const files = {
      "config/a.json": '{\n  "server": {"port": 1}\n}\n',
      "config/dup.json": '{\n  "server": {"port": 1, "port": 8080}\n}\n',
      "config/nested-dup.json": '{"list": [{"k": 1, "k": 1}], "server": {"port": 1}}',
    };
    const { fast, strict, fastJson } = await bothWays(files);
    expect(fastJson).toEqual(["config/a.json"]);
    expect(fast).toEqual(strict);
    expect(brief(fast)).toEqual([
      "parse/duplicate-key config/dup.json:2:25 port",
      "config/skipped config/dup.json:2:25 ",
      "parse/duplicate-key config/nested-dup.json:1:20 k",
      "config/skipped config/nested-dup.json:1:20 ",
    ]);
    expect(fast.some((f) => f.rule === "config/conflict")).toBe(false);
  });

  it("reports a duplicate key after the last position a report needs (the scan stops early there), and keeps strings with colons on the fast path", async () => {
    const files = {
      "config/a.json": '{\n  "x": 1,\n  "url": "http://h:80/a",\n  "later": {"k": 1, "j": 2}\n}\n',
      // The conflict on x is near the top; the duplicate comes after it.
      "config/b.json": '{\n  "x": 2,\n  "later": {"k": 1, "j": 2, "k": 1}\n}\n',
      // Colons inside strings only: no duplicate, so the file stays on the fast path.
      "config/c.json": '{\n  "x": 3,\n  "url": "http://h:80/a",\n  "t": "12:00:00"\n}\n',
    };
    const { fast, strict, fastJson } = await bothWays(files);
    expect(fastJson).toEqual(["config/a.json", "config/c.json"]);
    expect(fast).toEqual(strict);
    expect(brief(fast)).toEqual([
      "parse/duplicate-key config/b.json:3:29 k",
      "config/skipped config/b.json:3:29 ",
      "config/conflict config/c.json:2:8 x",
    ]);
  });

  it("in layers mode too: a duplicate key after an overlay's last finding is reported, not trusted", async () => {
    const config: Config = { version: 1, config: { files: ["config/**"], layers: ["config/default.json", "config/prod.json"] } };
    const source = memorySource({
      "config/default.json": '{\n  "db": {"host": "a", "port": 1},\n  "cache": {"size": 1}\n}\n',
      "config/prod.json": '{\n  "db": {"hots": "b"},\n  "cache": {"size": 2, "size": 3}\n}\n',
    });
    const { findings, set } = await conflictFindings(source, config, CONFIG_PATH, { parseFindings: true });
    expect(set.files.map((f) => [f.path, f.doc instanceof FastJsonDoc])).toEqual([["config/default.json", true]]);
    expect(brief(findings)).toEqual(["parse/duplicate-key config/prod.json:3:24 size", "config/skipped config/prod.json:3:24 "]);
  });

  it("in layers mode, overlays read one at a time report a syntax error, deep nesting and a list top level as the strict path does", async () => {
    let deep = "1";
    for (let i = 0; i < 300; i++) deep = `{"d": ${deep}}`;
    const files = {
      "config/default.json": '{\n  "db": {"host": "a", "port": 1}\n}\n',
      "config/broken.json": '{\n  "db": {"host": "b",}\n}\n',
      // Truncated, and without a colon: no count of member names can tell it from an empty map.
      "config/cut.json": "{",
      "config/deep.json": `{"db": {"host": "c"}, "x": ${deep}}`,
      "config/list.json": "[1]",
      "config/prod.json": '{\n  "db": {"hots": "d", "port": "2"}\n}\n',
    };
    const config: Config = { version: 1, config: { files: ["config/**"], layers: ["config/default.json", "config/*.json"] } };
    const source = memorySource(files);
    const fast = await conflictFindings(source, config, CONFIG_PATH, { parseFindings: true });
    const set = await loadConfigSet(source, config, CONFIG_PATH, { parseFindings: true, strict: new Set(Object.keys(files)) });
    const strict = [
      ...set.findings,
      ...detectLayered(set.files, { ...config.config!, layers: config.config!.layers! }, CONFIG_PATH).findings,
    ];
    expect(fast.findings).toEqual(strict);
    expect(brief(fast.findings)).toEqual([
      "parse/syntax config/broken.json:2:21 ",
      "config/skipped config/broken.json:2:21 ",
      "parse/truncated config/cut.json:1:2 ",
      "config/skipped config/cut.json:1:2 ",
      "config/skipped config/deep.json:-:- ",
      "config/not-a-map config/list.json:1:1 ",
      "config/unknown-key config/prod.json:2:10 db.hots",
      "config/type-change config/prod.json:2:31 db.port",
    ]);
    // The overlays were let go after their walk, and read again when asked for (--resolve, --explain).
    expect(fast.set.files.find((f) => f.path === "config/prod.json")!.value).toEqual({ db: { hots: "d", port: "2" } });
  });

  it("in layers mode, an overlay's one walk also does the admission count: out-of-range numbers and deep nesting wherever the walk goes or not", async () => {
    let deep = "1";
    for (let i = 0; i < 300; i++) deep = `{"d": ${deep}}`;
    const files = {
      "config/default.json": '{\n  "db": {"host": "a", "port": 1, "t": 2},\n  "x": 1\n}\n',
      // Beside an aligned number (the walk's fast path).
      "config/a.json": '{\n  "db": {"host": "b", "port": 1e400, "t": 3},\n  "x": 2\n}\n',
      // Inside a list under a key no lower layer defines.
      "config/b.json": '{\n  "db": {"host": "c", "extra": [1, -1e400]},\n  "x": 2\n}\n',
      // Too deep under a key whose type changes (the walk does not go into it).
      "config/c.json": `{"db": {"host": "d", "t": ${deep}}, "x": 3}`,
      "config/d.json": '{\n  "db": {"hots": "e"},\n  "x": 1\n}\n',
    };
    const config: Config = { version: 1, config: { files: ["config/**"], layers: ["config/default.json", "config/*.json"] } };
    const source = memorySource(files);
    const fast = await conflictFindings(source, config, CONFIG_PATH, { parseFindings: true });
    const set = await loadConfigSet(source, config, CONFIG_PATH, { parseFindings: true, strict: new Set(Object.keys(files)) });
    const strict = [
      ...set.findings,
      ...detectLayered(set.files, { ...config.config!, layers: config.config!.layers! }, CONFIG_PATH).findings,
    ];
    expect(fast.findings).toEqual(strict);
    expect(brief(fast.findings)).toEqual([
      "parse/number-range config/a.json:2:31 ",
      "config/skipped config/a.json:2:31 ",
      "parse/number-range config/b.json:2:36 ",
      "config/skipped config/b.json:2:36 ",
      "config/skipped config/c.json:-:- ",
      "config/unknown-key config/d.json:2:10 db.hots",
      "config/shadowed config/d.json:3:8 x",
    ]);
    // The analysis alone, without the strict re-read a wrong member count would also trigger.
    const lazyFile = (path: string): ConfigFile => {
      const doc = new FastJsonDoc(Buffer.from(files[path as keyof typeof files]), undefined, true);
      return {
        path,
        get value() {
          return doc.value;
        },
        doc,
      };
    };
    const alone = detectLayered([lazyFile("config/default.json"), lazyFile("config/c.json")], {
      layers: ["config/default.json", "config/*.json"],
    });
    expect(brief(alone.findings)).toEqual(["config/skipped config/c.json:-:- "]);
  });

  it("in layers mode, holds the lower layers and one overlay at a time, never all overlays together", () => {
    let live = 0;
    let peak = 0;
    const lazy = (path: string, value: unknown): ConfigFile => {
      let held = false;
      return {
        path,
        get value() {
          if (!held) {
            held = true;
            peak = Math.max(peak, ++live);
          }
          return value;
        },
        doc: {
          locate: () => undefined,
          locateKey: () => undefined,
          release() {
            if (held) live--;
            held = false;
          },
        },
      };
    };
    const overlays = Array.from({ length: 6 }, (_, i) => lazy(`config/o${i}.json`, { db: { host: `h${i}`, prot: i } }));
    const r = detectLayered([lazy("config/default.json", { db: { host: "a", port: 1 } }), ...overlays], {
      layers: ["config/default.json", "config/o*.json"],
    });
    expect(r.findings.map((f) => `${f.rule} ${f.file} ${f.pointer}`)).toEqual(overlays.map((o) => `config/unknown-key ${o.path} /db/prot`));
    expect(peak).toBe(2);
    expect(live).toBe(1); // the default layer, below every overlay
  });

  it("reports invalid UTF-8, a byte order mark and a NUL byte, as the strict path does", async () => {
    const { fast, strict, fastJson } = await bothWays({
      "config/a.json": '{"x": 1}',
      "config/latin1.json": Buffer.from([...Buffer.from('{"x": "caf'), 0xe9, ...Buffer.from('"}')]),
      "config/bom.json": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"x": 2}')]),
      "config/nul.json": Buffer.from('{"x": "a\u0000b"}'),
    });
    expect(fastJson).toEqual(["config/a.json"]);
    expect(fast).toEqual(strict);
    const rules = fast.map((f) => `${f.rule} ${f.file}`);
    expect(rules).toEqual(
      expect.arrayContaining(["parse/encoding config/latin1.json", "parse/encoding config/bom.json", "config/skipped config/nul.json"]),
    );
  });

  it("reports a number out of range and nesting past the parser's limit, which JSON.parse accepts", async () => {
    const tooDeep = "[".repeat(1001) + "]".repeat(1001);
    const { fast, strict, fastJson } = await bothWays({
      "config/a.json": '{"x": 1}',
      "config/big.json": '{\n  "x": 1,\n  "n": [1, -1e400]\n}',
      "config/big-list.json": "[1e999]",
      "config/deep.json": `{"x": 1, "d": ${tooDeep}}`,
    });
    expect(fastJson).toEqual(["config/a.json"]);
    expect(fast).toEqual(strict);
    expect(brief(fast)).toEqual([
      "parse/number-range config/big.json:3:12 ",
      "config/skipped config/big.json:3:12 ",
      "parse/number-range config/big-list.json:1:2 ",
      "config/skipped config/big-list.json:1:2 ",
      // The 1,000th "[" (the root object is the first level) is one too many.
      "parse/too-deep config/deep.json:1:1014 ",
      "config/skipped config/deep.json:1:1014 ",
    ]);
  });

  it("places a top level that is not a map, and owned keys defined elsewhere, as the strict path does", async () => {
    const { fast, strict } = await bothWays(
      {
        "config/list.json": "\n\n  [1, 2]\n",
        "config/owner.json": '{\n  "database": {"host": "a"}\n}',
        "config/other.json": '{"x": 1,\n   "database": {\n     "host": "a", "port": 5432}}',
      },
      { owners: { "/database": "config/owner.json" } },
    );
    expect(fast).toEqual(strict);
    expect(brief(fast)).toEqual(["config/not-a-map config/list.json:3:3 ", "config/single-source config/other.json:2:4 database"]);
  });

  it("follows merge strategies and skips a hostile deeply nested file without leaving part of it behind", async () => {
    let deep = "1";
    for (let i = 0; i < 300; i++) deep = `{"d": ${deep}}`;
    const { fast, strict } = await bothWays(
      {
        "config/a.json": '{"a": 1, "u": [1, 2], "r": {"p": 1, "q": 2}}',
        // Left out for its nesting: its "a" and "r" must not count, or "a" would be in conflict.
        "config/b.json": `{"a": 5, "r": {"p": 9}, "deep": ${deep}}`,
        "config/c.json": '{"a": 1, "u": [3], "r": {"q": 2, "p": 1}}',
        "config/d.json": '{"a": 1, "u": [1], "r": {"p": 1}}',
      },
      { merge: { "/u": "unique", "/r": "replace" } },
    );
    expect(fast).toEqual(strict);
    expect(brief(fast)).toEqual(["config/skipped config/b.json:-:- ", "config/conflict config/d.json:1:25 r"]);
  });
});
