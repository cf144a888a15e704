/**
 * Issue 15/18 (restore speed): the verify after a restore checks the files it wrote by lstat
 * (type and size; their bytes were hashed before they were written), and the writing checks
 * against the manifest any blob the read-back did not hand over. Both must still catch what
 * they name.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { SnapshotsConfig } from "../../src/config/types.js";
import { Git } from "../../src/io/git.js";
import { resolveSnapshot } from "../../src/io/snapshot/list.js";
import { planRestore, verifyRestored } from "../../src/io/snapshot/restore.js";
import { RESTORE_TEMP_RE, writeRestore } from "../../src/io/snapshot/restore-write.js";
import { loadSnapshot, type LoadedSnapshot } from "../../src/io/snapshot/verify.js";
import { readBackLoaded, type KeepBlobs } from "../../src/io/snapshot/readback.js";
import { snapshotConfig } from "../helpers/keys.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

const CONFIG: SnapshotsConfig = { sign: { format: "none" }, sets: { s: { paths: ["data/"] } } };

/** The blob ids loadSnapshot packed into the manifest, as the writing takes them. */
const oidsOf = (loaded: LoadedSnapshot) => ({ get: (p: string) => loaded.manifest.files.oidOf(p) });

async function setup(): Promise<{ repo: TestRepo; git: Git }> {
  const repo = createRepo();
  repo.write(".integrity-guard/config.yml", snapshotConfig({ sign: "{ format: none }", sets: '    s: { paths: ["data/"] }' }));
  for (let i = 0; i < 6; i++) repo.write(`data/d${i % 2}/f${i}.json`, JSON.stringify({ i, name: `item ${i}` }) + "\n");
  const run = await repo.cli(["snapshot", "--set", "s"]);
  expect(run.code, run.stderr).toBe(0);
  return { repo, git: await Git.open(repo.dir) };
}

/** Every temporary a restore left anywhere under data/. */
function temporaries(repo: TestRepo): string[] {
  return (fs.readdirSync(path.join(repo.dir, "data"), { recursive: true }) as string[]).filter((f) =>
    RESTORE_TEMP_RE.test(path.basename(f)),
  );
}

