import type { ParsedDocument, Position } from "../parse/index.js";

export type MergeStrategy = "deep" | "replace" | "unique" | "append";

/** One parsed configuration file, in precedence order when handed to the analysis. */
export interface ConfigFile {
  /** Repo-relative path. */
  path: string;
  /** The file's data (first document). */
  value: unknown;
  /** For positions; absent in tests that build values by hand. */
  doc?: Pick<ParsedDocument, "locate" | "locateKey"> & {
    /**
     * Called before the locates, with every pointer the report will ask for (batch lookups;
     * none is fine) and what the analysis saw of `value` (its member names, non-finite numbers,
     * and whether it accepted the nesting).
     */
    prepare?(pointers: Iterable<string>, seen?: { keys: number; nonFinite: boolean; shallow?: boolean }): void;
    /**
     * Present where `value` can be let go once the analysis is done with it (and is then read
     * again if asked for): see core/conflicts/json-fast.ts.
     */
    release?(): void;
  };
}

/** The config.* keys that drive the analysis (schemas/config.schema.json, definitions.config). */
export interface ConflictRules {
  precedence?: readonly string[];
  owners?: Readonly<Record<string, string>>;
  differ?: readonly string[];
  merge?: Readonly<Record<string, MergeStrategy>>;
  secret_keys?: readonly string[];
}

/** A key set to different values by two or more files. */
export interface Conflict {
  pointer: string;
  /** Dotted form for people. */
  key: string;
  /** True when the key looks secret: values must never be shown. */
  secret: boolean;
  /** Every file that sets the key, lowest precedence first; the last one wins. */
  entries: { file: string; value: unknown; position?: Position }[];
}

/** One value written into one file by `conflicts --resolve --write` or `sync --fix`. */
export interface Change {
  file: string;
  pointer: string;
  key: string;
  /** Display forms, already masked where secret. */
  from: string;
  to: string;
  secret: boolean;
}

/** A value to set at a pointer in a file's text. */
export interface TextEdit {
  pointer: string;
  value: unknown;
}
