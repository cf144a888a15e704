/**
 * A sparse checkout whose cone leaves `.integrity-guard/` out: the config file is absent from the
 * work tree, and `check` fell back to the defaults without a word ("no findings", exit 0) while
 * the committed rules say the file is broken. The index still holds the config (the hook reads it
 * from there): the CLI reads the index's copy too. A config the user really deleted (no
 * skip-worktree bit) still means the defaults.
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

function check(r: TestRepo): { code: number; findings: string[] } {
  const out = r.cliBundle(["check", "--format", "json"]);
  const report = JSON.parse(out.stdout || "{}") as { findings?: { rule: string; file?: string; level: string }[] };
  return {
    code: out.code,
    findings: (report.findings ?? []).filter((f) => f.level === "error").map((f) => `${f.rule} ${f.file ?? ""}`),
  };
}

function sparseRepo(): TestRepo {
  const r = createRepo();
  repo = r;
  r.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  schemas:\n    - { files: ["a/*.json"], schema: "a/schema/n.json" }\n');
  r.write("a/schema/n.json", '{"type":"object","required":["n"]}\n');
  r.write("a/1.json", '{"n":1}\n');
  r.write("b/readme.txt", "outside the cone\n");
  r.commitAll("rules");
  r.git("sparse-checkout", "set", "a");
  return r;
}

describe("a sparse checkout that leaves the config out of the work tree", () => {
  it("checks under the committed config (the index's copy), not the defaults", () => {
    const r = sparseRepo();
    expect(fs.existsSync(path.join(r.dir, ".integrity-guard/config.yml"))).toBe(false);
    r.write("a/1.json", '{"m":1}\n');
    expect(check(r)).toEqual({ code: 1, findings: ["schema/violation a/1.json"] });
  });

  it("a config the index's copy gets wrong is an error naming where it was read", () => {
    const r = sparseRepo();
    const oid = r.git("hash-object", "-w", r.write("a/tmp.txt", "version: 1\nvalidate: {nonsense: 1}\n")).trim();
    r.git("update-index", "--cacheinfo", `100644,${oid},.integrity-guard/config.yml`);
    r.git("update-index", "--skip-worktree", ".integrity-guard/config.yml");
    const out = r.cliBundle(["check"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("from the index: outside the sparse checkout");
  });

  it("a config deleted from the work tree outside a sparse checkout still means the defaults", () => {
    const r = createRepo();
    repo = r;
    r.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  schemas:\n    - { files: ["a/*.json"], schema: "a/schema/n.json" }\n');
    r.write("a/schema/n.json", '{"type":"object","required":["n"]}\n');
    r.write("a/1.json", '{"m":1}\n');
    r.commitAll("rules");
    fs.rmSync(path.join(r.dir, ".integrity-guard/config.yml"));
    expect(check(r)).toEqual({ code: 0, findings: [] });
  });
});
