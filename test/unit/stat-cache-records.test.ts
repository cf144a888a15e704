/**
 * The stat cache's records in typed arrays (issue 20): every canonical 64-bit decimal reads back
 * exactly (as text and in comparisons), a non-canonical one is refused (re-hashed, never trusted),
 * and keys keep the order the halves were written in (a deleted and re-set key moves to the end).
 */
import { describe, expect, it } from "vitest";
import { BlobRecords, FileRecords } from "../../src/io/stat-cache-records.js";

const SHA = "0123456789abcdef".repeat(4);

describe("FileRecords", () => {
  it("keeps every field exact, up to 2^64 - 1, and compares mtimes exactly at the nine-digit edge", () => {
    const f = new FileRecords();
    const big = "18446744073709551615";
    expect(f.set("a", ["0", big, "999999999", "1000000000"], SHA, true)).toBe(true);
    expect(f.text("a")).toBe(`"0","${big}","999999999","1000000000","${SHA}",1`);
    expect(f.statIs("a", ["0", big, "999999999", "1000000000"])).toBe(true);
    expect(f.statIs("a", ["0", big, "999999999", "1000000001"])).toBe(false);
    expect(f.set("m", ["1", "1764900000123456789", "2", "3"], SHA, false)).toBe(true);
    expect(f.mtimeAtLeast("m", 1764900000123456789n)).toBe(true);
    expect(f.mtimeAtLeast("m", 1764900000123456790n)).toBe(false);
    expect(f.mtimeAtLeast("m", 1764900001000000000n)).toBe(false);
    expect(f.mtimeAtLeast("m", 1764899999999999999n)).toBe(true);
    expect(f.mtimeAtLeast("m", -5n)).toBe(true);
  });

  it("refuses a non-canonical record and drops what was recorded before for that path", () => {
    const f = new FileRecords();
    f.set("p", ["1", "2", "3", "4"], SHA, false);
    expect(f.setText("p", `"01","2","3","4","${SHA}",0`)).toBe(false); // a leading zero
    expect(f.has("p")).toBe(false);
    expect(f.setText("p", `"1","2","3","123456789012345678901","${SHA}",0`)).toBe(false); // over 20 digits
    expect(f.setText("p", `"1","2","3","4","${SHA.toUpperCase()}",0`)).toBe(false);
    expect(f.set("p", ["1", "2", "3", "-4"], SHA, false)).toBe(false);
    expect(f.setText("p", `"1","2","3","4","${SHA}",1`)).toBe(true);
    expect(f.executable("p")).toBe(true);
  });

  it("keeps insertion order, a re-set key in place and a deleted one moved to the end, over reused slots", () => {
    const f = new FileRecords();
    for (let i = 0; i < 3000; i++) f.set(`k${i}`, [String(i), "1", "2", "3"], SHA, false);
    f.set("k5", ["9", "9", "9", "9"], SHA, false);
    f.delete("k7");
    f.set("k7", ["7", "7", "7", "7"], SHA, true);
    const keys = [...f.keys()];
    expect(keys[5]).toBe("k5");
    expect(keys.at(-1)).toBe("k7");
    expect(f.text("k5")).toBe(`"9","9","9","9","${SHA}",0`);
    expect(f.text("k2999")).toBe(`"2999","1","2","3","${SHA}",0`);
    expect(f.size).toBe(3000);
  });
});

describe("BlobRecords", () => {
  it("reads back digest and size, and refuses a damaged record", () => {
    const b = new BlobRecords();
    expect(b.setText("oid", SHA + "1234")).toBe(true);
    expect(b.get("oid")).toEqual({ sha256: SHA, size: 1234 });
    expect(b.text("oid")).toBe(SHA + "1234");
    expect(b.setText("oid", SHA + "01")).toBe(false);
    expect(b.has("oid")).toBe(false);
    expect(b.setText("x", SHA.slice(0, 60) + "zzzz12")).toBe(false);
    expect(b.setText("y", SHA)).toBe(false); // no size
  });
});
