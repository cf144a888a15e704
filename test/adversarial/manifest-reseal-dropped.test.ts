/**
 * A reseal that leaves out files the commit still holds. `seal` hashes the work tree, so a file
 * missing from it (deleted but not staged; before, also outside a sparse checkout) drops out of
 * the manifest; the hook passed that manifest, and the files were unprotected from then on
 * (`verify` later said `manifest/added`). The staged manifest must seal every covered file of
 * the commit; a deletion staged with its reseal still passes. Single file and sharded layouts.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SHARD_TARGET, SINGLE_FILE_MAX, layoutLimits } from "../../src/core/manifest/sharded.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { commit, head, installLocalBinary } from "../e2e/hook-fixture.js";

let repo: TestRepo | undefined;
afterEach(() => {
  layoutLimits.singleFileMax = SINGLE_FILE_MAX;
  layoutLimits.shardTarget = SHARD_TARGET;
  repo?.cleanup();
  repo = undefined;
});

/** Rule and file of each finding of `check --staged` (in-process: the layout limits apply). */
async function staged(r: TestRepo): Promise<{ code: number; findings: string[] }> {
  const run = await r.cli(["check", "--staged", "--format", "json"]);
  const report = JSON.parse(run.stdout || "{}") as { findings?: { rule: string; file?: string }[] };
  return { code: run.code, findings: (report.findings ?? []).map((f) => `${f.rule} ${f.file ?? ""}`).sort() };
}

function sealedRepo(files: number): TestRepo {
  const r = createRepo();
  repo = r;
  r.write(".gitignore", "node_modules/\n");
  r.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
  for (let i = 0; i < files; i++) r.write(`data/d${i % 3}/f${i}.json`, `{"i":${i}}\n`);
  r.write("keep/readme.txt", "kept in the sparse cone\n");
  return r;
}

describe("a reseal that drops files the commit still holds", () => {
  it("is blocked by the hook when the files are missing from the work tree, and a real deletion with its reseal passes", async () => {
    const r = sealedRepo(4);
    expect(r.cliBundle(["seal"]).code).toBe(0);
    r.commitAll("sealed");
    installLocalBinary(r);
    expect(r.cliBundle(["init", "--hook-only"]).code).toBe(0);
    // Gone from the work tree, not staged as deletions: a seal here leaves them out.
    fs.rmSync(path.join(r.dir, "data"), { recursive: true });
    expect(r.cliBundle(["seal"]).code).toBe(0);
    r.git("add", ".integrity-guard/manifest.json");
    const before = head(r);
    const c = commit(r);
    expect(c.status, c.out).not.toBe(0);
    expect(c.out).toContain("data/d0/f0.json is in the commit and covered by manifest.include, but the staged manifest does not seal it");
    expect(head(r)).toBe(before);
    expect((await staged(r)).findings).toEqual([0, 1, 2, 3].map((i) => `manifest/unsealed-change data/d${i % 3}/f${i}.json`).sort());
    // Deleting a file and resealing in one commit passes.
    r.git("checkout", "--", "data", ".integrity-guard/manifest.json");
    r.git("rm", "-q", "data/d1/f1.json");
    expect(r.cliBundle(["seal"]).code).toBe(0);
    r.git("add", ".integrity-guard/manifest.json");
    const ok = commit(r);
    expect(ok.status, ok.out).toBe(0);
  });

  it("is blocked in the sharded layout", async () => {
    layoutLimits.singleFileMax = 4;
    layoutLimits.shardTarget = 4;
    const r = sealedRepo(19);
    expect((await r.cli(["seal"])).code).toBe(0);
    r.commitAll("sealed");
    // Files missing from the work tree (not staged as deletions) drop out of the reseal.
    // Two of 19: the shard count (8) stays, so HEAD's shards are compared one by one.
    for (const f of ["data/d1/f1.json", "data/d1/f4.json"]) fs.rmSync(path.join(r.dir, f));
    expect((await r.cli(["seal"])).code).toBe(0);
    r.git("add", ".integrity-guard");
    const dropped = [1, 4].map((i) => `manifest/unsealed-change data/d1/f${i}.json`).sort();
    expect(await staged(r)).toEqual({ code: 1, findings: dropped });
    // Staged as deletions too: the reseal is right.
    r.git("add", "-A", "data");
    expect(await staged(r)).toEqual({ code: 0, findings: [] });
  });
});
