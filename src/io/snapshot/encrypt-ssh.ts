/**
 * The age `ssh-ed25519` and `ssh-rsa` recipient stanzas (age v1, as the age and rage tools write
 * them), as Recipient/Identity objects for the age-encryption package, which ships only the
 * native X25519 types. All primitives come from node:crypto:
 *
 *   tag = base64(SHA-256(ssh public key wire bytes)[:4])
 *   ssh-ed25519: the Ed25519 key converted to X25519 (u = (1+y)/(1-y));
 *     tweak = HKDF-SHA-256(ikm = "", salt = wire bytes, info = LABEL)
 *     ephemeral share = X25519(e, basepoint); shared = X25519(tweak, X25519(e, converted key))
 *     wrap key = HKDF-SHA-256(ikm = shared, salt = share || converted key, info = LABEL)
 *     stanza "-> ssh-ed25519 tag share", body = ChaCha20-Poly1305(wrap key, nonce 0, file key)
 *     identity scalar = SHA-512(seed)[:32] (X25519 clamps it)
 *   ssh-rsa: stanza "-> ssh-rsa tag", body = RSAES-OAEP(SHA-256, label "age-encryption.org/v1/ssh-rsa")
 *
 * Private keys: unencrypted OpenSSH files (`BEGIN OPENSSH PRIVATE KEY`) and PEM/PKCS#8 keys node
 * can read. A passphrase-protected key is refused with a message (nothing here can ask for it).
 */
import crypto from "node:crypto";
import { Stanza, type Identity, type Recipient } from "age-encryption";

const ED_LABEL = Buffer.from("age-encryption.org/v1/ssh-ed25519");
const RSA_LABEL = Buffer.from("age-encryption.org/v1/ssh-rsa");
const P = (1n << 255n) - 19n;

/** Base64 without padding (age's encoding of stanza arguments and bodies). */
function b64(data: Uint8Array): string {
  return Buffer.from(data).toString("base64").replace(/=+$/, "");
}

/** Canonical unpadded base64 of exactly `length` bytes, or undefined. */
function unb64(s: string | undefined, length?: number): Buffer | undefined {
  if (s === undefined || !/^[A-Za-z0-9+/]*$/.test(s)) return undefined;
  const out = Buffer.from(s, "base64");
  if (b64(out) !== s) return undefined;
  if (length !== undefined && out.length !== length) return undefined;
  return out;
}

function b64url(data: Uint8Array): string {
  return Buffer.from(data).toString("base64url");
}

/** Reader of the SSH wire format (RFC 4251: uint32, string, mpint). */
class Wire {
  private pos = 0;
  constructor(private readonly buf: Buffer) {}
  u32(): number {
    if (this.pos + 4 > this.buf.length) throw new Error("truncated");
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  string(): Buffer {
    const n = this.u32();
    if (this.pos + n > this.buf.length) throw new Error("truncated");
    const v = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }
  /** An mpint's magnitude (the sign byte git-style keys carry is dropped). */
  mpint(): Buffer {
    const v = this.string();
    let i = 0;
    while (i < v.length - 1 && v[i] === 0) i++;
    return v.subarray(i);
  }
}

function tagOf(wire: Uint8Array): string {
  return b64(crypto.createHash("sha256").update(wire).digest().subarray(0, 4));
}

function hkdf(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", ikm, salt, info, 32));
}

const PKCS8_X25519 = Buffer.from("302e020100300506032b656e04220420", "hex");
const SPKI_X25519 = Buffer.from("302a300506032b656e032100", "hex");

/** X25519(scalar, point); throws on an all-zero result (a low-order point). */
function x25519(scalar: Uint8Array, point: Uint8Array): Buffer {
  const privateKey = crypto.createPrivateKey({ key: Buffer.concat([PKCS8_X25519, scalar]), format: "der", type: "pkcs8" });
  const publicKey = crypto.createPublicKey({ key: Buffer.concat([SPKI_X25519, point]), format: "der", type: "spki" });
  const out = crypto.diffieHellman({ privateKey, publicKey });
  if (out.every((b) => b === 0)) throw new Error("X25519 produced the all-zero value");
  return out;
}

function x25519Base(scalar: Uint8Array): Buffer {
  const privateKey = crypto.createPrivateKey({ key: Buffer.concat([PKCS8_X25519, scalar]), format: "der", type: "pkcs8" });
  return crypto.createPublicKey(privateKey).export({ format: "der", type: "spki" }).subarray(-32);
}

function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  for (; e > 0n; e >>= 1n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
  }
  return r;
}

