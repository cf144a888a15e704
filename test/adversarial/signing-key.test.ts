/**
 * Issue 14 item 4: the private signing key never rests on disk. A snapshot is killed (kill -9)
 * or stopped (SIGTERM, SIGINT) while it holds the key; the temp folder the child uses (TMPDIR)
 * and the repository's .git are scanned for the key during and after. Leftovers of an earlier
 * crash (the old `.git/integrity-guard/ig-sign-*` copies too) are swept at the next start.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepo, GIT_ENV, makeTempDir, PROJECT_ROOT, type TestRepo } from "../helpers/repo.js";
import { makeGpgKey, makeSshKey, snapshotConfig, type SshKey } from "../helpers/keys.js";

const TSX = path.join(PROJECT_ROOT, "node_modules/tsx/dist/esm/index.mjs");
const MAIN = path.join(PROJECT_ROOT, "src/main.ts");

let key: SshKey;
/** A line of the key's base64 body: any copy of the private key holds it. */
let marker: string;
beforeAll(() => {
  key = makeSshKey();
  marker = key.privateKey.split("\n")[2]!;
  expect(marker.length).toBeGreaterThan(40);
});
afterAll(() => key.cleanup());

function setup(): { repo: TestRepo; tmp: string; cleanup: () => void } {
  const repo = createRepo();
  const tmp = makeTempDir("ig-tmpdir-");
  repo.write(".integrity-guard/config.yml", snapshotConfig());
  repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
  // Enough data that the snapshot holds the key for a while.
  for (let i = 0; i < 24; i++) repo.write(`data/f${i}.bin`, Buffer.alloc(1 << 20, i));
  repo.write("state.json", "{}\n");
  repo.commitAll("init");
  return {
    repo,
    tmp,
    cleanup: () => {
      repo.cleanup();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Files under `dir` (sockets and other specials skipped) that hold the key marker. */
function filesWithKey(dir: string): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return; // removed while we looked
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        try {
          if (fs.readFileSync(p, "latin1").includes(marker)) hits.push(p);
        } catch {
          /* removed while we looked */
        }
      }
    }
  };
  walk(dir);
  return hits;
}

function signDirs(repo: TestRepo, tmp: string): string[] {
  const list = (d: string) =>
    fs.existsSync(d)
      ? fs
          .readdirSync(d)
          .filter((n) => n.startsWith("ig-sign-"))
          .map((n) => path.join(d, n))
      : [];
  return [...list(tmp), ...list(path.join(repo.dir, ".git/integrity-guard"))];
}

function spawnSnapshot(repo: TestRepo, tmp: string, extraEnv: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ["--import", TSX, MAIN, "snapshot", "--set", "hourly"], {
    cwd: repo.dir,
    env: { ...process.env, ...GIT_ENV, TMPDIR: tmp, IG_TEST_SIGNING_KEY: key.privateKey, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function closed(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = "";
  child.stderr?.on("data", (b: Buffer) => (stderr += b.toString()));
  child.stdout?.resume();
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stderr })));
}

/**
 * Start a snapshot and, as soon as it holds the key (its ig-sign folder exists), scan for the
 * key and send `signal`. Retries when the child finished before it was caught.
 */
async function interruptWhileSigning(
  repo: TestRepo,
  tmp: string,
  signal: NodeJS.Signals,
): Promise<{ during: string[]; result: { code: number | null; signal: NodeJS.Signals | null; stderr: string } }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const child = spawnSnapshot(repo, tmp);
    const done = closed(child);
    let during: string[] = [];
    let sent = false;
    const timer = setInterval(() => {
      if (sent || signDirs(repo, tmp).length === 0) return;
      sent = true;
      during = [...filesWithKey(tmp), ...filesWithKey(path.join(repo.dir, ".git"))];
      child.kill(signal);
    }, 2);
    const result = await done;
    clearInterval(timer);
    if (sent) return { during, result };
    expect(result.code, result.stderr).toBe(0);
  }
  throw new Error("the snapshot never held a key long enough to be interrupted");
}

