/**
 * The CLI: argv -> one typed options object -> a command -> a rendered result and an exit code.
 * `main` never touches `process` itself, so tests run it in-process; src/main.ts wires it to
 * the real process. All errors are caught here and mapped to exit codes in one place.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "./config/load.js";
import { CONFIG_PATH } from "./config/types.js";
import { hasErrors } from "./core/finding.js";
import { closest } from "./core/schema/ajv-findings.js";
import { loadYamlSupport } from "./core/parse/index.js";
import { describeError, exitCodeFor, NotARepositoryError, UsageError, type ExitCode } from "./errors.js";
import { Git } from "./io/git.js";
import { nameExists } from "./io/paths.js";
import { configWriteJournalPath, settleConfigWrite } from "./io/config-write-journal.js";
import { useMaskKey } from "./core/conflicts/secrets.js";
import { repositoryMaskKey } from "./io/mask-key.js";
import { verbs } from "./commands/index.js";
import type { CommandContext, CommandResult, CommandSpec, OptionSpec, OutputFormat } from "./commands/types.js";
import { VERSION } from "./version.js";
import { render, renderPieces } from "./report/render.js";

interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /**
   * Device and inode of stdout when it is a regular file (`check > report.json`): the shell
   * created or emptied that file before we ran, so it is not reported as a broken file.
   */
  stdoutFile?: { dev: number; ino: number };
}

const STANDARD_FORMATS: readonly OutputFormat[] = ["text", "json", "sarif", "github"];

export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  format: {
    type: "string",
    short: "f",
    valueName: "FORMAT",
    description: "output format: text (default), json, sarif, github (workflow annotations)",
  },
  config: {
    type: "string",
    short: "c",
    valueName: "PATH",
    description: "config file, relative to the current directory (default .integrity-guard/config.yml at the repository root)",
  },
  cwd: {
    type: "string",
    short: "C",
    valueName: "DIR",
    description: "run as if started in DIR (like git -C); paths are then relative to DIR",
  },
  color: { type: "boolean", description: "force coloured output" },
  "no-color": { type: "boolean", description: "never colour output (NO_COLOR is honoured too)" },
  help: { type: "boolean", short: "h", description: "show help" },
  version: { type: "boolean", short: "V", description: "print the version" },
};

/** Run the CLI; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  try {
    return await run(argv, io);
  } catch (error) {
    io.stderr(`integrity-guard: ${describeError(error)}\n`);
    return exitCodeFor(error);
  }
}

/** Global options that take a value: the word after them is that value, never the verb. */
const VALUE_FLAGS = new Set(
  Object.entries(GLOBAL_OPTIONS).flatMap(([name, o]) => (o.type === "string" ? [`--${name}`, ...(o.short ? [`-${o.short}`] : [])] : [])),
);

/** Index of the verb: the first word that is neither an option nor a global option's value. */
function findVerb(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (VALUE_FLAGS.has(a)) i++;
    else if (!a.startsWith("-") || a === "-") return i;
  }
  return -1;
}

