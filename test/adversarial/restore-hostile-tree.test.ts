/**
 * A snapshot tree with duplicate names (git mktree accepts them; git fsck calls them broken):
 * `data/dup` as a file and `data/dup/` as a folder, or one path twice, each with a manifest that
 * lists them under a valid digest. Restore used to write some of it and then fail half way; it
 * must refuse before writing anything, as for `..` and `.git/` (those still refused: guards).
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const CONFIG = 'version: 1\nsnapshots:\n  sign: { format: none }\n  sets:\n    hourly: { paths: ["data/"] }\n';

function run(r: TestRepo, args: string[], input: string | Buffer): string {
  const p = spawnSync("git", args, { cwd: r.dir, input, encoding: "utf8" });
  expect(p.status, p.stderr).toBe(0);
  return p.stdout.trim();
}

/**
 * Put on the snapshot branch a commit whose data/ tree has `extra` added (ls-tree lines with
 * BLOB standing for a hostile blob and TREE for a folder holding it), optional top-level lines,
 * and a manifest (digest in the message recomputed) listing `listed` with the blob's checksum.
 */
function forge(r: TestRepo, extra: string, top: string, listed: string[]): void {
  const tip = r.git("rev-parse", "integrity-snapshots").trim();
  const content = "pwned\n";
  const blob = run(r, ["hash-object", "-w", "--stdin"], content);
  const sub = run(r, ["mktree"], `100644 blob ${blob}\tx.json\n`);
  const data = r.git("ls-tree", `${tip}:data`) + extra.replace(/BLOB/g, blob).replace(/TREE/g, sub);
  const dataTree = run(r, ["mktree"], data);
  const manifest = JSON.parse(r.git("show", `${tip}:.integrity-snapshot/manifest.json`)) as { files: Record<string, unknown> };
  const sha = crypto.createHash("sha256").update(content).digest("hex");
  for (const p of listed) manifest.files[p] = { sha256: sha, size: content.length, mode: "100644" };
  const text = JSON.stringify(manifest, null, 1) + "\n";
  const mBlob = run(r, ["hash-object", "-w", "--stdin"], text);
  const mTree = run(r, ["mktree"], `100644 blob ${mBlob}\tmanifest.json\n`);
  const topTree = run(
    r,
    ["mktree"],
    `040000 tree ${mTree}\t.integrity-snapshot\n040000 tree ${dataTree}\tdata\n${top.replace(/TREE/g, sub)}`,
  );
  const digest = crypto.createHash("sha256").update(text).digest("hex");
  const msg = r
    .git("log", "-1", "--format=%B", tip)
    .replace(/^Manifest-Digest: sha256:.*$/m, `Manifest-Digest: sha256:${digest}`)
    .replace(/^Snapshot-Files: .*$/m, `Snapshot-Files: ${Object.keys(manifest.files).length}`);
  const forged = run(r, ["commit-tree", topTree, "-p", tip, "-F", "-"], msg);
  r.git("update-ref", "refs/heads/integrity-snapshots", forged, tip);
}

/** Every path under data/ (files and folders), for "nothing was written". */
function listing(r: TestRepo): string[] {
  return (fs.readdirSync(path.join(r.dir, "data"), { recursive: true }) as string[]).sort();
}

async function setup(): Promise<TestRepo> {
  const r = createRepo();
  r.write(".integrity-guard/config.yml", CONFIG);
  r.write("data/a.json", '{"a":1}\n');
  r.write("data/b.json", '{"b":1}\n');
  r.commitAll("init");
  const s = await r.cli(["snapshot", "--set", "hourly"]);
  expect(s.code, s.stderr).toBe(0);
  r.write("data/a.json", "damaged");
  return r;
}

describe("restore of a snapshot tree with duplicate names", () => {
  it.each([
    ["a file and a folder of one name", "100644 blob BLOB\tdup\n040000 tree TREE\tdup\n", ["data/dup", "data/dup/x.json"], "data/dup"],
    ["one path twice", "100644 blob BLOB\tc.json\n100644 blob BLOB\tc.json\n", ["data/c.json"], "data/c.json"],
  ])("%s: refused before anything is written", async (_what, extra, listed, named) => {
    repo = await setup();
    forge(repo, extra, "", listed);
    const before = listing(repo);
    const r = await repo.cli(["restore", "latest", "--allow-unsigned"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(JSON.stringify(named));
    expect(listing(repo)).toEqual(before);
    expect(repo.read("data/a.json")).toBe("damaged");
  });

  it("a .git folder in the tree is still refused, writing nothing (guard)", async () => {
    repo = await setup();
    forge(repo, "", "040000 tree TREE\t.git\n", [".git/x.json"]);
    const r = await repo.cli(["restore", "latest", "--allow-unsigned"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("inside a .git folder");
    expect(fs.existsSync(path.join(repo.dir, ".git/x.json"))).toBe(false);
    expect(repo.read("data/a.json")).toBe("damaged");
  });
});
