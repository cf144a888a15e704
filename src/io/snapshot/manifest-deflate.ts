/**
 * The snapshot manifest compressed as it is written (capture.ts), for the snapshot's pack: at
 * 500,000 files its text is about 75 MB, and holding it whole, then a copy of it in one buffer,
 * then its deflated form, was 150 MB of the first snapshot's peak (issue 20). Here only the
 * deflated bytes are kept (about a third of the text: the digests are hex). The blob id needs
 * the length first ("blob <size>\0" + bytes), so it is computed at the end by inflating those
 * very bytes: the id then names what git will read out of the pack, not a copy beside it.
 */
import crypto from "node:crypto";
import zlib from "node:zlib";

interface DeflatedManifest {
  /** The zlib stream of the manifest, in pieces (buildPack takes them as they are). */
  deflated: Buffer[];
  /** Length of the manifest text in bytes. */
  size: number;
  /** "sha256:<hex>" of the text (the snapshot's manifest digest). */
  digest: string;
}

export class ManifestDeflater {
  private readonly zip = zlib.createDeflate({ level: 1 });
  private readonly out: Buffer[] = [];
  private readonly sha = crypto.createHash("sha256");
  private size = 0;
  private failed: Error | undefined;
  private readonly done: Promise<void>;

  constructor() {
    this.zip.on("data", (b: Buffer) => this.out.push(b));
    this.done = new Promise((resolve, reject) => {
      this.zip.on("end", resolve);
      this.zip.on("error", (error: Error) => {
        this.failed = error;
        reject(error);
      });
    });
    this.done.catch(() => undefined);
  }

  /** The next bytes of the text, in order (compressed in the thread pool meanwhile). */
  write(bytes: Buffer): void {
    if (this.failed || bytes.length === 0) return;
    this.sha.update(bytes);
    this.size += bytes.length;
    this.zip.write(bytes);
  }

  /** The digest of the text so far is final: the text ends here. */
  digest(): string {
    return "sha256:" + this.sha.digest("hex");
  }

  /** End the text and wait for its last deflated bytes. */
  async end(digest: string): Promise<DeflatedManifest> {
    this.zip.end();
    await this.done;
    return { deflated: this.out, size: this.size, digest };
  }

  /** Stop compressing (a capture that writes no snapshot, or failed). */
  dispose(): void {
    if (!this.zip.destroyed) this.zip.destroy();
    this.out.length = 0;
  }
}

/** The git blob id (SHA-1) of the text a deflated manifest holds, read out of the zlib stream. */
export async function blobIdOfDeflated(m: DeflatedManifest): Promise<string> {
  const sha1 = crypto.createHash("sha1").update(`blob ${m.size}\0`, "latin1");
  let size = 0;
  await eachInflated(m, (piece) => {
    sha1.update(piece);
    size += piece.length;
  });
  if (size !== m.size) throw new Error(`internal error: the deflated manifest holds ${size} bytes, not ${m.size}`);
  return sha1.digest("hex");
}

/** The whole text of a deflated manifest (for the rare path that hands it to git as a blob). */
export async function inflateManifest(m: DeflatedManifest): Promise<Buffer> {
  const out = Buffer.allocUnsafe(m.size);
  let pos = 0;
  await eachInflated(m, (piece) => {
    piece.copy(out, pos);
    pos += piece.length;
  });
  return out.subarray(0, pos);
}

function eachInflated(m: DeflatedManifest, onPiece: (piece: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const unzip = zlib.createInflate();
    unzip.on("data", onPiece);
    unzip.on("end", resolve);
    unzip.on("error", reject);
    for (const piece of m.deflated) unzip.write(piece);
    unzip.end();
  });
}
