/** Issue 16: a masked value shows its length and a keyed tag, never the value itself. */
import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { maskedDisplay, useMaskKey } from "../../src/core/conflicts/secrets.js";

const keyA = new Uint8Array(32).fill(1);
const keyB = new Uint8Array(32).fill(2);

afterEach(() => useMaskKey());

describe("maskedDisplay", () => {
  it("shows the length and a 6-hex-digit HMAC-SHA-256 tag under the key, never the value", () => {
    useMaskKey(() => keyA);
    const tag = createHmac("sha256", keyA).update("string\0hunter2-prod").digest("hex").slice(0, 6);
    expect(maskedDisplay("hunter2-prod")).toBe(`*** (12 chars, #${tag})`);
    expect(maskedDisplay("hunter2-prod")).not.toContain("hunter2");
  });

  it("gives equal values equal tags and different values (or types) different tags", () => {
    useMaskKey(() => keyA);
    expect(maskedDisplay("s3cret")).toBe(maskedDisplay("s3cret"));
    expect(maskedDisplay("s3cret")).not.toBe(maskedDisplay("s3creT"));
    expect(maskedDisplay("8080")).not.toBe(maskedDisplay(8080));
    expect(maskedDisplay("päss")).toMatch(/^\*\*\* \(4 chars, #[0-9a-f]{6}\)$/); // characters, not bytes
  });

  it("tags under another key differ (no lookup across repositories), and asks for the key only when used", () => {
    useMaskKey(() => keyA);
    const a = maskedDisplay("s3cret");
    useMaskKey(() => keyB);
    expect(maskedDisplay("s3cret")).not.toBe(a);
    let asked = 0;
    useMaskKey(() => (asked++, keyA));
    expect(asked).toBe(0);
    expect(maskedDisplay("s3cret")).toBe(a);
    expect(asked).toBe(1);
  });

  it("with no key given uses one random key for the whole process", () => {
    useMaskKey();
    const first = maskedDisplay("s3cret");
    expect(maskedDisplay("s3cret")).toBe(first);
    useMaskKey(() => keyA);
    expect(maskedDisplay("s3cret")).not.toBe(first);
  });
});
