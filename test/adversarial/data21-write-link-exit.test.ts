/**
 * `sync --fix` and `conflicts --resolve --write` are writes: a file of theirs reached through a
 * symlink that leads out of the repository (or into .git/) stops them with exit 2 (could not
 * run: UnsafePathError), naming the link and the fix, as init, seal, baseline --update and the
 * workflow writer do. Before, they reported it as a finding (exit 1) and went on writing the
 * other files: the same link was "integrity finding" for two writers and "could not run" for
 * every other one. The read-only `sync` and `conflicts` keep reporting it as a finding of the
 * tree (exit 1), which is what a check of the repository found. Built CLI, real repositories.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { listing, outsideDir, removeOutsideDirs } from "../helpers/outside-links.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
  removeOutsideDirs();
});

const SYNC_CONFIG = `version: 1
sync:
  - name: a-to-b
    source: { file: src/a.json, path: /v }
    target: { file: out/b.json, path: /v }
    fields: { s: s }
  - name: c-to-d
    source: { file: c.json, path: /v }
    target: { file: d.json, path: /v }
    fields: { s: s }
`;

/** Two sync rules, each with drift; `out` is a committed link to a folder outside holding b.json. */
function syncRepo(): { r: TestRepo; outside: string } {
  const r = (repo = createRepo());
  const outside = outsideDir();
  fs.writeFileSync(path.join(outside, "b.json"), '{"v": {"k": {"s": 1}}}\n');
  r.write(".integrity-guard/config.yml", SYNC_CONFIG);
  r.write("src/a.json", '{"v": {"k": {"s": 2}}}\n');
  r.write("c.json", '{"v": {"k": {"s": 3}}}\n');
  r.write("d.json", '{"v": {"k": {"s": 4}}}\n');
  fs.symlinkSync(outside, path.join(r.dir, "out"));
  r.commitAll("init");
  return { r, outside };
}

it("sync --fix refuses a target reached through a link out (exit 2) and writes nothing, not even the other rules' files", () => {
  const { r, outside } = syncRepo();
  const run = r.cliBundle(["sync", "--fix"]);
  expect(run.code, run.stdout + run.stderr).toBe(2);
  expect(run.stderr).toContain('sync file "out/b.json" is reached through out, a symlink that leads outside the repository');
  expect(run.stderr).toMatch(/fix: replace the symlink out /);
  expect(fs.readFileSync(path.join(outside, "b.json"), "utf8")).toBe('{"v": {"k": {"s": 1}}}\n');
  expect(listing(outside)).toEqual(["b.json"]);
  expect(fs.readFileSync(path.join(r.dir, "d.json"), "utf8")).toBe('{"v": {"k": {"s": 4}}}\n');
  expect(fs.existsSync(path.join(r.dir, ".git/integrity-guard/undo"))).toBe(false);
});

it("sync (no --fix) still reports the link as a finding of the tree, exit 1", () => {
  const { r } = syncRepo();
  const run = r.cliBundle(["sync", "--format", "json"]);
  expect(run.code, run.stdout + run.stderr).toBe(1);
  const report = JSON.parse(run.stdout) as { findings: { rule: string; file: string }[] };
  expect(report.findings.map((f) => `${f.rule} ${f.file}`)).toContain("config/unreadable out/b.json");
});

const CONFLICTS_CONFIG = `version: 1
config:
  files: ["config/*.yaml", "extra/local.yaml"]
  precedence: ["config/base.yaml", "extra/local.yaml", "config/top.yaml"]
`;

/** A config set whose named `extra/local.yaml` is reached through a link to a folder outside. */
function conflictsRepo(linkAt: "folder" | "file"): { r: TestRepo; outside: string } {
  const r = (repo = createRepo());
  const outside = outsideDir();
  fs.writeFileSync(path.join(outside, "local.yaml"), "port: 1\n");
  r.write(".integrity-guard/config.yml", CONFLICTS_CONFIG);
  r.write("config/base.yaml", "port: 8080\nname: a\n");
  r.write("config/top.yaml", "port: 9090\nname: b\n");
  if (linkAt === "folder") fs.symlinkSync(outside, path.join(r.dir, "extra"));
  else {
    fs.mkdirSync(path.join(r.dir, "extra"));
    fs.symlinkSync(path.join(outside, "local.yaml"), path.join(r.dir, "extra/local.yaml"));
  }
  r.commitAll("init");
  return { r, outside };
}

for (const linkAt of ["folder", "file"] as const) {
  it(`conflicts --resolve --write refuses a config file behind a ${linkAt} link out (exit 2) and writes nothing`, () => {
    const { r, outside } = conflictsRepo(linkAt);
    const run = r.cliBundle(["conflicts", "--resolve", "--write"]);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stderr).toMatch(
      /extra(\/local\.yaml)?, a symlink that leads outside the repository|"extra\/local\.yaml" is a symlink that leads outside/,
    );
    expect(run.stderr).toMatch(/\n {2}fix: replace (the symlink )?extra/);
    expect(fs.readFileSync(path.join(outside, "local.yaml"), "utf8")).toBe("port: 1\n");
    expect(listing(outside)).toEqual(["local.yaml"]);
    expect(fs.readFileSync(path.join(r.dir, "config/base.yaml"), "utf8")).toBe("port: 8080\nname: a\n");
    expect(fs.existsSync(path.join(r.dir, ".git/integrity-guard/undo"))).toBe(false);
  });

  it(`conflicts (no --write) still reports the ${linkAt} link as a finding, exit 1`, () => {
    const { r } = conflictsRepo(linkAt);
    const run = r.cliBundle(["conflicts", "--format", "json"]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { rule: string; file: string }[] };
    expect(report.findings.map((f) => `${f.rule} ${f.file}`)).toContain("config/unreadable extra/local.yaml");
  });
}
