/**
 * Issue 15 (speed): an encrypted set is captured by the streaming path (capture.ts) like a set in
 * clear: each file read is encrypted before it becomes a blob, only ciphertext is packed, files
 * whose stat did not change keep the previous snapshot's ciphertext, and the read-back checks
 * that the tree names the very blobs written.
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Decrypter, generateX25519Identity, identityToRecipient } from "age-encryption";
import { beforeAll, describe, expect, it } from "vitest";
import { parseSnapshotManifest, serializeSnapshotManifest, type SnapshotManifest } from "../../src/core/snapshot/manifest.js";
import { Git } from "../../src/io/git.js";
import { captureStreaming } from "../../src/io/snapshot/capture.js";
import { openRecipients, type SetEncrypter } from "../../src/io/snapshot/encrypt.js";
import { collectSetFiles } from "../../src/io/snapshot/files.js";
import { snapshotConfig } from "../helpers/keys.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

const FILES = 120; // above the pack threshold (64): the first snapshot packs every blob
const MARK = "clear-text-marker-5b1e";

let identity: string;
let encrypter: SetEncrypter;
let otherEncrypter: SetEncrypter;
beforeAll(async () => {
  identity = await generateX25519Identity();
  const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "ig-enc-"));
  encrypter = await openRecipients({ recipients: [await identityToRecipient(identity)] }, dir, "s");
  otherEncrypter = await openRecipients({ recipients: [await identityToRecipient(await generateX25519Identity())] }, dir, "s");
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Replace `from` by `to` in a stat cache and seal its header's digest again (stat-cache.ts): a
 * cache that lies consistently, as one written by a faulty or hostile program would. (A cache
 * whose digest fails is not used at all.)
 */
function forgeCache(file: string, fromOid: string, toOid: string): void {
  // The blob ids are a binary column of their folder's block: the 20 bytes of the one replaced
  // by the other's, and the header's SHA-256 of the blocks made to agree.
  const bytes = fs.readFileSync(file);
  const at = bytes.indexOf(Buffer.from(fromOid, "hex"));
  expect(at).toBeGreaterThan(0);
  Buffer.from(toOid, "hex").copy(bytes, at);
  const nl = bytes.indexOf(10) + 1;
  const digest = crypto.createHash("sha256").update(bytes.subarray(nl)).digest("hex");
  bytes.write(digest, nl - 65, "latin1");
  fs.writeFileSync(file, bytes);
}

/** FILES files holding MARK, in 5 folders, dated a minute ago (outside the stat cache's racy window). */
function setup(): TestRepo {
  const repo = createRepo();
  repo.write(".integrity-guard/config.yml", snapshotConfig({ sign: "{ format: none }", sets: '    s: { paths: ["data/"] }' }));
  for (let i = 0; i < FILES; i++) repo.write(`data/d${i % 5}/f${i}.json`, JSON.stringify({ i, secret: MARK }) + "\n");
  const past = new Date(Date.now() - 60_000);
  for (const f of fs.readdirSync(path.join(repo.dir, "data"), { recursive: true }) as string[]) {
    const abs = path.join(repo.dir, "data", f);
    if (fs.statSync(abs).isFile()) fs.utimesSync(abs, past, past);
  }
  return repo;
}

/** Every object of the repository, loose and packed, as one text (contents after `git cat-file --batch`). */
function allObjects(repo: TestRepo): string {
  return execFileSync("git", ["cat-file", "--batch-all-objects", "--batch"], { cwd: repo.dir, maxBuffer: 1 << 28 }).toString("latin1");
}

/** path -> blob id of a tree. */
function blobIds(repo: TestRepo, tree: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of repo.git("ls-tree", "-r", tree).trim().split("\n")) {
    const [meta, p] = line.split("\t");
    out.set(p!, meta!.split(" ")[2]!);
  }
  return out;
}

