/** Bytes that are not UTF-8 text: reported as parse/encoding at the first bad byte, before any syntax. */
import { describe, expect, it } from "vitest";
import { checkEncoding } from "../../src/core/parse/index.js";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

const b = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

interface Case {
  name: string;
  bytes: Buffer;
  line: number;
  column: number;
  message: string;
  fix: string;
}

const CASES: Case[] = [
  {
    name: "a PNG image named .json",
    bytes: b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    line: 1,
    column: 1,
    message: "file is binary (a PNG image), not UTF-8 text",
    fix: "git restore",
  },
  {
    name: "a gzip archive",
    bytes: b([0x1f, 0x8b, 0x08, 0x00, 0x12]),
    line: 1,
    column: 1,
    message: "file is binary (a gzip archive)",
    fix: "git restore",
  },
  {
    name: "unknown binary",
    bytes: b([0x80, 0x01, 0x02, 0x03]),
    line: 1,
    column: 1,
    message: "invalid UTF-8 at offset 0 (byte 0x80)",
    fix: "re-save the file as UTF-8",
  },
  {
    name: "Latin-1 é on line 2",
    bytes: b('{\n  "name": "caf', [0xe9], '"\n}'),
    line: 2,
    column: 15,
    message: "invalid UTF-8 at offset 16 (byte 0xe9)",
    fix: "iconv -f latin1",
  },
  {
    name: "multi-byte characters before the bad byte count as one column each",
    bytes: b('["😀é', [0xff], '"]'),
    line: 1,
    column: 5,
    message: "byte 0xff",
    fix: "UTF-8",
  },
  {
    name: "an overlong encoding of '/'",
    bytes: b('["', [0xc0, 0xaf], '"]'),
    line: 1,
    column: 3,
    message: "invalid UTF-8 at offset 2 (byte 0xc0)",
    fix: "UTF-8",
  },
  {
    name: "a surrogate encoded in UTF-8 (CESU-8)",
    bytes: b('["', [0xed, 0xa0, 0x80], '"]'),
    line: 1,
    column: 3,
    message: "byte 0xed",
    fix: "UTF-8",
  },
  {
    name: "a multi-byte sequence cut short at the end",
    bytes: b('"abc', [0xe2, 0x82]),
    line: 1,
    column: 5,
    message: "invalid UTF-8 at offset 4",
    fix: "UTF-8",
  },
  {
    name: "UTF-16LE with a byte order mark",
    bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":1}', "utf16le")]),
    line: 1,
    column: 1,
    message: "file is UTF-16 (byte order mark found)",
    fix: "iconv -f UTF-16",
  },
  {
    name: "UTF-16BE with a byte order mark",
    bytes: Buffer.from([0xfe, 0xff, 0, 0x7b, 0, 0x7d]),
    line: 1,
    column: 1,
    message: "file is UTF-16",
    fix: "iconv",
  },
  {
    name: "UTF-16LE without a byte order mark",
    bytes: Buffer.from('{"a":1}', "utf16le"),
    line: 1,
    column: 2,
    message: "looks like UTF-16 without a byte order mark",
    fix: "UTF-16LE",
  },
  {
    name: "a NUL byte in the middle",
    bytes: b('{\n  "a": 1,\n  "b', [0], '": 2\n}'),
    line: 3,
    column: 5,
    message: "NUL byte at offset 16",
    fix: "git restore",
  },
  {
    name: "a zero-filled file (crash before the data reached disk)",
    bytes: Buffer.alloc(64),
    line: 1,
    column: 1,
    message: "NUL byte at offset 0",
    fix: "snapshot",
  },
  {
    name: "trailing NUL padding after valid JSON",
    bytes: b('{"a": 1}\n', [0, 0, 0]),
    line: 2,
    column: 1,
    message: "NUL byte at offset 9",
    fix: "git restore",
  },
];