function leToBig(bytes: Uint8Array): bigint {
  let v = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]!);
  return v;
}

function bigToLe(v: bigint, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
}

/** The Montgomery u of an Ed25519 public key: (1 + y) / (1 - y) mod p. */
function ed25519ToX25519(pub: Uint8Array): Buffer {
  const bytes = Buffer.from(pub);
  bytes[31]! &= 0x7f; // the sign bit of x
  const y = leToBig(bytes);
  if (y >= P || y === 1n) throw new Error("invalid Ed25519 public key");
  const u = ((1n + y) * modPow((1n - y + P) % P, P - 2n, P)) % P;
  return bigToLe(u, 32);
}

function chachaSeal(key: Uint8Array, plain: Uint8Array): Buffer {
  const c = crypto.createCipheriv("chacha20-poly1305", key, Buffer.alloc(12), { authTagLength: 16 });
  return Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
}

function chachaOpen(key: Uint8Array, sealed: Uint8Array): Buffer | null {
  try {
    const d = crypto.createDecipheriv("chacha20-poly1305", key, Buffer.alloc(12), { authTagLength: 16 });
    d.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([d.update(sealed.subarray(0, sealed.length - 16)), d.final()]);
  } catch {
    return null;
  }
}

function edWire(pub: Uint8Array): Buffer {
  const type = Buffer.from("ssh-ed25519");
  const out = Buffer.alloc(4 + type.length + 4 + pub.length);
  out.writeUInt32BE(type.length, 0);
  type.copy(out, 4);
  out.writeUInt32BE(pub.length, 4 + type.length);
  Buffer.from(pub).copy(out, 8 + type.length);
  return out;
}

/** An `ssh-ed25519` recipient (an OpenSSH public key line). */
class SshEd25519Recipient implements Recipient {
  private readonly wire: Buffer;
  private readonly converted: Buffer;
  private readonly tweak: Buffer;
  readonly tag: string;

  constructor(wire: Buffer) {
    const r = new Wire(wire);
    if (r.string().toString("latin1") !== "ssh-ed25519") throw new Error("not an ssh-ed25519 key");
    const pub = r.string();
    if (pub.length !== 32) throw new Error("an ssh-ed25519 key must be 32 bytes");
    this.wire = edWire(pub);
    this.converted = ed25519ToX25519(pub);
    this.tweak = hkdf(Buffer.alloc(0), this.wire, ED_LABEL);
    this.tag = tagOf(this.wire);
  }

  wrapFileKey(fileKey: Uint8Array): Stanza[] {
    const ephemeral = crypto.randomBytes(32);
    const share = x25519Base(ephemeral);
    const shared = x25519(this.tweak, x25519(ephemeral, this.converted));
    const key = hkdf(shared, Buffer.concat([share, this.converted]), ED_LABEL);
    return [new Stanza(["ssh-ed25519", this.tag, b64(share)], chachaSeal(key, fileKey))];
  }
}

/** The identity of an Ed25519 private key (its 32-byte seed and public key). */
class SshEd25519Identity implements Identity {
  private readonly scalar: Buffer;
  /** The matching recipient (a restore encrypts its pre-restore snapshot to it when the set names none). */
  readonly recipient: SshEd25519Recipient;
  private readonly converted: Buffer;
  private readonly tweak: Buffer;

