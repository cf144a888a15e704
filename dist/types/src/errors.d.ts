/**
 * Typed errors and the one place that maps them to exit codes (DESIGN.md, contract):
 * 0 clean, 1 integrity findings (or a failed verification), 2 could not run.
 * Everything below the entries throws one of these; only src/cli.ts and src/action.ts catch.
 */
export type ExitCode = 0 | 1 | 2;
/** Base class: a message that says what failed and where, plus the fix. */
export declare class GuardError extends Error {
    readonly exitCode: ExitCode;
    readonly fix: string | undefined;
    constructor(message: string, options?: {
        fix?: string;
        cause?: unknown;
    });
}
/** Bad command line or action inputs. */
export declare class UsageError extends GuardError {
}
/** `.integrity-guard/config.yml` (or a file it names) is missing, unreadable or invalid. */
export declare class ConfigError extends GuardError {
}
/** A schema `$ref`s a remote URL, which is never fetched: the schema cannot be used here, though nothing in it may be wrong. */
export declare class RemoteRefError extends ConfigError {
}
/** A schema (the one named, or one it `$ref`s) is written in a meta-schema integrity-guard cannot compile: our limitation, not a fault of the schema. */
export declare class UnsupportedDraftError extends ConfigError {
    /** The schema written in that meta-schema (repo path). */
    readonly schemaPath: string;
    /** The meta-schema URI it declares. */
    readonly draft: string;
    constructor(message: string, 
    /** The schema written in that meta-schema (repo path). */
    schemaPath: string, 
    /** The meta-schema URI it declares. */
    draft: string, options?: {
        fix?: string;
    });
}
/** A schema (with the local files it `$ref`s) over validate.max_schema_size: never loaded. */
export declare class SchemaTooLargeError extends ConfigError {
}
/** Not a git repository, git failed, a tool or key is missing, the disk is full... */
export declare class EnvironmentError extends GuardError {
}
/** The folder is not inside a git work tree (validate FILE... still runs there). */
export declare class NotARepositoryError extends EnvironmentError {
}
/** A path escapes the repository (absolute, `..`, or a symlink out of the tree). */
export declare class UnsafePathError extends GuardError {
}
/** Symlinks that lead into each other's folders name a staged file in more ways than the hook can check (fails closed). */
export declare class LinkNamesError extends GuardError {
}
/** git itself failed; carries the argv and stderr so the message can say what ran (URL credentials hidden). */
export declare class GitError extends EnvironmentError {
    readonly code: number | null;
    readonly args: readonly string[];
    readonly stderr: string;
    constructor(args: readonly string[], code: number | null, stderr: string);
}
/** An integrity failure that stops a command outright (forged snapshot, checksum mismatch). */
export declare class IntegrityError extends GuardError {
    readonly exitCode: ExitCode;
}
/** Map anything thrown to an exit code. Non-GuardErrors are bugs: still "could not run". */
export declare function exitCodeFor(error: unknown): ExitCode;
/** A one-paragraph, user-facing rendering of a thrown value (never a bare stack trace). */
export declare function describeError(error: unknown): string;
/**
 * Data that fails its checks: refused by a safe write (schema violation) or found corrupt by a
 * strict read. Carries the findings so callers can show file:line:column and the pointer.
 */
export declare class InvalidDataError extends IntegrityError {
    readonly findings: readonly import("./core/finding.js").Finding[];
    constructor(message: string, findings: readonly import("./core/finding.js").Finding[], options?: {
        fix?: string;
    });
}
/**
 * A bug, not a user problem: YAML reached the on-demand parser (src/core/parse/index.ts) before
 * the parser was loaded. Not a GuardError, so it is reported as an internal error (exit 2): loud,
 * never a silent pass. The message names the fix for the developer.
 */
export declare class YamlNotLoadedError extends Error {
    readonly file: string;
    constructor(file: string);
}
