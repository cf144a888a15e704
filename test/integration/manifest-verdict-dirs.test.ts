/**
 * The warm verify's folder states (src/io/hash/dir-state.ts, verdict.ts): a clean-run verdict
 * skips the walk when every folder it listed has the same lstat and is not racy. These tests
 * are the cases where that must NOT be trusted. Several forge the verdict file to what a coarse
 * clock would leave behind (a folder's state unchanged although its listing changed), to show
 * which guard catches the change, with a control where the same forgery is trusted.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import { makeTempDir } from "../helpers/repo.js";
import {
  CONFIG,
  ageTree,
  parseReport,
  rulesOf,
  sealedRepoFixture,
  statCacheFile,
  waitPastIndexWrite,
  type JsonReport,
} from "./manifest-helpers.js";

let repo: TestRepo;
let outside: string | undefined;
afterEach(() => {
  repo?.cleanup();
  if (outside) fs.rmSync(outside, { recursive: true, force: true });
  outside = undefined;
});

interface VerdictFile {
  dirs: Record<string, unknown>;
  stamp: string;
  [k: string]: unknown;
}

const verdictPath = (r: TestRepo) => statCacheFile(r)!.replace(/\.json$/, ".verdict.json");
const readVerdict = (r: TestRepo) => JSON.parse(fs.readFileSync(verdictPath(r), "utf8")) as VerdictFile;
const writeVerdict = (r: TestRepo, v: VerdictFile) => fs.writeFileSync(verdictPath(r), JSON.stringify(v));

/** The state dir-state.ts records for a folder now. */
function stateNow(r: TestRepo, rel: string): string[] {
  const st = fs.lstatSync(path.join(r.dir, rel), { bigint: true });
  return [String(st.size), String(st.mtimeNs), String(st.ino), String(st.ctimeNs)];
}

async function verifyJson(): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const v = await repo.cli(["verify", "--format", "json"]);
  return { code: v.code, report: v.stdout ? parseReport(v.stdout) : { findings: [], summary: {} }, stderr: v.stderr };
}

/** A sealed repo whose warm verify takes the verdict's fast path. */
async function warm(): Promise<void> {
  repo = sealedRepoFixture();
  repo.write("data/scratch/notes.tmp", "excluded\n"); // a folder holding nothing covered
  expect((await repo.cli(["seal"])).code).toBe(0);
  ageTree(repo.dir);
  repo.git("update-index", "-q", "--refresh");
  await waitPastIndexWrite(repo);
  expect((await repo.cli(["verify"])).code).toBe(0); // full run: records the verdict
  const fast = await verifyJson();
  expect(fast.report.summary.clean_run_verdict).toBe(true);
  expect(fast.report.summary.checked).toBe(7);
  const v = readVerdict(repo);
  // Every folder listed, and the file root on the way: what the fast path lstat's.
  expect(Object.keys(v.dirs).sort()).toEqual([
    "agent_workspaces",
    "agent_workspaces/meeting",
    "data",
    "data/live",
    "data/scratch",
    "data/sub",
    "fsm_state.json",
  ]);
  expect(v.dirs["fsm_state.json"]).toBe("f");
}

