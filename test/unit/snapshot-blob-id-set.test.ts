// The previous snapshot's blob ids packed in one buffer (src/io/snapshot/blob-id-set.ts): every
// id added is found, no other is (ids sharing their first bytes, a full table's probing), in
// SHA-1 and SHA-256 repositories, and ids of another length than the repository's are not.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { BlobIdSet } from "../../src/io/snapshot/blob-id-set.js";

const id = (n: number, bytes = 20) =>
  crypto
    .createHash("sha256")
    .update(String(n))
    .digest("hex")
    .slice(0, 2 * bytes);

describe("BlobIdSet", () => {
  it.each([20, 32])("finds every id added and none other (%i-byte ids)", (bytes) => {
    const set = new BlobIdSet();
    for (let n = 0; n < 5000; n++) set.add(id(n, bytes));
    set.add(id(7, bytes)); // a blob at two paths
    set.seal();
    expect(set.size).toBe(5001);
    // Packed: the ids' own bytes and a table of at most 4 int32 slots an id (a Set of hex strings
    // held about 200 bytes an id).
    expect(set.bytes).toBeLessThanOrEqual(5001 * bytes + 4 * 4 * 5001);
    for (let n = 0; n < 5000; n++) expect(set.has(id(n, bytes)), `id ${n}`).toBe(true);
    for (let n = 5000; n < 10_000; n++) expect(set.has(id(n, bytes)), `id ${n}`).toBe(false);
    // The other length, and a string that is not hex, are never found.
    expect(set.has(id(1, bytes === 20 ? 32 : 20))).toBe(false);
    expect(set.has("z".repeat(2 * bytes))).toBe(false);
  });

  it("tells apart ids that share their first four bytes (one table slot)", () => {
    const set = new BlobIdSet();
    const same = "abcdef01";
    for (let n = 0; n < 300; n++) set.add(same + id(n).slice(8));
    set.seal();
    for (let n = 0; n < 300; n++) expect(set.has(same + id(n).slice(8))).toBe(true);
    for (let n = 300; n < 600; n++) expect(set.has(same + id(n).slice(8))).toBe(false);
  });

  it("is empty when nothing was added, and ignores ids of another length than the first", () => {
    const empty = new BlobIdSet().seal();
    expect(empty.has(id(1))).toBe(false);
    const set = new BlobIdSet();
    set.add(id(1));
    set.add(id(2, 32));
    set.seal();
    expect(set.size).toBe(1);
    expect(set.has(id(1))).toBe(true);
    expect(set.has(id(2, 32))).toBe(false);
  });
});
