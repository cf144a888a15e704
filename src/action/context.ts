/**
 * Action inputs -> the CommandContext the CLI would build, so the Action runs the very same
 * command functions. Inputs map onto the options a command declares; an input the command
 * cannot take is a usage error (never silently dropped).
 */
import { LITERAL_PREFIX } from "../core/snapshot/manifest.js";
import type { LoadedConfig } from "../config/types.js";
import { UsageError } from "../errors.js";
import type { Git } from "../io/git.js";
import type { FileSource } from "../io/file-source.js";
import type { BaselineLoader } from "../io/baseline-file.js";
import type { CommandContext, CommandSpec, OptionValue } from "../commands/types.js";
import type { ActionInputs } from "./inputs.js";
import { appendAll } from "../core/append.js";

interface ContextParts {
  inputs: ActionInputs;
  spec: CommandSpec;
  git: Git;
  loaded: LoadedConfig;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** The PR's files (per-file checks restricted to them when the command takes paths). */
  prPaths?: string[];
  /** Where schemas are read from (a pull request's base commit). */
  schemaSource?: FileSource;
  /** Where check reads the baseline from (a pull request's base commit). */
  baseline?: BaselineLoader;
}

/** Build the positionals and options for the command from the inputs. */
export function commandArgs(
  inputs: ActionInputs,
  spec: CommandSpec,
  prPaths?: string[],
): { options: Record<string, OptionValue>; positionals: string[] } {
  const options: Record<string, OptionValue> = { format: "json" };
  const positionals: string[] = [];
  const setOption = (name: string, value: string, input: string) => {
    if (!spec.options[name]) {
      throw new UsageError(`input \`${input}\` cannot be passed to command \`${spec.name}\`: it has no --${name} option in this version`, {
        fix: `remove \`${input}\``,
      });
    }
    options[name] = value;
  };
  if (inputs.command === "restore") {
    // restore [SNAPSHOT|latest|SET] [PATHS...]
    positionals.push(inputs.snapshot ?? inputs.set ?? "latest", ...inputs.paths);
    return { options, positionals };
  }
  if (inputs.set !== undefined) setOption("set", inputs.set, "set");
  if (inputs.alert) {
    if (!spec.options.alert)
      throw new UsageError(`input \`alert\` cannot be passed to command \`${spec.name}\``, { fix: "remove `alert`" });
    options.alert = true;
  }
  // In a workflow a snapshot or prune that stays on the runner is lost: publish it.
  if ((inputs.command === "snapshot" || inputs.command === "prune") && spec.options.push) options.push = true;
  if (inputs.paths.length > 0) {
    if (!spec.positionals) {
      throw new UsageError(`input \`paths\` cannot be passed to command \`${spec.name}\`: it takes no paths`, { fix: "remove `paths`" });
    }
    appendAll(positionals, inputs.paths);
  } else if (prPaths && prPaths.length > 0 && spec.positionals) {
    // Without positionals the command checks the whole tree; the caller then narrows the
    // per-file findings to the PR's files itself.
    // As literal git names: a PR's `data\state.json` is that file, not data/state.json (issue 14).
    appendAll(
      positionals,
      prPaths.map((p) => LITERAL_PREFIX + p),
    );
  }
  return { options, positionals };
}

export function buildContext(parts: ContextParts): CommandContext {
  const { options, positionals } = commandArgs(parts.inputs, parts.spec, parts.prPaths);
  if (parts.inputs.config) options.config = parts.inputs.config;
  // The pull request's files are a list, not paths a person typed: a README.md among them is
  // simply not checked (the `paths` input, typed in the workflow, is strict like the CLI).
  const fromPr = parts.inputs.paths.length === 0 && (parts.prPaths?.length ?? 0) > 0 && parts.spec.positionals !== undefined;
  return {
    root: parts.git.root,
    git: parts.git,
    loaded: parts.loaded,
    options,
    positionals,
    ...(fromPr ? { fileList: true } : {}),
    env: parts.env,
    log: parts.log,
    interactive: false,
    format: "json",
    ...(parts.schemaSource ? { schemaSource: parts.schemaSource } : {}),
    ...(parts.baseline ? { baseline: parts.baseline } : {}),
  };
}
