import { describe, expect, it } from "vitest";
import { comparePlainNames, importance, sortFindings, type Finding, type Level } from "../../src/core/finding.js";

const f = (file: string | undefined, line: number | undefined, column: number | undefined, rule: string): Finding => ({
  rule,
  level: "error",
  message: "m",
  ...(file !== undefined ? { file } : {}),
  ...(line !== undefined ? { line } : {}),
  ...(column !== undefined ? { column } : {}),
});

describe("sortFindings", () => {
  it("orders by file as localeCompare does, then line, column and rule", () => {
    const list = [
      f("b.json", 2, 1, "x"),
      f("B.json", 1, 1, "x"),
      f("a.json", 3, 5, "z"),
      f("a.json", 3, 5, "a"),
      f("a.json", 3, 2, "x"),
      f(undefined, undefined, undefined, "run"),
      f("a.json", 1, 9, "x"),
    ];
    const expected = [...list].sort(
      (p, q) =>
        (p.file ?? "").localeCompare(q.file ?? "") ||
        (p.line ?? 0) - (q.line ?? 0) ||
        (p.column ?? 0) - (q.column ?? 0) ||
        p.rule.localeCompare(q.rule),
    );
    expect(sortFindings([...list])).toEqual(expected);
    expect(sortFindings([...list]).map((x) => `${x.file ?? "-"}:${x.line ?? 0}:${x.column ?? 0}:${x.rule}`)).toEqual([
      "-:0:0:run",
      "a.json:1:9:x",
      "a.json:3:2:x",
      "a.json:3:5:a",
      "a.json:3:5:z",
      "b.json:2:1:x",
      "B.json:1:1:x",
    ]);
  });

  it("returns empty and single lists as they are", () => {
    const one = [f("a.json", 1, 1, "x")];
    expect(sortFindings(one)).toBe(one);
    expect(sortFindings([])).toEqual([]);
  });

  it("gives the order of the pairwise comparison it replaced, on thousands of findings in many files", () => {
    // The order sortFindings promises, written as the comparison the sort once made for every
    // pair: the worst level of the file, the file by the collator, then importance, line,
    // column, rule; stable for ties. The names include ones ICU orders unlike code units (case,
    // accents, punctuation) and ones it finds equal ("a\u0000.json" and "a.json" differ only by
    // an ignorable character).
    const collator = new Intl.Collator();
    const levelRank: Record<Level, number> = { error: 0, warning: 1, notice: 2 };
    const reference = (list: Finding[]): Finding[] => {
      const worst = new Map<string, number>();
      for (const x of list) {
        const r = levelRank[x.omitted?.level ?? x.level];
        const k = x.file ?? "";
        if (!worst.has(k) || r < worst.get(k)!) worst.set(k, r);
      }
      const rank = (x: Finding) => (x.file === undefined || x.file === "" ? -1 : worst.get(x.file)!);
      const name = (x: Finding) => x.file ?? "";
      return [...list].sort(
        (a, b) =>
          rank(a) - rank(b) ||
          (name(a) === name(b) ? 0 : collator.compare(name(a), name(b))) ||
          importance(a) - importance(b) ||
          (a.line ?? 0) - (b.line ?? 0) ||
          (a.column ?? 0) - (b.column ?? 0) ||
          (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
      );
    };
    const files = [
      undefined,
      "",
      "a.json",
      "A.json",
      "\u00e1.json",
      "a\u0000.json",
      "a-b.json",
      "a_b.json",
      "ab.json",
      "z/10.yaml",
      "z/9.yaml",
    ];
    for (let i = 0; i < 60; i++) files.push(`config/f${String(i).padStart(3, "0")}.json`);
    const rules = ["parse/syntax", "schema/violation", "config/unknown-key", "manifest/modified", "report/capped", "x"];
    const levels: Level[] = ["error", "warning", "notice"];
    // A fixed linear congruential sequence: the same list every run.
    let seed = 12345;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const list: Finding[] = [];
    for (let i = 0; i < 5000; i++) {
      const rule = rules[next(rules.length)]!;
      const x: Finding = { rule, level: levels[next(3)]!, message: `m${i}` };
      const file = files[next(files.length)];
      if (file !== undefined) x.file = file;
      if (next(5) > 0) x.line = next(40);
      if (next(4) > 0) x.column = next(9);
      if (rule === "report/capped") x.omitted = { rule: "x", count: 3, level: levels[next(3)]! };
      list.push(x);
    }
    const expected = reference(list);
    const got = sortFindings([...list]);
    expect(got.map((x) => x.message)).toEqual(expected.map((x) => x.message));
    // The same findings in plain names only (ordered without ICU): the same order as the collator's.
    const plain = list.map((x) => (x.file === undefined ? x : { ...x, file: x.file.replace(/[^A-Za-z0-9_./-]/g, "") || "Z.json" }));
    expect(sortFindings([...plain]).map((x) => x.message)).toEqual(reference(plain).map((x) => x.message));
  });

  it("orders plain names (ASCII letters, digits, _ - . /) exactly as Intl.Collator does, without it", () => {
    const collator = new Intl.Collator();
    const alphabet = "_-./0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let seed = 99;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const name = (length: number) => Array.from({ length }, () => alphabet[next(alphabet.length)]).join("");
    for (let i = 0; i < 50_000; i++) {
      const a = name(next(7));
      // Every third pair differs only by case: the tertiary rule (lower case first) decides.
      const b = i % 3 === 0 ? [...a].map((c) => (next(2) ? c.toUpperCase() : c.toLowerCase())).join("") : name(next(7));
      expect([a, b, Math.sign(comparePlainNames(a, b))]).toEqual([a, b, Math.sign(collator.compare(a, b))]);
    }
    for (const [a, b] of [
      ["a.json", "B.json"],
      ["B.json", "b.json"],
      ["config/f10.json", "config/f9.json"],
      ["a-b.json", "a_b.json"],
      ["a/b.json", "a.b.json"],
      ["", "a"],
      ["ab", "a"],
    ] as const) {
      expect([a, b, Math.sign(comparePlainNames(a, b))]).toEqual([a, b, Math.sign(collator.compare(a, b))]);
    }
  });
});
