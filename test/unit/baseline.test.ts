/**
 * The pure baseline core: what an entry exempts (exactly its recorded findings of its file at its
 * recorded SHA-256) and what a baseline file must look like to be read at all.
 */
import { describe, expect, it } from "vitest";
import { applyBaseline, buildBaseline, parseBaseline, serializeBaseline, sha256Hex } from "../../src/core/baseline.js";
import type { Finding } from "../../src/core/finding.js";

const A = Buffer.from('{"a": 1,}\n');
const shaA = sha256Hex(A);
const syntax: Finding = {
  rule: "parse/syntax",
  level: "error",
  file: "f/a.json",
  line: 1,
  column: 8,
  pointer: "/a",
  message: "trailing comma",
};

function baselineOf(findings: Finding[], hashes: Record<string, string>) {
  const text = serializeBaseline(buildBaseline(findings, new Map(Object.entries(hashes))));
  const parsed = parseBaseline(Buffer.from(text));
  if (!("baseline" in parsed)) throw new Error(parsed.error);
  return parsed.baseline;
}

describe("applyBaseline", () => {
  const b = baselineOf([syntax], { "f/a.json": shaA });

  it("round-trips and exempts the recorded finding at the recorded content, as a notice", () => {
    const r = applyBaseline([syntax], b, new Map([["f/a.json", shaA]]));
    expect(r.findings[0]).toMatchObject({ rule: "parse/syntax", level: "notice", file: "f/a.json" });
    expect(r.findings[0]!.message).toMatch(/^known at baseline, file unchanged \(was error\)/);
    expect(r.findings.at(-1)).toMatchObject({ rule: "baseline/known", level: "notice" });
    expect(r.counts).toEqual({ files: 1, findings: 1, stale: 0 });
  });

  const cases: [string, Finding[], Map<string, string | undefined>][] = [
    ["other content", [syntax], new Map([["f/a.json", sha256Hex(Buffer.from("x"))]])],
    ["unreadable file", [syntax], new Map([["f/a.json", undefined]])],
    ["another file with the same bytes", [{ ...syntax, file: "f/b.json" }], new Map([["f/b.json", shaA]])],
    ["another rule", [{ ...syntax, rule: "parse/duplicate-key" }], new Map([["f/a.json", shaA]])],
    ["another line", [{ ...syntax, line: 2 }], new Map([["f/a.json", shaA]])],
    ["another pointer", [{ ...syntax, pointer: "/b" }], new Map([["f/a.json", shaA]])],
  ];
  for (const [name, findings, hashes] of cases) {
    it(`never exempts: ${name}`, () => {
      const r = applyBaseline(findings, b, hashes);
      expect(r.findings.filter((f) => f.level === "error")).toHaveLength(1);
      expect(r.counts.findings).toBe(0);
    });
  }

  it("a second equal finding is not covered by one recorded finding", () => {
    const r = applyBaseline([syntax, { ...syntax, column: 9 }], b, new Map([["f/a.json", shaA]]));
    expect(r.findings.filter((f) => f.level === "error")).toHaveLength(1);
  });

  it("a changed file gets a stale notice naming the fix", () => {
    const r = applyBaseline([syntax], b, new Map([["f/a.json", "0".repeat(64)]]));
    expect(r.findings.find((f) => f.rule === "baseline/stale")).toMatchObject({ level: "notice", file: "f/a.json" });
  });

  it("records only parse/schema errors and warnings with a file", () => {
    const built = buildBaseline(
      [
        syntax,
        { rule: "manifest/modified", level: "error", file: "f/a.json", message: "m" },
        { rule: "config/conflict", level: "error", message: "c" },
        { rule: "validate/template", level: "notice", file: "f/t.yaml", message: "t" },
      ],
      new Map([
        ["f/a.json", shaA],
        ["f/t.yaml", shaA],
      ]),
    );
    expect([...built.files.keys()]).toEqual(["f/a.json"]);
    expect(built.files.get("f/a.json")!.findings).toEqual([{ rule: "parse/syntax", line: 1, pointer: "/a" }]);
  });
});

describe("parseBaseline refuses anything but the exact format", () => {
  const entry = { sha256: shaA, findings: [{ rule: "parse/syntax", line: 1 }] };
  const bad: [string, unknown][] = [
    ["an array", []],
    ["version 2", { version: 2, files: {} }],
    ["an unknown top key", { version: 1, files: {}, exclude: ["**"] }],
    ["a glob-ish absolute path", { version: 1, files: { "/etc/x.json": entry } }],
    ["a .. path", { version: 1, files: { "a/../b.json": entry } }],
    ["an empty segment", { version: 1, files: { "a//b.json": entry } }],
    ["upper-case sha", { version: 1, files: { "a.json": { ...entry, sha256: shaA.toUpperCase() } } }],
    ["no findings", { version: 1, files: { "a.json": { ...entry, findings: [] } } }],
    ["a manifest rule", { version: 1, files: { "a.json": { ...entry, findings: [{ rule: "manifest/modified" }] } } }],
    ["line 0", { version: 1, files: { "a.json": { ...entry, findings: [{ rule: "parse/syntax", line: 0 }] } } }],
    ["an unknown entry key", { version: 1, files: { "a.json": { ...entry, all: true } } }],
  ];
  for (const [name, value] of bad) {
    it(name, () => {
      expect(parseBaseline(Buffer.from(JSON.stringify(value)))).toHaveProperty("error");
    });
  }

  it("a duplicate key is refused (JSON.parse would keep the last)", () => {
    const text = `{"version": 1, "files": {"a.json": ${JSON.stringify(entry)}, "a.json": ${JSON.stringify(entry)}}}`;
    expect(parseBaseline(Buffer.from(text))).toHaveProperty("error");
  });

  it("__proto__ as a path is a plain (unmatched) entry, never a prototype", () => {
    const text = `{"version": 1, "files": {"__proto__": ${JSON.stringify(entry)}}}`;
    const r = parseBaseline(Buffer.from(text));
    if ("baseline" in r) expect([...r.baseline.files.keys()].every((k) => k === "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).sha256).toBeUndefined();
  });
});
