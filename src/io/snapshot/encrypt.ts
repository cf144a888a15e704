/**
 * Encrypted snapshot sets (`encrypt: { recipients: [...] }`): each file's bytes are encrypted to
 * the set's age recipients before they become a blob, and decrypted when a restore reads them.
 * The manifest (paths, sizes, SHA-256 of the clear bytes) stays readable and signed, so listing
 * and signature checks need no key; the decrypted bytes are checked against it.
 *
 * Recipients: `age1...` (X25519, and the other types age-encryption knows), `ssh-ed25519 ...`,
 * `ssh-rsa ...` (encrypt-ssh.ts), or `file:PATH` naming a file of those, one a line.
 * Identities: an age identity file (AGE-SECRET-KEY-1... lines) or an SSH private key, from
 * `env:NAME` (the text) or a file.
 */
import fsSync from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Decrypter, identityToRecipient, type Recipient } from "age-encryption";
import type { SnapshotEncrypt, SnapshotSet } from "../../config/types.js";
import type { SnapshotFileEntry, SnapshotManifest } from "../../core/snapshot/manifest.js";
import { ConfigError, EnvironmentError } from "../../errors.js";
import { readWhole, sha256 } from "./files.js";
import { AgeReader, AgeWriter, X25519Recipient } from "./encrypt-age.js";
import { sshIdentity, sshRecipient } from "./encrypt-ssh.js";
import { withholdFromChildren } from "../child-env.js";

const AGE_INTRO = "age-encryption.org/v1\n";
const CHUNK = 64 * 1024;

/** The recipients of a set, ready to encrypt. */
export interface SetEncrypter {
  /** `sha256:` of the sorted recipient lines: recorded in the manifest, so a change of recipients is a change. */
  recipientsId: string;
  encrypt(plain: Uint8Array): Promise<Uint8Array>;
}

