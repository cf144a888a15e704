/**
 * An `appsettings*.json` in UTF-16 with a byte order mark (Windows PowerShell 5's
 * `ConvertTo-Json | Out-File` writes them: Azure/AzureStack-QuickStart-Templates'
 * sample-hybrid-application/Hybrid-Deployment/appsettings.json). .NET's configuration reader, the
 * reader its name stands for, opens it through `new StreamReader(stream)` (dotnet/runtime
 * JsonConfigurationFileParser.ParseStream), whose default detects the BOM, and Get-Content does
 * too: a parse/encoding warning naming them, not an error. No BOM, another name, or broken JSON
 * inside stays an error.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

const SETTINGS = '{\n  "Logging": { "LogLevel": { "Default": "Information" } },\n  "AllowedHosts": "*"\n}\n';

function utf16(text: string, order: "le" | "be", bom = true): Buffer {
  const le = Buffer.from((bom ? "\ufeff" : "") + text, "utf16le");
  if (order === "le") return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return be;
}

async function check(repo: TestRepo): Promise<{ code: number; findings: Finding[] }> {
  repo.git("add", "-A");
  const r = await repo.cli(["check", "--staged", "--format", "json"]);
  return { code: r.code, findings: (JSON.parse(r.stdout) as { findings: Finding[] }).findings };
}

describe("appsettings*.json in UTF-16 with a BOM", () => {
  it("LE and BE: a warning naming .NET's configuration reader, and the content is still checked", () =>
    withRepo(async (repo) => {
      repo.write("Deploy/appsettings.json", utf16(SETTINGS, "le"));
      repo.write("src/Web/appsettings.Development.json", utf16(SETTINGS, "be"));
      const r = await check(repo);
      expect(r.findings.map((f) => [f.file, f.rule, f.level])).toEqual([
        ["Deploy/appsettings.json", "parse/encoding", "warning"],
        ["src/Web/appsettings.Development.json", "parse/encoding", "warning"],
      ]);
      expect(r.findings[0]!.message).toMatch(/UTF-16 LE with a byte order mark: \.NET's configuration .*StreamReader/);
      expect(r.code).toBe(0);
    }));

  it("a setting path met twice inside (the .NET reading) and broken JSON inside stay errors", () =>
    withRepo(async (repo) => {
      repo.write("a/appsettings.json", utf16('{"Logging": {"Level": 1}, "logging": {"level": 2}}\n', "le"));
      repo.write("b/appsettings.json", utf16('{"Logging": {"Level": 1}\n', "le"));
      const r = await check(repo);
      const errors = r.findings.filter((f) => f.level === "error").map((f) => [f.file, f.rule]);
      expect(errors).toContainEqual(["b/appsettings.json", "parse/truncated"]);
      expect(errors).toContainEqual(["a/appsettings.json", "parse/duplicate-key"]);
      expect(errors.some(([file]) => file === "a/appsettings.json")).toBe(true);
      expect(r.code).toBe(1);
    }));

  it("without a BOM, or under another name, UTF-16 stays a parse/encoding error", () =>
    withRepo(async (repo) => {
      repo.write("a/appsettings.json", utf16(SETTINGS, "le", false));
      repo.write("b/settings.json", utf16(SETTINGS, "le"));
      const r = await check(repo);
      expect(r.findings.map((f) => [f.file, f.rule, f.level])).toEqual([
        ["a/appsettings.json", "parse/encoding", "error"],
        ["b/settings.json", "parse/encoding", "error"],
      ]);
      expect(r.code).toBe(1);
    }));
});