async function run(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const verbIndex = findVerb(argv);
  const verbName = verbIndex >= 0 ? argv[verbIndex]! : undefined;
  if (verbName === undefined || verbName === "help") {
    if (argv.includes("--version") || argv.includes("-V")) {
      io.stdout(VERSION + "\n");
      return 0;
    }
    const topic = verbName === "help" ? argv[verbIndex + 1] : undefined;
    if (topic && verbs[topic]) {
      io.stdout(commandHelp(await verbs[topic].load()));
      return 0;
    }
    io.stdout(generalHelp());
    if (verbName === undefined && !argv.includes("--help") && !argv.includes("-h")) return 2;
    return 0;
  }
  const entry = verbs[verbName];
  if (!entry) {
    const guess = closest(verbName, Object.keys(verbs));
    throw new UsageError(`unknown command "${verbName}"${guess ? `; did you mean "${guess}"?` : ""}`, {
      fix: "run `integrity-guard --help` for the list of commands",
    });
  }
  // Start git (rev-parse) while the command's bundle chunk loads: the two overlap on two cores.
  // Only a head start: with -C/--cwd the repository is opened again below and this one is dropped.
  const early = Git.open(io.cwd);
  early.catch(() => undefined); // its error, if it matters, is thrown by the await below
  const spec = await entry.load();
  const args = [...argv.slice(0, verbIndex), ...argv.slice(verbIndex + 1)];
  const { values, positionals } = parseOptions(spec, args);
  if (values.help) {
    io.stdout(commandHelp(spec));
    return 0;
  }
  if (values.version) {
    io.stdout(VERSION + "\n");
    return 0;
  }
  const formats = spec.formats ?? STANDARD_FORMATS;
  const format = (values.format as string | undefined) ?? "text";
  if (!formats.includes(format as OutputFormat)) {
    throw new UsageError(`--format ${JSON.stringify(format)} is not accepted by ${spec.name}; use one of: ${formats.join(", ")}`);
  }
  if (positionals.length > 0 && !spec.positionals) {
    throw new UsageError(`${spec.name} takes no arguments, got ${JSON.stringify(positionals[0])}`, {
      fix: `see integrity-guard ${spec.name} --help`,
    });
  }
  // -C DIR: as if started in DIR (like git -C); every other path is then relative to DIR.
  const cwd = values.cwd ? startDir(io.cwd, String(values.cwd)) : io.cwd;
  const configArg = typeof values.config === "string" ? path.resolve(cwd, values.config) : undefined;
  const where = await openRepository(spec, cwd, cwd === io.cwd ? early : Git.open(cwd), positionals, configArg);
  // A conflicts --write or sync --fix killed between two renames left its files half-new: any
  // command finishes or undoes it first, and says so (config-write-journal.ts).
  if (!where.folderOnly && nameExists(configWriteJournalPath(where.git.gitDir))) {
    await settleConfigWrite(where.git, (line) => io.stderr(line + "\n"));
  }
  // init must run when the config is broken: --force replaces it, --hook-only leaves it alone.
  const loaded =
    spec.name === "init"
      ? { config: { version: 1 as const }, path: CONFIG_PATH, exists: false }
      : await loadConfig(where.root, configArg, where.folderOnly ? undefined : where.git);
  const ctx: CommandContext = {
    root: where.root,
    git: where.git,
    loaded,
    options: values,
    positionals,
    cwd,
    ...(where.folderOnly ? { folderOnly: true } : {}),
    env: io.env,
    log: (line) => io.stderr(line + "\n"),
    interactive: io.stderrIsTTY,
    format: format as OutputFormat,
  };
  if (!spec.yamlOnDemand) await loadYamlSupport();
  // Tags of masked secrets: keyed per repository (read only if a secret is shown).
  useMaskKey(where.folderOnly ? undefined : repositoryMaskKey(where.git.stateDir()));
  const result = await spec.run(ctx);
  if (io.stdoutFile && values.staged !== true) dropOwnReport(result, ctx.root, io.stdoutFile, ctx.log);
  const color = values["no-color"] ? false : values.color ? true : io.stdoutIsTTY && !io.env.NO_COLOR;
  if (result.textIsData && ctx.format === "text") {
    // stdout is the data alone (valid YAML when redirected); findings, if any, on stderr.
    io.stdout(result.text ?? "");
    if (result.findings.length > 0)
      io.stderr(
        render(
          { ...result, text: undefined },
          "text",
          values["no-color"] ? false : values.color ? true : io.stderrIsTTY && !io.env.NO_COLOR,
        ),
      );
  } else for (const piece of renderPieces(result, ctx.format, color)) io.stdout(piece);
  return result.exitCode ?? (hasErrors(result.findings) ? 1 : 0);
}

/** The folder -C names, resolved against the real current directory; it must exist. */
function startDir(cwd: string, dir: string): string {
  const abs = path.resolve(cwd, dir);
  let isDir = false;
  try {
    isDir = fs.statSync(abs).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new UsageError(`-C ${JSON.stringify(dir)}: no such folder (${abs})`, { fix: "name an existing folder after -C" });
  return abs;
}

/**
 * The repository that holds `cwd`. Outside any, `validate FILE...` still runs (it only needs the
 * files): its root is then the folder of the nearest .integrity-guard/config.yml above cwd, else
 * cwd itself, and nothing uses git. Every other verb, and validate without a path, is exit 2.
 */
async function openRepository(
  spec: CommandSpec,
  cwd: string,
  opening: Promise<Git>,
  positionals: readonly string[],
  configArg: string | undefined,
): Promise<{ root: string; git: Git; folderOnly?: true }> {
  try {
    const git = await opening;
    return { root: git.root, git };
  } catch (error) {
    if (!(error instanceof NotARepositoryError) || spec.name !== "validate") throw error;
    if (positionals.length === 0) {
      throw new NotARepositoryError(`${cwd} is not inside a git work tree, and validate was given no file or folder to check`, {
        fix: "name what to validate (`integrity-guard validate config/ data.json`, or `.` for this folder), or run inside a git repository",
      });
    }
    const { noRepository } = await import("./io/folder-source.js");
    return { root: configArg ? cwd : configFolder(cwd), git: noRepository(cwd), folderOnly: true };
  }
}

/** The nearest folder from `cwd` upward that holds .integrity-guard/config.yml, else `cwd`. */
function configFolder(cwd: string): string {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, CONFIG_PATH))) return dir;
    if (path.dirname(dir) === dir) return cwd;
  }
}

