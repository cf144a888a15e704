import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hashFiles } from "../../src/io/hash/pool.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ig-hash-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");

describe("hash pool", () => {
  it("hashes many files in worker threads, in order, with the same results as the inline path", async () => {
    const files: string[] = [];
    const contents: Buffer[] = [];
    for (let i = 0; i < 150; i++) {
      const b = crypto.randomBytes(i * 37);
      const p = path.join(dir, `f${i}`);
      fs.writeFileSync(p, b);
      files.push(p);
      contents.push(b);
    }
    const big = crypto.randomBytes(3 * (1 << 20) + 123); // larger than the read buffer: streamed
    files.push(path.join(dir, "big"));
    contents.push(big);
    fs.writeFileSync(files[files.length - 1]!, big);
    fs.chmodSync(files[0]!, 0o755);
    let progress = 0;
    const viaWorkers = await hashFiles(files, { threads: 2, bufferSize: 1 << 20, onProgress: (done) => (progress = done) });
    expect(progress).toBe(files.length);
    viaWorkers.forEach((r, i) => {
      expect(r).toMatchObject({ ok: true, sha256: sha(contents[i]!), size: contents[i]!.length });
    });
    expect(viaWorkers[0]).toMatchObject({ executable: true });
    expect(viaWorkers[1]).toMatchObject({ executable: false });
    const st = fs.statSync(files[files.length - 1]!, { bigint: true });
    expect((viaWorkers[files.length - 1] as { stat: string[] }).stat).toEqual([
      String(st.size),
      String(st.mtimeNs),
      String(st.ino),
      String(st.ctimeNs),
    ]);
    const inline = await hashFiles(files.slice(-5), { inlineBelow: 64 });
    expect(inline).toEqual(viaWorkers.slice(-5));
  });

  it("hashes files at and around the default read buffer's size (one read, and streamed) in threads", async () => {
    // 128 KiB is the default buffer: a file of exactly that size fills the first read and takes
    // the streaming path; one byte more needs a second read.
    const sizes = [128 * 1024 - 1, 128 * 1024, 128 * 1024 + 1, 3 * 128 * 1024, 0];
    const contents = sizes.map((n) => crypto.randomBytes(n));
    const files = contents.map((b, i) => {
      const p = path.join(dir, `edge${i}`);
      fs.writeFileSync(p, b);
      return p;
    });
    // Enough bytes with threads forced: the worker path; inlineBelow 64 with few files: main thread.
    const viaWorkers = await hashFiles(files, { threads: 2, inlineBelow: 0 });
    const inline = await hashFiles(files, { threads: 1 });
    for (const r of [viaWorkers, inline]) {
      r.forEach((x, i) => expect(x).toMatchObject({ ok: true, sha256: sha(contents[i]!), size: sizes[i] }));
    }
  });

  it("returns errors as results: missing, folder, symlink (never followed), FIFO (never blocks)", async () => {
    const link = path.join(dir, "link");
    fs.symlinkSync("/etc/hostname", link);
    const fifo = path.join(dir, "fifo");
    const { spawnSync } = await import("node:child_process");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const r = await hashFiles([path.join(dir, "nope"), dir, link, fifo]);
    expect(r.map((x) => (x.ok ? "ok" : x.code))).toEqual(["ENOENT", "ENOTFILE", "ELOOP", "ENOTFILE"]);
  });
});
