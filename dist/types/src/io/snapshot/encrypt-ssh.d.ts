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
/** An `ssh-ed25519` recipient (an OpenSSH public key line). */
declare class SshEd25519Recipient implements Recipient {
    private readonly wire;
    private readonly converted;
    private readonly tweak;
    readonly tag: string;
    constructor(wire: Buffer);
    wrapFileKey(fileKey: Uint8Array): Stanza[];
}
/** The identity of an Ed25519 private key (its 32-byte seed and public key). */
declare class SshEd25519Identity implements Identity {
    private readonly scalar;
    /** The matching recipient (a restore encrypts its pre-restore snapshot to it when the set names none). */
    readonly recipient: SshEd25519Recipient;
    private readonly converted;
    private readonly tweak;
    constructor(seed: Uint8Array, pub: Uint8Array);
    unwrapFileKey(stanzas: Stanza[]): Uint8Array | null;
}
/** An `ssh-rsa` recipient. */
declare class SshRsaRecipient implements Recipient {
    private readonly key;
    readonly tag: string;
    constructor(wire: Buffer);
    wrapFileKey(fileKey: Uint8Array): Stanza[];
}
/** The identity of an RSA private key. */
declare class SshRsaIdentity implements Identity {
    private readonly key;
    private readonly tag;
    /** The matching recipient. */
    readonly recipient: SshRsaRecipient;
    constructor(key: crypto.KeyObject, wire: Buffer);
    unwrapFileKey(stanzas: Stanza[]): Uint8Array | null;
}
/** A recipient from an OpenSSH public key line (`ssh-ed25519 AAAA... comment`), or undefined when it is not one. */
export declare function sshRecipient(line: string): Recipient | undefined;
/**
 * The identity in an SSH private key file's text (OpenSSH format, or PEM/PKCS#8 RSA/Ed25519).
 * Throws with a reason a user can act on.
 */
export declare function sshIdentity(text: string): SshEd25519Identity | SshRsaIdentity;
export {};
