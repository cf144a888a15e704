/**
 * The "uri" format without ajv-formats' full RFC 3986 regular expression for the common case.
 * That expression (IPv6 literals and all) costs a few milliseconds to compile on its first use,
 * which is most of a small commit's validation time. SIMPLE_URI accepts only a subset of what the
 * full expression accepts (scheme "://" reg-name [port] path query fragment, each from the same
 * character classes minus percent-escapes), so it can only say yes where the full check says
 * yes; anything else (IPv6 hosts, userinfo, %-escapes, no "//", bad input) goes to the full
 * check. test/unit/fast-uri-format.test.ts checks the subset claim on generated strings.
 */
export declare const SIMPLE_URI: RegExp;
export type FormatFn = (s: string) => boolean;
/** The full check with the fast path in front. */
export declare function withSimpleUri(full: FormatFn): FormatFn;
/**
 * ajv-formats' formats module with `fullFormats.uri` fronted by SIMPLE_URI: what cached
 * standalone code gets for require("ajv-formats/dist/formats"). The module itself is not changed.
 */
export declare function withFastFormats(mod: Record<string, unknown>): Record<string, unknown>;
