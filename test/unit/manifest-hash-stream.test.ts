import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { HashStream, hashFiles } from "../../src/io/hash/pool.js";
import { StatCache, RACY_WINDOW_NS } from "../../src/io/stat-cache.js";
import type { StatKey } from "../../src/io/hash/pool.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ig-stream-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());
const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");

describe("hash stream (paths pushed while the walk runs)", () => {
  it("gives the same results, in push order, whatever the chunking and thread count", async () => {
    const files: string[] = [];
    const contents: Buffer[] = [];
    for (let i = 0; i < 97; i++) {
      const b = crypto.randomBytes((i * 131) % 5000);
      files.push(path.join(dir, `s${i}`));
      contents.push(b);
      fs.writeFileSync(files[i]!, b);
    }
    files.push(path.join(dir, "absent"), dir); // errors keep their place too
    const expected = await hashFiles(files, { inlineBelow: 1000 }); // the inline path
    for (const [threads, chunkSize] of [
      [2, 1],
      [2, 7],
      [3, 1000],
      [1, 5],
    ] as const) {
      const s = new HashStream({ threads, chunkSize });
      let pushed = 0;
      let seen = 0;
      s.onResults = () => {
        while (s.resultAt(seen) !== undefined) seen++;
      };
      for (const f of files) {
        s.push(f);
        pushed++;
        // Let the threads run ahead of the pushes now and then (indexes claimed before their chunk arrives).
        if (pushed % 20 === 0) await new Promise((r) => setTimeout(r, 5));
      }
      const got = await s.finish();
      expect(got).toEqual(expected);
      expect(seen).toBe(files.length);
    }
    expect(expected.slice(0, 97).map((r) => (r.ok ? r.sha256 : ""))).toEqual(contents.map(sha));
    expect(expected.slice(97).map((r) => (r.ok ? "ok" : r.code))).toEqual(["ENOENT", "ENOTFILE"]);
  });

  it("the main thread takes a share with 2+ threads (one file each, none twice), none with 1", async () => {
    const many: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const p = path.join(dir, `m${i}`);
      fs.writeFileSync(p, `file ${i}\n`);
      many.push(p);
    }
    for (const threads of [2, 1]) {
      const s = new HashStream({ threads });
      let progressed = 0;
      s.onProgress = (done) => (progressed = done);
      for (const p of many) s.push(p);
      const got = await s.finish();
      expect(got.map((r) => (r.ok ? r.sha256 : r.code))).toEqual(many.map((_, i) => sha(Buffer.from(`file ${i}\n`))));
      expect(progressed).toBe(many.length); // every file counted once, by whoever hashed it
      if (threads === 2) expect(s.hashedOnMain).toBeGreaterThan(0);
      else expect(s.hashedOnMain).toBe(0);
    }
  });

  it("takeResult hands each result over once: taken as they come, every result arrives and none is held", async () => {
    const files: string[] = [];
    for (let i = 0; i < 700; i++) {
      const p = path.join(dir, `t${i}`);
      fs.writeFileSync(p, `taken ${i}\n`);
      files.push(p);
    }
    const s = new HashStream({ threads: 2, chunkSize: 64 });
    const got: string[] = [];
    const drain = () => {
      for (let r = s.takeResult(got.length); r !== undefined; r = s.takeResult(got.length)) got.push(r.ok ? r.sha256 : r.code);
    };
    s.onResults = drain;
    for (const f of files) s.push(f);
    expect(await s.end()).toBe(files.length);
    drain();
    expect(got).toEqual(files.map((_, i) => sha(Buffer.from(`taken ${i}\n`))));
    // Handed over: the stream no longer holds any of them.
    expect(files.map((_, i) => s.resultAt(i)).filter((r) => r !== undefined)).toEqual([]);
  });

  it("held gives a file's result as bytes (the digest takeResult gives), drop hands it over unmade; errors are never held", async () => {
    const files: string[] = [];
    for (let i = 0; i < 2500; i++) {
      // More than two pages of results (1024 each), so pages are dropped as they are handed over.
      const p = path.join(dir, `h${i}`);
      fs.writeFileSync(p, `held ${i}\n`);
      if (i === 5) fs.chmodSync(p, 0o755);
      files.push(p);
    }
    files.push(path.join(dir, "absent-held"));
    const s = new HashStream({ threads: 2, chunkSize: 100, withStat: false });
    for (const f of files) s.push(f);
    expect(await s.end()).toBe(files.length);
    for (let i = 0; i < files.length - 1; i++) {
      const h = s.held(i);
      expect(h, files[i]).toBeDefined();
      const digest = Buffer.from(h!.bytes.subarray(h!.at, h!.at + 32)).toString("hex");
      const [size, executable] = [h!.size, h!.executable];
      expect(digest).toBe(sha(Buffer.from(`held ${i}\n`)));
      expect(executable).toBe(i === 5);
      if (i % 2 === 0) {
        s.drop(i);
        expect(s.held(i)).toBeUndefined(); // handed over
        expect(s.resultAt(i)).toBeUndefined();
      } else expect(s.takeResult(i)).toEqual({ ok: true, sha256: digest, size, executable, stat: null, noStat: true });
    }
    const last = files.length - 1;
    expect(s.held(last)).toBeUndefined(); // an error is an object, never held as bytes
    expect(s.takeResult(last)).toMatchObject({ ok: false, code: "ENOENT" });
    expect(files.map((_, i) => s.resultAt(i)).filter((r) => r !== undefined)).toEqual([]);
  });

  it("finishes with nothing pushed, and cancel stops the threads", async () => {
    expect(await new HashStream({ threads: 2 }).finish()).toEqual([]);
    const s = new HashStream({ threads: 2 });
    s.push(path.join(dir, "s1"));
    s.cancel(); // an error path: the threads must not keep the process alive
    await expect(s.finish()).rejects.toThrow(/exited early/);
  });
});

describe("stat cache stamp", () => {
  it("is the time the cache was opened, not saved: an edit early in a long run stays racy", async () => {
    const file = path.join(dir, "cache.json");
    const t0 = 1_800_000_000_000; // ms
    const now = vi.spyOn(Date, "now").mockReturnValue(t0);
    const cache = StatCache.load(file);
    // Hashed 1 s after the run started, with an mtime of that moment; an edit in the same
    // timestamp tick right after the read would leave this stat as it is.
    const mtime = BigInt(t0) * 1_000_000n + 1_000_000_000n;
    const stat: StatKey = ["10", String(mtime), "42", String(mtime)];
    cache.record("data/x", stat, "a".repeat(64), false);
    now.mockReturnValue(t0 + 5_000); // the run took 5 s: a save-time stamp would trust it
    expect(await cache.save()).toBe(true);
    const saved = JSON.parse(fs.readFileSync(file, "utf8")) as { stamp: string };
    expect(BigInt(saved.stamp)).toBe(BigInt(t0) * 1_000_000n);
    expect(mtime >= BigInt(saved.stamp) - RACY_WINDOW_NS).toBe(true);
    expect(StatCache.load(file).lookup("data/x", stat)).toBeUndefined();
  });
});