  constructor(seed: Uint8Array, pub: Uint8Array) {
    this.scalar = crypto.createHash("sha512").update(seed).digest().subarray(0, 32);
    const wire = edWire(pub);
    this.recipient = new SshEd25519Recipient(wire);
    this.converted = ed25519ToX25519(pub);
    this.tweak = hkdf(Buffer.alloc(0), wire, ED_LABEL);
  }

  unwrapFileKey(stanzas: Stanza[]): Uint8Array | null {
    for (const s of stanzas) {
      if (s.args[0] !== "ssh-ed25519" || s.args[1] !== this.recipient.tag) continue;
      const share = unb64(s.args[2], 32);
      if (s.args.length !== 3 || !share) throw new Error("invalid ssh-ed25519 stanza");
      if (s.body.length !== 32) throw new Error("invalid ssh-ed25519 stanza body length");
      let shared: Buffer;
      try {
        shared = x25519(this.tweak, x25519(this.scalar, share));
      } catch {
        throw new Error("invalid ssh-ed25519 stanza: low-order ephemeral share");
      }
      const key = hkdf(shared, Buffer.concat([share, this.converted]), ED_LABEL);
      const fileKey = chachaOpen(key, s.body);
      if (fileKey) return fileKey;
    }
    return null;
  }
}

/** An `ssh-rsa` recipient. */
class SshRsaRecipient implements Recipient {
  private readonly key: crypto.KeyObject;
  readonly tag: string;

  constructor(wire: Buffer) {
    const r = new Wire(wire);
    if (r.string().toString("latin1") !== "ssh-rsa") throw new Error("not an ssh-rsa key");
    const e = r.mpint();
    const n = r.mpint();
    if (n.length < 256) throw new Error("an ssh-rsa key for age must have at least 2048 bits");
    this.key = crypto.createPublicKey({ key: { kty: "RSA", n: b64url(n), e: b64url(e) }, format: "jwk" });
    this.tag = tagOf(wire);
  }

  wrapFileKey(fileKey: Uint8Array): Stanza[] {
    const body = crypto.publicEncrypt(
      { key: this.key, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256", oaepLabel: RSA_LABEL },
      fileKey,
    );
    return [new Stanza(["ssh-rsa", this.tag], body)];
  }
}

/** The identity of an RSA private key. */
class SshRsaIdentity implements Identity {
  private readonly tag: string;
  /** The matching recipient. */
  readonly recipient: SshRsaRecipient;

  constructor(
    private readonly key: crypto.KeyObject,
    wire: Buffer,
  ) {
    this.recipient = new SshRsaRecipient(wire);
    this.tag = this.recipient.tag;
  }

