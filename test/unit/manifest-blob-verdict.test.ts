/** The staged-manifest verdicts (src/io/hash/manifest-blob-verdict.ts): a damaged file is no verdict, never an error. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { manifestBlobVerdict, recordManifestBlobVerdict } from "../../src/io/hash/manifest-blob-verdict.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function stateDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "ig-verdict-"));
  dirs.push(d);
  return path.join(d, "integrity-guard"); // not created yet: record creates it
}
const FILE = "manifest-blob-verdicts.json";

describe("manifest blob verdicts", () => {
  it("answers only for the same blob id and filter key, with the paths sealed outside the globs", async () => {
    const dir = stateDir();
    expect(manifestBlobVerdict(dir, "a".repeat(40), "f1")).toBeUndefined();
    await recordManifestBlobVerdict(dir, "a".repeat(40), "f1", ["old/x.json"]);
    expect(manifestBlobVerdict(dir, "a".repeat(40), "f1")).toEqual(new Set(["old/x.json"]));
    expect(manifestBlobVerdict(dir, "a".repeat(40), "f2")).toBeUndefined();
    expect(manifestBlobVerdict(dir, "b".repeat(40), "f1")).toBeUndefined();
  });

  it("keeps the last few verdicts, newest first", async () => {
    const dir = stateDir();
    for (let i = 0; i < 12; i++) await recordManifestBlobVerdict(dir, String(i).padStart(40, "0"), "f", []);
    expect(manifestBlobVerdict(dir, "11".padStart(40, "0"), "f")).toBeDefined();
    expect(manifestBlobVerdict(dir, "4".padStart(40, "0"), "f")).toBeDefined();
    expect(manifestBlobVerdict(dir, "3".padStart(40, "0"), "f")).toBeUndefined();
  });

  it("a damaged, truncated, foreign or hostile file is no verdict", async () => {
    const dir = stateDir();
    await recordManifestBlobVerdict(dir, "a".repeat(40), "f", []);
    const file = path.join(dir, FILE);
    const good = fs.readFileSync(file, "utf8");
    for (const bad of [
      good.slice(0, good.length - 3),
      "\0\xff binary",
      JSON.stringify({ version: 2, verdicts: JSON.parse(good).verdicts }),
      JSON.stringify({ version: 1, verdicts: [{ oid: "a".repeat(40), filter: "f", extra: [1] }] }),
      JSON.stringify({ version: 1, verdicts: [{ oid: "a".repeat(40), filter: "f" }] }),
      JSON.stringify({ version: 1, verdicts: { __proto__: null } }),
      "null",
    ]) {
      fs.writeFileSync(file, bad);
      expect(manifestBlobVerdict(dir, "a".repeat(40), "f"), bad).toBeUndefined();
    }
    fs.rmSync(file);
    fs.mkdirSync(file); // a folder where the file should be: no verdict, and recording does not throw
    expect(manifestBlobVerdict(dir, "a".repeat(40), "f")).toBeUndefined();
    await expect(recordManifestBlobVerdict(dir, "a".repeat(40), "f", [])).resolves.toBeUndefined();
  });
});
