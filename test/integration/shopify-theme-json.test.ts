/**
 * JSON of a Shopify theme (a folder with `layout/theme.liquid`). The Shopify admin's theme and
 * language editors write a `/* IMPORTANT: The contents of this file are auto-generated ... *\/`
 * header at the top of the JSON files they save (templates/*.json, section groups in
 * sections/*.json, config/settings_data.json, locales/*.json), and `shopify theme pull` or the
 * GitHub integration commits them as they are: Shopify reads them back, and its theme tools read
 * theme JSON as JSONC with trailing commas (Shopify/theme-tools pull request 317; Theme Check
 * failing on that header was Shopify/theme-check-action issue 45). Such a file was a parse/syntax
 * error at 1:1 (a false block on every pulled theme). Now the JSON in those four folders of a
 * theme is read as JSONC; outside a theme, or in its other folders, strict JSON stays.
 */
import { describe, expect, it } from "vitest";
import { createRepo, withRepo, type TestRepo } from "../helpers/repo.js";
import { runPullRequest } from "../e2e/action-harness.js";
import type { Finding } from "../../src/core/finding.js";

async function errors(repo: TestRepo, args: string[]): Promise<{ code: number; errors: [string, string, number | undefined][] }> {
  const r = await repo.cli([...args, "--format", "json"]);
  const findings = (JSON.parse(r.stdout || "{}") as { findings?: Finding[] }).findings ?? [];
  return {
    code: r.code,
    errors: findings
      .filter((f) => f.level === "error")
      .map((f): [string, string, number | undefined] => [f.rule, f.file ?? "", f.line])
      .sort((a, b) => a[1].localeCompare(b[1])),
  };
}

// The header the Shopify admin writes (theme editor; the language editor says "language editor").
const HEADER = [
  "/*",
  " * ------------------------------------------------------------",
  " * IMPORTANT: The contents of this file are auto-generated.",
  " *",
  " * This file may be updated by the Shopify admin theme editor",
  " * or related systems. Please exercise caution as any changes",
  " * made to this file may be overwritten.",
  " * ------------------------------------------------------------",
  " */",
].join("\n");
const TEMPLATE = `${HEADER}\n{\n  "sections": {\n    "main": { "type": "main-product", "settings": {} }\n  },\n  "order": ["main"]\n}\n`;
const LAYOUT = "<!doctype html>\n<html>{{ content_for_header }}{{ content_for_layout }}</html>\n";

describe("JSON in a Shopify theme is read as Shopify reads it", () => {
  it("the admin's generated header passes in templates/, sections/, config/ and locales/ of a theme", () =>
    withRepo(async (repo) => {
      for (const root of ["", "theme/"]) {
        repo.write(`${root}layout/theme.liquid`, LAYOUT);
        repo.write(`${root}templates/product.json`, TEMPLATE);
        repo.write(`${root}templates/customers/account.json`, TEMPLATE);
        repo.write(`${root}sections/header-group.json`, TEMPLATE);
        repo.write(`${root}config/settings_data.json`, `${HEADER}\n{\n  "current": "Default",\n}\n`);
        repo.write(
          `${root}locales/en.default.json`,
          `${HEADER.replace("theme editor", "language editor")}\n{\n  "general": { "search": "Search" }\n}\n`,
        );
      }
      repo.git("add", "-A");
      for (const args of [["check"], ["check", "--staged"]]) {
        const r = await errors(repo, args);
        expect(r.errors).toEqual([]);
        expect(r.code).toBe(0);
      }
    }));

  it("what no reader takes is still reported in a theme: a missing comma, a cut file, a repeated key", () =>
    withRepo(async (repo) => {
      repo.write("layout/theme.liquid", LAYOUT);
      repo.write("templates/comma.json", `${HEADER}\n{\n  "a": 1\n  "b": 2\n}\n`);
      repo.write("templates/cut.json", `${HEADER}\n{\n  "sections": {\n`);
      repo.write("locales/fr.json", `${HEADER}\n{\n  "a": "un",\n  "a": "deux"\n}\n`);
      repo.git("add", "-A");
      for (const args of [["check"], ["check", "--staged"]]) {
        const r = await errors(repo, args);
        expect(r.errors.map(([rule, file, line]) => [file, rule.startsWith("parse/") ? "parse" : rule, line])).toEqual([
          ["locales/fr.json", "parse", 12],
          ["templates/comma.json", "parse", 12],
          ["templates/cut.json", "parse", expect.any(Number)],
        ]);
        expect(r.errors.find(([, file]) => file === "locales/fr.json")![0]).toBe("parse/duplicate-key");
        expect(r.code).toBe(1);
      }
    }));

  it("files no theme reads keep strict JSON: no layout/theme.liquid, a theme's assets/ or package.json", () =>
    withRepo(async (repo) => {
      repo.write("app/locales/en.json", `${HEADER}\n{\n  "a": "b"\n}\n`);
      repo.write("app/templates/page.json", `${HEADER}\n{\n  "a": "b"\n}\n`);
      repo.write("theme/layout/theme.liquid", LAYOUT);
      repo.write("theme/assets/data.json", `${HEADER}\n{\n  "a": "b"\n}\n`);
      repo.write("theme/package.json", `{\n  "name": "theme",\n}\n`);
      repo.git("add", "-A");
      const r = await errors(repo, ["check"]);
      expect(r.errors.map(([, file, line]) => [file, line])).toEqual([
        ["app/locales/en.json", 1],
        ["app/templates/page.json", 1],
        ["theme/assets/data.json", 1],
        ["theme/package.json", 2],
      ]);
      expect(r.code).toBe(1);
    }));
});

describe("on a pull request", () => {
  it("a layout/theme.liquid the PR adds does not excuse a comment written into a JSON file the base holds", async () => {
    const repo = createRepo();
    try {
      repo.write(".integrity-guard/config.yml", "version: 1\n");
      repo.write("templates/page.json", '{\n  "sections": {}\n}\n');
      repo.commitAll("base");
      const r = await runPullRequest(repo, (w) => {
        w.write("layout/theme.liquid", LAYOUT);
        w.write("templates/page.json", `${HEADER}\n{\n  "sections": {}\n}\n`);
      });
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const found = (JSON.parse(r.findingsJson ?? "{}") as { findings: Finding[] }).findings;
      expect(found.some((f) => f.file === "templates/page.json" && f.rule === "parse/syntax" && f.level === "error")).toBe(true);
    } finally {
      repo.cleanup();
    }
  });
  it("in a theme the base already has, the admin's header in a PR passes", async () => {
    const repo = createRepo();
    try {
      repo.write(".integrity-guard/config.yml", "version: 1\n");
      repo.write("layout/theme.liquid", LAYOUT);
      repo.write("templates/page.json", '{\n  "sections": {}\n}\n');
      repo.commitAll("base");
      const r = await runPullRequest(repo, (w) => {
        w.write("templates/page.json", `${HEADER}\n{\n  "sections": {}\n}\n`);
      });
      expect(r.code, r.stdout + r.stderr).toBe(0);
    } finally {
      repo.cleanup();
    }
  });
});
