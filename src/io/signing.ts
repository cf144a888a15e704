/**
 * Signing snapshot commits (ssh or gpg through git's own -S) and verifying them against a
 * pinned key. Git's "good signature" alone is not enough: for ssh, git falls back to
 * check-novalidate when no allowed signer matches, and for gpg any key in the keyring is
 * "good". So we also require the signature type the pin names, a matched allowed signer (ssh),
 * and the pinned fingerprint (gpg VALIDSIG, or ssh SHA256 when configured).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { SnapshotsConfig } from "../config/types.js";
import { ConfigError, EnvironmentError } from "../errors.js";
import type { Git } from "./git.js";
import { outsideLink, outsideMessage } from "./symlink-outside.js";
import { holdGpgKey, holdSshKey, sweepKeyLeftovers } from "./signing-key.js";
import { withholdFromChildren } from "./child-env.js";

type SignFormat = "ssh" | "gpg" | "none";

/** How commit-tree signs; dispose() stops the key's agent and removes its private folder. */
export interface Signer {
  format: SignFormat;
  /** `-c k=v` arguments for git before the verb. */
  configArgs: string[];
  sign: boolean;
  env: NodeJS.ProcessEnv;
  dispose(): Promise<void>;
}

type SignConfig = NonNullable<SnapshotsConfig["sign"]>;

/** The sign section, required: signing must be chosen explicitly, `none` included. */
export function requireSignConfig(config: SnapshotsConfig | undefined): SignConfig {
  const sign = config?.sign;
  if (!sign) {
    throw new ConfigError(
      "snapshots.sign is not set in the config: snapshots must be signed (ssh or gpg), or unsigned by an explicit `format: none`",
      {
        fix: "add to .integrity-guard/config.yml: snapshots: { sign: { format: ssh, key: env:INTEGRITY_GUARD_SIGNING_KEY, allowed_signers: .integrity-guard/allowed_signers } }",
      },
    );
  }
  return sign;
}

/** Environment git needs for gpg (GNUPGHOME) taken from the command's environment. */
function signingEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const k of ["GNUPGHOME", "SSH_AUTH_SOCK"]) if (env[k] !== undefined) out[k] = env[k];
  return out;
}

/** Make the key text what ssh-keygen accepts: LF line ends, exactly one final newline. */
function normalizeKeyText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/\s+$/, "") + "\n";
}

/**
 * Prepare signing. Missing key -> EnvironmentError (exit 2) naming the variable or path. The
 * private key never rests in the repository: see signing-key.ts. `stateDir` is swept of key
 * copies that earlier versions left there, and leftovers of killed runs are removed first.
 */
