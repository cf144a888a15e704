/**
 * The .NET project a file belongs to: the nearest `*.csproj`, `*.fsproj`, `*.vbproj` or `*.proj` in its
 * folder or a folder above (an SDK-style project takes every file below its folder as its own).
 * .NET reads such a project's JSON through its text readers (StreamReader, File.ReadAllText,
 * File.OpenText), which drop a leading UTF-8 BOM, and Visual Studio saves files with one: a
 * translation that AspNetCore.Localizer.Json reads from a folder named only in C# code
 * (ardalis/CleanArchitecture's `i18n/fa/Project.json`) has no name a rule could follow. Asked
 * only for a `.json` file whose one error is a leading BOM, so the listing is read at most once a
 * run and valid files never pay for it.
 */
import type { FileSource } from "../io/file-source.js";

// An MSBuild `*.proj` (a traversal or layout project: azure-pipelines-agent's src/dir.proj lays
// out src/Misc/layoutbin/**, whose strings.json the agent reads with File.ReadAllText) too.
const PROJECT_FILE = /\.(cs|fs|vb)?proj$/i;

/** A lookup over `source`: the path of the project file `file` is in, or undefined. */
export function dotnetProjectLookup(source: FileSource): (file: string) => Promise<string | undefined> {
  let byFolder: Promise<Map<string, string>> | undefined;
  const folders = () =>
    (byFolder ??= source.list().then((all) => {
      const out = new Map<string, string>();
      for (const p of [...all].filter((f) => PROJECT_FILE.test(f)).sort()) {
        const folder = p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "";
        if (!out.has(folder)) out.set(folder, p);
      }
      return out;
    }));
  return async (file) => {
    const projects = await folders();
    if (projects.size === 0) return undefined;
    for (let folder = file; folder !== "";) {
      folder = folder.includes("/") ? folder.slice(0, folder.lastIndexOf("/")) : "";
      const project = projects.get(folder);
      if (project !== undefined) return project;
    }
    return undefined;
  };
}

/** How the BOM finding names the reader: "the .NET readers of src/Web/Web.csproj (...)" skip it. */
export function dotnetBomReader(project: string): string {
  return `the .NET readers of ${project}'s files (StreamReader, File.ReadAllText)`;
}

/** True when a JSON parse's only error is its leading BOM (json.ts reports it at 1:1, found U+FEFF). */
export function onlyLeadingBom(
  findings: readonly { rule: string; level: string; line?: number; column?: number; found?: string }[],
): boolean {
  const errors = findings.filter((f) => f.level === "error");
  return (
    errors.length === 1 &&
    errors[0]!.rule === "parse/encoding" &&
    errors[0]!.line === 1 &&
    errors[0]!.column === 1 &&
    errors[0]!.found === "U+FEFF"
  );
}
