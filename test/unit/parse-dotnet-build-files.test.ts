/**
 * .NET build files whose readers are looser than RFC 8259, each read as that reader reads it:
 * - WorkloadManifest.json: the .NET SDK's WorkloadManifestReader uses Utf8JsonReader with
 *   AllowTrailingCommas and CommentHandling.Skip (and skips a BOM), so a trailing comma or a
 *   comment there is valid; the same text in any other .json stays an error.
 * - packageIndex.json: the packaging tasks (PackageIndex.Load) open it with File.OpenText, which
 *   drops a UTF-8 BOM, so a BOM is a warning naming that reader; a trailing comma stays an error.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/index.js";
import { formatForSelected, jsoncMatcher } from "../../src/core/select/jsonc.js";

const jsonc = jsoncMatcher(undefined);
const bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
/** Parse as the default selection reads `file`. */
const check = (file: string, content: Buffer) => parseDocument(content, { path: file, format: formatForSelected(file, jsonc, content) });

const MANIFEST = `{
  "version": "6.0.0",
  // the packs this workload installs
  "workloads": {
    "wasm-tools": { "packs": ["Microsoft.NET.Runtime.WebAssembly.Sdk",], },
  },
}
`;

describe("WorkloadManifest.json (.NET SDK workload manifest reader)", () => {
  it.each(["WorkloadManifest.json", "sdk-manifests/8.0.100/microsoft.net.workload.mono.toolchain/WorkloadManifest.json"])(
    "%s: comments and trailing commas are valid, a BOM is skipped",
    (file) => {
      expect(formatForSelected(file, jsonc)).toBe("jsonc");
      expect(check(file, Buffer.from(MANIFEST)).findings.filter((f) => f.level === "error")).toEqual([]);
      expect(check(file, bom(MANIFEST)).findings.filter((f) => f.level === "error")).toEqual([]);
    },
  );

  it("a broken manifest is still an error, and the same text under another name stays strict JSON", () => {
    expect(check("WorkloadManifest.json", Buffer.from('{ "version": "6.0.0", "workloads": {\n')).findings.map((f) => f.level)).toContain(
      "error",
    );
    const other = check("packs/Manifest.json", Buffer.from(MANIFEST));
    expect(other.findings.filter((f) => f.level === "error").map((f) => f.rule)).toContain("parse/syntax");
  });
});

describe("packageIndex.json (.NET packaging tasks)", () => {
  it.each(["packageIndex.json", "pkg/Microsoft.Private.PackageBaseline/packageIndex.json"])(
    "%s: a BOM is a warning naming the reader",
    (file) => {
      const doc = check(file, bom('{\n  "Packages": { "System.Runtime": { "BaselineVersion": "4.0.21" } }\n}\n'));
      expect(doc.ok).toBe(true);
      expect(doc.findings).toEqual([expect.objectContaining({ rule: "parse/encoding", level: "warning", line: 1, column: 1 })]);
      expect(doc.findings[0]!.message).toContain(".NET packaging tasks");
    },
  );

  it("a trailing comma in packageIndex.json and a BOM in another name stay errors", () => {
    expect(check("packageIndex.json", Buffer.from('{ "Packages": {}, }\n')).findings.map((f) => [f.rule, f.level])).toEqual([
      ["parse/syntax", "error"],
    ]);
    expect(check("packageIndex.backup.json", bom("{}\n")).findings.map((f) => f.level)).toEqual(["error"]);
  });
});
