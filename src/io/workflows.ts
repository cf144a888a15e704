/**
 * `init --workflows`: the three GitHub workflows users copy, generated from the config (one cron
 * per backup set). The same generator writes templates/workflows/ (checked fresh by a test), so
 * the shipped templates and what init writes cannot drift apart.
 *
 * Each workflow asks only for the permissions it needs and fetches only the refs it needs: the
 * checkout is the default shallow one, plus the snapshot branch (and its closed epochs) for the
 * snapshot and restore workflows; never `fetch-depth: 0`.
 */
import fs from "node:fs";
import path from "node:path";
import type { Config, SnapshotSet } from "../config/types.js";
import { ConfigError, UsageError } from "../errors.js";
import { writeFileAtomic } from "./atomic.js";
import { resolveInside } from "./paths.js";

/** The Action as users reference it. */
export const ACTION_REF = "integrity-guard/integrity-guard@v1";
/** v5 runs on Node 24; v4 runs on Node 20 and warns on every run (issue 17). */
const CHECKOUT_REF = "actions/checkout@v5";
/**
 * Uploads the Action's report-dir: the documented local equivalent of @actions/artifact, which
 * is not bundled (it pulls Azure storage and archiver into dist/). v6 runs on Node 24.
 */
const UPLOAD_ARTIFACT_REF = "actions/upload-artifact@v6";
/** Shared by the snapshot and restore workflows: never two writers of the snapshot branch at once. */
export const CONCURRENCY_GROUP = "integrity-guard-snapshots";
export const WORKFLOW_DIR = ".github/workflows";
export const WORKFLOW_FILES = ["integrity-check.yml", "integrity-snapshot.yml", "integrity-restore.yml"] as const;

/** Default schedules, off the hour (GitHub delays runs queued at :00). */
const DEFAULT_CRON: Record<string, string> = { hourly: "17 * * * *", daily: "23 2 * * *", weekly: "41 3 * * 0" };
const FALLBACK_CRON = DEFAULT_CRON.daily!;

/** The config templates/workflows/ are generated from: DESIGN.md's example sets, SSH-signed. */
export const TEMPLATE_CONFIG: Config = {
  version: 1,
  snapshots: {
    branch: "integrity-snapshots",
    sign: { format: "ssh", key: "env:INTEGRITY_GUARD_SIGNING_KEY", allowed_signers: ".integrity-guard/allowed_signers" },
    sets: {
      hourly: { paths: ["agent_workspaces/", "fsm_state.json"], keep: 24 },
      daily: { paths: ["logs/", "data/"], keep: 7 },
      weekly: { paths: ["config/", "src/"], keep: 4 },
    },
  },
};

/** What installWorkflows did, for init to print. */
export interface WorkflowInstallResult {
  /** Repo-relative paths written (or, with dryRun, that would be written). */
  written: string[];
  /** Lines for people (skipped files, next steps). */
  notes: string[];
}

export interface WorkflowOptions {
  /** Branch the check workflow runs on for pushes (default main). */
  branch?: string;
  actionRef?: string;
}

