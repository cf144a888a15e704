/**
 * Issue 20 (restore at 500,000 files under 300 MB): the snapshot manifest is packed as git
 * streams it (manifest-read.ts), never held whole; anything out of the ordinary (a layout
 * `snapshot` does not write, an edited text) is read whole as before, with the same outcome.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { isUtf8 } from "node:buffer";
import { afterEach, describe, expect, it } from "vitest";
import { manifestReadProbe, Utf8Check } from "../../src/io/snapshot/manifest-read.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const CONFIG = 'version: 1\nsnapshots:\n  sign: { format: none }\n  sets:\n    s: { paths: ["data/"] }\n';
const FILES = 700; // a manifest of about 90 KB: more than one 64 KiB chunk of git's pipe

function run(r: TestRepo, args: string[], input: string | Buffer): string {
  const p = spawnSync("git", args, { cwd: r.dir, input, encoding: "utf8" });
  expect(p.status, p.stderr).toBe(0);
  return p.stdout.trim();
}

/** Replace the newest snapshot's manifest by `text(old)`; `digestOf` is what its message claims. */
function reManifest(r: TestRepo, text: (old: string) => string, digestOf: (t: string) => string = (t) => t): void {
  const tip = r.git("rev-parse", "integrity-snapshots").trim();
  const t = text(r.git("show", `${tip}:.integrity-snapshot/manifest.json`));
  const mBlob = run(r, ["hash-object", "-w", "--stdin"], t);
  const mTree = run(r, ["mktree"], `100644 blob ${mBlob}\tmanifest.json\n`);
  const dataTree = r.git("rev-parse", `${tip}:data`).trim();
  const top = run(r, ["mktree"], `040000 tree ${mTree}\t.integrity-snapshot\n040000 tree ${dataTree}\tdata\n`);
  const digest = crypto.createHash("sha256").update(digestOf(t)).digest("hex");
  const msg = r.git("log", "-1", "--format=%B", tip).replace(/^Manifest-Digest: sha256:.*$/m, `Manifest-Digest: sha256:${digest}`);
  const forged = run(r, ["commit-tree", top, "-p", tip, "-F", "-"], msg);
  r.git("update-ref", "refs/heads/integrity-snapshots", forged, tip);
}

async function setup(): Promise<TestRepo> {
  const r = createRepo();
  r.write(".integrity-guard/config.yml", CONFIG);
  for (let i = 0; i < FILES; i++) r.write(`data/d${i % 7}/f${i}.json`, JSON.stringify({ i }) + "\n");
  r.commitAll("init");
  const s = await r.cli(["snapshot", "--set", "s"]);
  expect(s.code, s.stderr).toBe(0);
  return r;
}

/** Restore the whole set into an emptied data/ and say how the manifest was read. */
async function restoreAll(r: TestRepo): Promise<{ code: number; stderr: string; streamed: number; declined: number }> {
  fs.rmSync(path.join(r.dir, "data"), { recursive: true });
  const before = { ...manifestReadProbe };
  const res = await r.cli(["restore", "s", "--allow-unsigned"]);
  return {
    code: res.code,
    stderr: res.stderr,
    streamed: manifestReadProbe.streamed - before.streamed,
    declined: manifestReadProbe.declined - before.declined,
  };
}

const restoredAll = (r: TestRepo) =>
  Array.from({ length: FILES }, (_, i) => r.read(`data/d${i % 7}/f${i}.json`) === JSON.stringify({ i }) + "\n").every(Boolean);

describe("restore reads the snapshot manifest as git streams it", () => {
  it("what snapshot wrote: packed chunk by chunk (no chunk of the whole text), every file restored", async () => {
    repo = await setup();
    const size = Number(repo.git("cat-file", "-s", "integrity-snapshots:.integrity-snapshot/manifest.json").trim());
    expect(size).toBeGreaterThan(65536);
    manifestReadProbe.largestChunk = 0;
    const r = await restoreAll(repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r).toMatchObject({ streamed: 1, declined: 0 });
    expect(manifestReadProbe.largestChunk).toBeLessThan(size);
    expect(restoredAll(repo)).toBe(true);
  });

  it("another layout of the same manifest, signed digest matching: read whole, the same restore", async () => {
    repo = await setup();
    reManifest(repo, (old) => JSON.stringify(JSON.parse(old), null, 2) + "\n");
    const r = await restoreAll(repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r).toMatchObject({ streamed: 0, declined: 1 });
    expect(restoredAll(repo)).toBe(true);
  });

  it("a manifest edited after signing: read whole, refused with the digest mismatch as before", async () => {
    repo = await setup();
    reManifest(
      repo,
      (old) => old.replace(/"size": 8,/, '"size": 9,'),
      () => "the text that was signed",
    );
    const r = await restoreAll(repo);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/snapshot\/checksum: the manifest of snapshot [0-9a-f]{12} does not match the digest in its message/);
    expect(r).toMatchObject({ streamed: 0, declined: 1 });
    expect(fs.existsSync(path.join(repo.dir, "data"))).toBe(false);
  });

  it("a manifest whose last entry is followed by a comma (not JSON): refused as invalid, as before", async () => {
    repo = await setup();
    reManifest(repo, (old) => old.replace(/\n }\n}\n$/, ",\n }\n}\n"));
    const r = await restoreAll(repo);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/snapshot\/checksum: the manifest of snapshot [0-9a-f]{12} is invalid/);
    expect(r).toMatchObject({ streamed: 0, declined: 1 });
  });
});

describe("UTF-8 checked chunk by chunk", () => {
  it("agrees with a check of the whole bytes wherever the chunks cut a character", () => {
    const samples = [
      Buffer.from("plain ascii"),
      Buffer.from("é ü 😀 \uE000 中文 end"),
      Buffer.from([0x61, 0xc3]), // cut at the end
      Buffer.from([0xe2, 0x82, 0x61]), // a continuation missing
      Buffer.from([0xed, 0xa0, 0x80]), // a surrogate
      Buffer.from([0xc0, 0xaf]), // overlong
      Buffer.from([0xf4, 0x90, 0x80, 0x80]), // past U+10FFFF
      Buffer.from([0x80, 0x61]), // a lone continuation
      Buffer.concat([Buffer.from("x😀"), Buffer.from([0xff]), Buffer.from("y")]),
    ];
    for (const bytes of samples)
      for (let size = 1; size <= bytes.length; size++)
        for (let first = 0; first <= Math.min(size, bytes.length); first++) {
          const check = new Utf8Check();
          check.push(bytes.subarray(0, first));
          for (let at = first; at < bytes.length; at += size) check.push(bytes.subarray(at, at + size));
          expect(check.finish(), `${bytes.toString("hex")} first ${first} then ${size}`).toBe(isUtf8(bytes));
        }
  });
});
