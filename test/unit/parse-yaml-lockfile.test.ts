/**
 * pnpm-lock.yaml and Yarn 2+'s yarn.lock are read with js-yaml first, as pnpm and Yarn read them
 * (src/core/parse/yaml-lockfile.ts); the full reading (the yaml package and our checks) runs
 * whenever js-yaml refuses the file or anything in it could give a finding. Here: both readings
 * give the same value on every file js-yaml vouches for (the repository's lockfiles, the
 * yaml-test-suite cases and the JSONTestSuite files under a lockfile name), the same findings on
 * broken lockfiles, and positions for a schema finding come from the full reading.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { cleanLockfileDocuments } from "../../src/core/parse/yaml-lockfile.js";
import { corpusDir, PROJECT_ROOT } from "../helpers/repo.js";

/** The document through the lockfile reading (a lockfile name) and through the full one (another name). */
function bothReadings(text: string, name = "pnpm-lock.yaml") {
  return {
    lockfile: parseDocument(Buffer.from(text), { path: `app/${name}`, format: "yaml" }),
    full: parseDocument(Buffer.from(text), { path: "app/full-reading.yaml", format: "yaml" }),
  };
}

const comparable = (doc: ReturnType<typeof parseDocument>) => ({
  ok: doc.ok,
  documents: doc.documents,
  // The same finding but for the file's name (the two readings are given two names).
  findings: doc.findings.map(({ file: _file, related, ...f }) => ({ ...f, related: related?.map(({ file: _f, ...r }) => r) })),
});

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(p, keep));
    else if (entry.isFile() && keep(entry.name)) out.push(p);
  }
  return out;
}

const LOCKFILE = [
  "lockfileVersion: '9.0'",
  "",
  "importers:",
  "  .:",
  "    dependencies:",
  "      left-pad:",
  "        specifier: ^1.3.0",
  "        version: 1.3.0",
  "",
  "packages:",
  "  left-pad@1.3.0:",
  "    resolution: {integrity: sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQ9gVkGAVOn0tGWFqTn8ZqX1Xb8E4xSu6jsS4bJqc8aSBkgQ==}",
  "    deprecated: |-",
  "      use String.prototype.padStart()",
  "",
].join("\n");