/** Read the recipients a set names (file: entries relative to the repository root). */
export async function openRecipients(spec: SnapshotEncrypt, root: string, set: string): Promise<SetEncrypter> {
  const lines: string[] = [];
  for (const entry of spec.recipients) {
    if (entry.startsWith("file:")) {
      const file = path.resolve(root, entry.slice(5).replace(/^~(?=\/)/, os.homedir()));
      let text: string;
      try {
        text = await fs.readFile(file, "utf8");
      } catch (error) {
        throw new ConfigError(
          `snapshots.sets.${set}.encrypt.recipients: ${entry} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
          { fix: "name a file of age1... or ssh-ed25519/ssh-rsa public keys, one a line" },
        );
      }
      for (const l of text.split(/\r?\n/)) if (l.trim() && !l.trim().startsWith("#")) lines.push(l.trim());
    } else lines.push(entry.trim());
  }
  if (lines.length === 0)
    throw new ConfigError(`snapshots.sets.${set}.encrypt.recipients names no recipient`, {
      fix: "add at least one age1... or ssh public key",
    });
  const recipients: Recipient[] = [];
  for (const line of lines) {
    let recipient: Recipient | undefined;
    try {
      recipient = line.startsWith("age1") ? new X25519Recipient(line) : sshRecipient(line);
      if (recipient) recipients.push(recipient);
    } catch (error) {
      throw new ConfigError(
        `snapshots.sets.${set}.encrypt.recipients: ${JSON.stringify(short(line))} is not a valid recipient: ${(error as Error).message}`,
        {
          fix: "use an age1... public key (age-keygen -y key.txt) or an ssh-ed25519/ssh-rsa public key line (~/.ssh/id_ed25519.pub)",
        },
      );
    }
    if (!recipient)
      throw new ConfigError(`snapshots.sets.${set}.encrypt.recipients: ${JSON.stringify(short(line))} is not a recipient`, {
        fix: "use age1..., ssh-ed25519 AAAA..., ssh-rsa AAAA..., or file:PATH",
      });
  }
  const normal = lines.map((l) => l.split(/\s+/).slice(0, 2).join(" ")).sort();
  return writerFor("sha256:" + sha256(normal.join("\n")), recipients);
}

/** One AgeWriter (one wrapped file key, encrypt-age.ts) for everything this encrypter writes. */
function writerFor(recipientsId: string, recipients: Recipient[]): SetEncrypter {
  let writer: Promise<AgeWriter> | undefined;
  return {
    recipientsId,
    encrypt: async (plain) => (await (writer ??= AgeWriter.open(recipients))).encrypt(plain),
  };
}

function short(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + "..." : s;
}

/** Where an identity comes from, for messages. */
type IdentitySource = { from: string; text: string };

/** Read an identity given as env:NAME (its text) or a path. */
async function readIdentitySource(value: string, root: string, env: NodeJS.ProcessEnv): Promise<IdentitySource> {
  if (value.startsWith("env:")) {
    const name = value.slice(4);
    const text = env[name];
    if (text === undefined || text.trim() === "")
      throw new EnvironmentError(`the age identity is taken from the environment variable ${name}, which is not set`, {
        fix: `export ${name} with the identity (an AGE-SECRET-KEY-1... line or an ssh private key); in a workflow: env: { ${name}: \${{ secrets.${name} }} }`,
      });
    withholdFromChildren([text]); // no git child (hook, credential helper) needs the identity
    return { from: value, text };
  }
  const file = path.resolve(root, value.replace(/^~(?=\/)/, os.homedir()));
  try {
    return { from: file, text: await fs.readFile(file, "utf8") };
  } catch (error) {
    throw new EnvironmentError(
      `the age identity file ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      {
        fix: "pass --identity with an existing age identity file or ssh private key",
      },
    );
  }
}

/**
 * An identity parser's message without the identity: age's bech32 decoder says "Invalid checksum
 * in AGE-SECRET-KEY-1..." with the whole line, and a key with one typo is the key. Every word of
 * the identity text long enough to be key material, and any AGE-SECRET-KEY-1 string, is cut.
 */
function withoutKeyText(message: string, text: string): string {
  let out = message.replace(/AGE-SECRET-KEY-1[0-9A-Za-z]*/gi, "AGE-SECRET-KEY-1… (hidden)");
  for (const word of new Set(text.split(/\s+/))) if (word.length >= 16) out = out.split(word).join("(hidden)");
  return out;
}

/** A decrypter for the identities in `source` (age identity lines, or one SSH private key), and their recipients. */
export async function openIdentity(source: IdentitySource): Promise<{ decrypter: Decrypter; recipients: Recipient[] }> {
  const decrypter = new Decrypter();
  const recipients: Recipient[] = [];
  const text = source.text;
  try {
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
      const identity = sshIdentity(text);
      decrypter.addIdentity(identity);
      recipients.push(identity.recipient);
    } else {
      for (const l of text.split(/\r?\n/)) {
        const t = l.trim();
        if (!t || t.startsWith("#")) continue;
        decrypter.addIdentity(t);
        // Only X25519 identities give a recipient the pre-restore snapshot can be encrypted to.
        if (t.startsWith("AGE-SECRET-KEY-1")) recipients.push(new X25519Recipient(await identityToRecipient(t)));
      }
      if (!/AGE-SECRET-KEY-/.test(text)) throw new Error("no AGE-SECRET-KEY-... line and no ssh private key in it");
    }
  } catch (error) {
    throw new EnvironmentError(`the age identity from ${source.from} cannot be used: ${withoutKeyText((error as Error).message, text)}`, {
      fix: "give an age identity file (age-keygen) or an unencrypted ssh-ed25519/ssh-rsa private key",
    });
  }
  return { decrypter, recipients };
}

/**
 * Why `blob` is not a well-formed age file holding `size` bytes, or undefined when it is: the
 * header (intro, stanzas, MAC line) parses and the payload has exactly the length age gives
 * `size` bytes (16-byte nonce, 64 KiB chunks each with a 16-byte tag). Needs no key, proves
 * neither who wrote it nor what it holds: said so wherever it stands in for a decryption.
 */
export function ageStructureProblem(blob: Uint8Array, size: number): string | undefined {
  return ageStructure(blob, size).problem;
}

/**
 * ageStructureProblem for many blobs: the last header that passed is remembered, and a blob
 * that begins with those very bytes has only its payload length checked (the same verdict:
 * the header parses the same way). Blobs written by one AgeWriter share their header (one
 * wrapped file key per snapshot, encrypt-age.ts), so a read-back parses about one header.
 */
export function ageStructureChecker(): (blob: Uint8Array, size: number) => string | undefined {
  let good: Buffer | undefined;
  return (blob, size) => {
    const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
    if (good && buf.length >= good.length && buf.compare(good, 0, good.length, 0, good.length) === 0)
      return payloadProblem(buf.length - good.length, size);
    const { problem, headerEnd } = ageStructure(buf, size);
    if (!problem && headerEnd !== undefined) good = Buffer.from(buf.subarray(0, headerEnd));
    return problem;
  };
}

function ageStructure(blob: Uint8Array, size: number): { problem?: string; headerEnd?: number } {
  const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  if (buf.subarray(0, AGE_INTRO.length).toString("latin1") !== AGE_INTRO)
    return { problem: "not an age file (no age-encryption.org/v1 header)" };
  let pos = AGE_INTRO.length;
  let stanzas = 0;
  for (let lines = 0; lines < 100_000; lines++) {
    const nl = buf.indexOf(10, pos);
    if (nl < 0) return { problem: "the age header is cut short" };
    const line = buf.subarray(pos, nl).toString("latin1");
    pos = nl + 1;
    if (line.startsWith("-> ")) {
      stanzas++;
      continue;
    }
    if (line.startsWith("---")) {
      if (!/^--- [A-Za-z0-9+/]{43}$/.test(line)) return { problem: "the age header's MAC line is malformed" };
      if (stanzas === 0) return { problem: "the age header has no recipient stanza" };
      const problem = payloadProblem(buf.length - pos, size);
      return problem ? { problem } : { headerEnd: pos };
    }
    if (stanzas === 0 || !/^[A-Za-z0-9+/]{0,64}$/.test(line)) return { problem: "the age header holds a malformed line" };
  }
  return { problem: "the age header does not end" };
}

/** Whether an age payload of `got` bytes holds exactly `size` clear bytes (16-byte nonce, 64 KiB chunks with 16-byte tags). */
function payloadProblem(got: number, size: number): string | undefined {
  const chunks = Math.max(1, Math.ceil(size / CHUNK));
  const expected = 16 + size + 16 * chunks;
  return got === expected ? undefined : `the age payload is ${got} bytes, but ${size} bytes encrypt to ${expected}`;
}

/**
 * Encrypt every file of a snapshot in place in `contents` (files not kept in memory are read
 * here and checked against the SHA-256 just hashed), so no clear byte reaches git. Returns the
 * read-back check for these blobs: a blob must be the very ciphertext written.
 */
export async function sealContents(
  root: string,
  hashed: ReadonlyMap<string, SnapshotFileEntry>,
  contents: Map<string, Buffer>,
  encrypter: SetEncrypter,
): Promise<BlobDigest> {
  const written = new Map<string, string>();
  for (const [p, e] of hashed) {
    let plain = contents.get(p);
    if (!plain) {
      const fd = fsSync.openSync(path.join(root, p), "r");
      try {
        plain = readWhole(fd, fsSync.fstatSync(fd).size);
      } finally {
        fsSync.closeSync(fd);
      }
      if (sha256(plain) !== e.sha256 || plain.length !== e.size)
        throw new EnvironmentError(`${p} changed while it was being snapshotted; nothing was written`, { fix: "take the snapshot again" });
    }
    const sealed = Buffer.from(await encrypter.encrypt(plain));
    written.set(p, sha256(sealed));
    contents.set(p, sealed);
  }
  // The ciphertext is what was made from the bytes the manifest hashed: a blob equal to it
  // stands for those bytes (the identity that could decrypt it is usually not on this machine).
  return async (p, blob, expected) => {
    if (written.get(p) !== sha256(blob)) {
      const why = ageStructureProblem(blob, expected.size);
      return { problem: why ? `encrypted blob is damaged: ${why}` : "encrypted blob differs from the ciphertext written" };
    }
    return { sha256: expected.sha256, size: expected.size };
  };
}

/**
 * What a blob stands for, for the read-back (readback.ts): the SHA-256 and size of the clear
 * bytes, or why it cannot be checked. The default is the blob's own digest.
 */
export type BlobDigest = (
  path: string,
  blob: Buffer,
  expected: SnapshotFileEntry,
) => Promise<{ sha256: string; size: number; note?: string } | { problem: string }>;

/**
 * Read-back of an encrypted snapshot with an identity: decrypt, then hash the clear bytes.
 * `opened`, when given, keeps each blob's clear bytes (keyed by the blob's own buffer), so a
 * restore writes the very bytes this hashed instead of decrypting every blob a second time.
 */
function decryptingDigest(reader: AgeReader, opened?: WeakMap<Buffer, Buffer>): BlobDigest {
  return async (_p, blob) => {
    try {
      const plain = await reader.decrypt(blob);
      opened?.set(blob, plain);
      return { sha256: sha256(plain), size: plain.length };
    } catch (error) {
      return { problem: `encrypted blob cannot be decrypted with the identity given: ${(error as Error).message}` };
    }
  };
}

/** Read-back of an encrypted snapshot without an identity: the age structure and sizes only. */
const structureOnlyDigest: BlobDigest = async (_p, blob, expected) => {
  const why = ageStructureProblem(blob, expected.size);
  return why ? { problem: `encrypted blob is damaged: ${why}` } : { ...expected, note: "age structure and size only (no identity)" };
};

/** How a restore reads an encrypted snapshot (all empty for a snapshot in clear). */
interface SnapshotOpening {
  /** Read-back of the blobs: decrypted, or (dry run without identity) the age structure only. */
  digestOf?: BlobDigest;
  /** Decrypt a blob before it is written (restore-write.ts). */
  open?: (data: Buffer) => Promise<Uint8Array>;
  /** The pre-restore snapshot of an encrypted set is encrypted too: to the set's recipients, else to the identity's own. */
  reencrypt?: SetEncrypter;
  /** Said to the user when the contents are not decrypted (dry run without identity). */
  note?: string;
}

/**
 * Open an encrypted snapshot for a restore: the identity comes from --identity, else from
 * snapshots.sets.SET.encrypt.key. Without one a restore stops here, before anything is changed
 * (a dry run checks the age structure only, and says so).
 */
export async function openSnapshotForRestore(
  root: string,
  def: SnapshotSet | undefined,
  manifest: Pick<SnapshotManifest, "encryption" | "set">,
  options: { identity?: string; env: NodeJS.ProcessEnv; dryRun: boolean; short: string },
): Promise<SnapshotOpening> {
  if (!manifest.encryption) return {};
  const value = options.identity ?? def?.encrypt?.key;
  if (!value) {
    if (options.dryRun)
      return {
        digestOf: structureOnlyDigest,
        note: `snapshot ${options.short} of set ${manifest.set} is encrypted and no identity was given: its blobs were checked for age structure and size only, not decrypted`,
      };
    throw new EnvironmentError(
      `snapshot ${options.short} of set ${manifest.set} is encrypted (age); restoring it needs an identity, and none was given; nothing was changed`,
      {
        fix: `pass --identity FILE (an age identity file or the ssh private key of a recipient), or set snapshots.sets.${manifest.set}.encrypt.key to env:NAME or a file`,
      },
    );
  }
  const { decrypter, recipients } = await openIdentity(await readIdentitySource(value, root, options.env));
  if (!def?.encrypt && recipients.length === 0 && !options.dryRun)
    throw new EnvironmentError(
      `the pre-restore snapshot of encrypted set ${manifest.set} must be encrypted too, but the config names no recipients for it and the identity gives none; nothing was changed`,
      { fix: `add snapshots.sets.${manifest.set}.encrypt.recipients to the config` },
    );
  const reencrypt = def?.encrypt ? await openRecipients(def.encrypt, root, manifest.set) : writerFor("identity", recipients);
  // One reader for the read-back and the writing: each snapshot's file key is unwrapped once,
  // and each blob decrypted once (the writing takes the clear bytes the read-back checked
  // against the manifest; a blob it did not see is decrypted here). The clear bytes live as
  // long as the restore holds the blob itself (run-restore.ts clears both after writing).
  const reader = new AgeReader(decrypter);
  const opened = new WeakMap<Buffer, Buffer>();
  return {
    digestOf: decryptingDigest(reader, opened),
    open: async (data) => opened.get(data) ?? reader.decrypt(data),
    reencrypt,
  };
}
