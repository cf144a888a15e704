/**
 * Many files to read (a first seal, a cold stat cache): observeTree takes the hash results as
 * they arrive instead of gathering them all (issue 20, bounded memory). The limit is lowered
 * through the test seam so a handful of files takes that path; seal must write the same bytes
 * and verify must find the same drift as through the gathered path.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MANIFEST_PATH } from "../../src/config/types.js";
import { observeLimits } from "../../src/io/hash/observe.js";
import type { TestRepo } from "../helpers/repo.js";
import { parseReport, rulesOf, sealedRepoFixture } from "./manifest-helpers.js";

const DEFAULT = observeLimits.streamFrom;
const repos: TestRepo[] = [];
afterEach(() => {
  observeLimits.streamFrom = DEFAULT;
  for (const r of repos.splice(0)) r.cleanup();
});

function fixture(): TestRepo {
  const r = sealedRepoFixture();
  for (let i = 0; i < 40; i++) r.write(`data/many/f${i}.json`, `{"i":${i}}\n`);
  fs.chmodSync(path.join(r.dir, "data/many/f3.json"), 0o755);
  r.commitAll("more");
  repos.push(r);
  return r;
}

function dropCaches(r: TestRepo): void {
  const state = path.join(r.dir, ".git/integrity-guard");
  for (const f of fs.existsSync(state) ? fs.readdirSync(state) : [])
    if (f.startsWith("manifest-cache")) fs.rmSync(path.join(state, f), { force: true });
}

async function sealWith(streamFrom: number): Promise<{ repo: TestRepo; manifest: string }> {
  const r = fixture();
  observeLimits.streamFrom = streamFrom;
  const s = await r.cli(["seal"]);
  expect(s.code, s.stderr).toBe(0);
  return { repo: r, manifest: r.read(MANIFEST_PATH) };
}

describe("observing many files as a stream", () => {
  it("seals the same bytes as the gathered path, executable bit included", async () => {
    const gathered = await sealWith(DEFAULT);
    const streamed = await sealWith(1);
    expect(streamed.manifest).toBe(gathered.manifest);
    expect(streamed.manifest).toContain('"mode":"755","path":"data/many/f3.json"');
  });

  it("finds modified, missing and added files with a cold cache, as the gathered path does", async () => {
    const reports: string[][] = [];
    for (const streamFrom of [DEFAULT, 1]) {
      const { repo } = await sealWith(streamFrom);
      repo.write("data/many/f1.json", '{"i":"changed"}\n');
      fs.rmSync(path.join(repo.dir, "data/many/f2.json"));
      repo.write("data/many/new.json", "{}\n");
      dropCaches(repo);
      const v = await repo.cli(["verify", "--format", "json"]);
      expect(v.code, v.stdout).toBe(1);
      const report = parseReport(v.stdout);
      reports.push(rulesOf(report));
      expect(report.summary?.hashed).toBeGreaterThan(40);
    }
    expect(reports[1]).toEqual(reports[0]);
    expect(reports[1]).toEqual([
      "manifest/added data/many/new.json",
      "manifest/missing data/many/f2.json",
      "manifest/modified data/many/f1.json",
    ]);
  });

  it("verify --no-cache compares the threads' digests as bytes: same-size edits, a mode flip and a file where a link was sealed are found", async () => {
    const reports: string[][] = [];
    for (const streamFrom of [DEFAULT, 1]) {
      const r = fixture();
      fs.symlinkSync("f0.json", path.join(r.dir, "data/many/link"));
      r.commitAll("a link");
      const s = await r.cli(["seal"]);
      expect(s.code, s.stderr).toBe(0);
      observeLimits.streamFrom = streamFrom;
      r.write("data/many/f11.json", '{"i":12}\n'); // same size, another digest
      fs.chmodSync(path.join(r.dir, "data/many/f4.json"), 0o755); // same bytes, another mode
      // A plain file holding the link's target: the same digest and size as the sealed link.
      fs.rmSync(path.join(r.dir, "data/many/link"));
      r.write("data/many/link", "f0.json");
      const v = await r.cli(["verify", "--no-cache", "--format", "json"]);
      expect(v.code, v.stdout).toBe(1);
      const report = parseReport(v.stdout);
      reports.push(rulesOf(report));
      expect(report.summary?.hashed).toBeGreaterThan(40);
    }
    expect(reports[1]).toEqual(reports[0]);
    expect(reports[1]).toEqual([
      "manifest/modified data/many/f11.json",
      "manifest/modified data/many/f4.json",
      "manifest/modified data/many/link",
    ]);
  });
});
