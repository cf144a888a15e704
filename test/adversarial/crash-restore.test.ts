/**
 * Issue 14 item 3: a restore killed at the moment it writes leaves every file either as it was
 * or as the snapshot has it (never missing, never cut short), the undo command was printed and
 * recorded before the first change, and the next run offers the undo and the resume. A restore
 * across a file-to-folder change works and can be undone.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepo, GIT_ENV, PROJECT_ROOT, type TestRepo } from "../helpers/repo.js";
import { makeSshKey, snapshotConfig, type SshKey } from "../helpers/keys.js";

const TSX = path.join(PROJECT_ROOT, "node_modules/tsx/dist/esm/index.mjs");
const MAIN = path.join(PROJECT_ROOT, "src/main.ts");
const JOURNAL = ".git/integrity-guard/restore-journal.json";

let key: SshKey;
beforeAll(() => {
  key = makeSshKey();
});
afterAll(() => key.cleanup());

/** Every file under `under` (not .git), path -> sha256 (deep-comparing 20 MiB of Buffers is slow). */
function tree(repo: TestRepo, under = ""): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(repo.dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (r === ".git") continue;
      if (e.isDirectory()) walk(r);
      else out.set(r, sha(fs.readFileSync(path.join(repo.dir, r))));
    }
  };
  walk(under);
  return out;
}

const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");
const digests = (m: Map<string, Buffer>) => new Map([...m].map(([p, b]) => [p, sha(b)]));

function setRepoTo(repo: TestRepo, files: Map<string, Buffer>): void {
  fs.rmSync(path.join(repo.dir, "data"), { recursive: true, force: true });
  for (const [p, b] of files) repo.write(p, b);
}

