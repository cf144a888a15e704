/**
 * The Action's inputs, read and validated before anything runs (a typo must never turn a check
 * off). Pure over a getter, so tests feed it a map; the runner passes INPUT_* variables whose
 * names keep their hyphens (INPUT_FAIL-ON).
 */
import { UsageError } from "../errors.js";
import { checkRelative } from "../io/paths.js";

const ACTION_COMMANDS = ["check", "verify", "conflicts", "health", "snapshot", "restore", "prune"] as const;
export type ActionCommand = (typeof ACTION_COMMANDS)[number];
const FAIL_ON = ["error", "warning", "never"] as const;
type FailOn = (typeof FAIL_ON)[number];
/** config-source: which rules judge a pull request (src/action/trusted-config.ts). */
const CONFIG_SOURCES = ["base", "head"] as const;
export type ConfigSource = (typeof CONFIG_SOURCES)[number];
const MODES = ["pr", "push"] as const;
export type Mode = (typeof MODES)[number];
/** scope: on pull requests, what `check` looks at and annotates. */
const SCOPES = ["changed-lines", "changed-files", "whole-tree"] as const;
type Scope = (typeof SCOPES)[number];

export interface ActionInputs {
  command: ActionCommand;
  token: string;
  /** Config path relative to the working directory (undefined: the default). */
  config?: string;
  /** On a pull request: the base commit's rules (default) or the pull request's own. */
  configSource: ConfigSource;
  set?: string;
  snapshot?: string;
  /** Repo-relative paths (restore: what to restore; others: restrict the check). */
  paths: string[];
  /** restore: open a pull request (pr) or commit to the checked-out branch (push). */
  mode: Mode;
  comment: boolean;
  sarif?: string;
  failOn: FailOn;
  workingDirectory: string;
  /**
   * Input `comment-key`: with the workflow, job, command and working directory, which sticky
   * comment this run owns (action.yml defaults it to the job's matrix values as JSON).
   */
  commentKey: string;
  /**
   * On pull requests: changed-files (per-file rules on the PR's files), changed-lines (the same,
   * annotating only findings on lines the PR touched), whole-tree (every file).
   */
  scope: Scope;
  /** Create a check run carrying every annotation when GitHub's per-step cap would hide some. */
  checkRun: boolean;
  /** Write the full JSON and SARIF reports to the `report-dir` output's folder (default: check only). */
  keepReport: boolean;
  /** On pull requests: review comments with GitHub suggestions for mechanical fixes. */
  suggestions: boolean;
  /** health: send the alerts to the sinks under `alerts:` in the config (the CLI's --alert). */
  alert: boolean;
}

/** Reads one input: the trimmed value, "" when unset. */
type InputGetter = (name: string) => string;

/** The getter the runner implies: INPUT_<NAME> with spaces as _ and upper case, hyphens kept. */
export function envInputs(env: NodeJS.ProcessEnv): InputGetter {
  return (name) => (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

const TRUE = ["true", "True", "TRUE"];
const FALSE = ["false", "False", "FALSE"];

/** core.getBooleanInput semantics (YAML 1.2 core schema), with a message that names the input. */
export function booleanInput(get: InputGetter, name: string, fallback: boolean): boolean {
  const v = get(name);
  if (v === "") return fallback;
  if (TRUE.includes(v)) return true;
  if (FALSE.includes(v)) return false;
  throw new UsageError(`input \`${name}\` is ${JSON.stringify(v)}, which is not a boolean; accepted: ${[...TRUE, ...FALSE].join(", ")}`, {
    fix: `set \`${name}\` to true or false`,
  });
}

function choiceInput<T extends string>(get: InputGetter, name: string, choices: readonly T[], fallback: T): T {
  const v = get(name);
  if (v === "") return fallback;
  if ((choices as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`input \`${name}\` is ${JSON.stringify(v)}, which is not accepted; accepted: ${choices.join(", ")}`, {
    fix: `set \`${name}\` to one of the accepted values (they are case-sensitive)`,
  });
}

/** Split a list input: one item per line or comma-separated; blank items dropped. */
export function listInput(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Read and validate every input; throws UsageError naming the input and the accepted values. */
export function readInputs(get: InputGetter): ActionInputs {
  const command = choiceInput(get, "command", ACTION_COMMANDS, "check");
  const failOn = choiceInput(get, "fail-on", FAIL_ON, "error");
  const mode = choiceInput(get, "mode", MODES, "pr");
  const configSource = choiceInput(get, "config-source", CONFIG_SOURCES, "base");
  const comment = booleanInput(get, "comment", true);
  const paths = listInput(get("paths")).map((p) => checkRelative(p, "input `paths` entry"));
  const set = get("set") || undefined;
  if (set !== undefined && !NAME.test(set)) {
    throw new UsageError(`input \`set\` is ${JSON.stringify(set)}, which is not a backup set name`, {
      fix: "use a set name from snapshots.sets in the config, e.g. hourly",
    });
  }
  const snapshot = get("snapshot") || undefined;
  if (snapshot !== undefined && (snapshot.startsWith("-") || /[\s\0]/.test(snapshot))) {
    throw new UsageError(`input \`snapshot\` is ${JSON.stringify(snapshot)}, which is not a snapshot id, set name or "latest"`, {
      fix: "use a snapshot id from `integrity-guard snapshots`, a set name, or latest",
    });
  }
  const config = get("config") || undefined;
  if (config !== undefined) checkRelative(config, "input `config`");
  const sarif = get("sarif") || undefined;
  if (sarif !== undefined) checkRelative(sarif, "input `sarif`");
  const wd = get("working-directory");
  const workingDirectory = wd === "" || wd === "." ? "." : checkRelative(wd, "input `working-directory`");
  const onlyFor = (input: string, given: boolean, commands: readonly ActionCommand[]) => {
    if (given && !commands.includes(command)) {
      throw new UsageError(`input \`${input}\` is not used by command \`${command}\``, {
        fix: `remove \`${input}\`, or use it with: ${commands.join(", ")}`,
      });
    }
  };
  onlyFor("snapshot", snapshot !== undefined, ["restore"]);
  onlyFor("set", set !== undefined, ["snapshot", "restore"]);
  onlyFor("mode", get("mode") !== "", ["restore"]);
  const scope = choiceInput(get, "scope", SCOPES, "changed-files");
  onlyFor("scope", scope !== "changed-files", ["check"]);
  const suggestions = booleanInput(get, "suggestions", false);
  onlyFor("suggestions", suggestions, ["check"]);
  const alert = booleanInput(get, "alert", false);
  onlyFor("alert", alert, ["health"]);
  if (command === "snapshot" && set === undefined) {
    throw new UsageError("command `snapshot` needs input `set`", {
      fix: "add `set: <name>` (a set from snapshots.sets in the config, e.g. hourly)",
    });
  }
  return {
    command,
    token: get("token"),
    ...(config !== undefined ? { config } : {}),
    configSource,
    ...(set !== undefined ? { set } : {}),
    ...(snapshot !== undefined ? { snapshot } : {}),
    paths,
    mode,
    comment,
    ...(sarif !== undefined ? { sarif } : {}),
    failOn,
    workingDirectory,
    commentKey: get("comment-key"),
    scope,
    checkRun: booleanInput(get, "check-run", true),
    keepReport: booleanInput(get, "keep-report", command === "check"),
    suggestions,
    alert,
  };
}
