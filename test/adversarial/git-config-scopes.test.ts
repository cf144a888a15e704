/**
 * Git settings that change how files are checked out, made in a config scope other than the
 * repository's own file: the global config (GIT_CONFIG_GLOBAL, ~/.gitconfig), the system config
 * (Git for Windows sets core.symlinks=false there), `git -c` (passed to hooks and aliases as
 * GIT_CONFIG_PARAMETERS) or an include. Only `.git/config`'s text was read, so:
 * - core.symlinks=false elsewhere: a link checked out as a plain file holding its target was read
 *   as data (a false block: "expected a value, found a.json");
 * - core.sparseCheckout=true elsewhere: `seal` dropped every sealed file outside the cone.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

const CONFIG = 'version: 1\nvalidate:\n  schemas:\n    - files: ["data/**/*.json"]\n      schema: schemas/data.schema.json\n';
const SCHEMA = '{"type":"object","required":["n"],"properties":{"n":{"type":"integer","minimum":0}}}\n';

/** Rule and file of each finding of the built CLI's `verb`. */
function run(r: TestRepo, verb: string, env: NodeJS.ProcessEnv = {}): { code: number; findings: string[] } {
  const out = r.cliBundle([verb, "--format", "json"], env);
  const report = JSON.parse(out.stdout || "{}") as { findings?: { rule: string; file?: string }[] };
  return { code: out.code, findings: (report.findings ?? []).map((f) => `${f.rule} ${f.file ?? ""}`).sort() };
}

/** A repository with a tracked link data/l.json -> a.json, checked out as a plain file "a.json", and a corrupt data/b.json. */
function plainFileLink(): TestRepo {
  const r = createRepo();
  repos.push(r);
  r.write(".integrity-guard/config.yml", CONFIG);
  r.write("schemas/data.schema.json", SCHEMA);
  r.write("data/a.json", '{"n":1}\n');
  r.write("data/b.json", '{"n":-1}\n');
  fs.symlinkSync("a.json", path.join(r.dir, "data/l.json"));
  r.commitAll("initial");
  fs.rmSync(path.join(r.dir, "data/l.json"));
  r.write("data/l.json", "a.json"); // what `git checkout` writes with core.symlinks=false
  return r;
}

const BLOCKED_LINK = ["parse/syntax data/l.json", "schema/violation data/b.json"];
const ONLY_CORRUPT = ["schema/violation data/b.json"];

describe("core.symlinks=false outside the repository's config file", () => {
  it("in the global config (GIT_CONFIG_GLOBAL): the plain file is a link, the corrupt file still fails", () => {
    const r = plainFileLink();
    const file = path.join(path.dirname(r.dir), `${path.basename(r.dir)}.gitconfig`);
    fs.writeFileSync(file, "[core]\n\tsymlinks = false\n");
    try {
      expect(run(r, "check", { GIT_CONFIG_GLOBAL: file })).toEqual({ code: 1, findings: ONLY_CORRUPT });
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it("from `git -c core.symlinks=false` (GIT_CONFIG_PARAMETERS, as git passes it to hooks) and GIT_CONFIG_COUNT", () => {
    const r = plainFileLink();
    expect(run(r, "check", { GIT_CONFIG_PARAMETERS: "'core.symlinks'='false'" })).toEqual({ code: 1, findings: ONLY_CORRUPT });
    const count = { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "core.symlinks", GIT_CONFIG_VALUE_0: "false" };
    expect(run(r, "check", count)).toEqual({ code: 1, findings: ONLY_CORRUPT });
  });

  it("through include.path in the repository's config", () => {
    const r = plainFileLink();
    const file = path.join(path.dirname(r.dir), `${path.basename(r.dir)}.inc`);
    fs.writeFileSync(file, "[core]\n\tsymlinks = false\n");
    try {
      r.git("config", "include.path", file);
      expect(run(r, "check")).toEqual({ code: 1, findings: ONLY_CORRUPT });
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it("with links on, a link the user replaced by a plain file is that file's data (as git would commit it)", () => {
    const r = plainFileLink();
    expect(run(r, "check")).toEqual({ code: 1, findings: BLOCKED_LINK });
  });
});

describe("core.sparseCheckout=true outside the repository's config file", () => {
  it("sealed files outside the cone are verified and resealed from the index, not dropped", () => {
    const r = createRepo();
    repos.push(r);
    r.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
    r.write("data/a.json", '{"n":1}\n');
    r.write("keep/readme.txt", "in the cone\n");
    expect(r.cliBundle(["seal"]).code).toBe(0);
    r.commitAll("sealed");
    r.git("sparse-checkout", "set", "--cone", "keep", ".integrity-guard");
    expect(fs.existsSync(path.join(r.dir, "data"))).toBe(false);
    // The setting moved to `git -c` (the pattern file stays where git keeps it).
    fs.rmSync(path.join(r.dir, ".git/config.worktree")); // where `git sparse-checkout set` wrote them
    expect(r.tryGit("config", "--get-regexp", "sparse").stdout).toBe("");
    const env = { GIT_CONFIG_PARAMETERS: "'core.sparsecheckout'='true' 'core.sparsecheckoutcone'='true'" };
    expect(r.git("-c", "core.sparseCheckout=true", "ls-files", "-t", "data/a.json").trim()).toBe("S data/a.json");
    expect(run(r, "verify", env)).toEqual({ code: 0, findings: [] });
    // A reseal keeps them (it dropped every file outside the cone).
    const before = r.read(".integrity-guard/manifest.json");
    expect(r.cliBundle(["seal"], env).code).toBe(0);
    expect(r.read(".integrity-guard/manifest.json")).toBe(before);
  });
});
