/**
 * Private signing keys kept off the disk (issue 14 item 4). ssh: `ssh-keygen -Y sign` (which
 * git runs) only takes a key file, but given a public key it signs through ssh-agent; so we
 * start a private ssh-agent, feed it the key on stdin (`ssh-add -`), and tell git the public key
 * (`user.signingkey=key::...`). The key then lives only in that agent's memory. The agent runs
 * under a small `sh` watchdog that kills it when our end of its stdin pipe closes, which the
 * kernel does however we die (kill -9 included). Its socket is in a private `mkdtemp` under the
 * OS temp dir, removed on every exit path (exit-cleanup.ts); folders left by a killed run are
 * swept at the next start. Only when no ssh-agent can be started is the key written to a file,
 * in that same private folder with mode 0600, under the same cleanup. gpg: a key given as
 * armored text is imported into a throwaway GNUPGHOME in such a folder (gpg itself keeps it on
 * disk there; nothing else can hold it).
 */
import { spawn } from "node:child_process";
import fsSync from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { EnvironmentError } from "../errors.js";
import { childEnv } from "./child-env.js";
import { onExitCleanup } from "./exit-cleanup.js";
import { WRITER_TAG, writerTag } from "./process-start.js";
import { STALE, sweepDeadWriters } from "./sweep-dead-writers.js";

/**
 * Folders we create under the OS temp dir: `ig-sign-<writer>-XXXXXX`, the writer named by pid and
 * start time (process-start.ts writerTag; older versions: the pid alone, still read). The pid
 * alone did not say whose a folder is: a restarted container's run got the killed run's pid at
 * once, so the killed run's folder (its 0700 key folder, a key file where no agent ran) was kept
 * until that pid died; and a live run whose pid a dead one's name held lost nothing only by luck.
 */
const PREFIX = "ig-sign-";
const FOLDER_NAME = new RegExp(String.raw`^ig-sign-(${WRITER_TAG})-`);

interface KeyHandle {
  /** `-c k=v` arguments for git. */
  configArgs: string[];
  env: NodeJS.ProcessEnv;
  /** How the key is held, for the docs and tests: agent, file (fallback) or gpg-home. */
  held: "agent" | "file" | "gpg-home";
  dispose(): Promise<void>;
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: readonly string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: childEnv(options.env), stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b: Buffer) => (stdout += b.toString()));
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
    child.on("error", (error) => resolve({ code: null, stdout, stderr: stderr + error.message }));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input ?? "");
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Remove what a killed earlier run left: every `ig-sign-*` folder under the repository's state
 * folder (where versions before 0.x kept a key copy) and our `ig-sign-<writer>-*` folders under
 * the OS temp dir whose writer no longer runs (its pid is gone, or now names a process that
 * started at another time: writerAlive). Never throws.
 */
export async function sweepKeyLeftovers(stateDir: string | undefined): Promise<void> {
  if (stateDir) sweepDeadWriters(stateDir, (n) => (n.startsWith(PREFIX) ? STALE : undefined), { recursive: true });
  const uid = process.getuid?.();
  sweepDeadWriters(
    os.tmpdir(),
    (n) => {
      const tag = FOLDER_NAME.exec(n)?.[1];
      return tag !== undefined && Number(/^\d+/.exec(tag)?.[0]) ? tag : undefined; // pid 0: not a writer's
    },
    {
      recursive: true,
      // Only our own user's folders (the temp dir is shared).
      mayRemove: (n) => {
        try {
          return uid === undefined || fsSync.lstatSync(path.join(os.tmpdir(), n)).uid === uid;
        } catch {
          return false;
        }
      },
    },
  );
}