describe("verdict folder states: when the fast path must not be trusted", () => {
  it("a file added in a folder within the racy window of the verdict's walk is found", async () => {
    await warm();
    repo.write("data/sub/new.json", "{}\n");
    // What a coarse clock leaves: the folder's recorded state equals its state after the add.
    const v = readVerdict(repo);
    const now = stateNow(repo, "data/sub");
    v.dirs["data/sub"] = now;
    v.stamp = String(BigInt(now[1]!) + 500_000_000n); // the walk started in the same second
    writeVerdict(repo, v);
    const racy = await verifyJson();
    expect(racy.report.summary.clean_run_verdict).toBeUndefined();
    expect(rulesOf(racy.report)).toEqual(["manifest/added data/sub/new.json"]);
    expect(racy.code).toBe(1);
    // Control: the same forged state with a walk long after the folder's mtime is trusted,
    // which is why the racy rule matters (the failed run removed the verdict: write it again).
    writeVerdict(repo, { ...v, stamp: String(BigInt(now[1]!) + 10_000_000_000n) });
    const trusted = await verifyJson();
    expect(trusted.report.summary.clean_run_verdict).toBe(true);
    expect(trusted.report.findings).toEqual([]);
  });

  it("a folder replaced by a symlink to a copy of it is not trusted", async () => {
    await warm();
    // data/scratch holds nothing covered, so neither git nor the file stats can see the swap:
    // only the folder's own recorded state can (the parent's is forged to match).
    outside = makeTempDir("ig-outside-");
    fs.cpSync(path.join(repo.dir, "data/scratch"), outside, { recursive: true });
    fs.rmSync(path.join(repo.dir, "data/scratch"), { recursive: true });
    fs.symlinkSync(outside, path.join(repo.dir, "data/scratch"));
    const v = readVerdict(repo);
    v.dirs["data"] = stateNow(repo, "data");
    v.stamp = String(BigInt(Date.now() + 10_000) * 1_000_000n);
    writeVerdict(repo, v);
    const r = await verifyJson();
    expect(r.report.summary.clean_run_verdict).toBeUndefined();
    expect(rulesOf(r.report)).toEqual(["manifest/added data/scratch"]); // a link now, never followed
  });

  it("a folder holding sealed files replaced by a symlink to a copy is refused (exit 2)", async () => {
    await warm();
    outside = makeTempDir("ig-outside-");
    fs.cpSync(path.join(repo.dir, "data/sub"), outside, { recursive: true });
    fs.rmSync(path.join(repo.dir, "data/sub"), { recursive: true });
    fs.symlinkSync(outside, path.join(repo.dir, "data/sub"));
    const r = await verifyJson();
    expect(r.report.summary.clean_run_verdict).toBeUndefined();
    expect(r.code).toBe(2); // the sealed data/sub/b.json lies beyond a symlink: refused by name
    expect(r.stderr).toMatch(/data\/sub/);
  });

  // (Deleting a folder only matters when it held covered files, which git or the recorded file
  // stats also catch; this checks the folder state path end to end with the parent forged.)
  it("a deleted folder is not trusted: its sealed files are missing", async () => {
    await warm();
    fs.rmSync(path.join(repo.dir, "data/live"), { recursive: true });
    const v = readVerdict(repo);
    v.dirs["data"] = stateNow(repo, "data");
    v.stamp = String(BigInt(Date.now() + 10_000) * 1_000_000n);
    writeVerdict(repo, v);
    const r = await verifyJson();
    expect(r.report.summary.clean_run_verdict).toBeUndefined();
    expect(rulesOf(r.report)).toEqual(["manifest/missing data/live/state.json"]);
  });

  it("an entry whose kind changed (an excluded file replaced by a folder of covered files) is found", async () => {
    await warm();
    fs.rmSync(path.join(repo.dir, "data/scratch.tmp"));
    repo.write("data/scratch.tmp/inner.json", "{}\n");
    const r = await verifyJson();
    expect(r.report.summary.clean_run_verdict).toBeUndefined();
    expect(rulesOf(r.report)).toEqual(["manifest/added data/scratch.tmp/inner.json"]);
  });

  it("a verdict stamped in the second the index was written is not trusted; one a second later is", async () => {
    await warm();
    // git compares ctimes in whole seconds: after such a verdict, a tracked file changed in its
    // index entry's second (mtime put back) would look clean to diff-files (racy-stat-cache).
    const idx = fs.statSync(path.join(repo.dir, ".git/index"), { bigint: true });
    const written = idx.mtimeNs > idx.ctimeNs ? idx.mtimeNs : idx.ctimeNs;
    const second = 1_000_000_000n;
    const v = readVerdict(repo);
    v.stamp = String((written / second) * second + second - 1n); // the index's own second
    writeVerdict(repo, v);
    const same = await verifyJson();
    expect(same.code).toBe(0);
    expect(same.report.summary.clean_run_verdict).toBeUndefined();
    v.stamp = String((written / second + 1n) * second + 100_000_000n); // the next second
    writeVerdict(repo, v);
    const next = await verifyJson();
    expect(next.code).toBe(0);
    expect(next.report.summary.clean_run_verdict).toBe(true);
  });

  it("a tracked file replaced by a symlink of the same name is found", async () => {
    await warm();
    fs.rmSync(path.join(repo.dir, "data/a.json"));
    fs.symlinkSync("sub/b.json", path.join(repo.dir, "data/a.json"));
    const r = await verifyJson();
    expect(r.report.summary.clean_run_verdict).toBeUndefined();
    expect(rulesOf(r.report)).toEqual(["manifest/modified data/a.json"]);
  });

  it("a file root replaced by a folder is found", async () => {
    await warm();
    fs.rmSync(path.join(repo.dir, "fsm_state.json"));
    repo.write("fsm_state.json/x.json", "{}\n");
    const r = await verifyJson();
    expect(r.report.summary.clean_run_verdict).toBeUndefined();
    expect(r.code).not.toBe(0);
  });

  it("changed include globs do not reuse the verdict (a new root is walked)", async () => {
    await warm();
    repo.write(".integrity-guard/config.yml", CONFIG.replace('"fsm_state.json"]', '"fsm_state.json", "other/**"]'));
    const r = await verifyJson();
    expect(r.report.summary.clean_run_verdict).toBeUndefined();
    expect(rulesOf(r.report)).toEqual(["manifest/added other/not-covered.json"]);
  });

  it.each([
    ["truncated", (t: string) => t.slice(0, Math.floor(t.length / 2))],
    ["not JSON", () => "\u0000\u0001garbage"],
    ["a folder state of the wrong shape", (t: string) => JSON.stringify({ ...JSON.parse(t), dirs: { data: "yes" } })],
    ["no folder states", (t: string) => JSON.stringify({ ...JSON.parse(t), dirs: {} })],
    ["an other-file record of the wrong shape", (t: string) => JSON.stringify({ ...JSON.parse(t), others: { "data/run.log": "x" } })],
    ["a stamp that is not a number", (t: string) => JSON.stringify({ ...JSON.parse(t), stamp: "soon" })],
  ])("a verdict file that is %s is ignored, never trusted", async (_name, damage) => {
    await warm();
    repo.write("data/sub/added.json", "{}\n");
    const v = readVerdict(repo);
    v.dirs["data/sub"] = stateNow(repo, "data/sub"); // would hide the add if it were trusted
    v.stamp = String(BigInt(Date.now() + 10_000) * 1_000_000n);
    fs.writeFileSync(verdictPath(repo), damage(JSON.stringify(v)));
    const r = await verifyJson();
    expect(r.report.summary.clean_run_verdict).toBeUndefined();
    expect(rulesOf(r.report)).toEqual(["manifest/added data/sub/added.json"]);
    expect(r.code).toBe(1);
  });
});
