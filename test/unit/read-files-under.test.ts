/**
 * readFilesUnder (src/io/file-source.ts) reads a file with the size its one fstat gave:
 * `readFileSync(fd)` made a second fstat for each of the thousands of small files a validate run
 * reads. The bytes are the same for every size (empty, a byte, around Buffer's pool size, several
 * reads' worth); counted as readFileSync calls, not timed.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readFilesUnder } from "../../src/io/file-source.js";

const cleanup: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of cleanup.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("readFilesUnder", () => {
  it("reads each non-empty file with no second fstat (no readFileSync), bytes unchanged", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "ig-read-"));
    cleanup.push(root);
    const sizes = [1, 200, 4095, 4096, 4097, 8192, 300_000];
    const want = new Map<string, Buffer>();
    for (const n of sizes) {
      const b = Buffer.alloc(n, `{"n":${n}}`);
      fs.writeFileSync(path.join(root, `f${n}.json`), b);
      want.set(`f${n}.json`, b);
    }
    fs.writeFileSync(path.join(root, "empty.json"), "");
    const spy = vi.spyOn(fs, "readFileSync");
    const got = readFilesUnder(root, [...want.keys(), "empty.json", "missing.json"]);
    // Only the empty file (a size of 0 may be a /proc-like file: read to its end).
    expect(spy).toHaveBeenCalledTimes(1);
    for (const [p, b] of want) expect(Buffer.compare(got.get(p) as Buffer, b), p).toBe(0);
    expect((got.get("empty.json") as Buffer).length).toBe(0);
    expect(got.has("missing.json")).toBe(false);
  });
});
