/**
 * `verify` and `check` in a sparse checkout (`git sparse-checkout set`, sparse index): sealed
 * files outside the cone are not in the work tree, and were reported as `manifest/missing` (a
 * false block of every run), and `seal` dropped them from the manifest. Git's copy, the index
 * blob, is verified and sealed instead: a blob that differs from the seal is still
 * `manifest/modified`.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

function run(r: TestRepo, verb: string): { code: number; findings: string[] } {
  const out = r.cliBundle([verb, "--format", "json"]);
  const report = JSON.parse(out.stdout || "{}") as { findings?: { rule: string; file?: string }[] };
  return { code: out.code, findings: (report.findings ?? []).map((f) => `${f.rule} ${f.file ?? ""}`).sort() };
}

describe("a sparse checkout", () => {
  it("verifies and seals files outside the cone from the index", () => {
    const r = createRepo();
    repo = r;
    r.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
    r.write("data/a.json", '{"n":1}\n');
    r.write("data/x/b.json", '{"n":2}\n');
    r.write("data/run.sh", "#!/bin/sh\n");
    fs.chmodSync(path.join(r.dir, "data/run.sh"), 0o755);
    fs.symlinkSync("a.json", path.join(r.dir, "data/l.json"));
    r.write("keep/readme.txt", "in the cone\n");
    expect(r.cliBundle(["seal"]).code).toBe(0);
    r.commitAll("sealed");
    r.git("config", "index.sparse", "true");
    r.git("sparse-checkout", "set", "--cone", "keep", ".integrity-guard");
    expect(fs.existsSync(path.join(r.dir, "data"))).toBe(false);
    expect(run(r, "verify")).toEqual({ code: 0, findings: [] });
    expect(run(r, "check")).toEqual({ code: 0, findings: [] });
    // A seal here keeps them (from the index), rather than dropping them from the manifest.
    const manifest = r.read(".integrity-guard/manifest.json");
    expect(r.cliBundle(["seal"]).code).toBe(0);
    expect(r.read(".integrity-guard/manifest.json")).toBe(manifest);
    // Git's copy differs from the seal: reported.
    const oid = r.git("hash-object", "-w", r.write("keep/tmp", '{"n":-2}\n')).trim();
    r.git("update-index", "--cacheinfo", `100644,${oid},data/x/b.json`);
    r.git("update-index", "--skip-worktree", "data/x/b.json");
    expect(run(r, "verify")).toEqual({ code: 1, findings: ["manifest/modified data/x/b.json"] });
  });
});
