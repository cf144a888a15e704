/**
 * Azure Verified Modules (Azure/bicep-registry-modules): each module's `version.json` is read only
 * by the repository's PowerShell pipelines (`Get-Content $versionFilePath | ConvertFrom-Json` in
 * utilities/pipelines/publish/helper/Get-ModuleTargetVersion.ps1 and the compliance tests), and
 * Get-Content drops a UTF-8 BOM, so a BOM there is a warning naming that reader, not an error.
 * Any other `version.json` (Nerdbank.GitVersioning, scripts that JSON.parse it) keeps the error.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/index.js";

const bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
const VERSION = '{\n  "$schema": "https://aka.ms/bicep-registry-module-version-file-schema#",\n  "version": "0.2"\n}\n';

describe("version.json of an Azure Verified Module", () => {
  it.each([
    "avm/ptn/policy-insights/remediation/version.json",
    "avm/res/network/virtual-network/subnet/version.json",
    "avm/utl/types/avm-common-types/version.json",
  ])("%s: a BOM is a warning naming the AVM pipelines", (file) => {
    const doc = parseDocument(bom(VERSION), { path: file, format: "json" });
    expect(doc.ok).toBe(true);
    expect(doc.findings).toEqual([expect.objectContaining({ rule: "parse/encoding", level: "warning", line: 1, column: 1 })]);
    expect(doc.findings[0]!.message).toContain("PowerShell");
  });

  it.each(["version.json", "src/version.json", "avm/version.json", "avm/res/network/main.json", "other/avm/res/x/version.json.bak"])(
    "%s: a BOM stays an error",
    (file) => {
      const doc = parseDocument(bom(VERSION), { path: file, format: "json" });
      expect(doc.findings.map((f) => [f.rule, f.level])).toEqual([["parse/encoding", "error"]]);
    },
  );

  it("a broken AVM version.json is still an error", () => {
    const doc = parseDocument(Buffer.from('{\n  "version": "0.2",\n}\n'), { path: "avm/res/x/version.json", format: "json" });
    expect(doc.findings.map((f) => [f.rule, f.level])).toEqual([["parse/syntax", "error"]]);
  });
});
