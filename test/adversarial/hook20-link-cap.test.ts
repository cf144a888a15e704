/**
 * The pre-commit hook past the cap on names through links (src/io/link-aliases.ts). Links that
 * lead into each other's folders name a file in ever more ways; the walk stops at 20,000 names.
 * It used to stop silently: a name a schema maps, reached only past the cap, was never checked
 * and its violation passed. Now the walk expands only links that can lead to a staged file (so
 * unrelated loops of links cost nothing and never stop it), and past the cap the hook fails
 * closed: exit 2 and a message naming the links and the fix. Real repositories, links committed
 * earlier, `check --staged` run in-process (src/).
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

/** `folders` folders (`<prefix>0`...) each holding a link to every other one: names without end. */
function mesh(prefix: string, folders: number): Record<string, string> {
  const links: Record<string, string> = {};
  for (let i = 0; i < folders; i++) for (let j = 0; j < folders; j++) if (i !== j) links[`${prefix}${i}/l${j}`] = `../${prefix}${j}`;
  return links;
}

/** The hook repository (data/**\/*.json mapped to a schema) plus `files` and `links`, committed without the hook. */
function setup(files: Record<string, string>, links: Record<string, string>): TestRepo {
  repo = hookRepo({ install: false });
  return addFilesAndLinks(repo, files, links);
}

async function staged(r: TestRepo): Promise<{ code: number; findings: string[]; out: string }> {
  const run = await r.cli(["check", "--staged", "--format", "json"]);
  if (run.code === 2) return { code: 2, findings: [], out: run.stdout + run.stderr };
  return { code: run.code, findings: ruleFiles(run.stdout), out: run.stdout + run.stderr };
}

describe("names through links past the cap", () => {
  it("a loop of links elsewhere in the tree no longer hides a mapped name seven links deep", async () => {
    // 72 links among g0..g8 name 20,000 paths within four links; data/sub reaches c7/x.json
    // only as data/sub/n/n/n/n/n/n/x.json. The walk stopped before it: the violation passed.
    const chain: Record<string, string> = { "data/sub": "../c1" };
    for (let i = 1; i < 7; i++) chain[`c${i}/n`] = `../c${i + 1}`;
    const r = setup({ "c7/x.json": VALID }, { ...mesh("g", 9), ...chain });
    r.write("c7/x.json", SCHEMA_VIOLATION);
    r.git("add", "c7/x.json");
    expect(await staged(r)).toMatchObject({ code: 1, findings: ["schema/violation data/sub/n/n/n/n/n/n/x.json"] });
    r.write("c7/x.json", VALID.replace('"count": 1', '"count": 4'));
    r.git("add", "c7/x.json");
    expect(await staged(r)).toMatchObject({ code: 0, findings: [] });
  });

  it("fails closed (exit 2, what to do) when the staged file itself is named past the cap, valid or not", async () => {
    const r = setup({ "f0/x.json": VALID }, { ...mesh("f", 9), "data/sub": "../f0" });
    for (const content of [SCHEMA_VIOLATION, VALID.replace('"count": 1', '"count": 5')]) {
      r.write("f0/x.json", content);
      r.git("add", "f0/x.json");
      const run = await staged(r);
      expect(run.code, run.out).toBe(2);
      expect(run.out).toMatch(/f0\/x\.json is reached through symlinks by more than 20,000 names/);
      // The check that could not run is a finding of its own (check/failed), with the fix.
      const failed = (JSON.parse(run.out) as { findings: { rule: string; fix?: string }[] }).findings;
      expect(failed).toEqual([
        expect.objectContaining({ rule: "check/failed", fix: expect.stringMatching(/^break the loop: remove or retarget a symlink/) }),
      ]);
    }
  });

  it("a commit that touches nothing the loop reaches passes, and costs no walk of the loop", async () => {
    const r = setup({ "data/b.json": VALID }, mesh("f", 9));
    r.write("data/b.json", SCHEMA_VIOLATION);
    r.git("add", "data/b.json");
    expect(await staged(r)).toMatchObject({ code: 1, findings: ["schema/violation data/b.json"] });
    r.write("data/b.json", VALID.replace('"count": 1', '"count": 6'));
    r.git("add", "data/b.json");
    const started = performance.now();
    expect(await staged(r)).toMatchObject({ code: 0, findings: [] });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("a real `git commit` through the installed hook (built CLI): blocked on the deep name, stopped on the loop, a valid change goes through", () => {
    const chain: Record<string, string> = { "data/sub": "../c1" };
    for (let i = 1; i < 7; i++) chain[`c${i}/n`] = `../c${i + 1}`;
    repo = hookRepo();
    const r = addFilesAndLinks(
      repo,
      { "c7/x.json": VALID, "f0/y.json": VALID },
      { ...mesh("g", 9), ...chain, ...mesh("f", 9), "data/f": "../f0" },
    );
    r.write("c7/x.json", SCHEMA_VIOLATION);
    expectBlocked(r, head(r), commit(r, "-a"), /data\/sub\/n\/n\/n\/n\/n\/n\/x\.json:3:/);
    r.write("c7/x.json", VALID.replace('"count": 1', '"count": 8'));
    r.write("f0/y.json", VALID.replace('"count": 1', '"count": 8'));
    const before = head(r);
    const stopped = commit(r, "-a");
    expect(stopped.status, stopped.out).not.toBe(0);
    expect(head(r)).toBe(before);
    expect(stopped.out).toContain("the check could not run (exit 2)");
    expect(stopped.out).toMatch(/f0\/y\.json is reached through symlinks by more than 20,000 names[^]*fix: break the loop/);
    r.git("checkout", "--", "f0/y.json");
    expectCommitted(r, head(r), commit(r, "-a"));
  });
});
