/**
 * The layers of src/ as docs/architecture (STYLE.md) draws them, checked on the import graph
 * (value imports, static and dynamic; `import type` is erased and does not count):
 * - no cycle between files;
 * - core/ is pure: it imports nothing from io/, checks/, commands/, action/, report/, lib/,
 *   config/ or the entry points;
 * - io/ does not reach up into checks/, commands/ or action/;
 * - the Action does not import the CLI.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/repo.js";

const SRC = path.join(PROJECT_ROOT, "src");

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (p.endsWith(".ts") && !p.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

/** Repository-relative value imports of one file (to other .ts files of src/). */
export function valueImports(file: string, text: string): string[] {
  const specs = new Set<string>();
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^;]*?\sfrom\s+)?"(\.[^"]+)"/gm)) specs.add(m[1]!);
  for (const m of text.matchAll(/import\(\s*"(\.[^"]+)"\s*\)/g)) specs.add(m[1]!);
  const out: string[] = [];
  for (const spec of specs) {
    const target = path.resolve(path.dirname(file), spec).replace(/\.js$/, ".ts");
    if (fs.existsSync(target)) out.push(path.relative(SRC, target));
  }
  return out;
}

function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) g.set(path.relative(SRC, file), valueImports(file, fs.readFileSync(file, "utf8")));
  return g;
}

/** Strongly connected components of more than one file (Tarjan). */
function cycles(g: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) found.push(c.sort());
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return found;
}

function offending(g: Map<string, string[]>, from: string, forbidden: readonly string[]): string[] {
  const out: string[] = [];
  for (const [file, deps] of g) {
    if (!file.startsWith(from)) continue;
    for (const d of deps) if (forbidden.some((f) => d === f || d.startsWith(f))) out.push(`${file} -> ${d}`);
  }
  return out;
}

describe("layers of src/", () => {
  const g = graph();

  it("the import reader sees value imports and ignores type-only ones", () => {
    const file = path.join(SRC, "core/x.ts");
    const text = [
      'import type { Finding } from "./finding.js";',
      'import { MANIFEST_PATH } from "./well-known-paths.js";',
      'export { formatFor } from "./parse/index.js";',
      'const m = await import("./glob.js");',
    ].join("\n");
    expect(valueImports(file, text).sort()).toEqual(["core/glob.ts", "core/parse/index.ts", "core/well-known-paths.ts"]);
  });

  it("has no import cycle between files", () => {
    expect(cycles(g)).toEqual([]);
  });

  it("keeps core/ pure", () => {
    const up = ["io/", "checks/", "commands/", "action/", "report/", "lib/", "config/", "cli.ts", "action.ts", "main.ts", "index.ts"];
    expect(offending(g, "core/", up)).toEqual([]);
  });

  it("keeps io/ below the checks, commands and the Action", () => {
    expect(offending(g, "io/", ["checks/", "commands/", "action/", "cli.ts", "action.ts"])).toEqual([]);
  });

  it("keeps the Action off the CLI module", () => {
    expect(offending(g, "action/", ["cli.ts"])).toEqual([]);
    expect(offending(g, "action.ts", ["cli.ts"])).toEqual([]);
  });
});
