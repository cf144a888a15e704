/**
 * Red team, session 24: the readings session 23 added, attacked by pull requests against a base
 * that holds a valid file. A `*.canvas` is read only when its text is a canvas, so a corrupt
 * canvas that no longer looks like one (zeroed by a crash, cut before its first key) could go
 * unread; a DocFX config is JSONC by content, so DocFX keys written into a strict file could
 * relax it; Renovate's JSON5 fallback is a warning, so a cut renovate.json could pass as one.
 * Each holds: the base's reading decides for a file it holds (contentAgreed), and what no reader
 * reads is an error. The valid workflows stay open (guards).
 */
import { describe, expect, it } from "vitest";
import { baseRepos, findingsOf, prWriting, type Found } from "../helpers/pull-request.js";

const baseRepo = baseRepos();
const brief = (found: Found[]) => found.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");
const errorsOn = (found: Found[], file: string) => found.filter((f) => f.level === "error" && f.file === file).map((f) => f.rule);

const CANVAS = '{\n  "nodes": [{"id": "a", "type": "text", "text": "hi", "x": 0, "y": 0, "width": 10, "height": 10}],\n  "edges": []\n}\n';

describe("an Obsidian canvas the base holds, corrupted into text that is no canvas", () => {
  for (const [what, text] of [
    ["zeroed by a crash", "\0".repeat(64)],
    ["cut before its first key", '{\n  "no'],
    ["cut inside its first key", '{"nod'],
  ] as const) {
    it(`${what}: still read as the canvas Obsidian reads, and the step fails`, async () => {
      const repo = baseRepo({ "vault/board.canvas": CANVAS });
      const r = await prWriting(repo, { "vault/board.canvas": text });
      const found = findingsOf(r.findingsJson);
      expect(r.code, brief(found) + r.stderr).toBe(1);
      expect(errorsOn(found, "vault/board.canvas").length, brief(found)).toBeGreaterThan(0);
    });
  }

  it("a new empty canvas and a new .canvas that is no JSON Canvas are left alone (guard)", async () => {
    const repo = baseRepo({ "vault/board.canvas": CANVAS });
    const r = await prWriting(repo, { "vault/new.canvas": "", "art/scene.canvas": "layer 1\nstroke 3 4\n" });
    const found = findingsOf(r.findingsJson);
    expect(r.code, brief(found) + r.stderr).toBe(0);
    expect(found.filter((f) => f.level === "error")).toEqual([]);
  });
});

describe("DocFX keys written into a strict JSON file the base holds", () => {
  it("a trailing comma under a DocFX build section is still an error", async () => {
    // The base's version is no DocFX config (no DocFX build key, no DocFX $schema): read strictly.
    const repo = baseRepo({ "config/site.json": '{"build": {"content": [{"files": ["*.md"]}]}}\n' });
    const r = await prWriting(repo, {
      "config/site.json": '{"build": {"content": [{"files": ["*.md"]}], "dest": "_site",}, "$schema": "https://x/docfx.schema.json"}\n',
    });
    const found = findingsOf(r.findingsJson);
    expect(r.code, brief(found) + r.stderr).toBe(1);
    expect(errorsOn(found, "config/site.json"), brief(found)).toContain("parse/syntax");
  });

  it("a new DocFX config under any name keeps DocFX's comments and trailing commas (guard)", async () => {
    const repo = baseRepo({ "README.md": "x\n" });
    const r = await prWriting(repo, {
      "docs/docfx.site.json": '{\n  // the site\n  "build": {"content": [{"files": ["*.md"],}], "dest": "_site",},\n}\n',
    });
    const found = findingsOf(r.findingsJson);
    expect(r.code, brief(found) + r.stderr).toBe(0);
    expect(found.filter((f) => f.level === "error")).toEqual([]);
  });
});

describe("Renovate's JSON5 fallback on a renovate.json the base holds", () => {
  for (const name of ["renovate.json", ".renovaterc.json", ".github/renovate.json"]) {
    it(`${name} cut short is an error, not the fallback's warning`, async () => {
      const repo = baseRepo({ [name]: '{"extends": ["config:recommended"], "labels": ["deps"]}\n' });
      const r = await prWriting(repo, { [name]: '{"extends": ["config:recommended"], "labels": ["de' });
      const found = findingsOf(r.findingsJson);
      expect(r.code, brief(found) + r.stderr).toBe(1);
      expect(errorsOn(found, name).length, brief(found)).toBeGreaterThan(0);
    });
  }

  it("JSON5 that Renovate's fallback reads is a warning, and the step passes (guard)", async () => {
    const repo = baseRepo({ "renovate.json": '{"extends": ["config:recommended"]}\n' });
    const r = await prWriting(repo, { "renovate.json": "{extends: ['config:recommended'], labels: ['deps']}\n" });
    const found = findingsOf(r.findingsJson);
    expect(r.code, brief(found) + r.stderr).toBe(0);
    expect(found.filter((f) => f.file === "renovate.json").map((f) => `${f.level} ${f.rule}`)).toContain("warning parse/syntax");
  });
});
