/**
 * A hash stream started with `withStat: false` (verify --no-cache's threads): the same digests,
 * sizes, modes and errors as with the stat, but no stat key (`noStat`), so nothing can record a
 * stat that was never taken; hashOne reads a file again with its stat for the files that differ.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HashStream, hashOne } from "../../src/io/hash/pool.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ig-nostat-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("hashing without the stat", () => {
  it("gives the stat stream's results less the stat, and hashOne gives the stat", async () => {
    const files: string[] = [];
    for (let i = 0; i < 40; i++) {
      const f = path.join(dir, `f${i}`);
      fs.writeFileSync(f, crypto.randomBytes(i === 7 ? 300_000 : (i * 977) % 9000)); // one longer than a read buffer
      if (i === 3) fs.chmodSync(f, 0o755);
      files.push(f);
    }
    fs.symlinkSync(files[0]!, path.join(dir, "link"));
    files.push(path.join(dir, "absent"), dir, path.join(dir, "link"));
    const run = async (withStat: boolean) => {
      const s = new HashStream({ threads: 2, chunkSize: 5, withStat });
      for (const f of files) s.push(f);
      return s.finish();
    };
    const [full, bare] = [await run(true), await run(false)];
    expect(bare.length).toBe(files.length);
    for (let i = 0; i < files.length; i++) {
      const a = full[i]!;
      const b = bare[i]!;
      if (!a.ok) {
        expect(b, files[i]).toEqual(a);
        continue;
      }
      expect(a.stat).not.toBeNull();
      expect(b).toEqual({ ...a, stat: null, noStat: true });
      const again = hashOne(files[i]!);
      expect(again).toEqual(a); // the same stat key: nothing changed in between
      expect(again.ok && again.noStat).toBeFalsy();
    }
    expect(full[3]!.ok && full[3]!.executable).toBe(true);
  });
});
