import type { Finding } from "../core/finding.js";
import type { LoadedConfig } from "../config/types.js";
import type { ExitCode } from "../errors.js";
import type { Git } from "../io/git.js";
import type { FileSource } from "../io/file-source.js";
import type { BaselineLoader } from "../io/baseline-file.js";

export type OptionValue = string | boolean | string[] | undefined;

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  /** Shown in --help. */
  description: string;
  /** Placeholder in --help, e.g. "K/N". */
  valueName?: string;
  /** Accepted values (checked before anything runs). */
  choices?: readonly string[];
}

/** Everything a command may use. Built by the CLI, the Action, or a test. */
export interface CommandContext {
  /** Absolute path of the repository's top level. */
  root: string;
  git: Git;
  loaded: LoadedConfig;
  /** Parsed options of this verb (names as declared, e.g. "dry-run"). */
  options: Record<string, OptionValue>;
  positionals: string[];
  /**
   * True when `positionals` are a list of changed files made by a program (the Action's
   * pull-request files), not paths a person typed: files no check reads are left out quietly.
   */
  fileList?: boolean;
  /** The current directory (or -C DIR): command-line paths are relative to it. Default: root. */
  cwd?: string;
  /**
   * True outside any git repository (`validate FILE...` only): `root` is the folder of the config
   * found upward from cwd (else cwd), files are read from disk, and `git` throws when used.
   */
  folderOnly?: boolean;
  env: NodeJS.ProcessEnv;
  /** Progress and notes for people: stderr in the CLI, the log in the Action. Never data. */
  log: (line: string) => void;
  /** True when stderr is a terminal (progress bars allowed). */
  interactive: boolean;
  /** The output format asked for (some verbs print differently). */
  format: OutputFormat;
  /** Where schemas are read from when not from the checked files' source (the Action on a pull request: the base commit). */
  schemaSource?: FileSource;
  /**
   * Where `check` reads .integrity-guard/baseline.json from, when not the work tree (or the
   * index with --staged): the Action on a pull request gives the base commit's copy.
   */
  baseline?: BaselineLoader;
}

export type OutputFormat = "text" | "json" | "sarif" | "github" | "svg" | "sha256sum";

export interface CommandResult {
  findings: Finding[];
  /** Extra summary fields (files checked, timings, ids). */
  summary?: Record<string, unknown>;
  /** For --format json: replaces the {version, findings, summary} envelope (health dashboard, lists). */
  json?: Record<string, unknown>;
  /** For --format text: printed before the findings (tables, lists, what was done). */
  text?: string;
  /**
   * For --format text: `text` (and its final newline) in pieces, written one after the other: a
   * list of every file of a 500,000-file restore is never one string. `text` then joins them.
   */
  textPieces?: () => Iterable<string>;
  /** Raw output for verb-specific formats (svg, sha256sum). */
  raw?: string;
  /**
   * For --format text: `text` is data (`conflicts --resolve > merged.yaml`), so stdout holds only
   * it and the findings go to stderr.
   */
  textIsData?: boolean;
  /** Overrides the exit code derived from findings (any error-level finding -> 1). */
  exitCode?: ExitCode;
}

export interface CommandSpec {
  name: string;
  // No summary here: the one line each verb has lives in commands/index.ts (the general help
  // needs it without loading the command), and the command's own --help prints the same.
  usage: string;
  /** Paragraphs shown in `VERB --help`. */
  description?: string;
  examples?: string[];
  options: Record<string, OptionSpec>;
  /** Formats this verb accepts besides text/json (default: text, json, sarif, github). */
  formats?: readonly OutputFormat[];
  /** Whether positionals are accepted, and how they are named in help. */
  positionals?: { name: string; description: string };
  /**
   * True when the verb loads the YAML parser itself, only when a YAML file is in play (the
   * hook's fast path), or never reads YAML (the manifest verbs); otherwise the CLI loads it
   * before run() (see loadYamlSupport). Parsing YAML without it throws, never passes.
   */
  yamlOnDemand?: boolean;
  run(ctx: CommandContext): Promise<CommandResult>;
}
