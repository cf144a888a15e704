/**
 * The pre-commit hook and a staged change reached through MORE than one link: a file link seen
 * through a folder link (`data/sub -> ../other`, `other/state.json -> ../real/state.json`, only
 * real/state.json staged), a folder link inside a linked folder (`other/inner -> ../real`), and
 * a link text with `..` after a link. The working-tree `check` judges real/state.json as
 * data/sub/state.json (data/**\/*.json's schema); the hook followed one link level only and let
 * the schema violation through. Run in-process (`check --staged`, src/), links committed
 * earlier or staged with the change.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";
import { commit, CONFIG, expectBlocked, expectCommitted, head, hookRepo, SCHEMA, SCHEMA_VIOLATION, VALID } from "../e2e/hook-fixture.js";
import { addFilesAndLinks, link, ruleFiles } from "../helpers/hook-links.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

/** The hook repository (config maps data/**\/*.json to a schema) plus `files` and `links`, staged; committed too unless `stageOnly`. */
function setup(files: Record<string, string>, links: Record<string, string>, stageOnly = false): TestRepo {
  repo = hookRepo({ install: false });
  return addFilesAndLinks(repo, files, links, stageOnly);
}

/** `check --staged --format json` in-process: exit code, "rule file" of each finding, and the git commands run (GIT_TRACE). */
async function staged(r: TestRepo): Promise<{ code: number; findings: string[]; ran: string[] }> {
  const trace = path.join(makeTempDir("ig-trace-"), "trace");
  process.env.GIT_TRACE = trace; // git inherits the test process's environment
  let run;
  try {
    run = await r.cli(["check", "--staged", "--format", "json"]);
  } finally {
    delete process.env.GIT_TRACE;
  }
  const ran = (fs.existsSync(trace) ? fs.readFileSync(trace, "utf8") : "").match(/trace: built-in: git [^\n]*/g) ?? [];
  return { code: run.code, findings: ruleFiles(run.stdout), ran };
}

const CHAINS: { name: string; files: Record<string, string>; links: Record<string, string>; target: string; as: string }[] = [
  {
    name: "a file link seen through a folder link",
    files: { "real/state.json": VALID },
    links: { "data/sub": "../other", "other/state.json": "../real/state.json" },
    target: "real/state.json",
    as: "data/sub/state.json",
  },
  {
    name: "a folder link inside a linked folder",
    files: { "real/x.json": VALID },
    links: { "data/sub": "../other", "other/inner": "../real" },
    target: "real/x.json",
    as: "data/sub/inner/x.json",
  },
  {
    name: "three folder links deep",
    files: { "c/x.json": VALID },
    links: { "data/sub": "../a", "a/b": "../b", "b/c": "../c" },
    target: "c/x.json",
    as: "data/sub/b/c/x.json",
  },
  {
    // Caught before this fix too (a guard): `..` goes up from where lnk leads, not lexically to store/.
    name: "a link text with `..` after a link",
    files: { "x/deep/keep.txt": "k\n", "x/store/state.json": VALID, "store/state.json": VALID },
    links: { lnk: "x/deep", "data/state.json": "../lnk/../store/state.json" },
    target: "x/store/state.json",
    as: "data/state.json",
  },
];

describe("a staged change behind a chain of links", () => {
  for (const stageOnly of [false, true])
    for (const c of CHAINS)
      it(`${c.name} (${stageOnly ? "staged with the change" : "committed earlier"}): a violation blocks, a valid change passes`, async () => {
        const r = setup(c.files, c.links, stageOnly);
        r.write(c.target, SCHEMA_VIOLATION);
        r.git("add", c.target);
        expect(await staged(r)).toMatchObject({ code: 1, findings: [`schema/violation ${c.as}`] });
        // The working-tree check agrees.
        expect((await r.cli(["check"])).code).toBe(1);
        // A valid change through the same links passes.
        r.write(c.target, VALID.replace('"count": 1', '"count": 7'));
        r.git("add", c.target);
        expect(await staged(r)).toMatchObject({ code: 0, findings: [] });
      });

  it("on an unborn branch (the first commit), a folder link inside a linked folder: a violation blocks, a valid file passes", async () => {
    const r = createRepo();
    repo = r;
    r.write(".integrity-guard/config.yml", CONFIG);
    r.write("schemas/data.schema.json", JSON.stringify(SCHEMA, null, 2) + "\n");
    r.write("real/x.json", SCHEMA_VIOLATION);
    link(r, "data/sub", "../other");
    link(r, "other/inner", "../real");
    r.git("add", "-A");
    expect(await staged(r)).toMatchObject({ code: 1, findings: ["schema/violation data/sub/inner/x.json"] });
    r.write("real/x.json", VALID);
    r.git("add", "real/x.json");
    expect(await staged(r)).toMatchObject({ code: 0, findings: [] });
  });

  it("a real `git commit` through the installed hook (built CLI) is blocked, then a valid one goes through", () => {
    const r = hookRepo();
    repo = r;
    for (const [p, t] of Object.entries({ "data/sub": "../other", "other/inner": "../real", "other/state.json": "../real/state.json" }))
      link(r, p, t);
    r.write("real/x.json", VALID);
    r.write("real/state.json", VALID);
    r.git("add", "-A");
    r.git("commit", "-q", "--no-verify", "-m", "links");
    r.write("real/x.json", SCHEMA_VIOLATION);
    r.write("real/state.json", SCHEMA_VIOLATION);
    let before = head(r);
    expectBlocked(r, before, commit(r, "-a"), /data\/sub\/inner\/x\.json:3:/);
    expect(commit(r, "-a").out).toMatch(/data\/sub\/state\.json:3:/);
    r.write("real/x.json", VALID.replace('"count": 1', '"count": 2'));
    r.write("real/state.json", VALID.replace('"count": 1', '"count": 3'));
    before = head(r);
    expectCommitted(r, before, commit(r, "-a"));
  });

  it("ends on a loop of folder links (a -> b, b/back -> ../a) and still judges the names it reaches", async () => {
    const r = setup({ "b/x.json": VALID }, { "data/sub": "../a", a: "b", "b/back": "../a" });
    r.write("b/x.json", SCHEMA_VIOLATION);
    r.git("add", "b/x.json");
    const run = await staged(r);
    expect(run.code).toBe(1);
    expect(run.findings).toContain("schema/violation data/sub/x.json");
  });

  it("starts no git process for links when the repository has none", async () => {
    const r = setup({ "data/b.json": VALID }, {});
    r.write("data/b.json", SCHEMA_VIOLATION);
    r.git("add", "data/b.json");
    const run = await staged(r);
    expect(run).toMatchObject({ code: 1, findings: ["schema/violation data/b.json"] });
    // Link texts are read by `cat-file --batch` and resolved by `ls-files -s` of the paths
    // reached: neither runs (the small commit is read from the work tree, HEAD's links from the
    // tree listed once for the cache).
    expect(
      run.ran.filter((l) => / git cat-file /.test(l) || / git ls-files .*data\//.test(l)),
      run.ran.join("\n"),
    ).toEqual([]);
    expect(run.ran.filter((l) => / git ls-tree -r /.test(l)).length).toBeLessThanOrEqual(1);
    // A second commit: HEAD's links come from the cache, no tree listing at all.
    r.write("data/b.json", VALID);
    r.git("add", "data/b.json");
    const again = await staged(r);
    expect(again.code).toBe(0);
    expect(
      again.ran.filter((l) => / git (?:cat-file|ls-tree -r) /.test(l) || / git ls-files .*data\//.test(l)),
      again.ran.join("\n"),
    ).toEqual([]);
  });
});
