/**
 * Typed errors and the one place that maps them to exit codes (DESIGN.md, contract):
 * 0 clean, 1 integrity findings (or a failed verification), 2 could not run.
 * Everything below the entries throws one of these; only src/cli.ts and src/action.ts catch.
 */

import { hideUrlCredentials } from "./core/url-credentials.js";

const EXIT_FINDINGS = 1;
const EXIT_CANNOT_RUN = 2;
export type ExitCode = 0 | 1 | 2;

/** Base class: a message that says what failed and where, plus the fix. */
export class GuardError extends Error {
  readonly exitCode: ExitCode = EXIT_CANNOT_RUN;
  readonly fix: string | undefined;
  constructor(message: string, options: { fix?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.fix = options.fix;
  }
}

/** Bad command line or action inputs. */
export class UsageError extends GuardError {}
/** `.integrity-guard/config.yml` (or a file it names) is missing, unreadable or invalid. */
export class ConfigError extends GuardError {}
/** A schema `$ref`s a remote URL, which is never fetched: the schema cannot be used here, though nothing in it may be wrong. */
export class RemoteRefError extends ConfigError {}
/** A schema (the one named, or one it `$ref`s) is written in a meta-schema integrity-guard cannot compile: our limitation, not a fault of the schema. */
export class UnsupportedDraftError extends ConfigError {
  constructor(
    message: string,
    /** The schema written in that meta-schema (repo path). */
    readonly schemaPath: string,
    /** The meta-schema URI it declares. */
    readonly draft: string,
    options: { fix?: string } = {},
  ) {
    super(message, options);
  }
}
/** A schema (with the local files it `$ref`s) over validate.max_schema_size: never loaded. */
export class SchemaTooLargeError extends ConfigError {}
/** Not a git repository, git failed, a tool or key is missing, the disk is full... */
export class EnvironmentError extends GuardError {}
/** The folder is not inside a git work tree (validate FILE... still runs there). */
export class NotARepositoryError extends EnvironmentError {}
/** A path escapes the repository (absolute, `..`, or a symlink out of the tree). */
export class UnsafePathError extends GuardError {}
/** Symlinks that lead into each other's folders name a staged file in more ways than the hook can check (fails closed). */
export class LinkNamesError extends GuardError {}
/** git itself failed; carries the argv and stderr so the message can say what ran (URL credentials hidden). */
export class GitError extends EnvironmentError {
  readonly args: readonly string[];
  readonly stderr: string;
  constructor(
    args: readonly string[],
    readonly code: number | null,
    stderr: string,
  ) {
    const shownArgs = args.map(hideUrlCredentials);
    const shownStderr = hideUrlCredentials(stderr);
    super(`git ${shownArgs.join(" ")} failed (exit ${code ?? "signal"}): ${shownStderr.trim() || "no message"}`);
    this.args = shownArgs;
    this.stderr = shownStderr;
  }
}
/** An integrity failure that stops a command outright (forged snapshot, checksum mismatch). */
export class IntegrityError extends GuardError {
  override readonly exitCode: ExitCode = EXIT_FINDINGS;
}

/** Map anything thrown to an exit code. Non-GuardErrors are bugs: still "could not run". */
export function exitCodeFor(error: unknown): ExitCode {
  return error instanceof GuardError ? error.exitCode : EXIT_CANNOT_RUN;
}

/** A one-paragraph, user-facing rendering of a thrown value (never a bare stack trace). */
export function describeError(error: unknown): string {
  if (error instanceof GuardError) {
    return error.fix ? `${error.message}\n  fix: ${error.fix}` : error.message;
  }
  if (error instanceof Error) {
    return (
      `internal error: ${error.message}\n  this is a bug in integrity-guard; please report it with the command you ran` +
      ` (run it with NODE_OPTIONS=--enable-source-maps to map this trace to the sources).\n${error.stack ?? ""}`
    );
  }
  return `internal error: a non-Error value was thrown: ${String(error)}`;
}

/**
 * Data that fails its checks: refused by a safe write (schema violation) or found corrupt by a
 * strict read. Carries the findings so callers can show file:line:column and the pointer.
 */
export class InvalidDataError extends IntegrityError {
  constructor(
    message: string,
    readonly findings: readonly import("./core/finding.js").Finding[],
    options: { fix?: string } = {},
  ) {
    super(message, options);
  }
}

/**
 * A bug, not a user problem: YAML reached the on-demand parser (src/core/parse/index.ts) before
 * the parser was loaded. Not a GuardError, so it is reported as an internal error (exit 2): loud,
 * never a silent pass. The message names the fix for the developer.
 */
export class YamlNotLoadedError extends Error {
  constructor(readonly file: string) {
    super(
      `YAML support was not loaded before parsing ${file}: use parseDocumentAsync (or await loadYamlSupport() first) ` +
        `from src/core/parse/index.ts, or import parseDocument from src/core/parse/with-yaml.ts where YAML is parsed synchronously`,
    );
    this.name = "YamlNotLoadedError";
  }
}
