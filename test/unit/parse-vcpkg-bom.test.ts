/**
 * vcpkg's manifests: vcpkg's JSON parser drops a leading BOM (src/vcpkg/base/json.cpp) and is
 * otherwise strict (no comment, no trailing comma). A BOM in vcpkg.json or
 * vcpkg-configuration.json is a warning, as in package.json; anything else stays an error.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/index.js";

const bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);

describe("vcpkg manifests with a BOM", () => {
  it.each(["vcpkg.json", "ports/zlib/vcpkg.json", "vcpkg-configuration.json"])("%s: the BOM is a warning naming vcpkg", (file) => {
    const doc = parseDocument(bom('{ "name": "zlib", "version": "1.3.1" }\n'), { path: file });
    expect(doc.ok).toBe(true);
    expect(doc.findings).toEqual([expect.objectContaining({ rule: "parse/encoding", level: "warning", line: 1, column: 1 })]);
    expect(doc.findings[0]!.message).toContain("vcpkg skip it");
  });

  it("a trailing comma (vcpkg: 'Trailing comma in an object') and a BOM in another name stay errors", () => {
    const comma = parseDocument(bom('{ "name": "zlib", }\n'), { path: "vcpkg.json" });
    expect(comma.findings.map((f) => [f.rule, f.level])).toEqual([
      ["parse/encoding", "warning"],
      ["parse/syntax", "error"],
    ]);
    expect(parseDocument(bom("{}\n"), { path: "my-vcpkg.json" }).findings.map((f) => f.level)).toEqual(["error"]);
  });
});

describe("vcpkg-tool's message maps: the same reader, the same BOM judgment", () => {
  // vcpkg-tool's CMakeLists.txt embeds locales/*.json (cmrc) and msg::get_message_map_from_lcid
  // reads them with Json::parse_object, whose parser drops a BOM as for a manifest; its
  // translated maps are written with one.
  it.each(["locales/messages.json", "locales/messages.de.json", "locales/messages.zh-Hans.json", "locales/messages.pt-BR.json"])(
    "%s: the BOM is a warning naming vcpkg",
    (file) => {
      const doc = parseDocument(bom('{\n  "ABaseline": "eine Baseline"\n}\n'), { path: file });
      expect(doc.ok).toBe(true);
      expect(doc.findings).toEqual([expect.objectContaining({ rule: "parse/encoding", level: "warning" })]);
      expect(doc.findings[0]!.message).toContain("vcpkg skip it");
    },
  );

  it.each(["src/locales/messages.de.json", "locales/de/messages.json", "locales/strings.de.json", "app/locales/messages.json"])(
    "%s is no vcpkg-tool message map: a BOM stays an error",
    (file) => {
      expect(parseDocument(bom("{}\n"), { path: file }).findings.map((f) => f.level)).toEqual(["error"]);
    },
  );
});