describe("encrypted sets, streamed", () => {
  it("packs only age files that age-encryption opens to the bytes the manifest hashes; no clear byte reaches git", async () => {
    const repo = setup();
    try {
      const git = await Git.open(repo.dir);
      const { files } = await collectSetFiles(repo.dir, ["data/"]);
      const counters: { filesRead?: number; blobsWritten?: number } = {};
      const captured = await captureStreaming(git, { set: "s", paths: ["data/"], files, encrypter }, counters);
      await captured.verified;
      expect(counters).toMatchObject({ filesRead: FILES, blobsWritten: FILES });
      expect(allObjects(repo)).not.toContain(MARK);

      const text = repo.git("show", `${captured.tree}:.integrity-snapshot/manifest.json`);
      const manifest = parseSnapshotManifest(text) as SnapshotManifest;
      expect(manifest.encryption).toEqual({ format: "age", recipients: encrypter.recipientsId });
      // The streamed text is the one serializeSnapshotManifest writes (the digest depends on it).
      expect(serializeSnapshotManifest(manifest)).toBe(text);

      const d = new Decrypter();
      d.addIdentity(identity);
      for (const [p, oid] of blobIds(repo, captured.tree!)) {
        if (p.startsWith(".integrity-snapshot/")) continue;
        const blob = execFileSync("git", ["cat-file", "blob", oid], { cwd: repo.dir });
        expect(blob.subarray(0, 22).toString("latin1")).toBe("age-encryption.org/v1\n");
        const plain = Buffer.from(await d.decrypt(blob));
        expect(plain.equals(fs.readFileSync(path.join(repo.dir, p))), p).toBe(true);
        expect(plain.length).toBe(manifest.files[p]!.size);
      }
    } finally {
      repo.cleanup();
    }
  });

  it("re-encrypts only the changed file; every file again when the recipients change", async () => {
    const repo = setup();
    try {
      const git = await Git.open(repo.dir);
      const { files } = await collectSetFiles(repo.dir, ["data/"]);
      const first = await captureStreaming(git, { set: "s", paths: ["data/"], files, encrypter });
      await first.verified;
      const commit = repo.git("commit-tree", first.tree!, "-m", "snapshot").trim();

      repo.write("data/d3/f3.json", `{"changed":"${MARK}"}\n`);
      const again: { filesRead?: number; blobsWritten?: number } = {};
      const second = await captureStreaming(git, { set: "s", paths: ["data/"], files, previous: { id: commit }, encrypter }, again);
      await second.verified;
      expect(again).toMatchObject({ filesRead: 1, blobsWritten: 1 });
      const before = blobIds(repo, first.tree!);
      const after = blobIds(repo, second.tree!);
      const changed = [...after].filter(([p, oid]) => before.get(p) !== oid).map(([p]) => p);
      expect(changed.sort()).toEqual([".integrity-snapshot/manifest.json", "data/d3/f3.json"]);
      expect(allObjects(repo)).not.toContain(MARK);

      // Other recipients: the cache of the first ones names blobs they cannot open, so it is not used.
      const other: { filesRead?: number; blobsWritten?: number } = {};
      const third = await captureStreaming(
        git,
        { set: "s", paths: ["data/"], files, previous: { id: commit }, encrypter: otherEncrypter },
        other,
      );
      await third.verified;
      expect(other).toMatchObject({ filesRead: FILES, blobsWritten: FILES });
      const reencrypted = blobIds(repo, third.tree!);
      for (const [p, oid] of before) if (!p.startsWith(".integrity-snapshot/")) expect(reencrypted.get(p), p).not.toBe(oid);
    } finally {
      repo.cleanup();
    }
  });

  it("a stat cache naming another blob is not believed: the file is read and encrypted again", async () => {
    const repo = setup();
    try {
      const git = await Git.open(repo.dir);
      const { files } = await collectSetFiles(repo.dir, ["data/"]);
      const first = await captureStreaming(git, { set: "s", paths: ["data/"], files, encrypter });
      await first.verified;
      const commit = repo.git("commit-tree", first.tree!, "-m", "snapshot").trim();
      // The cache says data/d0/f0.json is the blob of data/d0/f5.json (same size, a valid age
      // file): without an identity the read-back could not tell, so the previous snapshot decides.
      const ids = blobIds(repo, first.tree!);
      const cacheDir = path.join(git.stateDir(), "age");
      const [sub] = fs.readdirSync(cacheDir);
      const cacheFile = path.join(cacheDir, sub!, "snapshot-stat", "s");
      forgeCache(cacheFile, ids.get("data/d0/f0.json")!, ids.get("data/d0/f5.json")!);
      repo.write("data/d1/f1.json", '{"changed":1}\n');
      const counters: { filesRead?: number } = {};
      const second = await captureStreaming(git, { set: "s", paths: ["data/"], files, previous: { id: commit }, encrypter }, counters);
      await second.verified;
      expect(counters.filesRead).toBe(2);
      const d = new Decrypter();
      d.addIdentity(identity);
      const blob = execFileSync("git", ["cat-file", "blob", blobIds(repo, second.tree!).get("data/d0/f0.json")!], { cwd: repo.dir });
      expect(Buffer.from(await d.decrypt(blob)).toString()).toBe(fs.readFileSync(path.join(repo.dir, "data/d0/f0.json"), "utf8"));
    } finally {
      repo.cleanup();
    }
  });
  it("a file rewritten with the same bytes keeps its ciphertext; a cache that lies about it is caught", async () => {
    const repo = setup();
    try {
      const git = await Git.open(repo.dir);
      const { files } = await collectSetFiles(repo.dir, ["data/"]);
      const first = await captureStreaming(git, { set: "s", paths: ["data/"], files, encrypter });
      await first.verified;
      const commit = repo.git("commit-tree", first.tree!, "-m", "snapshot").trim();
      const ids = blobIds(repo, first.tree!);
      // Same bytes, new stat (an editor's save, a checkout): read again, not encrypted again.
      const f0 = path.join(repo.dir, "data/d0/f0.json");
      fs.writeFileSync(f0, fs.readFileSync(f0));
      repo.write("data/d1/f1.json", '{"changed":1}\n');
      const counters: { filesRead?: number; blobsWritten?: number } = {};
      const second = await captureStreaming(git, { set: "s", paths: ["data/"], files, previous: { id: commit }, encrypter }, counters);
      await second.verified;
      expect(counters).toMatchObject({ filesRead: 2, blobsWritten: 1 });
      const after = blobIds(repo, second.tree!);
      expect(after.get("data/d0/f0.json")).toBe(ids.get("data/d0/f0.json"));
      expect(after.get("data/d1/f1.json")).not.toBe(ids.get("data/d1/f1.json"));

      // The cache now names f5's blob for f0, whose stat changed again: the bytes match the
      // record's digest, but the previous snapshot holds another blob, so f0 is encrypted again.
      const commit2 = repo.git("commit-tree", second.tree!, "-m", "snapshot 2").trim();
      const cacheDir = path.join(git.stateDir(), "age");
      const cacheFile = path.join(cacheDir, fs.readdirSync(cacheDir)[0]!, "snapshot-stat", "s");
      forgeCache(cacheFile, ids.get("data/d0/f0.json")!, ids.get("data/d0/f5.json")!);
      fs.writeFileSync(f0, fs.readFileSync(f0));
      repo.write("data/d2/f2.json", '{"changed":2}\n');
      const third = await captureStreaming(git, { set: "s", paths: ["data/"], files, previous: { id: commit2 }, encrypter });
      await third.verified;
      const oid = blobIds(repo, third.tree!).get("data/d0/f0.json")!;
      expect(oid).not.toBe(ids.get("data/d0/f5.json"));
      const d = new Decrypter();
      d.addIdentity(identity);
      const blob = execFileSync("git", ["cat-file", "blob", oid], { cwd: repo.dir });
      expect(Buffer.from(await d.decrypt(blob)).equals(fs.readFileSync(f0))).toBe(true);
    } finally {
      repo.cleanup();
    }
  });

  it("an unchanged set with a few files touched writes no blob and keeps its stat cache; the touched files are read again next time", async () => {
    const repo = setup();
    try {
      const git = await Git.open(repo.dir);
      const { files } = await collectSetFiles(repo.dir, ["data/"]);
      const first = await captureStreaming(git, { set: "s", paths: ["data/"], files, encrypter });
      await first.verified;
      const commit = repo.git("commit-tree", first.tree!, "-m", "snapshot").trim();
      const cacheDir = path.join(git.stateDir(), "age");
      const cacheFile = path.join(cacheDir, fs.readdirSync(cacheDir)[0]!, "snapshot-stat", "s");
      const before = fs.readFileSync(cacheFile);
      const objects = repo.git("count-objects", "-v");
      const f0 = path.join(repo.dir, "data/d0/f0.json");
      fs.writeFileSync(f0, fs.readFileSync(f0));
      for (const round of [1, 2]) {
        const counters: { filesRead?: number; blobsWritten?: number } = {};
        const again = await captureStreaming(
          git,
          { set: "s", paths: ["data/"], files, previous: { id: commit, digest: first.digest }, encrypter },
          counters,
        );
        expect(again.tree, `round ${round}`).toBeUndefined();
        expect(again.digest).toBe(first.digest);
        expect(counters, `round ${round}`).toMatchObject({ filesRead: 1, blobsWritten: 0 });
        expect(fs.readFileSync(cacheFile).equals(before), `round ${round}`).toBe(true);
      }
      expect(repo.git("count-objects", "-v")).toBe(objects);
    } finally {
      repo.cleanup();
    }
  });
});
