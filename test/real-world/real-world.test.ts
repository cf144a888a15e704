/**
 * The real-world corpus (corpus.ts): its fixtures and reviewed lists, and the split of its
 * repositories into the share files (real-world-share-N.test.ts) that run them.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { wellKnownName } from "../../src/core/select/well-known-names.js";
import { createRepo } from "../helpers/repo.js";
import { CAUSES, CORPUS, SHARES, cli, corpusShares, expected, known, repos, walk, where } from "./corpus.js";

describe("real-world corpus: the fixtures and their reviewed lists", () => {
  it("has at least 10 repositories, each listed in SOURCES.md with its license, holding only JSON/YAML (and Helm chart templates)", () => {
    expect(repos.length).toBeGreaterThanOrEqual(10);
    const sources = fs.readFileSync(path.join(CORPUS, "SOURCES.md"), "utf8");
    for (const repo of repos) {
      const [owner, name] = repo.split("__");
      expect(sources, `${repo} in SOURCES.md`).toContain(`[${owner}/${name}]`);
      const row = sources.split("\n").find((l) => l.includes(`[${owner}/${name}]`))!;
      const licenseFile = /\(([^)]+)\)/.exec(row.split("|")[3] ?? "")?.[1];
      expect(licenseFile && fs.existsSync(path.join(CORPUS, repo, licenseFile)), `${repo}: license file ${licenseFile}`).toBe(true);
      for (const rel of walk(path.join(CORPUS, repo))) {
        // Or JSON/YAML to its reader by name (lockfiles, rc files, .arb, .json5: well-known-names.ts).
        const data = /\.(json|jsonc|ya?ml)$/i.test(rel) || wellKnownName(rel) !== undefined;
        // A chart's templates/ is kept whole (its _helpers.tpl and NOTES.txt make it a chart).
        const chart = /^(.*\/)?templates\//.exec(rel);
        const inChart = chart !== null && fs.existsSync(path.join(CORPUS, repo, chart[1] ?? "", "Chart.yaml"));
        // The repository's license file sits at the folder's root (SOURCES.md names it).
        // (A WordPress theme states its license in readme.txt, which SOURCES.md then names.)
        const license = rel === licenseFile || /^(LICEN[CS]E|MIT-LICENSE|COPYING)[^/]*$/.test(rel);
        // A Godot project's project.godot makes the JSON below it Godot's (core/select/godot-project.ts);
        // a .NET project file (or an MSBuild *.proj) makes a BOM in the JSON below it a warning (checks/dotnet-project.ts);
        // a Shopify theme's layout/theme.liquid makes its JSON Shopify's (core/select/shopify-theme.ts).
        const marker = /(^|\/)project\.godot$|(^|\/)layout\/theme\.liquid$|\.(cs|fs|vb)?proj$/i.test(rel);
        expect(
          data || inChart || license || marker,
          `${repo}/${rel} is JSON/YAML, part of a Helm chart, a project marker, or the license`,
        ).toBe(true);
      }
    }
  });

  it("every reviewed entry names a corpus file; real ones say why, false ones give a known cause", () => {
    for (const e of expected) {
      expect(repos, `${e.repo} (expected-findings.json)`).toContain(e.repo);
      expect(fs.existsSync(path.join(CORPUS, e.repo, e.file)), `${e.repo}/${e.file} exists`).toBe(true);
      expect(e.why.length, `why of ${e.repo}/${where(e)}`).toBeGreaterThan(40);
    }
    for (const k of known) {
      expect(repos, `${k.repo} (known-false-blocks.json)`).toContain(k.repo);
      expect(fs.existsSync(path.join(CORPUS, k.repo, k.file)), `${k.repo}/${k.file} exists`).toBe(true);
      expect(CAUSES, `cause of ${k.repo}/${where(k)}`).toContain(k.cause);
    }
    const keys = known.map((k) => `${k.repo}\0${k.file}\0${k.rule}`);
    expect(new Set(keys).size).toBe(keys.length);
    // A file cannot be both really corrupt and a false block for the same rule.
    for (const e of expected) expect(keys).not.toContain(`${e.repo}\0${e.file}\0${e.rule}`);
    // The corpus keeps real corruption, so the "still caught" half has teeth.
    expect(new Set(expected.map((e) => e.repo)).size).toBeGreaterThanOrEqual(3);
  });
});

describe("real-world corpus: the split into share files", () => {
  it("runs every repository in exactly one share: the shares are disjoint and together the whole corpus", () => {
    const shares = corpusShares();
    expect(shares).toHaveLength(SHARES);
    const all = shares.flat();
    expect(new Set(all).size, "a repository in two shares").toBe(all.length);
    expect([...all].sort()).toEqual(repos);
    for (const [i, share] of shares.entries()) expect(share.length, `share ${i + 1} is empty`).toBeGreaterThan(0);
  });

  it("has a test file for each share, and no other", () => {
    const files = fs.readdirSync(import.meta.dirname).filter((f) => /^real-world-share-\d+\.test\.ts$/.test(f));
    expect(files.sort()).toEqual(Array.from({ length: SHARES }, (_, i) => `real-world-share-${i + 1}.test.ts`).sort());
    for (const f of files) {
      const n = Number(/(\d+)/.exec(f)![1]);
      expect(fs.readFileSync(path.join(import.meta.dirname, f), "utf8"), `${f} runs share ${n}`).toContain(`defineCorpusShare(${n - 1})`);
    }
  });

  it("splits by weight, heaviest first to the lightest share, the same way every time", () => {
    const w: Record<string, number> = { a: 10, b: 9, c: 5, d: 4, e: 1 };
    expect(corpusShares(Object.keys(w), 2, (r) => w[r]!)).toEqual([
      ["a", "d", "e"],
      ["b", "c"],
    ]);
    expect(corpusShares()).toEqual(corpusShares());
  });
});

describe("real-world corpus: the runs share the built-in schemas' compiled code", () => {
  it("a repository's run keeps it in the test run's cache folder, even under CI=true, for the next repository's runs to read", async () => {
    const shared = path.join(inject("corpusCacheHome"), "integrity-guard/schema-cache");
    const entries = () => (fs.existsSync(shared) ? fs.readdirSync(shared).filter((n) => n.endsWith(".json")) : []);
    const before = process.env.CI;
    // .ci/run exports CI=true: the corpus's runs stand for a user's machine all the same.
    process.env.CI = "true";
    const r = createRepo();
    try {
      // tsconfig.json: a built-in schema (SchemaStore's), checked with the defaults.
      r.write("tsconfig.json", '{ "compilerOptions": { "strict": true } }\n');
      r.commitAll("corpus");
      const init = await cli(r.dir, ["init"]);
      expect(init.code, init.stderr).toBe(0);
      const check = await cli(r.dir, ["check", "--format", "json"]);
      expect(check.code, check.stderr).toBe(0);
      const report = JSON.parse(check.stdout) as { summary: { checked: number } };
      expect(report.summary.checked).toBeGreaterThan(0);
      // Kept in the shared folder (other share files may have added theirs), not in the clone's own cache.
      expect(entries().length).toBeGreaterThan(0);
      expect(fs.existsSync(path.join(r.dir, ".cache/integrity-guard/schema-cache"))).toBe(false);
    } finally {
      if (before === undefined) delete process.env.CI;
      else process.env.CI = before;
      r.cleanup();
    }
  });
});