/** Run the CLI from source in a child; kill it `delayMs` after its first write under data/. */
async function restoreKilledWhileWriting(
  repo: TestRepo,
  env: NodeJS.ProcessEnv,
  delayMs: number,
): Promise<{ signal: NodeJS.Signals | null; code: number | null; stderr: string; stdout: string }> {
  const child = spawn(process.execPath, ["--import", TSX, MAIN, "restore", "hourly"], {
    cwd: repo.dir,
    env: { ...process.env, ...GIT_ENV, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let stdout = "";
  child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
  child.stdout.on("data", (b: Buffer) => (stdout += b.toString()));
  // inotify on the folder being restored: the first event is the restore's first write.
  const watcher = fs.watch(path.join(repo.dir, "data"), () => {
    watcher.close();
    setTimeout(() => child.kill("SIGKILL"), delayMs);
  });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on("close", (c, s) => resolve([c, s])),
  );
  watcher.close();
  return { code, signal, stderr, stdout };
}

describe("restore killed while it writes", () => {
  it("leaves every file old or new, printed and recorded the undo first, and the next run offers undo or resume", async () => {
    const repo = createRepo();
    const env = { IG_TEST_SIGNING_KEY: key.privateKey };
    try {
      repo.write(".integrity-guard/config.yml", snapshotConfig());
      repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
      // The snapshot ("new"): 40 files of 256 KiB, one only in the snapshot.
      const fresh = new Map<string, Buffer>();
      for (let i = 0; i < 40; i++) fresh.set(`data/f${String(i).padStart(2, "0")}.json`, Buffer.alloc(256 << 10, 0x30 + (i % 10)));
      fresh.set("data/only-new.json", Buffer.from('{"new":true}\n'));
      setRepoTo(repo, fresh);
      repo.write("state.json", '{"v":1}\n');
      repo.commitAll("init");
      const snap = await repo.cli(["snapshot", "--set", "hourly"], env);
      expect(snap.code, snap.stderr).toBe(0);
      const snapId = repo.git("rev-parse", "integrity-snapshots").trim();
      // The state before the restore ("old"): every file different, one only here.
      const old = new Map<string, Buffer>();
      for (let i = 0; i < 40; i++) old.set(`data/f${String(i).padStart(2, "0")}.json`, Buffer.alloc(200 << 10, 0x61 + (i % 20)));
      old.set("data/only-old.json", Buffer.from('{"old":true}\n'));

      let killed = 0;
      for (const [n, delay] of [0, 1, 3, 8, 15, 30].entries()) {
        setRepoTo(repo, old);
        const r = await restoreKilledWhileWriting(repo, env, delay);
        if (r.signal !== "SIGKILL") {
          // Finished before the kill landed: a complete restore.
          expect(r.code, r.stderr).toBe(0);
          expect(tree(repo, "data")).toEqual(digests(fresh));
          continue;
        }
        killed++;
        const now = tree(repo, "data");
        for (const p of new Set([...old.keys(), ...fresh.keys(), ...now.keys()])) {
          const got = now.get(p);
          const allowed = [old.get(p), fresh.get(p)].filter((b): b is Buffer => b !== undefined).map(sha);
          if (got === undefined) {
            // Absent is a valid state only for a file that one side does not have.
            expect(old.has(p) && fresh.has(p), `${p} is missing after the kill (delay ${delay} ms)`).toBe(false);
          } else {
            const ok = allowed.includes(got) || /\.ig-restore\.\d+(?:s\d+)?\.[0-9a-f]{8}\.tmp$/.test(p);
            const size = fs.statSync(path.join(repo.dir, p)).size;
            expect(ok, `${p} is neither the old nor the new version (${size} bytes, delay ${delay} ms)`).toBe(true);
          }
        }
        if (!fs.existsSync(path.join(repo.dir, JOURNAL)) && r.stderr.includes("undo it with")) {
          // Killed after the restore had finished (journal settled): a complete restore.
          expect(tree(repo, "data")).toEqual(digests(fresh));
          continue;
        }
        // The undo was printed before the first change and recorded in the journal.
        const printed = /undo it with: (integrity-guard restore [0-9a-f]{40}(?: --allow-unsigned)?)/.exec(r.stderr);
        expect(printed, r.stderr).not.toBeNull();
        expect(fs.existsSync(path.join(repo.dir, JOURNAL))).toBe(true);
        const undo = printed![1]!;

        // The next restore of anything else refuses (exit 2) and names both ways out.
        const next = await repo.cli(["restore", "latest", "state.json"], env);
        expect(next.code).toBe(2);
        expect(next.stderr).toContain("an interrupted restore");
        expect(next.stderr).toContain(`undo with: ${undo}`);
        expect(next.stderr).toContain(`resume with: integrity-guard restore ${snapId}`);
        expect(fs.existsSync(path.join(repo.dir, JOURNAL))).toBe(true);

        // Alternate: undo brings back the old state exactly; resume finishes the restore.
        if (n % 2 === 0) {
          const u = await repo.cli(undo.split(" ").slice(1), env);
          expect(u.code, u.stderr).toBe(0);
          expect(tree(repo, "data")).toEqual(digests(old));
        } else {
          const resume = /resume with: (integrity-guard restore [0-9a-f]{40}[^\n]*)/.exec(next.stderr)![1]!.trim();
          const f = await repo.cli(resume.split(" ").slice(1), env);
          expect(f.code, f.stderr).toBe(0);
          expect(tree(repo, "data")).toEqual(digests(fresh));
        }
        expect(fs.existsSync(path.join(repo.dir, JOURNAL))).toBe(false);
      }
      expect(killed).toBeGreaterThanOrEqual(3);
    } finally {
      repo.cleanup();
    }
  }, 180_000);

  it("restores across a file-to-folder and a folder-to-file change, and undoes both", async () => {
    const repo = createRepo();
    const env = { IG_TEST_SIGNING_KEY: key.privateKey };
    try {
      repo.write(".integrity-guard/config.yml", snapshotConfig());
      repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
      repo.write("data/x/a.json", '{"a":1}\n'); // a folder in the snapshot
      repo.write("data/y", "a file in the snapshot\n");
      repo.write("state.json", "{}\n");
      repo.commitAll("init");
      expect((await repo.cli(["snapshot", "--set", "hourly"], env)).code).toBe(0);
      const snapshotState = tree(repo, "data");
      fs.rmSync(path.join(repo.dir, "data/x"), { recursive: true });
      repo.write("data/x", "now a file\n");
      fs.rmSync(path.join(repo.dir, "data/y"));
      repo.write("data/y/b.json", '{"b":2}\n');
      repo.write("data/y/deep/c.json", '{"c":3}\n');
      const before = tree(repo, "data");

      const r = await repo.cli(["restore", "hourly"], env);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(r.stderr + r.stdout).not.toContain("internal error");
      expect(tree(repo, "data")).toEqual(snapshotState);
      const undo = /^\s+(integrity-guard restore [0-9a-f]{40})$/m.exec(r.stdout)![1]!;
      const u = await repo.cli(undo.split(" ").slice(1), env);
      expect(u.code, u.stderr).toBe(0);
      expect(tree(repo, "data")).toEqual(before);
      expect(fs.existsSync(path.join(repo.dir, JOURNAL))).toBe(false);
    } finally {
      repo.cleanup();
    }
  });

  it("refuses, before writing anything, to replace a folder holding a symlink the restore does not cover", async () => {
    const repo = createRepo();
    const env = { IG_TEST_SIGNING_KEY: key.privateKey };
    try {
      repo.write(".integrity-guard/config.yml", snapshotConfig());
      repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
      repo.write("data/y", "a file in the snapshot\n");
      repo.write("data/z.json", "{}\n");
      repo.commitAll("init");
      expect((await repo.cli(["snapshot", "--set", "hourly"], env)).code).toBe(0);
      fs.rmSync(path.join(repo.dir, "data/y"));
      repo.write("data/y/b.json", "{}\n");
      fs.symlinkSync("b.json", path.join(repo.dir, "data/y/link"));
      repo.write("data/z.json", '{"changed":1}\n');
      const before = tree(repo, "data");
      const r = await repo.cli(["restore", "hourly"], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("data/y/link");
      expect(tree(repo, "data")).toEqual(before);
    } finally {
      repo.cleanup();
    }
  });
});
