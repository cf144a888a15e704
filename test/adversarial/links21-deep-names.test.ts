/**
 * Red team, session 26: names through links that lead into each other's folders, past the depth
 * the walks stopped at. With `p/l -> ../q` and `q/l -> ../p`, readers reach p/s.json as
 * q/l/s.json, p/l/l/s.json, q/l/l/l/s.json and so on, up to the 40 links the kernel follows in
 * one name. A schema mapped only to a deeper name was evaded:
 * - the pre-commit hook (link-aliases.ts) never expanded a folder twice on one chain, so
 *   `q/l/l/l/*.json` (p, q, then p again) was never checked;
 * - the whole-tree `check` (linked-folders.ts) stopped silently after 8 rounds, so
 *   `q/l/l/l/l/l/l/l/l/l/l/*.json` (11 links) was never checked.
 * Both now name files up to the kernel's 40 links; past the cap on names (a mesh of folder
 * links: exponential) `check` fails closed, exit 2 naming a link and the fix, as the hook does.
 * Real repositories, a real `git commit` with the installed hook and the built CLI's `check`.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import { commit, expectBlocked, expectCommitted, head, hookRepo, SCHEMA_VIOLATION, VALID } from "../e2e/hook-fixture.js";
import { addFilesAndLinks, ruleFiles } from "../helpers/hook-links.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const config = (glob: string) => `version: 1\nvalidate:\n  schemas:\n    - files: ["${glob}"]\n      schema: schemas/data.schema.json\n`;

/** The hook repository with `glob` alone mapped to the schema, p/s.json valid, and p/l <-> q/l, committed. */
function setup(glob: string): TestRepo {
  repo = hookRepo();
  return addFilesAndLinks(repo, { ".integrity-guard/config.yml": config(glob), "p/s.json": VALID }, { "p/l": "../q", "q/l": "../p" });
}

const deep = (links: number) => `q${"/l".repeat(links)}`;

describe("a schema mapped only to a name that passes the same folder twice", () => {
  it("the hook checks q/l/l/l/s.json (p reached again on the chain): a violation is blocked, a valid change goes through", () => {
    const r = setup(`${deep(3)}/*.json`);
    r.write("p/s.json", SCHEMA_VIOLATION);
    r.git("add", "p/s.json");
    expectBlocked(r, head(r), commit(r), /q\/l\/l\/l\/s\.json:3:/);
    r.write("p/s.json", VALID.replace('"count": 1', '"count": 3'));
    r.git("add", "p/s.json");
    expectCommitted(r, head(r), commit(r));
  });

  it("the hook checks a name 21 links deep (**/l/**/l/... globs and plain ones alike)", () => {
    const r = setup(`${deep(21)}/*.json`);
    r.write("p/s.json", SCHEMA_VIOLATION);
    r.git("add", "p/s.json");
    expectBlocked(r, head(r), commit(r), new RegExp(`${deep(21)}/s\\.json:3:`));
  });

  it("`check` (built CLI) checks q/l/.../s.json eleven links deep, past the 8 rounds it stopped at", () => {
    const r = setup(`${deep(11)}/*.json`);
    r.write("p/s.json", SCHEMA_VIOLATION);
    const run = r.cliBundle(["check", "--format", "json"]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(ruleFiles(run.stdout)).toEqual([`schema/violation ${deep(11)}/s.json`]);
    r.write("p/s.json", VALID);
    expect(r.cliBundle(["check"]).code).toBe(0);
  });

  it("`check` (built CLI) reports no loop at a name it made that passes more than 40 links, under a schema mapping every name (guard)", () => {
    // p/l -> ../jq -> q takes two links: names 27 folder links deep pass more than 40 (ELOOP).
    repo = hookRepo({ install: false });
    const r = addFilesAndLinks(
      repo,
      { ".integrity-guard/config.yml": config("**/s.json"), "p/s.json": VALID },
      { "p/l": "../jq", jq: "q", "q/l": "../p" },
    );
    const run = r.cliBundle(["check", "--format", "json"]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    r.write("p/s.json", SCHEMA_VIOLATION);
    const bad = r.cliBundle(["check", "--format", "json"]);
    expect(bad.code).toBe(1);
    expect(ruleFiles(bad.stdout)).toContain(`schema/violation ${deep(11)}/s.json`);
    expect(ruleFiles(bad.stdout).filter((f) => !f.startsWith("schema/violation"))).toEqual([]);
  });

  it(
    "`check` (built CLI) fails closed on a mesh of folder links naming a file past the cap: exit 2, a link and the fix",
    { timeout: 180_000 },
    () => {
      repo = hookRepo({ install: false });
      const links: Record<string, string> = {};
      for (let i = 0; i < 9; i++) for (let j = 0; j < 9; j++) if (i !== j) links[`f${i}/l${j}`] = `../f${j}`;
      const r = addFilesAndLinks(repo, { "f0/x.json": VALID }, links);
      const run = r.cliBundle(["check"]);
      expect(run.code, run.stdout + run.stderr).toBe(2);
      expect(run.stdout + run.stderr).toMatch(/reached through symlinks by more than 500,000 further names[^]*break the loop/);
    },
  );

  it("a mesh of folder links holding no file costs nothing and passes (guard)", { timeout: 120_000 }, () => {
    repo = hookRepo({ install: false });
    const links: Record<string, string> = {};
    for (let i = 0; i < 9; i++) for (let j = 0; j < 9; j++) if (i !== j) links[`g${i}/l${j}`] = `../g${j}`;
    const r = addFilesAndLinks(repo, {}, links);
    const run = r.cliBundle(["check", "--format", "json"]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
  });
});
