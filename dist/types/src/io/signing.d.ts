import type { SnapshotsConfig } from "../config/types.js";
import type { Git } from "./git.js";
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
export declare function requireSignConfig(config: SnapshotsConfig | undefined): SignConfig;
/**
 * Prepare signing. Missing key -> EnvironmentError (exit 2) naming the variable or path. The
 * private key never rests in the repository: see signing-key.ts. `stateDir` is swept of key
 * copies that earlier versions left there, and leftovers of killed runs are removed first.
 */
export declare function openSigner(sign: SignConfig, root: string, env: NodeJS.ProcessEnv, stateDir?: string): Promise<Signer>;
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
export declare function resolvePin(sign: SignConfig, root: string): Promise<Pin | undefined>;
/** Verify one commit against the pin. Never throws for a bad signature; returns the status. */
export declare function verifySignature(git: Git, oid: string, pin: Pin, env?: NodeJS.ProcessEnv): Promise<SignatureResult>;
export {};
