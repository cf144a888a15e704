import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { buildManifest, renderManifest } from "../../src/core/manifest/serialize.js";
import stable from "fast-json-stable-stringify";
import { rootDigest } from "../../src/core/manifest/root.js";
import { readManifestText, checkEntryPath } from "../../src/core/manifest/validate.js";
import { diffManifest } from "../../src/core/manifest/diff.js";
import { parseShard, shardOf, inShard } from "../../src/core/manifest/shard.js";
import { renderSha256sum } from "../../src/core/manifest/sha256sum.js";
import { coveredFilter, walkRoots } from "../../src/core/manifest/select.js";
import { mergeReports } from "../../src/core/manifest/merge.js";
import type { ManifestEntry, Observation } from "../../src/core/manifest/model.js";
import { UnsafePathError, UsageError } from "../../src/errors.js";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const entry = (path: string, content: string): ManifestEntry => ({ path, sha256: sha(content), size: Buffer.byteLength(content) });
const file = (content: string, extra: Partial<Observation> = {}): Observation =>
  ({ kind: "file", sha256: sha(content), size: Buffer.byteLength(content), ...extra }) as Observation;

describe("manifest serialization", () => {
  it("sorts entries, one per line, and round-trips through the reader", () => {
    const m = buildManifest([entry("b.json", "B"), entry("a.json", "A"), { ...entry("c", "x"), link: "x" }]);
    const text = renderManifest(m);
    expect(text.split("\n")[1]).toContain('"path":"a.json"');
    expect(text.split("\n")[2]).toContain('"path":"b.json"');
    const back = readManifestText(text, "m.json");
    expect(back.findings).toEqual([]);
    expect(back.manifest).toEqual(m);
    // Keys in sorted order: the text equals what JSON.stringify of the parsed value re-sorted gives.
    expect(JSON.parse(text)).toEqual(m);
  });

  it("is byte-identical for the same entries in any order, and the empty manifest is valid", () => {
    const a = renderManifest(buildManifest([entry("x", "1"), entry("y", "2")]));
    const b = renderManifest(buildManifest([entry("y", "2"), entry("x", "1")]));
    expect(a).toBe(b);
    const empty = renderManifest(buildManifest([]));
    expect(empty).toContain('"entries":[]');
    expect(readManifestText(empty, "m.json").manifest?.entries).toEqual([]);
  });

  it("root digest changes when any field of any entry changes", () => {
    const base = [entry("a", "1"), entry("b", "2")];
    const r = rootDigest(base);
    expect(rootDigest([base[0]!, { ...base[1]!, size: 3 }])).not.toBe(r);
    expect(rootDigest([base[0]!, { ...base[1]!, path: "c" }])).not.toBe(r);
    expect(rootDigest([base[0]!, { ...base[1]!, mode: "755" }])).not.toBe(r);
  });

  it("root digest is the SHA-256 of each stable-stringified entry followed by a newline (the file format)", () => {
    const perLine = (lines: string[]) => {
      const h = createHash("sha256");
      for (const l of lines) h.update(l + "\n");
      return h.digest("hex");
    };
    for (const entries of [[], [entry("a", "1")], [entry("a", "1"), { ...entry("dé/😀", "2"), link: "x" }]]) {
      // Computed independently: fast-json-stable-stringify, not the module's own serialiser.
      expect(rootDigest(entries)).toBe(perLine(entries.map((e) => stable(e))));
    }
    expect(rootDigest([])).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});

describe("manifest reader", () => {
  const good = renderManifest(buildManifest([entry("a.json", "A"), entry("b.json", "B")]));

  it.each([
    ["truncated", good.slice(0, 60)],
    ["not JSON", "\u0000\u0001garbage"],
  ])("reports a %s manifest as manifest/corrupt", (_name, text) => {
    const r = readManifestText(text, "m.json");
    expect(r.manifest).toBeUndefined();
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.findings.every((f) => f.rule === "manifest/corrupt" && f.level === "error")).toBe(true);
  });

  it("reports schema violations with a pointer", () => {
    const bad = good.replace('"size":1', '"size":"one"');
    const r = readManifestText(bad, "m.json");
    expect(r.manifest).toBeUndefined();
    expect(r.findings[0]).toMatchObject({ rule: "manifest/corrupt", level: "error" });
    expect(r.findings.some((f) => f.pointer === "/entries/0/size")).toBe(true);
  });

  it("reports a wrong root digest (an entry edited by hand)", () => {
    const bad = good.replace(sha("A"), sha("tampered"));
    const r = readManifestText(bad, "m.json");
    expect(r.manifest).toBeUndefined();
    expect(r.findings).toEqual([
      expect.objectContaining({ rule: "manifest/corrupt", pointer: "/root", expected: expect.any(String), found: expect.any(String) }),
    ]);
  });

  it("reports unsorted and duplicate entries", () => {
    const m = buildManifest([entry("a", "1"), entry("b", "2")]);
    const swapped = { ...m, entries: [m.entries[1]!, m.entries[0]!] };
    swapped.root = rootDigest(swapped.entries);
    expect(readManifestText(JSON.stringify(swapped), "m.json").findings[0]?.message).toMatch(/not sorted/);
    const dup = { ...m, entries: [m.entries[0]!, m.entries[0]!] };
    dup.root = rootDigest(dup.entries);
    expect(readManifestText(JSON.stringify(dup), "m.json").findings[0]?.message).toMatch(/appears twice/);
  });

  it("accepts a reformatted but consistent manifest with a noncanonical warning", () => {
    const m = buildManifest([entry("a", "1")]);
    const r = readManifestText(JSON.stringify(m, null, 2), "m.json");
    expect(r.manifest).toEqual(m);
    expect(r.findings).toEqual([expect.objectContaining({ rule: "manifest/noncanonical", level: "warning" })]);
  });

  it.each([
    ["../outside.json"],
    ["/etc/passwd"],
    ["a/../../b"],
    ["C:/x"],
    ["a//b"],
    ["./a"],
    [".git/config"],
    ["a\\..\\b"],
    // Made only of the characters the one-pass check takes: each must still fail a segment rule.
    [".."],
    ["."],
    [".git"],
    ["a/.."],
    ["a/."],
    ["a/./b"],
    ["a/../b"],
    ["a/"],
    ["/a"],
    ["../a"],
  ])("rejects the unsafe path %j with UnsafePathError", (p) => {
    expect(() => checkEntryPath(p, 3)).toThrow(UnsafePathError);
    const m = { ...buildManifest([]), entries: [{ path: p, sha256: sha(""), size: 0 }] };
    m.root = rootDigest(m.entries);
    expect(() => readManifestText(JSON.stringify(m), "m.json")).toThrow(/manifest entry 0/);
  });
});

it.each([["a"], [".gitignore"], [".github/x.yml"], [".git-x/a"], ["a/.../b"], ["a/.b/c"], ["a/b..c"], ["d-1/e_2/f.3"]])(
  "accepts the plain path %j",
  (p) => {
    expect(() => checkEntryPath(p, 3)).not.toThrow();
  },
);

describe("diffManifest", () => {
  const sealed = [
    entry("data/a.json", "A"),
    entry("data/b.json", "B"),
    entry("data/c.json", "C"),
    { ...entry("data/link", "/etc"), link: "/etc" },
  ];

  it("reports nothing for an unchanged tree", () => {
    const obs = new Map<string, Observation>([
      ["data/a.json", file("A")],
      ["data/b.json", file("B")],
      ["data/c.json", file("C")],
      ["data/link", { kind: "link", sha256: sha("/etc"), size: 4, link: "/etc" }],
    ]);
    expect(diffManifest(sealed, obs)).toEqual([]);
  });

  it("classifies modified, missing, added, renamed and bitrot", () => {
    const obs = new Map<string, Observation>([
      ["data/a.json", file("A2")],
      ["data/b-moved.json", file("B")],
      ["data/new.json", file("N")],
      ["data/link", { kind: "link", sha256: sha("/tmp"), size: 4, link: "/tmp" }],
      ["data/c.json", file("C-rot", { bitrot: true })],
    ]);
    const f = diffManifest(sealed, obs, { modifiedLevel: "warning", lineOf: (p) => (p === "data/a.json" ? 2 : undefined) });
    const byRule = Object.fromEntries(f.map((x) => [`${x.rule} ${x.file}`, x.level]));
    expect(byRule).toEqual({
      "manifest/modified data/a.json": "warning",
      "manifest/modified data/link": "warning",
      "manifest/renamed data/b-moved.json": "warning",
      "manifest/added data/new.json": "warning",
      "manifest/bitrot data/c.json": "error",
    });
    const a = f.find((x) => x.file === "data/a.json")!;
    expect(a.related?.[0]).toMatchObject({ file: ".integrity-guard/manifest.json", line: 2 });
    expect(a.expected).toContain(sha("A").slice(0, 16));
    expect(a.found).toContain(sha("A2").slice(0, 16));
  });

  it("pairs each missing entry with at most one added file of the same content", () => {
    const two = [entry("x1", "same"), entry("x2", "same")];
    const obs = new Map<string, Observation>([["y1", file("same")]]);
    const f = diffManifest(two, obs);
    expect(f.map((x) => x.rule).sort()).toEqual(["manifest/missing", "manifest/renamed"]);
    expect(f.find((x) => x.rule === "manifest/renamed")).toMatchObject({ file: "y1", expected: "x1" });
  });

  it("missing is always an error, and unreadable files are reported", () => {
    const f = diffManifest(
      [entry("a", "1"), entry("b", "2")],
      new Map([["b", { kind: "error", message: "permission denied", code: "EACCES" } as Observation]]),
      { modifiedLevel: "warning" },
    );
    expect(f).toEqual([
      expect.objectContaining({ rule: "manifest/unreadable", file: "b", level: "error" }),
      expect.objectContaining({ rule: "manifest/missing", file: "a", level: "error" }),
    ]);
  });

  it("reports a file that became a symlink, and a mode change", () => {
    const f = diffManifest(
      [entry("a", "1"), entry("b", "2")],
      new Map<string, Observation>([
        ["a", { kind: "link", sha256: sha("1"), size: 1, link: "1" }],
        ["b", file("2", { mode: "755" })],
      ]),
    );
    expect(f.map((x) => x.message)).toEqual([
      expect.stringMatching(/sealed as a file and is now a symlink/),
      expect.stringMatching(/changed mode \(644 -> 755\)/),
    ]);
  });
});

describe("shards", () => {
  it("parses K/N strictly", () => {
    expect(parseShard("2/4")).toEqual({ k: 2, n: 4 });
    for (const bad of ["0/4", "5/4", "a/b", "1/0", "1-2", "", "1/5000"]) expect(parseShard(bad)).toBeUndefined();
  });
  it("puts every path in exactly one shard, deterministically", () => {
    const paths = Array.from({ length: 1000 }, (_, i) => `data/${i}/f${i % 7}.json`);
    const n = 5;
    const counts = new Array(n + 1).fill(0);
    for (const p of paths) {
      const ks = Array.from({ length: n }, (_, i) => i + 1).filter((k) => inShard(p, { k, n }));
      expect(ks).toHaveLength(1);
      expect(shardOf(p, n)).toBe(ks[0]);
      counts[ks[0]!]++;
    }
    // Roughly balanced: no shard empty or holding most entries.
    for (let k = 1; k <= n; k++) expect(counts[k]).toBeGreaterThan(100);
  });
});

describe("sha256sum lines", () => {
  it("writes `<hex>  <path>`, escapes like GNU sha256sum, and leaves links out", () => {
    const m = buildManifest([entry("a b.json", "A"), entry("we\\ird\nname", "W"), { ...entry("l", "t"), link: "t" }]);
    expect(renderSha256sum(m)).toBe(`${sha("A")}  a b.json\n\\${sha("W")}  we\\\\ird\\nname\n`);
  });
});

describe("selection", () => {
  it("computes walk roots from include globs", () => {
    expect(walkRoots(["data/**", "agent_workspaces/**/*.json", "data/sub/**", "fsm_state.json", "config/"])).toEqual([
      "agent_workspaces",
      "config",
      "data",
      "fsm_state.json",
    ]);
    expect(walkRoots(["**/*.json", "data/**"])).toEqual([""]);
  });
  it("covers include minus exclude, never .git, node_modules or the manifest itself", () => {
    const c = coveredFilter({ include: ["**"], exclude: ["**/*.tmp"] });
    expect(c("data/a.json")).toBe(true);
    expect(c("data/a.tmp")).toBe(false);
    expect(c(".integrity-guard/manifest.json")).toBe(false);
    expect(c("node_modules/x/y.json")).toBe(false);
    expect(c("sub/.git/config")).toBe(false);
  });
});

describe("merging shard reports", () => {
  const report = (k: number, n: number, entries: number, findings: unknown[] = []) => ({
    version: 1,
    findings,
    summary: { shard: `${k}/${n}`, entries, hashed: 1 },
  });
  it("concatenates findings and sums the counts", () => {
    const m = mergeReports([
      { file: "1", data: report(1, 2, 3, [{ rule: "manifest/missing", level: "error", file: "a", message: "m" }]) },
      { file: "2", data: report(2, 2, 4) },
    ]);
    expect(m.findings).toHaveLength(1);
    expect(m.summary).toMatchObject({ entries: 7, hashed: 2, shards: 2 });
  });
  it("refuses an incomplete or duplicated set of shards", () => {
    expect(() =>
      mergeReports([
        { file: "1", data: report(1, 3, 1) },
        { file: "2", data: report(2, 3, 1) },
      ]),
    ).toThrow(/3\/3 missing/);
    expect(() =>
      mergeReports([
        { file: "1", data: report(1, 2, 1) },
        { file: "1b", data: report(1, 2, 1) },
      ]),
    ).toThrow(UsageError);
    expect(() => mergeReports([{ file: "x", data: { nope: true } }])).toThrow(/not a verify/);
  });
});

describe("the hand-written schema check", () => {
  it("never accepts what schemas/manifest.schema.json rejects", async () => {
    const { matchesSchema } = await import("../../src/core/manifest/validate.js");
    const { Ajv } = await import("ajv");
    const schema = (await import("../../schemas/manifest.schema.json", { with: { type: "json" } })).default;
    const ajv = new Ajv({ strict: false }).compile(schema);
    const base = buildManifest([entry("a", "1"), { ...entry("b", "2"), link: "x" }, { ...entry("c", "3"), mode: "755" }]);
    const clone = () => JSON.parse(JSON.stringify(base)) as Record<string, unknown> & { entries: Record<string, unknown>[] };
    const variants: unknown[] = [
      base,
      [],
      null,
      "x",
      { ...base, extra: 1 },
      { ...base, version: 2 },
      { ...base, root: "ABC" },
      { ...base, algorithm: "md5" },
    ];
    for (const [k, v] of [
      ["path", ""],
      ["path", 1],
      ["sha256", "xyz"],
      ["size", -1],
      ["size", 1.5],
      ["size", "1"],
      ["link", 5],
      ["mode", "644"],
      ["other", true],
    ] as const) {
      const c = clone();
      c.entries[0]![k] = v;
      variants.push(c);
    }
    const missing = clone();
    delete missing.entries[1]!.sha256;
    variants.push(missing);
    for (const v of variants) {
      expect(matchesSchema(v), JSON.stringify(v)).toBe(ajv(v));
    }
  });
});

describe("stringifyEntry", () => {
  it("writes exactly what fast-json-stable-stringify writes", async () => {
    const { stringifyEntry } = await import("../../src/core/manifest/root.js");
    const cases: ManifestEntry[] = [
      entry("a", "1"),
      { ...entry('we"ird\\name\n\u0001é😀', "2"), link: 'ta"rget\u2028' },
      { ...entry("x", "3"), mode: "755" },
      { ...entry("big", "4"), size: 2 ** 40 },
    ];
    for (const e of cases) expect(stringifyEntry(e)).toBe(stable(e));
  });
});

describe("coveredFilter agrees with core/glob matcher", () => {
  it("on a table of globs and paths", async () => {
    const { matcher } = await import("../../src/core/glob.js");
    const globs = [
      "data/**",
      "agent_workspaces/**/*.json",
      "config/",
      "*.yaml",
      "fsm_state.json",
      "a/{b,c}/*.txt",
      "x/?.md",
      "**/.hidden/**",
    ];
    const paths = [
      "data/a.json",
      "data/.dot/b",
      "agent_workspaces/m/meeting.json",
      "agent_workspaces/m.txt",
      "config/x/y",
      "top.yaml",
      "sub/top.yaml",
      "fsm_state.json",
      "a/b/q.txt",
      "a/d/q.txt",
      "x/1.md",
      "x/12.md",
      "z/.hidden/k",
      "datax/a",
    ];
    for (const g of globs) {
      const mine = coveredFilter({ include: [g] });
      const theirs = matcher([g]);
      for (const p of paths) expect(mine(p), `${g} ${p}`).toBe(theirs(p));
    }
  });
});

describe("always-excluded paths", () => {
  it("are excluded exactly where config ALWAYS_EXCLUDED matches (plus .git at any depth)", async () => {
    const { matcher } = await import("../../src/core/glob.js");
    const { ALWAYS_EXCLUDED_GLOBS } = await import("../../src/core/manifest/select.js");
    const always = matcher(ALWAYS_EXCLUDED_GLOBS);
    const c = coveredFilter({ include: ["**"] });
    for (const p of [
      "node_modules/a",
      "x/node_modules/b/c",
      "node_modulesx/a",
      "a/node_modules",
      ".git/config",
      ".gitignore",
      "x/.git/y",
      "data/a.json",
    ]) {
      expect(c(p), p).toBe(!always(p) && !/(^|\/)\.git(\/|$)/.test(p));
    }
  });
});