/** The agent is stopped by its watchdog right after we die: wait for its socket to go. */
async function agentSocketsGone(tmp: string): Promise<string[]> {
  const sockets = () =>
    fs.existsSync(tmp)
      ? fs
          .readdirSync(tmp)
          .filter((n) => n.startsWith("ig-sign-"))
          .flatMap((n) => (fs.existsSync(path.join(tmp, n)) ? fs.readdirSync(path.join(tmp, n)).map((f) => path.join(tmp, n, f)) : []))
      : [];
  // Up to 30 s of wall time, not 300 polls: on a loaded machine (load 40 on 2 cores) the
  // watchdog's `sh` can take seconds to be scheduled, and 300 x 10 ms ran out first.
  const deadline = Date.now() + 30_000;
  while (sockets().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return sockets();
}

describe("the signing key never rests on disk", () => {
  it("kill -9 while a snapshot signs: no copy of the key during or after, and the agent goes with the process", async () => {
    const { repo, tmp, cleanup } = setup();
    try {
      const { during, result } = await interruptWhileSigning(repo, tmp, "SIGKILL");
      expect(result.signal).toBe("SIGKILL");
      expect(during).toEqual([]);
      expect([...filesWithKey(tmp), ...filesWithKey(path.join(repo.dir, ".git"))]).toEqual([]);
      expect(await agentSocketsGone(tmp)).toEqual([]);
      // The next run sweeps the dead run's folder and signs normally.
      const next = closed(spawnSnapshot(repo, tmp));
      const r = await next;
      expect(r.code, r.stderr).toBe(0);
      expect(signDirs(repo, tmp)).toEqual([]);
      expect(repo.git("cat-file", "-p", "integrity-snapshots")).toContain("BEGIN SSH SIGNATURE");
    } finally {
      cleanup();
    }
  }, 120_000);

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`${signal} while a snapshot signs: the process cleans up and still ends by ${signal}`, async () => {
      const { repo, tmp, cleanup } = setup();
      try {
        const { during, result } = await interruptWhileSigning(repo, tmp, signal);
        expect(result.signal).toBe(signal);
        expect(during).toEqual([]);
        expect(signDirs(repo, tmp)).toEqual([]);
        expect([...filesWithKey(tmp), ...filesWithKey(path.join(repo.dir, ".git"))]).toEqual([]);
      } finally {
        cleanup();
      }
    }, 120_000);
  }

  it("sweeps key copies an earlier crash left, in .git/integrity-guard and in the temp dir, but not a live run's", async () => {
    const { repo, tmp, cleanup } = setup();
    try {
      const old = path.join(repo.dir, ".git/integrity-guard/ig-sign-AbC123");
      fs.mkdirSync(old, { recursive: true });
      fs.writeFileSync(path.join(old, "key"), key.privateKey, { mode: 0o600 });
      // A pid that is not running: the first free one counting down from a high number.
      let dead = 4_000_000;
      for (; ; dead--) {
        try {
          process.kill(dead, 0);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "ESRCH") break;
        }
      }
      const crashed = path.join(tmp, `ig-sign-${dead}-Xy9Z0q`);
      fs.mkdirSync(crashed);
      fs.writeFileSync(path.join(crashed, "key"), key.privateKey, { mode: 0o600 });
      const live = path.join(tmp, `ig-sign-${process.pid}-live00`);
      fs.mkdirSync(live);
      const r = await closed(spawnSnapshot(repo, tmp));
      expect(r.code, r.stderr).toBe(0);
      expect(fs.existsSync(old)).toBe(false);
      expect(fs.existsSync(crashed)).toBe(false);
      expect(fs.existsSync(live)).toBe(true);
    } finally {
      cleanup();
    }
  });

  it("gpg: an armored secret key from the environment is imported into a throwaway GNUPGHOME, removed afterwards", async () => {
    const gpg = makeGpgKey();
    const repo = createRepo();
    try {
      const armored = execFileSync("gpg", ["--batch", "--armor", "--export-secret-keys", gpg.fingerprint], {
        env: { ...process.env, ...gpg.env },
        encoding: "utf8",
      });
      expect(armored).toContain("BEGIN PGP PRIVATE KEY BLOCK");
      repo.write(
        ".integrity-guard/config.yml",
        snapshotConfig({ sign: `{ format: gpg, key: env:IG_GPG_KEY, fingerprint: ${gpg.fingerprint} }` }),
      );
      repo.write("data/a.json", "{}\n");
      repo.commitAll("init");
      // The user's keyring (GNUPGHOME) holds only what verification needs; signing uses the imported copy.
      const r = await repo.cli(["snapshot", "--set", "hourly"], { ...gpg.env, IG_GPG_KEY: armored });
      expect(r.code, r.stderr).toBe(0);
      expect(repo.git("cat-file", "-p", "integrity-snapshots")).toContain("BEGIN PGP SIGNATURE");
      expect(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(`ig-sign-${process.pid}-`))).toEqual([]);
    } finally {
      repo.cleanup();
      gpg.cleanup();
    }
  });

  it("without a working ssh-agent: the key file is only in a private 0600 file under the temp dir, removed after", async () => {
    const { repo, tmp, cleanup } = setup();
    const bin = makeTempDir("ig-fakebin-");
    try {
      fs.writeFileSync(path.join(bin, "ssh-agent"), "#!/bin/sh\nexit 1\n", { mode: 0o755 });
      const child = spawnSnapshot(repo, tmp, { PATH: `${bin}:${process.env.PATH ?? ""}` });
      const done = closed(child);
      const seen: { file: string; mode: number }[] = [];
      const timer = setInterval(() => {
        for (const d of signDirs(repo, tmp)) {
          for (const f of filesWithKey(d)) {
            try {
              seen.push({ file: f, mode: fs.statSync(f).mode & 0o777 });
            } catch {
              /* removed meanwhile */
            }
          }
        }
      }, 2);
      const r = await done;
      clearInterval(timer);
      expect(r.code, r.stderr).toBe(0);
      expect(repo.git("cat-file", "-p", "integrity-snapshots")).toContain("BEGIN SSH SIGNATURE");
      expect(seen.length).toBeGreaterThan(0); // the fallback file was used, and seen while signing
      for (const s of seen) {
        expect(s.file.startsWith(tmp + path.sep)).toBe(true);
        expect(s.mode).toBe(0o600);
      }
      expect(signDirs(repo, tmp)).toEqual([]);
      expect([...filesWithKey(tmp), ...filesWithKey(path.join(repo.dir, ".git"))]).toEqual([]);
    } finally {
      cleanup();
      fs.rmSync(bin, { recursive: true, force: true });
    }
  });
});
