/**
 * Excalidraw saves a scene as `*.excalidraw` and a library as `*.excalidrawlib`, both JSON:
 * loadSceneOrLibraryFromBlob and parseLibraryJSON (packages/excalidraw/data/blob.ts) read the
 * file's text (a UTF-8 decode, which drops a BOM) and JSON.parse it, and a file that fails is
 * "Error: invalid file". Docs repositories keep their diagrams so; a cut or conflicted one used to
 * pass `check` unread.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

const SCENE = `{
  "type": "excalidraw",
  "version": 2,
  "source": "https://excalidraw.com",
  "elements": [
    { "id": "a1", "type": "rectangle", "x": 10, "y": 20, "width": 100, "height": 50, "angle": 0, "strokeColor": "#1e1e1e" }
  ],
  "appState": { "gridSize": null, "viewBackgroundColor": "#ffffff" },
  "files": {}
}
`;
const LIBRARY = `{
  "type": "excalidrawlib",
  "version": 2,
  "source": "https://excalidraw.com",
  "libraryItems": []
}
`;

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

async function check(files: Record<string, string | Buffer>) {
  repo = createRepo();
  for (const [rel, text] of Object.entries(files)) repo.write(rel, text);
  repo.commitAll("diagrams");
  const r = await repo.cli(["check", "--format", "json"]);
  const out = JSON.parse(r.stdout) as {
    findings: { rule: string; file: string; level: string; message: string }[];
    summary: { checked: number };
  };
  return { code: r.code, out };
}

describe("Excalidraw scenes and libraries are read as Excalidraw reads them (JSON.parse of the decoded text)", () => {
  it("valid scenes and libraries are checked and pass, in any letter case of the extension", async () => {
    const { code, out } = await check({
      "docs/public/lifecycle.excalidraw": SCENE,
      "diagrams/Arch.Excalidraw": SCENE,
      "assets/shapes.excalidrawlib": LIBRARY,
    });
    expect(out.findings).toEqual([]);
    expect(out.summary.checked).toBe(3);
    expect(code).toBe(0);
  });

  it("a cut scene, a scene with a comment and a library with a trailing comma are errors", async () => {
    const { code, out } = await check({
      "a.excalidraw": SCENE.slice(0, SCENE.indexOf('"appState"')),
      "b.excalidraw": SCENE.replace('"files": {}', '"files": {} // none'),
      "c.excalidrawlib": LIBRARY.replace('"libraryItems": []', '"libraryItems": [],'),
    });
    expect(out.findings.map((f) => [f.file, f.rule, f.level])).toEqual([
      ["a.excalidraw", "parse/truncated", "error"],
      ["b.excalidraw", "parse/syntax", "error"],
      ["c.excalidrawlib", "parse/syntax", "error"],
    ]);
    expect(code).toBe(1);
  });

  it("a leading BOM, which the UTF-8 decode drops before JSON.parse, is only a warning naming Excalidraw", async () => {
    const { code, out } = await check({ "d.excalidraw": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SCENE)]) });
    expect(out.findings.map((f) => [f.file, f.rule, f.level])).toEqual([["d.excalidraw", "parse/encoding", "warning"]]);
    expect(out.findings[0]!.message).toContain("Excalidraw");
    expect(code).toBe(0);
  });
});
