import { Stanza, type Decrypter, type Recipient } from "age-encryption";
/** Writes age files to a fixed set of recipients, all under one file key (see the file comment). */
export declare class AgeWriter {
    private readonly fileKey;
    private readonly header;
    private constructor();
    static open(recipients: readonly Recipient[]): Promise<AgeWriter>;
    private readonly nonces;
    encrypt(plain: Uint8Array): Buffer;
}
/** Reads age files with the identities of a Decrypter, unwrapping each distinct header once. */
export declare class AgeReader {
    private readonly decrypter;
    private readonly keys;
    constructor(decrypter: Decrypter);
    decrypt(blob: Buffer): Promise<Buffer>;
}
/** A native X25519 (`age1...`) recipient: Bech32 decoded here, wrapped with node:crypto. */
export declare class X25519Recipient implements Recipient {
    private readonly publicKey;
    private readonly raw;
    constructor(s: string);
    wrapFileKey(fileKey: Uint8Array): Stanza[];
}
