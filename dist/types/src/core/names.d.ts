import type { Finding } from "./finding.js";
/** Observation error code (core/manifest/model.ts) of a file whose name is unsupported. */
export declare const UNSUPPORTED_NAME_CODE = "EUNSUPPORTEDNAME";
/** Decode a file name's bytes: UTF-8 when valid, else with each stray byte kept as U+DC80+byte. */
export declare function decodeName(bytes: Uint8Array): string;
/** Whether `name` holds bytes that are not valid UTF-8 (see decodeName). */
export declare function hasRawBytes(name: string): boolean;
/** The exact bytes of a name decoded by decodeName (for fs calls and git input). */
export declare function nameBytes(name: string): Buffer;
/**
 * Why integrity-guard cannot check the file `name` (repo-relative, `/`-separated), or undefined
 * when it can. The same test decides what `seal` writes and what a manifest may hold, so a name
 * `seal` accepts is never refused by `verify` as tampering:
 * - bytes that are not UTF-8: JSON (manifests, reports) and the GitHub API cannot carry them;
 * - a `..` segment when `\` is read as a separator (a backslash is an ordinary character on
 *   POSIX and is accepted, but `a\..\..\x` would leave the folder where `\` separates, on Windows).
 */
export declare function unsupportedNameReason(name: string): string | undefined;
/**
 * A name (or any text taken from a file) made safe to print: raw bytes as `\xNN`, control
 * characters (C0, DEL, C1), line and paragraph separators, bidi controls, characters that render
 * as nothing (INVISIBLE) and the backslash escaped, so a terminal, a log, an annotation or a
 * one-line report shows it as it is and cannot be steered.
 */
export declare function escapeName(name: string): string;
/** Text for display: unchanged when safe, else escapeName's form (so plain names stay readable). */
export declare function displayText(text: string): string;
/**
 * The `path/unsupported-name` error for a file integrity-guard cannot handle; `outcome` says
 * what that meant ("validate did not check it"). `file` holds the escaped name (valid Unicode in
 * every report format); the fix renames it with the bytes spelled out.
 */
export declare function unsupportedNameFinding(name: string, reason: string, outcome: string): Finding;
