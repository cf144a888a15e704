/**
 * Real signing keys for tests: ssh-keygen ed25519 keys and a throwaway GNUPGHOME with an
 * ed25519 gpg key (fast to generate). Everything lives in a temp folder removed by cleanup().
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { makeTempDir } from "./repo.js";

export interface SshKey {
  privateKeyPath: string;
  privateKey: string;
  publicKey: string;
  /** SHA256:... fingerprint. */
  fingerprint: string;
  /** One allowed_signers line for `principal`. */
  allowedSignersLine(principal?: string): string;
  cleanup(): void;
}

export function makeSshKey(comment = "snapshots@example.com"): SshKey {
  const dir = makeTempDir("ig-ssh-");
  const file = path.join(dir, "key");
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", file], { stdio: "ignore" });
  const publicKey = fs.readFileSync(file + ".pub", "utf8").trim();
  const fingerprint = execFileSync("ssh-keygen", ["-l", "-E", "sha256", "-f", file + ".pub"], { encoding: "utf8" }).split(" ")[1]!;
  return {
    privateKeyPath: file,
    privateKey: fs.readFileSync(file, "utf8"),
    publicKey,
    fingerprint,
    allowedSignersLine: (principal = comment) => `${principal} namespaces="git" ${publicKey.split(" ").slice(0, 2).join(" ")}\n`,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export interface GpgKey {
  gnupgHome: string;
  fingerprint: string;
  env: NodeJS.ProcessEnv;
  cleanup(): void;
}

export function makeGpgKey(uid = "T <t@e>"): GpgKey {
  // A short path: gpg-agent's socket path must fit in sun_path.
  const home = makeTempDir("iggpg-");
  fs.chmodSync(home, 0o700);
  const env = { ...process.env, GNUPGHOME: home };
  execFileSync("gpg", ["--batch", "--passphrase", "", "--quick-gen-key", uid, "ed25519", "sign", "never"], { env, stdio: "ignore" });
  const colons = execFileSync("gpg", ["--batch", "--with-colons", "--list-secret-keys"], {
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const fingerprint = /^fpr:::::::::([0-9A-F]{40}):/m.exec(colons)![1]!;
  return {
    gnupgHome: home,
    fingerprint,
    env: { GNUPGHOME: home },
    cleanup: () => {
      try {
        execFileSync("gpgconf", ["--kill", "gpg-agent"], { env, stdio: "ignore" });
      } catch {
        /* no agent running */
      }
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Config for snapshot tests: an ssh-signed setup pinned to `key` (or the given sign block). */
export function snapshotConfig(options: { sign?: string; sets?: string; extra?: string } = {}): string {
  return (
    [
      "version: 1",
      "snapshots:",
      `  sign: ${options.sign ?? "{ format: ssh, key: env:IG_TEST_SIGNING_KEY, allowed_signers: .integrity-guard/allowed_signers }"}`,
      "  sets:",
      options.sets ?? '    hourly: { paths: ["data/", "state.json"], keep: 2 }\n    daily: { paths: ["logs/"], keep: 1 }',
      options.extra ?? "",
    ].join("\n") + "\n"
  );
}
