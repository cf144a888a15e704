import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Git } from "../../src/io/git.js";
import { hashFilesIfPresent, readWhole } from "../../src/io/snapshot/files.js";
import { adler32, buildPack, ObjectHasher, writeStoredZlib } from "../../src/io/snapshot/pack.js";
import { buildTrees } from "../../src/io/snapshot/trees.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

/** Deterministic bytes of every value (not text), so nothing about them is special. */
function bytes(n: number, seed = 1): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

// Sizes around the stored-block limit (65,535), the compression threshold (1,024) and zero.
const SIZES = [0, 1, 1023, 1024, 65535, 65536, 140_000];

describe("stored zlib streams", () => {
  it.each(SIZES)("inflate back to the %i input bytes", (n) => {
    const data = bytes(n, n + 7);
    const out = Buffer.alloc(n + 5 * Math.max(1, Math.ceil(n / 0xffff)) + 6);
    const end = writeStoredZlib(out, 0, data);
    expect(end).toBe(out.length);
    expect(zlib.inflateSync(out).equals(data)).toBe(true);
  });
  it("computes Adler-32 as RFC 1950 does", () => {
    expect(adler32(Buffer.from("Wikipedia"))).toBe(0x11e60398);
    expect(adler32(Buffer.alloc(0))).toBe(1);
    // Long runs of 0xff are where a missing modulo would overflow first.
    const ff = Buffer.alloc(100_000, 0xff);
    let a = 1;
    let b = 0;
    for (const v of ff) {
      a = (a + v) % 65521;
      b = (b + a) % 65521;
    }
    expect(adler32(ff)).toBe(((b << 16) | a) >>> 0);
  });
});

describe("a pack built in memory, stored by git index-pack", () => {
  let repo: TestRepo;
  let git: Git;
  beforeAll(async () => {
    repo = createRepo();
    git = await Git.open(repo.dir);
  });
  afterAll(() => repo.cleanup());

  it("holds every blob byte for byte under the id git computes", async () => {
    const blobs = [...SIZES.map((n) => bytes(n, n)), Buffer.from("same\n"), Buffer.from("same\n"), Buffer.from("é ☃ 😀\r\n")];
    const hasher = new ObjectHasher();
    const oids = blobs.map((b) => hasher.oid("blob", b));
    for (const [i, b] of blobs.entries()) {
      expect(execFileSync("git", ["hash-object", "--stdin"], { cwd: repo.dir, input: b, encoding: "utf8" }).trim()).toBe(oids[i]);
    }
    await git.storePack(buildPack(blobs.map((data) => ({ type: "blob", data }))));
    const read = await git.readBlobsBuffered(oids);
    for (const [i, b] of blobs.entries()) expect(read.get(oids[i]!)?.equals(b), `blob ${i}`).toBe(true);
    expect(execFileSync("git", ["fsck", "--full", "--strict", "--no-dangling"], { cwd: repo.dir, encoding: "utf8", stdio: "pipe" })).toBe(
      "",
    );
  });

  it("gives trees the ids write-tree gives them, whatever the names", async () => {
    // A folder sorts as if its name ended in "/": x-y, x.y, x/, x0 ("-" < "." < "/" < "0").
    const names = [
      "x0",
      "x/in",
      "x.y",
      "x-y",
      "a",
      "A",
      "z/y/x/w.txt",
      "sp ace/[x]*?.json",
      "é/ü.txt",
      "😀/x",
      "\uE000/y",
      "\uFFFD",
      "日本/語",
      "run.sh",
    ];
    const hasher = new ObjectHasher();
    const entries = names.map((p, i) => {
      const data = Buffer.from(`file ${i}\n`);
      return { path: p, mode: p.endsWith(".sh") ? "100755" : "100644", oid: hasher.oid("blob", data), data };
    });
    const { root, trees } = buildTrees(entries);
    await git.storePack(
      buildPack([
        ...entries.map((e) => ({ type: "blob" as const, data: e.data })),
        ...trees.map((data) => ({ type: "tree" as const, data })),
      ]),
    );
    const index = `${repo.dir}/.git/test-index`;
    const written = await git.writeTreeFromEntries(
      [...entries].sort((x, y) => Buffer.compare(Buffer.from(x.path), Buffer.from(y.path))),
      index,
    );
    expect(root).toBe(written);
    expect(execFileSync("git", ["fsck", "--full", "--strict", "--no-dangling"], { cwd: repo.dir, encoding: "utf8", stdio: "pipe" })).toBe(
      "",
    );
  });
});

describe("reading whole files", () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = createRepo();
    repo.write("a.txt", "hello\n");
    repo.write("big.bin", bytes(200_000));
  });
  afterAll(() => repo.cleanup());

  it("reads every byte whether the file is as big as fstat said, grew since, or shrank since", () => {
    for (const [file, size] of [
      ["a.txt", 6],
      ["a.txt", 0],
      ["a.txt", 3],
      ["a.txt", 100],
      ["big.bin", 200_000],
      ["big.bin", 10],
      ["big.bin", 70_000],
      ["big.bin", 300_000],
    ] as const) {
      const fd = fs.openSync(path.join(repo.dir, file), "r");
      try {
        expect(readWhole(fd, size).equals(fs.readFileSync(path.join(repo.dir, file))), `${file} read as ${size} bytes`).toBe(true);
      } finally {
        fs.closeSync(fd);
      }
    }
  });

  it("lists files that do not exist instead of failing", () => {
    const missing: string[] = [];
    const got = hashFilesIfPresent(repo.dir, ["gone.txt", "a.txt/under-a-file", "a.txt"], missing);
    expect(missing).toEqual(["gone.txt", "a.txt/under-a-file"]);
    expect(got).toEqual(new Map([["a.txt", { sha256: "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03", size: 6 }]]));
  });
});
