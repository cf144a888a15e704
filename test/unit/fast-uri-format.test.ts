/**
 * The "uri" fast path may only accept what ajv-formats' full RFC 3986 check accepts: a fast
 * path that says yes where the full check says no would let a bad value through.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { SIMPLE_URI, withFastFormats, withSimpleUri, type FormatFn } from "../../src/core/schema/fast-uri-format.js";

const formats = createRequire(import.meta.url)("ajv-formats/dist/formats.js") as { fullFormats: { uri: FormatFn } };
const full = formats.fullFormats.uri;

/** Deterministic pseudo-random strings biased towards URI-like shapes (so many hit the fast path). */
function* samples(count: number): Generator<string> {
  let seed = 12345;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const alphabet = "aZ09+-.:/?#[]@!$&'()*,;=%~_ \t\"<>\\^`{|}é\u0000";
  const parts = [
    "http",
    "https",
    "urn",
    "x+y",
    "://",
    ":",
    "//",
    "/",
    "?",
    "#",
    "%20",
    "%zz",
    "[::1]",
    "user@",
    ":8080",
    ":80x",
    "example.com",
    "a.b",
    "",
    "/p",
    "?q=1&r",
    "#frag",
  ];
  for (let i = 0; i < count; i++) {
    // Half start like a URI (scheme "://"), so the fast path is taken often; the rest is noise.
    let s = rnd(2) === 0 ? ["http", "https", "s3", "x+y.z", "a-b"][rnd(5)] + "://" : "";
    const n = rnd(8);
    for (let k = 0; k < n; k++) s += rnd(3) === 0 ? alphabet[rnd(alphabet.length)] : parts[rnd(parts.length)];
    yield s;
  }
}

describe("uri format fast path", () => {
  it("accepts only strings the full RFC 3986 check accepts (200,000 generated strings)", () => {
    let fast = 0;
    for (const s of samples(200_000)) {
      if (SIMPLE_URI.test(s)) {
        fast++;
        expect(full(s), `fast path accepted ${JSON.stringify(s)}, the full check does not`).toBe(true);
      }
    }
    expect(fast).toBeGreaterThan(1000); // the generator does exercise the fast path
  });

  it("gives the full check's answer on both sides of the fast path", () => {
    const check = withSimpleUri(full);
    for (const s of ["https://example.com/u/1", "http://a.b:8080/x/y?q=1#f", "urn:isbn:0451450523", "http://[::1]/", "https://ex.com/%20"])
      expect(check(s), s).toBe(true);
    for (const s of ["", "example.com", "/relative/path", "http://exa mple.com", "https://ex.com/%zz", "http://a\\b", "1http://x"])
      expect(check(s), s).toBe(false);
  });

  it("wraps the formats module without changing it", () => {
    const wrapped = withFastFormats(formats as unknown as Record<string, unknown>) as typeof formats;
    expect(wrapped.fullFormats.uri).not.toBe(full);
    expect(formats.fullFormats.uri).toBe(full);
    expect(wrapped.fullFormats.uri("ht tp://x")).toBe(false);
  });
});
