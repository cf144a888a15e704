/**
 * JSON inside a .NET project, read by .NET: its text readers (StreamReader, File.ReadAllText,
 * File.OpenText) drop a leading UTF-8 BOM, and Visual Studio saves files with one.
 * ardalis/CleanArchitecture's `sample/src/NimblePros.SampleToDo.Web/i18n/fa/Project.json` is a
 * translation AspNetCore.Localizer.Json reads (a folder set in Program.cs, so no name says it):
 * its BOM was a parse/encoding error (a false block). A `.json` file with a `*.csproj`,
 * `*.fsproj`, `*.vbproj` or MSBuild `*.proj` in its folder or a folder above is in that project: a leading BOM is
 * a warning naming the project. Anything else wrong in the file is still an error, a BOM outside
 * a project still an error, and on a pull request a file the base holds counts as the project's
 * only when the base has the project file too (a PR cannot add a .csproj to excuse its own BOM).
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { runPullRequest } from "../e2e/action-harness.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

type Found = { rule: string; level: string; file?: string; message: string };

function repoWith(files: Record<string, string>): TestRepo {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write(".integrity-guard/config.yml", "version: 1\n");
  for (const [f, t] of Object.entries(files)) repo.write(f, t);
  repo.commitAll("base");
  return repo;
}

const BOM = "\uFEFF";
const PROJECT =
  '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <TargetFramework>net9.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n';
const FA = `${BOM}{\n  "Project": "پروژه",\n  "Projects": "پروژه ها"\n}\n`;
const WEB = "sample/src/Web";

async function check(repo: TestRepo): Promise<{ code: number; findings: Found[] }> {
  const r = await repo.cli(["check", "--format", "json"]);
  return { code: r.code, findings: (JSON.parse(r.stdout || "{}") as { findings?: Found[] }).findings ?? [] };
}

describe("a leading BOM in JSON inside a .NET project", () => {
  it("is a warning naming the project, below it or beside it (csproj, fsproj, vbproj)", async () => {
    const repo = repoWith({
      [`${WEB}/Web.csproj`]: PROJECT,
      [`${WEB}/i18n/fa/Project.json`]: FA,
      "lib/Lib.fsproj": PROJECT,
      "lib/data.json": FA,
      "vb/App.vbproj": PROJECT,
      "vb/deep/er/strings.json": FA,
    });
    const { code, findings } = await check(repo);
    expect(code, JSON.stringify(findings)).toBe(0);
    const boms = findings.filter((f) => f.rule === "parse/encoding");
    expect(boms.map((f) => [f.file, f.level]).sort()).toEqual([
      ["lib/data.json", "warning"],
      ["sample/src/Web/i18n/fa/Project.json", "warning"],
      ["vb/deep/er/strings.json", "warning"],
    ]);
    expect(boms.find((f) => f.file?.startsWith(WEB))!.message).toContain(`${WEB}/Web.csproj`);
  });

  it("an MSBuild project file (*.proj) makes its tree a .NET project too", async () => {
    // microsoft/azure-pipelines-agent: src/dir.proj lays out src/Misc/layoutbin/** (LayoutBinFiles),
    // whose en-US/strings.json (saved with a BOM) the agent reads with File.ReadAllText.
    const repo = repoWith({
      "src/dir.proj":
        '<Project>\n  <ItemGroup>\n    <LayoutBinFiles Include="$(MSBuildProjectDirectory)/Misc/layoutbin/**"/>\n  </ItemGroup>\n</Project>\n',
      "src/Misc/layoutbin/en-US/strings.json": FA,
      "web/strings.json": FA,
    });
    const { code, findings } = await check(repo);
    const boms = findings.filter((f) => f.rule === "parse/encoding");
    expect(boms.map((f) => [f.file, f.level]).sort()).toEqual([
      ["src/Misc/layoutbin/en-US/strings.json", "warning"],
      ["web/strings.json", "error"],
    ]);
    expect(code).toBe(1);
    expect(boms.find((f) => f.level === "warning")!.message).toContain("src/dir.proj");
  });

  it("outside any project, or with another error in the file, is still an error", async () => {
    const repo = repoWith({
      [`${WEB}/Web.csproj`]: PROJECT,
      "docs/i18n/fa.json": FA,
      "sample/src/Other/fa.json": FA,
      [`${WEB}/broken.json`]: `${BOM}{"a": 1,}\n`,
    });
    const { code, findings } = await check(repo);
    expect(code).toBe(1);
    const errors = findings.filter((f) => f.level === "error").map((f) => [f.file, f.rule]);
    expect(errors).toContainEqual(["docs/i18n/fa.json", "parse/encoding"]);
    expect(errors).toContainEqual(["sample/src/Other/fa.json", "parse/encoding"]);
    expect(errors.some(([f, r]) => f === `${WEB}/broken.json` && r === "parse/syntax")).toBe(true);
  });
});

describe("on a pull request", () => {
  it("a .csproj the PR adds does not excuse a BOM written into a file the base holds", async () => {
    const repo = repoWith({ "app/i18n/fa.json": '{"Project": "x"}\n' });
    const r = await runPullRequest(repo, (w) => {
      w.write("app/App.csproj", PROJECT);
      w.write("app/i18n/fa.json", `${BOM}{"Project": "x"}\n`);
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const found = (JSON.parse(r.findingsJson ?? "{}") as { findings: Found[] }).findings;
    expect(found.some((f) => f.file === "app/i18n/fa.json" && f.rule === "parse/encoding" && f.level === "error")).toBe(true);
    expect(found.find((f) => f.rule === "trust/reading-changed")?.file).toBe("app/i18n/fa.json");
  });

  it("a new file in a project the base has, and a new project's own files, get the warning", async () => {
    const repo = repoWith({ "app/App.csproj": PROJECT, "app/i18n/en.json": '{"Project": "Project"}\n' });
    const r = await runPullRequest(repo, (w) => {
      w.write("app/i18n/fa.json", FA);
      w.write("svc/Svc.csproj", PROJECT);
      w.write("svc/appdata.json", FA);
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const found = (JSON.parse(r.findingsJson ?? "{}") as { findings: Found[] }).findings;
    expect(
      found
        .filter((f) => f.rule === "parse/encoding")
        .map((f) => [f.file, f.level])
        .sort(),
    ).toEqual([
      ["app/i18n/fa.json", "warning"],
      ["svc/appdata.json", "warning"],
    ]);
  });
});
