interface KeyHandle {
    /** `-c k=v` arguments for git. */
    configArgs: string[];
    env: NodeJS.ProcessEnv;
    /** How the key is held, for the docs and tests: agent, file (fallback) or gpg-home. */
    held: "agent" | "file" | "gpg-home";
    dispose(): Promise<void>;
}
/**
 * Remove what a killed earlier run left: every `ig-sign-*` folder under the repository's state
 * folder (where versions before 0.x kept a key copy) and our `ig-sign-<writer>-*` folders under
 * the OS temp dir whose writer no longer runs (its pid is gone, or now names a process that
 * started at another time: writerAlive). Never throws.
 */
export declare function sweepKeyLeftovers(stateDir: string | undefined): Promise<void>;
/** Hold an ssh private key for git: in a private ssh-agent, or (no agent) in a 0600 file. */
export declare function holdSshKey(keyText: string, source: string): Promise<KeyHandle>;
/** Import an armored gpg secret key into a throwaway GNUPGHOME; signs with its fingerprint. */
export declare function holdGpgKey(armored: string, source: string): Promise<KeyHandle>;
export {};
