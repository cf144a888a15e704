export interface FallbackHit {
    snapshot: string;
    content: Buffer;
    /** "good" (signed by the pinned key) or "unverified" (sign.format none). */
    signature: string;
}
export declare function readFromNewestSnapshot(file: string, accept: (content: Buffer) => boolean): Promise<FallbackHit | undefined>;