describe("parse/encoding", () => {
  it.each(CASES)("$name", (c) => {
    for (const path of ["state.json", "state.yaml"]) {
      const doc = parseDocument(c.bytes, { path });
      expect(doc.ok).toBe(false);
      expect(doc.findings).toHaveLength(1);
      const f = doc.findings[0]!;
      expect({ rule: f.rule, level: f.level, file: f.file, line: f.line, column: f.column }).toEqual({
        rule: "parse/encoding",
        level: "error",
        file: path,
        line: c.line,
        column: c.column,
      });
      expect(f.message).toContain(c.message);
      expect(f.fix).toContain(c.fix);
      expect(doc.locate("")).toBeUndefined();
    }
    expect(checkEncoding(c.bytes, "x.json")?.message).toContain(c.message);
  });

  it("valid UTF-8 passes checkEncoding", () => {
    expect(checkEncoding(b('{"k": "żółć 😀 — ok"}'), "x.json")).toBeUndefined();
    expect(parseDocument(b('{"k": "żółć 😀"}'), { path: "x.json" }).value).toEqual({ k: "żółć 😀" });
  });

  it("a UTF-8 byte order mark is an error in JSON (RFC 8259 §8.1) but allowed in YAML (YAML 1.2 §5.2)", () => {
    const bom = [0xef, 0xbb, 0xbf];
    const j = parseDocument(b(bom, '{"a": 1}'), { path: "x.json" });
    expect(j.ok).toBe(false);
    expect(j.findings).toEqual([
      expect.objectContaining({ rule: "parse/encoding", line: 1, column: 1, message: expect.stringContaining("byte order mark") }),
    ]);
    // The rest of the file is still checked, and positions after the BOM are unchanged.
    const both = parseDocument(b(bom, '{"a": 1,}'), { path: "x.json" });
    expect(both.findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ["parse/encoding", 1, 1],
      ["parse/syntax", 1, 8],
    ]);
    const y = parseDocument(b(bom, "a: 1\n"), { path: "x.yaml" });
    expect(y.findings).toEqual([]);
    expect(y.value).toEqual({ a: 1 });
  });

  it("a UTF-8 BOM is nothing in JSONC (TypeScript and VS Code skip it) and a warning in package.json (npm and Node skip it)", () => {
    const bom = [0xef, 0xbb, 0xbf];
    const ts = parseDocument(b(bom, '{\n  // c\n  "compilerOptions": {},\n}'), { path: "tsconfig.json", format: "jsonc" });
    expect(ts.findings).toEqual([]);
    expect(ts.value).toEqual({ compilerOptions: {} });
    const pkg = parseDocument(b(bom, '{"name": "x"}'), { path: "packages/a/package.json" });
    expect(pkg.ok).toBe(true);
    expect(pkg.value).toEqual({ name: "x" });
    expect(pkg.findings).toEqual([expect.objectContaining({ rule: "parse/encoding", level: "warning", line: 1, column: 1 })]);
    // Only the BOM is forgiven: a broken package.json with one is still an error.
    const broken = parseDocument(b(bom, '{"name": "x",}'), { path: "package.json" });
    expect(broken.ok).toBe(false);
    expect(broken.findings.map((f) => [f.rule, f.level])).toEqual([
      ["parse/encoding", "warning"],
      ["parse/syntax", "error"],
    ]);
  });

  it("a UTF-8 BOM in a Postman collection or environment is a warning (newman strips it: postmanlabs/newman bom-and-encoding)", () => {
    const bom = [0xef, 0xbb, 0xbf];
    for (const file of ["test/bom-in-collection-file.postman_collection.json", "env/dev.postman_environment.json"]) {
      const doc = parseDocument(b(bom, '{"info": {"name": "x"}, "item": []}'), { path: file });
      expect(doc.ok, file).toBe(true);
      expect(doc.findings, file).toEqual([
        expect.objectContaining({ rule: "parse/encoding", level: "warning", message: expect.stringContaining("newman") }),
      ]);
    }
    // Other JSON keeps the error, and a broken collection with a BOM is still an error.
    expect(parseDocument(b(bom, "{}"), { path: "collection.json" }).findings[0]).toMatchObject({ level: "error" });
    expect(parseDocument(b(bom, '{"item": [}'), { path: "a.postman_collection.json" }).ok).toBe(false);
  });

  it("JSONC files get the same encoding checks", () => {
    const doc = parseDocument(b("// c\n{", [0xff], "}"), { path: "tsconfig.json", format: "jsonc" });
    expect(doc.findings[0]).toMatchObject({ rule: "parse/encoding", line: 2, column: 2 });
  });
});