/**
 * `check --format json > report.json` inside the repository: the shell has created (or emptied)
 * report.json before we run, so it would be reported as an empty, broken JSON file. Findings on
 * the very file stdout writes to (same device and inode) are dropped, with a note on stderr.
 */
function dropOwnReport(result: CommandResult, root: string, out: { dev: number; ino: number }, log: (line: string) => void): void {
  const files = new Set(result.findings.map((f) => f.file).filter((f): f is string => f !== undefined));
  for (const file of files) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(path.join(root, file));
    } catch {
      continue;
    }
    if (st.dev !== out.dev || st.ino !== out.ino) continue;
    result.findings = result.findings.filter((f) => f.file !== file);
    log(`integrity-guard: note: ${file} was not reported: it is this run's own output (stdout is redirected into it)`);
  }
}

function parseOptions(
  spec: CommandSpec,
  args: string[],
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  const all: Record<string, OptionSpec> = { ...GLOBAL_OPTIONS, ...spec.options };
  const options: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {};
  for (const [name, o] of Object.entries(all)) {
    options[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.split("\n")[0]!;
    const bad = /'(-{1,2}[^']+)'/.exec(message)?.[1];
    const guess = bad?.startsWith("--") ? closest(bad.slice(2).split("=")[0]!, Object.keys(all)) : undefined;
    throw new UsageError(`${spec.name}: ${message}${guess ? `; did you mean --${guess}?` : ""}`, {
      fix: `see integrity-guard ${spec.name} --help`,
    });
  }
  for (const [name, o] of Object.entries(all)) {
    const v = parsed.values[name];
    if (o.choices && v !== undefined) {
      for (const item of Array.isArray(v) ? v : [v]) {
        if (!o.choices.includes(String(item))) {
          throw new UsageError(`--${name} ${JSON.stringify(item)} is not one of: ${o.choices.join(", ")}`);
        }
      }
    }
  }
  return { values: parsed.values as Record<string, string | boolean | string[] | undefined>, positionals: parsed.positionals };
}

function optionLines(opts: Record<string, OptionSpec>): string[] {
  return Object.entries(opts).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${name}${o.type === "string" ? ` ${o.valueName ?? "VALUE"}` : ""}`;
    const choices = o.choices ? ` (${o.choices.join("|")})` : "";
    return `  ${flag.padEnd(30)} ${o.description}${choices}`;
  });
}

export function generalHelp(): string {
  const width = Math.max(...Object.keys(verbs).map((v) => v.length));
  return [
    `integrity-guard ${VERSION}: keep JSON/YAML state and config in git from being corrupted, and bring it back.`,
    "",
    "Usage: integrity-guard <command> [options]",
    "",
    "Commands:",
    ...Object.entries(verbs).map(([name, v]) => `  ${name.padEnd(width)}  ${v.summary}`),
    "",
    "Global options (before or after the command):",
    ...optionLines(GLOBAL_OPTIONS),
    "",
    "Paths on the command line are relative to the current directory: files, folders, ., absolute paths, quoted globs.",
    "Exit codes: 0 clean, 1 integrity findings (or a failed verification), 2 could not run.",
    "Config: .integrity-guard/config.yml (schema: schemas/config.schema.json). Start with `integrity-guard init`.",
    "Run `integrity-guard <command> --help` for a command's options and examples.",
    "",
  ].join("\n");
}

export function commandHelp(spec: CommandSpec): string {
  const lines = [`Usage: ${spec.usage}`, "", verbs[spec.name]?.summary ?? ""];
  if (spec.description) lines.push("", spec.description.trim());
  if (spec.positionals) lines.push("", "Arguments:", `  ${spec.positionals.name.padEnd(30)} ${spec.positionals.description}`);
  if (Object.keys(spec.options).length) lines.push("", "Options:", ...optionLines(spec.options));
  lines.push("", "Global options (before or after the command):", ...optionLines(GLOBAL_OPTIONS));
  if (spec.examples?.length) lines.push("", "Examples:", ...spec.examples.map((e) => `  ${e}`));
  lines.push("", "Exit codes: 0 clean, 1 integrity findings, 2 could not run.", "");
  return lines.join("\n");
}