  unwrapFileKey(stanzas: Stanza[]): Uint8Array | null {
    for (const s of stanzas) {
      if (s.args[0] !== "ssh-rsa" || s.args[1] !== this.tag) continue;
      if (s.args.length !== 2) throw new Error("invalid ssh-rsa stanza");
      try {
        const fileKey = crypto.privateDecrypt(
          { key: this.key, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256", oaepLabel: RSA_LABEL },
          s.body,
        );
        if (fileKey.length === 16) return fileKey;
      } catch {
        /* not for this key: try the next stanza */
      }
    }
    return null;
  }
}

/** A recipient from an OpenSSH public key line (`ssh-ed25519 AAAA... comment`), or undefined when it is not one. */
export function sshRecipient(line: string): Recipient | undefined {
  const [type, data] = line.trim().split(/\s+/);
  if (type !== "ssh-ed25519" && type !== "ssh-rsa") return undefined;
  const wire = Buffer.from(data ?? "", "base64");
  return type === "ssh-ed25519" ? new SshEd25519Recipient(wire) : new SshRsaRecipient(wire);
}

function rsaWire(e: Buffer, n: Buffer): Buffer {
  const part = (b: Buffer, mp: boolean) => {
    const body = mp && b.length > 0 && b[0]! & 0x80 ? Buffer.concat([Buffer.alloc(1), b]) : b;
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    return Buffer.concat([len, body]);
  };
  return Buffer.concat([part(Buffer.from("ssh-rsa"), false), part(e, true), part(n, true)]);
}

function rsaIdentity(key: crypto.KeyObject): SshRsaIdentity {
  const jwk = key.export({ format: "jwk" });
  const wire = rsaWire(Buffer.from(jwk.e!, "base64url"), Buffer.from(jwk.n!, "base64url"));
  return new SshRsaIdentity(key, wire);
}

function bigOf(b: Buffer): bigint {
  return b.length === 0 ? 0n : BigInt("0x" + b.toString("hex"));
}

function bufOf(v: bigint): Buffer {
  let hex = v.toString(16);
  if (hex.length % 2) hex = "0" + hex;
  return Buffer.from(hex, "hex");
}

/**
 * The identity in an SSH private key file's text (OpenSSH format, or PEM/PKCS#8 RSA/Ed25519).
 * Throws with a reason a user can act on.
 */
export function sshIdentity(text: string): SshEd25519Identity | SshRsaIdentity {
  const m = /-----BEGIN OPENSSH PRIVATE KEY-----([\s\S]*?)-----END OPENSSH PRIVATE KEY-----/.exec(text);
  if (!m) {
    const key = crypto.createPrivateKey({ key: text, format: "pem" });
    if (key.asymmetricKeyType === "rsa") return rsaIdentity(key);
    if (key.asymmetricKeyType === "ed25519") {
      const jwk = key.export({ format: "jwk" });
      return new SshEd25519Identity(Buffer.from(jwk.d!, "base64url"), Buffer.from(jwk.x!, "base64url"));
    }
    throw new Error(`a ${key.asymmetricKeyType} key cannot decrypt age files (use ssh-ed25519 or ssh-rsa)`);
  }
  const raw = Buffer.from(m[1]!.replace(/\s+/g, ""), "base64");
  const magic = Buffer.from("openssh-key-v1\0", "latin1");
  if (!raw.subarray(0, magic.length).equals(magic)) throw new Error("not an OpenSSH private key (bad magic)");
  const r = new Wire(raw.subarray(magic.length));
  const cipher = r.string().toString("latin1");
  r.string(); // kdf name
  r.string(); // kdf options
  if (cipher !== "none")
    throw new Error(
      "the ssh private key is protected by a passphrase, which nothing here can ask for; give an unencrypted copy kept as a secret",
    );
  if (r.u32() !== 1) throw new Error("an OpenSSH key file with more than one key is not supported");
  r.string(); // public key
  const priv = new Wire(r.string());
  if (priv.u32() !== priv.u32()) throw new Error("the OpenSSH private key is damaged (check bytes differ)");
  const type = priv.string().toString("latin1");
  if (type === "ssh-ed25519") {
    const pub = priv.string();
    const secret = priv.string();
    if (pub.length !== 32 || secret.length !== 64) throw new Error("the ssh-ed25519 private key has the wrong length");
    return new SshEd25519Identity(secret.subarray(0, 32), pub);
  }
  if (type === "ssh-rsa") {
    const n = priv.mpint();
    const e = priv.mpint();
    const d = priv.mpint();
    const iqmp = priv.mpint();
    const p = priv.mpint();
    const q = priv.mpint();
    const dBig = bigOf(d);
    const key = crypto.createPrivateKey({
      key: {
        kty: "RSA",
        n: b64url(n),
        e: b64url(e),
        d: b64url(d),
        p: b64url(p),
        q: b64url(q),
        dp: b64url(bufOf(dBig % (bigOf(p) - 1n))),
        dq: b64url(bufOf(dBig % (bigOf(q) - 1n))),
        qi: b64url(iqmp),
      },
      format: "jwk",
    });
    return rsaIdentity(key);
  }
  throw new Error(`a ${type} key cannot decrypt age files (use ssh-ed25519 or ssh-rsa)`);
}
