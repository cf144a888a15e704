import type { Finding } from "../core/finding.js";
import type { Config } from "../config/types.js";
import type { Git } from "../io/git.js";
import type { FileSource } from "../io/file-source.js";

/** What `check` hands each check: the same for working-tree and staged mode. */
export interface CheckContext {
  root: string;
  git: Git;
  config: Config;
  configPath: string;
  /** The config file's bytes (SHA-256) as loaded and its parse warnings: validate skips re-parsing them. */
  configParsed?: { sha256: string; findings: Finding[] };
  /** Working tree, or the git index (check --staged). */
  source: FileSource;
  /** Where schemas are read from, when not `source` (a pull request's base commit: see src/io/commit-source.ts). */
  schemaSource?: FileSource;
  /** Restrict per-file checks to these repo-relative paths (staged changes, PR files, CLI args). */
  paths?: string[];
  log: (line: string) => void;
  interactive: boolean;
  noCache?: boolean;
  /**
   * The user's schema cache shared between clones (compile-cache.ts userCacheDir's schema-cache/,
   * checked and resolved by bin/cache-folder.js), for the built-in schemas; undefined with
   * --no-cache, on CI, or when another local user could write it.
   */
  sharedSchemaCache?: string;
  /**
   * The baseline step (src/io/baseline-file.ts): given every finding before the per-file cap,
   * turns those a baseline records for unchanged files into notices. `invalid`: the baseline
   * cannot be used (the run exits 2).
   */
  exempt?: (findings: Finding[]) => Promise<{ findings: Finding[]; counts?: Record<string, number>; invalid?: true }>;
}

export interface Check {
  name: string;
  run(ctx: CheckContext): Promise<Finding[]>;
}