/** Five cron fields of characters GitHub accepts; anything else is a config error, not a silent non-schedule. */
const CRON = /^\s*[\d*/,-]+\s+[\d*/,-]+\s+[\d*/,?LW#-]+\s+[\d*/,A-Za-z-]+\s+[\d*/,A-Za-z?L#-]+\s*$/;

/** The sets to schedule, with their cron (config schedule, else the default for the name). */
export function scheduledSets(config: Config): { name: string; cron: string; set: SnapshotSet }[] {
  return Object.entries(config.snapshots?.sets ?? {}).map(([name, set]) => {
    const cron = (set.schedule ?? DEFAULT_CRON[name] ?? FALLBACK_CRON).trim().replace(/\s+/g, " ");
    if (!CRON.test(cron)) {
      throw new ConfigError(`snapshots.sets.${name}.schedule ${JSON.stringify(set.schedule)} is not a five-field cron expression`, {
        fix: 'use e.g. "17 * * * *" (minute hour day month weekday, UTC)',
      });
    }
    return { name, cron, set };
  });
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Config values written into a workflow must stay one value. The config is a file of the
 * repository (a pull request can change it before a maintainer runs init), and the snapshot and
 * restore jobs hold a token that can push: a set name that ends a YAML line, or a remote that the
 * shell reads as `$(...)`, would become part of the workflow.
 */
const PLAIN_YAML = /^[A-Za-z][A-Za-z0-9._-]*$/;
/** Words a YAML 1.1 reader (GitHub's) takes for a boolean or null, not a string. */
const YAML_WORDS = /^(?:y|n|yes|no|true|false|on|off|null)$/i;
/** A YAML double-quoted scalar: JSON's string syntax, with the characters YAML reads as line breaks or refuses escaped too. */
const yamlQuoted = (s: string) =>
  JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
/** A string as a YAML scalar: plain when it reads back as the same string, else double-quoted. */
const yamlValue = (s: string) => (PLAIN_YAML.test(s) && !YAML_WORDS.test(s) ? s : yamlQuoted(s));
/** Characters a shell word may hold unquoted (remote names and URLs); anything else is single-quoted. */
const PLAIN_SHELL = /^[A-Za-z0-9_./:@%+=~,-]+$/;
const shellWord = (s: string) => (PLAIN_SHELL.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
/** Line breaks and control characters: they would end a `run: |` block, whatever the quoting. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** A GitHub secret's name (letters, digits, `_`; not starting with a digit): what `${{ secrets.NAME }}` can name. */
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const jobId = (set: string) => `snapshot-${set.replace(/[^A-Za-z0-9_-]/g, "-")}`;

function signingEnv(config: Config, indent: string): string[] {
  const sign = config.snapshots?.sign;
  if (!sign || sign.format === "none") return [];
  const key = sign.key ?? "env:INTEGRITY_GUARD_SIGNING_KEY";
  if (!key.startsWith("env:"))
    return [`${indent}# snapshots.sign.key names a file: make sure the job can read it (not from the repository!).`];
  const name = key.slice(4);
  if (!SECRET_NAME.test(name)) {
    throw new ConfigError(
      `snapshots.sign.key ${JSON.stringify(key)} names a variable that cannot be a GitHub secret: the workflow passes it as \${{ secrets.NAME }}`,
      { fix: "use env:NAME with NAME of letters, digits and _ (not starting with a digit), e.g. env:INTEGRITY_GUARD_SIGNING_KEY" },
    );
  }
  return [`${indent}env:`, `${indent}  ${name}: \${{ secrets.${name} }}`];
}

/**
 * The run step that fetches the snapshot branch and, with `withEpochs`, the closed epochs (the
 * chains prune closed: without them a restore finds nothing once the first epoch is closed). The
 * branch may be absent (no snapshot yet, or prune just closed it); the epochs refspec is a glob,
 * which matches nothing without failing. The CLI fetches them on demand too; this step makes the
 * job's git state plain to read in its log.
 */
function fetchSnapshotRefs(config: Config, indent: string, withEpochs: boolean): string[] {
  const branch = config.snapshots?.branch ?? "integrity-snapshots";
  const remote = config.snapshots?.remote ?? "origin";
  if (remote.startsWith("-") || CONTROL.test(remote)) {
    throw new ConfigError(
      `snapshots.remote ${JSON.stringify(remote)} cannot be written into a workflow: ${remote.startsWith("-") ? "git would read it as an option" : "it holds a line break or control character"}`,
      { fix: "set snapshots.remote to a remote name (origin) or a repository URL" },
    );
  }
  if (branch.startsWith("-")) {
    throw new ConfigError(`snapshots.branch ${JSON.stringify(branch)} starts with "-": git would read it as an option`, {
      fix: "name the snapshot branch without a leading -, e.g. integrity-snapshots",
    });
  }
  const word = shellWord(remote);
  const epochs = "+refs/integrity-snapshots/epochs/*:refs/integrity-snapshots/epochs/*";
  return [
    `${indent}- name: Fetch the snapshot branch${withEpochs ? " and its closed epochs" : " only"} (their history is the chain of snapshots)`,
    `${indent}  run: |`,
    ...(withEpochs ? [`${indent}    git fetch --no-tags ${word} '${epochs}'`] : []),
    `${indent}    if git ls-remote --exit-code --heads ${word} ${branch} > /dev/null; then`,
    `${indent}      git fetch --no-tags ${word} +refs/heads/${branch}:refs/heads/${branch}`,
    `${indent}    else`,
    word === remote
      ? `${indent}      echo "no ${branch} branch on ${remote} yet"`
      : `${indent}      echo "no ${branch} branch on "${word}" yet"`,
    `${indent}    fi`,
  ];
}

const IDENTITY = (indent: string) => [
  `${indent}- name: Commit identity for snapshot commits`,
  `${indent}  run: |`,
  `${indent}    git config user.name "github-actions[bot]"`,
  `${indent}    git config user.email "41898282+github-actions[bot]@users.noreply.github.com"`,
];

function checkWorkflow(options: WorkflowOptions = {}): string {
  const ref = options.actionRef ?? ACTION_REF;
  return [
    "# integrity-guard: check JSON/YAML state and config on pull requests and pushes.",
    "# Written by `integrity-guard init --workflows`; see docs/action.md.",
    "name: integrity check",
    "on:",
    "  pull_request:",
    "  push:",
    `    branches: [${options.branch ?? "main"}]`,
    "permissions:",
    "  contents: read",
    "  # The sticky report comment on the pull request. Without it the comment is skipped with a",
    "  # warning; annotations and the job summary still show every finding.",
    "  pull-requests: write",
    "  # A check run carrying every annotation when GitHub's 10 per step would hide some.",
    "  checks: write",
    "jobs:",
    "  check:",
    "    runs-on: ubuntu-latest",
    "    timeout-minutes: 15",
    "    steps:",
    `      - uses: ${CHECKOUT_REF}`,
    "        with:",
    "          persist-credentials: false",
    `      - uses: ${ref}`,
    "        id: integrity",
    "        with:",
    "          command: check",
    "      # The full JSON and SARIF reports (input keep-report, on for check), kept after the job.",
    "      - if: always() && steps.integrity.outputs.report-dir != ''",
    `        uses: ${UPLOAD_ARTIFACT_REF}`,
    "        with:",
    "          name: integrity-guard-report",
    "          path: ${{ steps.integrity.outputs.report-dir }}",
    "          retention-days: 14",
    "",
  ].join("\n");
}

function snapshotWorkflow(config: Config, options: WorkflowOptions = {}): string {
  const ref = options.actionRef ?? ACTION_REF;
  const sets = scheduledSets(config);
  if (sets.length === 0)
    throw new UsageError("no snapshots.sets in the config: there is nothing to schedule", {
      fix: "add snapshots.sets (see the README), then run init --workflows again",
    });
  const crons = [...new Set(sets.map((s) => s.cron))];
  const lines = [
    "# integrity-guard: scheduled snapshot backups, one cron per backup set (snapshots.sets.*.schedule).",
    "# Written by `integrity-guard init --workflows`; see docs/action.md.",
    "name: integrity snapshots",
    "on:",
    "  schedule:",
    ...crons.map(
      (c) =>
        `    - cron: ${JSON.stringify(c)} # ${sets
          .filter((s) => s.cron === c)
          .map((s) => (PLAIN_YAML.test(s.name) ? s.name : yamlQuoted(s.name)))
          .join(", ")}`,
    ),
    "  workflow_dispatch:",
    "    inputs:",
    "      set:",
    "        description: Backup set to snapshot now",
    "        required: true",
    "        type: choice",
    "        options:",
    ...sets.map((s) => `          - ${yamlValue(s.name)}`),
    "permissions:",
    "  # Pushes the snapshot branch.",
    "  contents: write",
    "concurrency:",
    "  # Shared with integrity-restore.yml: one writer of the snapshot branch at a time. A running",
    "  # snapshot is never cancelled; GitHub keeps one pending run per group, so a newer run that",
    "  # queues replaces (cancels) a pending one: the newer snapshot is the one that matters.",
    `  group: ${CONCURRENCY_GROUP}`,
    "  cancel-in-progress: false",
    "jobs:",
  ];
  for (const s of sets) {
    if (s.name.includes("${{")) {
      // GitHub expands ${{ }} in `with:` values and conditions: the name would be code, not a value.
      throw new ConfigError(
        `snapshots.sets: the set name ${JSON.stringify(s.name)} holds "\${{", which GitHub would evaluate in the workflow`,
        {
          fix: "rename the set (letters, digits, . _ -)",
        },
      );
    }
    const condition = `github.event.schedule == ${q(s.cron)} || inputs.set == ${q(s.name)}`;
    lines.push(
      `  ${jobId(s.name)}:`,
      `    if: ${PLAIN_YAML.test(s.name) ? condition : yamlQuoted(condition)}`,
      "    runs-on: ubuntu-latest",
      "    timeout-minutes: 30",
      "    steps:",
      `      - uses: ${CHECKOUT_REF}`,
      ...fetchSnapshotRefs(config, "      ", true),
      ...IDENTITY("      "),
      `      - uses: ${ref}`,
      "        id: snapshot",
      "        with:",
      "          command: snapshot",
      `          set: ${yamlValue(s.name)}`,
      ...signingEnv(config, "        "),
      ...(s.set.keep !== undefined
        ? [`      - name: Apply retention (snapshots.sets.*.keep)`, `        uses: ${ref}`, "        with:", "          command: prune"]
        : []),
    );
  }
  return lines.join("\n") + "\n";
}

export function restoreWorkflow(config: Config, options: WorkflowOptions = {}): string {
  const ref = options.actionRef ?? ACTION_REF;
  return [
    "# integrity-guard: restore paths from a verified snapshot, as a pull request (or a direct push).",
    "# Written by `integrity-guard init --workflows`; see docs/action.md.",
    "name: integrity restore",
    "on:",
    "  workflow_dispatch:",
    "    inputs:",
    "      snapshot:",
    "        description: Snapshot id (or prefix), a set name (its newest snapshot), or latest",
    "        required: true",
    "        default: latest",
    "        type: string",
    "      paths:",
    "        description: Paths to restore, comma-separated (empty = every path of the snapshot)",
    "        required: false",
    '        default: ""',
    "        type: string",
    "      mode:",
    "        description: pr opens a pull request with the restore; push commits it to the branch",
    "        required: true",
    "        default: pr",
    "        type: choice",
    "        options:",
    "          - pr",
    "          - push",
    "permissions:",
    "  # Pushes the restore branch (or commit).",
    "  contents: write",
    "  # Opens the pull request (mode pr). GitHub also needs the repository setting",
    '  # "Allow GitHub Actions to create and approve pull requests" (Settings > Actions > General).',
    "  pull-requests: write",
    "concurrency:",
    "  # Shared with integrity-snapshot.yml: a restore never races a snapshot (a running one is",
    "  # never cancelled; a newer pending run replaces an older pending one).",
    `  group: ${CONCURRENCY_GROUP}`,
    "  cancel-in-progress: false",
    "jobs:",
    "  restore:",
    "    runs-on: ubuntu-latest",
    "    timeout-minutes: 30",
    "    steps:",
    `      - uses: ${CHECKOUT_REF}`,
    ...fetchSnapshotRefs(config, "      ", true),
    ...IDENTITY("      "),
    `      - uses: ${ref}`,
    "        with:",
    "          command: restore",
    "          snapshot: ${{ inputs.snapshot }}",
    "          paths: ${{ inputs.paths }}",
    "          mode: ${{ inputs.mode }}",
    ...signingEnv(config, "        "),
    "",
  ].join("\n");
}

/** File name -> content of every workflow the config calls for (snapshot/restore need sets). */
export function renderWorkflows(config: Config, options: WorkflowOptions = {}): { files: Map<string, string>; notes: string[] } {
  const files = new Map<string, string>();
  const notes: string[] = [];
  files.set("integrity-check.yml", checkWorkflow(options));
  if (scheduledSets(config).length > 0) {
    files.set("integrity-snapshot.yml", snapshotWorkflow(config, options));
    files.set("integrity-restore.yml", restoreWorkflow(config, options));
    const sign = config.snapshots?.sign;
    if (sign && sign.format !== "none") {
      const key = sign.key ?? "env:INTEGRITY_GUARD_SIGNING_KEY";
      if (key.startsWith("env:"))
        notes.push(`add the repository secret ${key.slice(4)} with the signing key (Settings > Secrets and variables > Actions)`);
    }
  } else {
    notes.push(
      "skipped integrity-snapshot.yml and integrity-restore.yml: the config has no snapshots.sets; add them and run init --workflows again",
    );
  }
  return { files, notes };
}

/** The branch pushes are checked on: the checked-out branch when it is main or master, else main. */
function defaultBranch(root: string): string {
  try {
    const head = fs.readFileSync(path.join(root, ".git", "HEAD"), "utf8").trim();
    const m = /^ref: refs\/heads\/(.+)$/.exec(head);
    if (m && (m[1] === "main" || m[1] === "master")) return m[1];
  } catch {
    // a worktree or an unusual layout: fall back to main
  }
  return "main";
}

/**
 * Write the workflows under .github/workflows/ that are missing (or, with `force`, differ from
 * what the config calls for). A file that exists and differs is kept without `force`, with a
 * warning in the notes: running init again on a team's repository installs what is missing and
 * overwrites nothing. With `dryRun` it only reports what it would write.
 */
export async function installWorkflows(
  root: string,
  config: Config,
  options: { force?: boolean; dryRun?: boolean } = {},
): Promise<WorkflowInstallResult> {
  const { files, notes } = renderWorkflows(config, { branch: defaultBranch(root) });
  const targets = [...files].map(([name, content]) => ({
    rel: `${WORKFLOW_DIR}/${name}`,
    abs: resolveInside(root, `${WORKFLOW_DIR}/${name}`, { what: "workflow file" }),
    content,
  }));
  const written: string[] = [];
  const kept: string[] = [];
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  for (const t of targets) {
    const existing = fs.existsSync(t.abs) ? fs.readFileSync(t.abs, "utf8") : undefined;
    if (existing === t.content) {
      notes.push(`${t.rel} is already up to date`);
      continue;
    }
    if (existing !== undefined && !options.force) {
      kept.push(t.rel);
      continue;
    }
    // --force replaces a workflow the user may have edited (and not committed): its bytes are
    // kept beside it first, fsynced, as init keeps a replaced config (GitHub runs only .yml/.yaml).
    const backup = existing !== undefined ? `${t.rel}.${stamp}.bak` : undefined;
    if (!options.dryRun) {
      fs.mkdirSync(path.dirname(t.abs), { recursive: true });
      if (backup) await writeFileAtomic(resolveInside(root, backup, { what: "workflow backup" }), fs.readFileSync(t.abs));
      await writeFileAtomic(t.abs, t.content);
    }
    if (backup) notes.push(`${options.dryRun ? "would keep" : "kept"} the previous ${t.rel} as ${backup}`);
    written.push(t.rel);
  }
  if (kept.length > 0)
    notes.push(
      `warning: kept ${kept.join(", ")}: ${kept.length === 1 ? "it differs" : "they differ"} from what the config calls for; see the new ones with \`integrity-guard init --hook-only --workflows --force --dry-run\`, overwrite them (and leave the config alone) with \`integrity-guard init --hook-only --workflows --force\``,
    );
  if (written.length > 0) notes.push("commit .github/workflows/ and push; the check runs on the next pull request");
  return { written, notes };
}