export async function openSigner(sign: SignConfig, root: string, env: NodeJS.ProcessEnv, stateDir?: string): Promise<Signer> {
  const baseEnv = signingEnv(env);
  await sweepKeyLeftovers(stateDir);
  if (sign.format === "none") {
    return { format: "none", configArgs: [], sign: false, env: baseEnv, dispose: async () => {} };
  }
  if (!sign.key) {
    throw new ConfigError(`snapshots.sign.format is ${sign.format} but snapshots.sign.key is not set`, {
      fix:
        sign.format === "ssh"
          ? "set snapshots.sign.key to env:NAME (private key text) or the path of a private key file"
          : "set snapshots.sign.key to the gpg key id or fingerprint",
    });
  }
  if (sign.format === "gpg") {
    const value = resolveValue(sign.key, env, "gpg key id");
    if (/-----BEGIN PGP PRIVATE KEY BLOCK-----/.test(value)) {
      const held = await holdGpgKey(value, sign.key);
      return { format: "gpg", configArgs: held.configArgs, sign: true, env: { ...baseEnv, ...held.env }, dispose: held.dispose };
    }
    const keyId = value.trim();
    return {
      format: "gpg",
      configArgs: ["-c", "gpg.format=openpgp", "-c", `user.signingkey=${keyId}`],
      sign: true,
      env: baseEnv,
      dispose: async () => {},
    };
  }
  let text: string;
  if (sign.key.startsWith("env:")) {
    text = resolveValue(sign.key, env, "ssh private key");
  } else {
    const file = path.resolve(root, sign.key.replace(/^~(?=\/)/, os.homedir()));
    try {
      text = await fs.readFile(file, "utf8");
    } catch (error) {
      throw new EnvironmentError(
        `ssh signing key ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        {
          fix: "set snapshots.sign.key to an existing private key file, or to env:NAME with the key text in that variable",
        },
      );
    }
  }
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    throw new EnvironmentError(`the ssh signing key from ${sign.key} is not a private key (no "BEGIN ... PRIVATE KEY" line)`, {
      fix: "put the whole private key file (ssh-keygen -t ed25519 -N '' -f key) in that variable or file",
    });
  }
  const held = await holdSshKey(normalizeKeyText(text), sign.key);
  return { format: "ssh", configArgs: held.configArgs, sign: true, env: { ...baseEnv, ...held.env }, dispose: held.dispose };
}

function resolveValue(value: string, env: NodeJS.ProcessEnv, what: string): string {
  if (!value.startsWith("env:")) return value;
  const name = value.slice(4);
  const v = env[name];
  if (v === undefined || v.trim() === "") {
    throw new EnvironmentError(`the ${what} is taken from the environment variable ${name}, which is not set`, {
      fix: `export ${name} with the ${what} (in a workflow: env: { ${name}: \${{ secrets.${name} }} })`,
    });
  }
  // The key text stays ours: git, and the gpg.ssh.program or hook git runs, get it from the agent.
  withholdFromChildren([v]);
  return v;
}

type SignatureStatus = "good" | "unsigned" | "bad" | "untrusted" | "wrong-type" | "unverified";

export interface SignatureResult {
  status: SignatureStatus;
  /** Fingerprint of the signing key when git reported one. */
  fingerprint?: string;
  detail: string;
}

/** What a verification is pinned to. */
export interface Pin {
  format: "ssh" | "gpg";
  /** ssh: absolute path of the allowed_signers file. */
  allowedSigners?: string;
  /** gpg: the fingerprint (hex); ssh: optional SHA256:... */
  fingerprint?: string;
}

/** Resolve the pin from the config; undefined for format none (nothing to verify against). */
export async function resolvePin(sign: SignConfig, root: string): Promise<Pin | undefined> {
  if (sign.format === "none") return undefined;
  if (sign.format === "ssh") {
    if (!sign.allowed_signers) {
      throw new ConfigError("snapshots.sign.allowed_signers is not set: ssh signatures cannot be verified without a pinned key", {
        fix: 'set snapshots.sign.allowed_signers to a file with a line like: snapshots@example.com namespaces="git" ssh-ed25519 AAAA...',
      });
    }
    const file = path.resolve(root, sign.allowed_signers);
    const rel = path.relative(root, file);
    // A repository path is never read through a symlink out of it: ssh-keygen echoes lines it cannot parse.
    const link = rel.startsWith("..") || path.isAbsolute(rel) ? undefined : outsideLink(root, rel);
    if (link !== undefined) {
      const { message, fix } = outsideMessage(rel.split(path.sep).join("/"), link, "the allowed_signers file");
      throw new ConfigError(message, { fix });
    }
    try {
      await fs.access(file);
    } catch {
      throw new ConfigError(`the allowed_signers file ${sign.allowed_signers} does not exist`, {
        fix: "commit the allowed_signers file that pins the snapshot key",
      });
    }
    return { format: "ssh", allowedSigners: file, ...(sign.fingerprint ? { fingerprint: sign.fingerprint } : {}) };
  }
  const fp = sign.fingerprint ?? (sign.key && /^[0-9A-Fa-f ]{40,}$/.test(sign.key) ? sign.key : undefined);
  if (!fp) {
    throw new ConfigError("snapshots.sign.fingerprint is not set: gpg signatures are verified against a pinned fingerprint", {
      fix: "set snapshots.sign.fingerprint to the 40-hex fingerprint of the signing key (gpg --list-keys --with-colons)",
    });
  }
  return { format: "gpg", fingerprint: fp.replace(/\s/g, "").toUpperCase() };
}

/** The signature header of a raw commit object ("gpgsig" or "gpgsig-sha256"), or undefined. */
function signatureHeader(raw: string): string | undefined {
  const head = raw.slice(0, raw.indexOf("\n\n") >= 0 ? raw.indexOf("\n\n") : raw.length);
  const m = /^gpgsig(?:-sha256)? (.*(?:\n .*)*)/m.exec(head);
  return m ? m[1]!.replace(/\n /g, "\n") : undefined;
}

/** Verify one commit against the pin. Never throws for a bad signature; returns the status. */
export async function verifySignature(git: Git, oid: string, pin: Pin, env: NodeJS.ProcessEnv = {}): Promise<SignatureResult> {
  const raw = (await git.readCommitObject(oid)).toString("utf8");
  const sig = signatureHeader(raw);
  if (!sig) return { status: "unsigned", detail: "the commit carries no signature" };
  const isSsh = sig.startsWith("-----BEGIN SSH SIGNATURE-----");
  const isPgp = sig.startsWith("-----BEGIN PGP SIGNATURE-----");
  if ((pin.format === "ssh" && !isSsh) || (pin.format === "gpg" && !isPgp)) {
    return {
      status: "wrong-type",
      detail: `signed with ${isSsh ? "ssh" : isPgp ? "gpg" : "an unknown format"}, but the pinned key is ${pin.format}`,
    };
  }
  const configArgs =
    pin.format === "ssh"
      ? ["-c", "gpg.format=ssh", "-c", `gpg.ssh.allowedSignersFile=${pin.allowedSigners}`, "-c", "gpg.minTrustLevel=fully"]
      : ["-c", "gpg.format=openpgp"];
  const res = await git.verifyCommitRaw(oid, configArgs, signingEnv(env));
  const out = res.stdout.toString("utf8") + res.stderr;
  if (pin.format === "ssh") {
    const fp = /with \S+ key (SHA256:[A-Za-z0-9+/=]+)/.exec(out)?.[1];
    // "Good "git" signature for <principal>" only appears when allowed_signers matched the key.
    const matched = /Good "git" signature for \S/.test(out);
    if (res.code !== 0 || !/Good "git" signature/.test(out)) {
      return {
        status: /No principal matched|not in allowed|allowed_signers/i.test(out) && /Good/.test(out) ? "untrusted" : "bad",
        ...(fp ? { fingerprint: fp } : {}),
        detail: firstLines(out),
      };
    }
    if (!matched)
      return { status: "untrusted", ...(fp ? { fingerprint: fp } : {}), detail: "the key is not in the pinned allowed_signers file" };
    if (pin.fingerprint && fp !== pin.fingerprint)
      return { status: "untrusted", ...(fp ? { fingerprint: fp } : {}), detail: `signed by ${fp}, pinned ${pin.fingerprint}` };
    return { status: "good", ...(fp ? { fingerprint: fp } : {}), detail: `good ssh signature by ${fp ?? "the pinned key"}` };
  }
  // gpg status lines: "[GNUPG:] VALIDSIG <fpr> <date> ... <primary-fpr>"
  const validsig = /^\[GNUPG:\] VALIDSIG (\S+)(?: .* (\S+))?$/m.exec(out);
  if (!/^\[GNUPG:\] GOODSIG /m.test(out) || !validsig) return { status: "bad", detail: firstLines(out) };
  const fprs = [validsig[1]!, validsig[2] ?? ""].map((s) => s.toUpperCase());
  if (!fprs.includes(pin.fingerprint!))
    return { status: "untrusted", fingerprint: fprs[0]!, detail: `signed by ${fprs[0]}, pinned ${pin.fingerprint}` };
  return { status: "good", fingerprint: fprs[0]!, detail: `good gpg signature by ${fprs[0]}` };
}

function firstLines(s: string): string {
  return s.trim().split("\n").slice(0, 3).join(" / ") || "git verify-commit failed without a message";
}
