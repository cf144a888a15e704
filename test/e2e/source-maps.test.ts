/**
 * The bundles ship source maps that lead back to src/: every JavaScript file in dist/ names its
 * map, every map's sources exist in this repository (paths relative to the map, as the spec reads
 * them) with their text embedded, and Node's own --enable-source-maps turns a trace from the
 * bundle into one that names the TypeScript file.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/repo.js";

const BUNDLES = ["cli", "action", "lib"];

interface SourceMap {
  sources: string[];
  sourcesContent?: (string | null)[];
}

describe("source maps in dist/", () => {
  for (const bundle of BUNDLES) {
    it(`dist/${bundle}: every .js links a map whose sources are the repository's files`, () => {
      const dir = path.join(PROJECT_ROOT, "dist", bundle);
      const scripts = fs.readdirSync(dir).filter((n) => n.endsWith(".js"));
      expect(scripts.length).toBeGreaterThan(0);
      for (const name of scripts) {
        const code = fs.readFileSync(path.join(dir, name), "utf8");
        expect(code.trimEnd().endsWith(`//# sourceMappingURL=${name}.map`), name).toBe(true);
        const map = JSON.parse(fs.readFileSync(path.join(dir, `${name}.map`), "utf8")) as SourceMap;
        expect(map.sources.length, name).toBeGreaterThan(0);
        expect(map.sourcesContent?.length, name).toBe(map.sources.length);
        for (const source of map.sources) {
          // webpack's own runtime has no file; everything else is a file of this repository.
          if (source.startsWith("webpack:")) continue;
          const file = path.resolve(dir, source);
          expect(file.startsWith(PROJECT_ROOT + path.sep), `${name}: ${source}`).toBe(true);
          expect(fs.existsSync(file), `${name}: ${source} resolves to ${file}`).toBe(true);
        }
      }
    });
  }

  it("a stack trace from the library bundle names the TypeScript source with --enable-source-maps", () => {
    const lib = path.join(PROJECT_ROOT, "dist/lib/index.js");
    // readJson of a number fails inside the bundle (Node's fs refuses the path type).
    const script = `const m = await import(${JSON.stringify(lib)});
try { await m.readJson(123); } catch (e) { console.log(e.stack); }`;
    const mapped = spawnSync(process.execPath, ["--enable-source-maps", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(mapped.stdout).toMatch(/src\/lib\/safe-json\.ts:\d+:\d+/);
    const raw = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(raw.stdout).not.toMatch(/\.ts:\d+/);
    expect(raw.stdout).toMatch(/dist\/lib\/index\.js/);
  });
});
