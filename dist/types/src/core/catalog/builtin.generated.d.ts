import type { BuiltinEntry } from "./types.js";
/** True for a repo-relative path that some built-in entry's fileMatch selects (one test for all). */
export declare const BUILTIN_ANY: RegExp;
/** The built-in entries, in match order; `files` are the vendored files each compiles from. */
export declare const BUILTIN_ENTRIES: readonly BuiltinEntry[];
/** SHA-256 of every vendored schema file: a copy that differs is refused, never used. */
export declare const BUILTIN_DIGESTS: Readonly<Record<string, string>>;