describe("restore verify", () => {
  it("reports a written file that is cut short, gone, or replaced by a folder after the write", async () => {
    const { repo, git } = await setup();
    try {
      fs.rmSync(path.join(repo.dir, "data"), { recursive: true });
      const record = await resolveSnapshot(git, CONFIG, "s");
      const loaded = await loadSnapshot(git, record);
      const plan = await planRestore(git, loaded.manifest, []);
      expect(plan.create).toHaveLength(6);
      await writeRestore(git, record.id, loaded.manifest, plan, {
        oids: oidsOf(loaded),
        blobs: loaded.blobs,
      });
      const writtenSet = new Set([...plan.create, ...plan.modify]);
      const written = (p: string) => writtenSet.has(p);
      expect(await verifyRestored(git, loaded.manifest, plan, written)).toEqual([]);
      expect(temporaries(repo)).toEqual([]);

      fs.truncateSync(path.join(repo.dir, "data/d0/f0.json"), 3);
      fs.rmSync(path.join(repo.dir, "data/d1/f1.json"));
      fs.rmSync(path.join(repo.dir, "data/d0/f2.json"));
      fs.mkdirSync(path.join(repo.dir, "data/d0/f2.json"));
      const findings = await verifyRestored(git, loaded.manifest, plan, written);
      const byFile = new Map(findings.map((f) => [f.file, f]));
      expect([...byFile.keys()].sort()).toEqual(["data/d0/f0.json", "data/d0/f2.json", "data/d1/f1.json"]);
      expect(byFile.get("data/d0/f0.json")).toMatchObject({ rule: "snapshot/checksum", found: "a file of 3 bytes" });
      expect(byFile.get("data/d0/f2.json")).toMatchObject({ rule: "snapshot/checksum", found: "a folder" });
      expect(byFile.get("data/d1/f1.json")?.message).toMatch(/not restored/);
    } finally {
      repo.cleanup();
    }
  });

  it("hashes the files the restore did not write: one changed behind its back is reported", async () => {
    const { repo, git } = await setup();
    try {
      const loaded = await loadSnapshot(git, await resolveSnapshot(git, CONFIG, "s"));
      const plan = await planRestore(git, loaded.manifest, []);
      expect(plan.unchanged).toHaveLength(6);
      // Same size, other bytes: only a hash sees it.
      const f = path.join(repo.dir, "data/d1/f3.json");
      fs.writeFileSync(f, fs.readFileSync(f, "utf8").replace("item", "ITEM"));
      const findings = await verifyRestored(git, loaded.manifest, plan, () => false);
      expect(findings.map((x) => x.file)).toEqual(["data/d1/f3.json"]);
      expect(findings[0]!.message).toMatch(/differs from the snapshot's manifest/);
    } finally {
      repo.cleanup();
    }
  });

  it("checks a blob the read-back did not hand over against the manifest before writing anything of its batch", async () => {
    const { repo, git } = await setup();
    try {
      fs.rmSync(path.join(repo.dir, "data"), { recursive: true });
      const record = await resolveSnapshot(git, CONFIG, "s");
      const loaded = await loadSnapshot(git, record);
      const plan = await planRestore(git, loaded.manifest, []);
      // The manifest says other bytes than git holds for one file (as a damaged object would).
      const files = loaded.manifest.files;
      const manifest = {
        files: { get: (p: string) => (p === "data/d1/f5.json" ? { ...files.get(p)!, sha256: "0".repeat(64) } : files.get(p)) },
      };
      await expect(writeRestore(git, record.id, manifest, plan, { oids: oidsOf(loaded) })).rejects.toThrow(
        /blob of data\/d1\/f5\.json .* differs from its manifest/,
      );
      expect(fs.existsSync(path.join(repo.dir, "data/d0/f0.json"))).toBe(false);
      // With the blobs the read-back checked, the same plan writes every file.
      await writeRestore(git, record.id, loaded.manifest, plan, { oids: oidsOf(loaded) });
      expect(await verifyRestored(git, loaded.manifest, plan, (p) => plan.create.includes(p))).toEqual([]);
    } finally {
      repo.cleanup();
    }
  });
  it("reads back in batches and keeps blobs only within its budget: the writing reads the rest again, byte for byte", async () => {
    const { repo, git } = await setup();
    try {
      const before = new Map(
        (fs.readdirSync(path.join(repo.dir, "data"), { recursive: true }) as string[])
          .filter((f) => f.endsWith(".json"))
          .map((f) => [f, fs.readFileSync(path.join(repo.dir, "data", f))]),
      );
      expect(before.size).toBe(6);
      const record = await resolveSnapshot(git, CONFIG, "s");
      const loaded = await loadSnapshot(git, record);
      // loadSnapshot reads the manifest only; no file's blob is held.
      expect(loaded.blobs.size).toBe(0);
      const all: KeepBlobs = { blobs: new Map(), budget: Number.MAX_SAFE_INTEGER };
      expect(await readBackLoaded(git, loaded, undefined, all)).toEqual([]);
      expect(all.blobs.size).toBe(6);
      const none: KeepBlobs = { blobs: new Map(), budget: 0 };
      expect(await readBackLoaded(git, loaded, undefined, none)).toEqual([]);
      expect(none.blobs.size).toBe(0);
      // A manifest digest other than the stored manifest's is reported.
      const wrong = await readBackLoaded(git, { ...loaded, manifestDigest: "sha256:" + "0".repeat(64) });
      expect(wrong.map((f) => [f.file, f.message])).toEqual([
        [".integrity-snapshot/manifest.json", "the stored manifest differs from the one written"],
      ]);

      fs.rmSync(path.join(repo.dir, "data"), { recursive: true });
      const plan = await planRestore(git, loaded.manifest, []);
      await writeRestore(git, record.id, loaded.manifest, plan, { oids: oidsOf(loaded), blobs: none.blobs });
      expect(await verifyRestored(git, loaded.manifest, plan, (p) => plan.create.includes(p))).toEqual([]);
      for (const [f, bytes] of before) expect(fs.readFileSync(path.join(repo.dir, "data", f)).equals(bytes), f).toBe(true);
    } finally {
      repo.cleanup();
    }
  });

  it("writes in batches of at most the files asked (fresh folders and files replaced): every file byte for byte, no temporaries left", async () => {
    const { repo, git } = await setup();
    try {
      const read = () =>
        new Map(
          (fs.readdirSync(path.join(repo.dir, "data"), { recursive: true }) as string[])
            .filter((f) => f.endsWith(".json"))
            .map((f) => [f, fs.readFileSync(path.join(repo.dir, "data", f), "utf8")]),
        );
      const before = read();
      const record = await resolveSnapshot(git, CONFIG, "s");
      const loaded = await loadSnapshot(git, record);
      // Into a missing folder (built whole under a temporary name), then over changed files.
      for (const damage of [
        () => fs.rmSync(path.join(repo.dir, "data"), { recursive: true }),
        () => {
          for (const f of ["d0/f0.json", "d1/f1.json", "d0/f2.json"]) fs.writeFileSync(path.join(repo.dir, "data", f), "changed\n");
        },
      ]) {
        damage();
        const plan = await planRestore(git, loaded.manifest, []);
        const batches: number[] = [];
        await writeRestore(git, record.id, loaded.manifest, plan, {
          oids: oidsOf(loaded),
          batchFiles: 2,
          onBatch: (files) => batches.push(files.length),
        });
        expect(batches.reduce((a, b) => a + b, 0)).toBe(plan.create.length + plan.modify.length);
        expect(Math.max(...batches)).toBe(2);
        expect(read()).toEqual(before);
        expect(temporaries(repo)).toEqual([]);
        expect(fs.readdirSync(repo.dir).filter((f) => f.includes("ig-restore"))).toEqual([]);
        expect(await verifyRestored(git, loaded.manifest, plan, () => true)).toEqual([]);
      }
    } finally {
      repo.cleanup();
    }
  });
});