/** A private folder (0700) under the OS temp dir, removed at exit or on a signal whatever happens. */
async function privateDir(): Promise<{ dir: string; release: () => void }> {
  // The cleanup is registered before the folder exists, and the folder is made synchronously:
  // a signal can then never land between the two (an await there once left the folder behind).
  const made: { dir?: string } = {};
  const release = onExitCleanup(() => {
    if (made.dir !== undefined) fsSync.rmSync(made.dir, { recursive: true, force: true, maxRetries: 3 });
  });
  const dir = (made.dir = fsSync.mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${writerTag()}-`))); // mode 0700
  fsSync.chmodSync(dir, 0o700);
  return { dir, release };
}

/** The shell watchdog: prints the agent's pid, waits for EOF on stdin, then stops the agent. */
const WATCHDOG = 'ssh-agent -D -a "$1" >/dev/null 2>&1 & p=$!; echo "$p"; cat >/dev/null; kill "$p" 2>/dev/null; wait "$p"';

/** Hold an ssh private key for git: in a private ssh-agent, or (no agent) in a 0600 file. */
export async function holdSshKey(keyText: string, source: string): Promise<KeyHandle> {
  const { dir, release } = await privateDir();
  try {
    const agent = await startAgent(path.join(dir, "agent.sock"));
    if (agent) {
      const stopAgent = onExitCleanup(agent.stop);
      try {
        const env = { SSH_AUTH_SOCK: agent.socket, SSH_ASKPASS_REQUIRE: "never", DISPLAY: "" };
        // The socket file exists from bind(); until listen() a connection is refused: try again briefly.
        let added = await run("ssh-add", ["-q", "-"], { input: keyText, env });
        for (let i = 0; i < 100 && added.code !== 0 && /connecting to agent/i.test(added.stderr); i++) {
          await new Promise((r) => setTimeout(r, 20));
          added = await run("ssh-add", ["-q", "-"], { input: keyText, env });
        }
        if (added.code !== 0) {
          throw new EnvironmentError(
            `the ssh signing key from ${source} could not be loaded: ${added.stderr.trim() || `ssh-add exit ${added.code}`}`,
            {
              fix: "use a private key without a passphrase (ssh-keygen -t ed25519 -N '' -f key), in OpenSSH format",
            },
          );
        }
        const listed = await run("ssh-add", ["-L"], { env });
        const pub = listed.stdout.split("\n").find((l) => /^(ssh-|ecdsa-|sk-)/.test(l));
        if (!pub) throw new EnvironmentError(`ssh-agent did not list the key from ${source}: ${listed.stderr.trim()}`);
        return {
          held: "agent",
          configArgs: ["-c", "gpg.format=ssh", "-c", `user.signingkey=key::${pub.split(" ").slice(0, 2).join(" ")}`],
          env: { SSH_AUTH_SOCK: agent.socket },
          dispose: async () => {
            stopAgent();
            release();
          },
        };
      } catch (error) {
        stopAgent();
        throw error;
      }
    }
    // No ssh-agent on this machine: the one place a key file is unavoidable.
    const keyFile = path.join(dir, "key");
    await fs.writeFile(keyFile, keyText, { mode: 0o600, flag: "wx" });
    return {
      held: "file",
      configArgs: ["-c", "gpg.format=ssh", "-c", `user.signingkey=${keyFile}`],
      env: {},
      dispose: async () => release(),
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Start ssh-agent on `socket` under the watchdog; undefined when it cannot run. */
async function startAgent(socket: string): Promise<{ socket: string; stop: () => void } | undefined> {
  let child;
  try {
    child = spawn("sh", ["-c", WATCHDOG, "sh", socket], { env: childEnv(), stdio: ["pipe", "pipe", "ignore"] });
  } catch {
    return undefined;
  }
  child.on("error", () => undefined);
  child.stdin.on("error", () => undefined);
  const pid = await new Promise<number | undefined>((resolve) => {
    let out = "";
    child.stdout.on("data", (b: Buffer) => {
      out += b.toString();
      if (out.includes("\n")) resolve(Number(out.trim()) || undefined);
    });
    child.on("close", () => resolve(undefined));
  });
  const stop = () => {
    if (pid) {
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        /* already gone */
      }
    }
    child.stdin.destroy();
  };
  if (!pid) {
    stop();
    return undefined;
  }
  for (let waited = 0; waited < 5000; waited += 10) {
    if (fsSync.existsSync(socket)) {
      // Once running, the watchdog must not keep the event loop (and so the command) alive.
      child.unref();
      for (const stream of [child.stdin, child.stdout]) (stream as unknown as { unref?: () => void }).unref?.();
      return { socket, stop };
    }
    if (!alive(pid)) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  stop();
  return undefined;
}

/** Import an armored gpg secret key into a throwaway GNUPGHOME; signs with its fingerprint. */
export async function holdGpgKey(armored: string, source: string): Promise<KeyHandle> {
  const { dir, release } = await privateDir();
  const env = { GNUPGHOME: dir };
  const stopAgent = onExitCleanup(() => {
    try {
      // gpg-agent started for this home holds the key in memory; it goes with the folder.
      fsSync.rmSync(path.join(dir, "S.gpg-agent"), { force: true });
    } catch {
      /* best effort */
    }
  });
  try {
    const imported = await run("gpg", ["--batch", "--status-fd", "1", "--import"], { input: armored, env });
    const fpr = /^\[GNUPG:\] IMPORT_OK \d+ ([0-9A-F]{40,64})$/m.exec(imported.stdout)?.[1];
    if (imported.code !== 0 || !fpr) {
      throw new EnvironmentError(
        `the gpg signing key from ${source} could not be imported: ${imported.stderr.trim().split("\n")[0] ?? ""}`,
        {
          fix: "export it with gpg --armor --export-secret-keys KEYID (no passphrase) into that variable",
        },
      );
    }
    return {
      held: "gpg-home",
      configArgs: ["-c", "gpg.format=openpgp", "-c", `user.signingkey=${fpr}`],
      env,
      dispose: async () => {
        await run("gpgconf", ["--kill", "gpg-agent"], { env });
        stopAgent();
        release();
      },
    };
  } catch (error) {
    await run("gpgconf", ["--kill", "gpg-agent"], { env });
    stopAgent();
    release();
    throw error;
  }
}
