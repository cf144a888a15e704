/**
 * The pre-commit hook makes git load the whole index once per commit, for the staged diff
 * (`git diff-index --cached`, which cannot do without it), and never again (issue 20): each
 * load costs what the repository holds (0.35 s of CPU and 118 MB at 500,000 files), not what
 * the commit changes. Counted from git's own trace (GIT_TRACE2_EVENT: every git process the hook
 * starts reports each index it read and its entry count), not by time. The case that read it
 * twice: HEAD moved since the last hook (the usual case: every commit moves it), so the cache of
 * HEAD's symlinks is brought up to date with `git diff-tree`, which loads the index first.
 * Run through the built bundle, as git runs the hook.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeTempDir, type TestRepo } from "../helpers/repo.js";
import { hookRepo, SCHEMA_VIOLATION, VALID } from "../e2e/hook-fixture.js";
import { addFilesAndLinks, ruleFiles } from "../helpers/hook-links.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

interface IndexRead {
  /** The git subcommand that read it. */
  command: string;
  /** Index entries it loaded. */
  entries: number;
}

/** `check --staged` through the bundle, with every index a git process read (entries > 0). */
function hook(r: TestRepo): { code: number; stdout: string; reads: IndexRead[] } {
  const trace = path.join(makeTempDir("ig-trace2-"), "events");
  const run = r.cliBundle(["check", "--staged", "--format", "json"], { GIT_TRACE2_EVENT: trace });
  const commandOf = new Map<string, string>();
  const reads: { sid: string; entries: number }[] = [];
  const lines = fs.existsSync(trace) ? fs.readFileSync(trace, "utf8").split("\n").filter(Boolean) : [];
  for (const line of lines) {
    const e = JSON.parse(line) as { event: string; sid: string; argv?: string[]; category?: string; key?: string; value?: string };
    if (e.event === "start" && e.argv) {
      // The subcommand: git's own options (`-c name=value`, `-C dir`) come first.
      const args = e.argv.slice(1);
      let i = 0;
      while (i < args.length && args[i]!.startsWith("-")) i += args[i] === "-c" || args[i] === "-C" ? 2 : 1;
      commandOf.set(e.sid, args[i] ?? "");
    }
    if (e.event === "data" && e.category === "index" && e.key === "read/cache_nr") reads.push({ sid: e.sid, entries: Number(e.value) });
  }
  return {
    code: run.code,
    stdout: run.stdout,
    reads: reads.filter((x) => x.entries > 0).map((x) => ({ command: commandOf.get(x.sid) ?? "?", entries: x.entries })),
  };
}

describe("the hook and git's index", () => {
  it("has git load the index once, for the staged diff, also after HEAD moved", () => {
    // data/*.json under a schema; a committed symlink: the hook keeps HEAD's links
    // (src/io/head-links.ts) and judges a link's target under the link's name.
    const r = hookRepo({ install: false, localBinary: false });
    repo = r;
    const files: Record<string, string> = { "other/t.json": VALID, "other/u.json": VALID, "notes/free.json": '{"n":0}\n' };
    for (let i = 0; i < 40; i++) files[`data/d${i % 4}/f${i}.json`] = VALID;
    addFilesAndLinks(r, files, { "data/state.json": "../other/t.json" });

    // First hook in this clone: its caches are filled (HEAD's links listed from the tree).
    r.write("notes/free.json", '{"n":1}\n');
    r.git("add", "notes/free.json");
    expect(hook(r).code).toBe(0);
    // HEAD moves (as every commit moves it), and a link is added by that commit.
    r.git("commit", "-q", "--no-verify", "-m", "free");
    addFilesAndLinks(r, {}, { "data/second.json": "../other/u.json" });

    // A commit of one unmapped file.
    r.write("notes/free.json", '{"n":2}\n');
    r.git("add", "notes/free.json");
    const indexEntries = r.git("ls-files").trim().split("\n").length;
    const outside = hook(r);
    expect(outside.code).toBe(0);
    expect(outside.reads).toEqual([{ command: "diff-index", entries: indexEntries }]);
    r.git("commit", "-q", "--no-verify", "-m", "free again");

    // The target of the link the moved HEAD added is still judged under the link's name (its
    // schema), at the same index cost.
    r.write("other/u.json", SCHEMA_VIOLATION);
    r.git("add", "other/u.json");
    const blocked = hook(r);
    expect({ code: blocked.code, findings: ruleFiles(blocked.stdout) }).toEqual({
      code: 1,
      findings: ["schema/violation data/second.json"],
    });
    expect(blocked.reads.map((x) => x.command)).toEqual(["diff-index"]);
  }, 120_000);
});