describe("lockfiles read by js-yaml", () => {
  it("a clean pnpm lockfile is vouched for by js-yaml: same value as the full reading, no findings", () => {
    expect(cleanLockfileDocuments(LOCKFILE, { path: "pnpm-lock.yaml" })).toBeDefined();
    const { lockfile, full } = bothReadings(LOCKFILE);
    expect(comparable(lockfile)).toEqual(comparable(full));
    expect(lockfile.ok).toBe(true);
    expect(lockfile.findings).toEqual([]);
  });

  it.each([
    [
      "duplicate key",
      LOCKFILE.replace("  left-pad@1.3.0:\n", "  left-pad@1.3.0:\n    resolution: {integrity: x}\n"),
      "parse/duplicate-key",
    ],
    ["cut short in a quoted key", `${LOCKFILE}  'right-pad@1.0`, "parse/truncated"],
    [
      "merge-conflict markers",
      LOCKFILE.replace("        version: 1.3.0\n", "<<<<<<< HEAD\n        version: 1.3.0\n=======\n        version: 1.3.1\n>>>>>>> main\n"),
      "parse/merge-conflict",
    ],
    ["bad indentation", LOCKFILE.replace("        version: 1.3.0", "      version: 1.3.0\n         x: 1"), "parse/syntax"],
    ["a tab before a comment", LOCKFILE.replace("specifier: ^1.3.0", "specifier: ^1.3.0\t# pinned"), "parse/tab"],
  ])("%s: the same findings, with line and column, as the full reading", (_name, text, rule) => {
    expect(cleanLockfileDocuments(text, { path: "pnpm-lock.yaml" })).toBeUndefined();
    const { lockfile, full } = bothReadings(text);
    expect(comparable(lockfile)).toEqual(comparable(full));
    const finding = lockfile.findings.find((f) => f.rule.startsWith(rule));
    expect(finding, JSON.stringify(lockfile.findings)).toBeDefined();
    expect(finding!.line).toBeGreaterThan(1);
    expect(finding!.column).toBeGreaterThanOrEqual(1);
  });

  it("a Yarn 2+ lockfile with a repeated entry keeps its duplicate-key error (Yarn would silently keep the last)", () => {
    const berry = '__metadata:\n  version: 8\n\n"a@npm:1":\n  version: 1.0.0\n\n"a@npm:1":\n  version: 1.0.1\n';
    const { lockfile } = bothReadings(berry, "yarn.lock");
    expect(lockfile.ok).toBe(false);
    expect(lockfile.findings).toMatchObject([{ rule: "parse/duplicate-key", level: "error", line: 7, column: 1 }]);
  });

  it("a key over 1,024 characters: pnpm's js-yaml reads it, so the lockfile passes; another YAML file keeps the error", () => {
    // pnpm shortens a dependency path's peer suffix to peersSuffixMaxLength (1,000) characters,
    // so a snapshot key can pass YAML 1.2's 1,024-character limit for implicit keys.
    const key = `react-app@1.0.0(${"@scope/peer-package-name@1.0.0".repeat(40)})`;
    const text = `lockfileVersion: '9.0'\n\nsnapshots:\n\n  ${key}:\n    dependencies:\n      react: 18.2.0\n`;
    const { lockfile, full } = bothReadings(text);
    expect(full.ok).toBe(false);
    expect(lockfile.ok).toBe(true);
    expect(lockfile.value).toEqual({ lockfileVersion: "9.0", snapshots: { [key]: { dependencies: { react: "18.2.0" } } } });
  });

  it("positions (for a schema finding) come from the full reading", () => {
    const { lockfile, full } = bothReadings(LOCKFILE);
    for (const pointer of [
      "/packages/left-pad@1.3.0/resolution/integrity",
      "/importers/./dependencies/left-pad/version",
      "/nothing/here",
    ]) {
      expect(lockfile.locate(pointer)).toEqual(full.locate(pointer));
      expect(lockfile.locateKey(pointer)).toEqual(full.locateKey(pointer));
    }
    expect(lockfile.locate("/packages/left-pad@1.3.0/resolution/integrity")).toMatchObject({ line: 12 });
  });

  it("every lockfile of the real-world corpus reads the same through both; the clean ones through js-yaml", () => {
    const files = filesUnder(path.join(PROJECT_ROOT, "test/fixtures/real-world"), (n) => n === "pnpm-lock.yaml" || n === "yarn.lock");
    expect(files.length).toBeGreaterThan(5);
    let vouched = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      if (cleanLockfileDocuments(text, { path: "pnpm-lock.yaml" })) vouched++;
      const { lockfile, full } = bothReadings(text, path.basename(file));
      expect(comparable(lockfile), file).toEqual(comparable(full));
    }
    expect(vouched).toBeGreaterThan(files.length / 2);
  });

  const yamlSuite = corpusDir("yaml-test-suite");
  const jsonSuite = corpusDir("JSONTestSuite");
  it.skipIf(!yamlSuite || !jsonSuite)(
    "every yaml-test-suite case and JSONTestSuite file js-yaml vouches for reads the same through the full reading, with no finding",
    () => {
      const files = [
        ...filesUnder(yamlSuite!, (n) => n === "in.yaml"),
        ...filesUnder(path.join(jsonSuite!, "test_parsing"), (n) => n.endsWith(".json")),
      ];
      let vouched = 0;
      for (const file of files) {
        let text: string;
        try {
          text = new TextDecoder("utf-8", { fatal: true }).decode(fs.readFileSync(file));
        } catch {
          continue; // not UTF-8: the encoding check reports it before either reading
        }
        const clean = cleanLockfileDocuments(text, { path: "pnpm-lock.yaml" });
        if (!clean) continue;
        vouched++;
        const full = parseDocument(Buffer.from(text), { path: "full-reading.yaml", format: "yaml" });
        expect({ ok: full.ok, findings: full.findings, documents: full.documents }, file).toEqual({
          ok: true,
          findings: [],
          documents: clean,
        });
      }
      expect(vouched).toBeGreaterThan(40);
    },
  );
});
