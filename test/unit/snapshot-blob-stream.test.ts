// The snapshot read-back through one streaming cat-file (src/io/snapshot/blob-stream.ts): every
// answer in order, hashed where it lies in the pipe's chunks (blobs cut across chunks, big and
// empty ones), skipped when not wanted, missing ids reported, and a git that dies mid-stream
// (a damaged packed object) reported as incomplete rather than as good answers.
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Git } from "../../src/io/git.js";
import { streamBlobs, type StreamedAnswer } from "../../src/io/snapshot/blob-stream.js";
import { buildPack, ObjectHasher } from "../../src/io/snapshot/pack.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

function bytes(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}
const sha256 = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");

async function read(git: Git, oids: string[], hash: (k: number) => boolean = () => true) {
  const answers: [number, StreamedAnswer][] = [];
  const whole = await streamBlobs(git, oids, hash, (k, a) => answers.push([k, a]));
  return { whole, answers };
}

describe("streamBlobs", () => {
  let repo: TestRepo;
  let git: Git;
  // Small blobs (many per pipe chunk), blobs around 64 KiB (one-shot limit, pipe chunk size),
  // a 3 MB one (many chunks), an empty one, and a blob whose bytes hold newlines and "missing".
  const blobs = [
    ...Array.from({ length: 300 }, (_, i) => bytes(50 + (i % 200), i + 1)),
    bytes(65_535, 7),
    bytes(65_536, 8),
    bytes(65_537, 9),
    bytes(3_000_000, 10),
    Buffer.alloc(0),
    Buffer.from("x missing\n\n0000 blob 12\n"),
  ];
  const hasher = new ObjectHasher();
  const oids = blobs.map((b) => hasher.oid("blob", b));
  beforeAll(async () => {
    repo = createRepo();
    git = await Git.open(repo.dir);
    await git.storePack(buildPack(blobs.map((data) => ({ type: "blob", data }))));
  });
  afterAll(() => repo.cleanup());

  it("gives every blob's SHA-256 and size, in the order asked (a repeated id answered each time)", async () => {
    const asked = [...oids, oids[3]!, oids[300]!];
    const { whole, answers } = await read(git, asked);
    expect(whole).toBe(true);
    expect(answers.map(([k]) => k)).toEqual(asked.map((_, k) => k));
    const want = [...blobs, blobs[3]!, blobs[300]!];
    for (const [k, a] of answers) expect(a, `blob ${k}`).toEqual({ sha256: sha256(want[k]!), size: want[k]!.length });
  });

  it("sends the ids a batch at a time, made when sent, with the same answers", async () => {
    const made: number[] = [];
    const ids = { count: oids.length, oid: (k: number) => (made.push(k), oids[k]!) };
    const answers: [number, StreamedAnswer][] = [];
    let held = 0;
    const whole = await streamBlobs(
      git,
      ids,
      () => true,
      (k, a) => answers.push([k, a]),
      { batch: 7, held: (n) => (held = n) },
    );
    expect(whole).toBe(true);
    expect(held).toBe(7);
    expect(answers.map(([k]) => k)).toEqual(oids.map((_, k) => k));
    for (const [k, a] of answers) expect(a, `blob ${k}`).toEqual({ sha256: sha256(blobs[k]!), size: blobs[k]!.length });
    // Each id made once to be sent and once to match git's answer: never all held as strings.
    expect(made.length).toBe(2 * oids.length);
  });

  it("skips the bytes of blobs not to be hashed, and still gives their size", async () => {
    const { whole, answers } = await read(git, oids, (k) => k % 2 === 0);
    expect(whole).toBe(true);
    for (const [k, a] of answers) expect(a).toEqual({ sha256: k % 2 === 0 ? sha256(blobs[k]!) : "", size: blobs[k]!.length });
  });

  it("reports an id git lacks, and a tree, as unreadable without losing the answers after them", async () => {
    const tree = execFileSync("git", ["mktree"], { cwd: repo.dir, input: `100644 blob ${oids[0]}\ta\n`, encoding: "utf8" }).trim();
    const absent = "1".repeat(40);
    const { whole, answers } = await read(git, [oids[0]!, absent, tree, oids[1]!]);
    expect(whole).toBe(true);
    expect(answers).toEqual([
      [0, { sha256: sha256(blobs[0]!), size: blobs[0]!.length }],
      [1, undefined],
      [2, undefined],
      [3, { sha256: sha256(blobs[1]!), size: blobs[1]!.length }],
    ]);
  });

  it("says incomplete when git dies on a damaged packed blob, and gives no answer for it", async () => {
    const damaged = createRepo();
    try {
      const g = await Git.open(damaged.dir);
      // Big enough to be compressed in the pack: a flipped byte inside its zlib stream kills git's read.
      const big = Buffer.alloc(200_000, "abcdefgh");
      const small = Buffer.from("fine\n");
      const ids = [hasher.oid("blob", small), hasher.oid("blob", big), hasher.oid("blob", small)];
      await g.storePack(
        buildPack([
          { type: "blob", data: small },
          { type: "blob", data: big },
        ]),
      );
      const packDir = path.join(damaged.dir, ".git/objects/pack");
      const pack = path.join(
        packDir,
        fs.readdirSync(packDir).find((f) => f.endsWith(".pack"))!,
      );
      fs.chmodSync(pack, 0o644);
      const data = fs.readFileSync(pack);
      data[data.length - 200] = data[data.length - 200]! ^ 0xff; // inside the big blob's deflated bytes
      fs.writeFileSync(pack, data);
      const { whole, answers } = await read(g, ids);
      expect(whole).toBe(false);
      expect(answers.some(([k, a]) => k === 1 && a !== undefined && a.sha256 === sha256(big))).toBe(false);
    } finally {
      damaged.cleanup();
    }
  });
});
