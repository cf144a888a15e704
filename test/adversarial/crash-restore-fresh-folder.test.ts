/**
 * Issue 15/18 (restore speed): a folder missing from the work tree is restored whole under a
 * temporary name and renamed into place (its files need no temporary and no rename each). A
 * restore killed at any moment must still leave each file old (here: absent) or new, never a
 * half-written file at its own name; the leftover temporary folder is swept by the undo or the
 * resume, which end in the old or the new state exactly.
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
const TEMP = /(^|\/)\..*\.ig-restore\.\d+(?:s\d+)?\.[0-9a-f]{8}\.tmp(\/|$)/;

let key: SshKey;
beforeAll(() => {
  key = makeSshKey();
});
afterAll(() => key.cleanup());

const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");

/** Every file under data/, path -> sha256; temporaries (files, or anything in a temporary folder) apart. */
function tree(repo: TestRepo): { files: Map<string, string>; temps: string[] } {
  const files = new Map<string, string>();
  const temps: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(repo.dir, rel), { withFileTypes: true })) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(r);
      else if (TEMP.test(r)) temps.push(r);
      else files.set(r, sha(fs.readFileSync(path.join(repo.dir, r))));
    }
  };
  walk("data");
  return { files, temps };
}

async function restoreKilled(repo: TestRepo, env: NodeJS.ProcessEnv, delayMs: number) {
  const child = spawn(process.execPath, ["--import", TSX, MAIN, "restore", "hourly"], {
    cwd: repo.dir,
    env: { ...process.env, ...GIT_ENV, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
  child.stdout.resume();
  // The first event in data/ is the temporary folder being made: the restore's first write.
  const watcher = fs.watch(path.join(repo.dir, "data"), () => {
    watcher.close();
    setTimeout(() => child.kill("SIGKILL"), delayMs);
  });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on("close", (c, s) => resolve([c, s])),
  );
  watcher.close();
  return { code, signal, stderr };
}

describe("restore of a missing folder killed while it writes", () => {
  it("leaves each file absent or complete, never a partial file at its name; undo and resume end exact", async () => {
    const repo = createRepo();
    const env = { IG_TEST_SIGNING_KEY: key.privateKey };
    try {
      repo.write(".integrity-guard/config.yml", snapshotConfig());
      repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
      repo.write("data/keep.json", '{"keep":true}\n');
      // The snapshot: data/sub/ with 40 files of 256 KiB in two folders.
      const fresh = new Map<string, string>([["data/keep.json", sha(Buffer.from('{"keep":true}\n'))]]);
      for (let i = 0; i < 40; i++) {
        const b = Buffer.alloc(256 << 10, 0x30 + (i % 10));
        const p = `data/sub/${i % 2 ? "a" : "b/c"}/f${i}.json`;
        repo.write(p, b);
        fresh.set(p, sha(b));
      }
      repo.write("state.json", '{"v":1}\n');
      repo.commitAll("init");
      const snap = await repo.cli(["snapshot", "--set", "hourly"], env);
      expect(snap.code, snap.stderr).toBe(0);
      const old = new Map([["data/keep.json", fresh.get("data/keep.json")!]]);

      let killed = 0;
      let partial = 0;
      for (const [n, delay] of [0, 1, 3, 8, 15, 30].entries()) {
        fs.rmSync(path.join(repo.dir, "data/sub"), { recursive: true, force: true });
        const r = await restoreKilled(repo, env, delay);
        const now = tree(repo);
        if (r.signal !== "SIGKILL" || !fs.existsSync(path.join(repo.dir, JOURNAL))) {
          // Finished before the kill landed.
          expect(now.files).toEqual(fresh);
          continue;
        }
        killed++;
        // All or nothing: data/sub/ is either missing or complete; nothing else changed.
        if (fs.existsSync(path.join(repo.dir, "data/sub"))) expect(now.files, `delay ${delay} ms`).toEqual(fresh);
        else {
          expect(now.files, `delay ${delay} ms`).toEqual(old);
          if (now.temps.length > 0) partial++;
        }
        const printed = /undo it with: (integrity-guard restore [0-9a-f]{40})/.exec(r.stderr);
        expect(printed, r.stderr).not.toBeNull();
        if (n % 2 === 0) {
          const u = await repo.cli(printed![1]!.split(" ").slice(1), env);
          expect(u.code, u.stderr).toBe(0);
          expect(tree(repo)).toEqual({ files: old, temps: [] });
        } else {
          const f = await repo.cli(["restore", "hourly"], env);
          expect(f.code, f.stderr).toBe(0);
          expect(tree(repo)).toEqual({ files: fresh, temps: [] });
        }
        expect(fs.existsSync(path.join(repo.dir, JOURNAL))).toBe(false);
        expect(fs.readdirSync(path.join(repo.dir, "data")).filter((e) => TEMP.test(e))).toEqual([]);
      }
      expect(killed).toBeGreaterThanOrEqual(3);
      // At least one kill landed while the folder was being built (the case this test is for).
      expect(partial).toBeGreaterThanOrEqual(1);
    } finally {
      repo.cleanup();
    }
  }, 240_000);
});
