/**
 * Which rules a pull request is judged by (issue 14, item 2). On `pull_request` and
 * `pull_request_target` the checks run under the BASE branch's config, read from the base
 * commit (fetched when the checkout is shallow), with the schemas that config maps read from the
 * base commit too: a PR that sets `validate: { exclude: ["**"] }`, loosens a schema or drops the
 * manifest must not be able to turn its own checks off. The PR's config is still loaded and
 * validated (a broken one is a finding), and when it differs, the checks run a second time under
 * it: what only the base rules find is an error, what only the PR's rules find is reported too.
 * `config-source: head` (documented in docs/action.md) opts out.
 */
import fs from "node:fs";
import path from "node:path";
import { loadConfig, loadConfigText } from "../config/load.js";
import { CONFIG_PATH, MANIFEST_PATH, type LoadedConfig } from "../config/types.js";
import { BASELINE_PATH } from "../core/baseline.js";
import type { BaselineLoader } from "../io/baseline-file.js";
import type { Finding } from "../core/finding.js";
import { readManifestText } from "../core/manifest/validate.js";
import { isShardedRootBytes, readShard, readShardedRoot, shardFilePath, type ShardedRoot } from "../core/manifest/sharded.js";
import type { ManifestEntry } from "../core/manifest/model.js";
import { normalizeRepoPath } from "../core/schema/mapping.js";
import { ConfigError, EnvironmentError, GuardError } from "../errors.js";
import { CommitSource } from "../io/commit-source.js";
import { resolveCommitFolders } from "../io/commit-links.js";
import { WorktreeSource, type FileSource } from "../io/file-source.js";
import type { Git } from "../io/git.js";
import { outsideLink } from "../io/symlink-outside.js";
import { maxFileSize, maxSchemaSize, maxYamlSize } from "../checks/max-file-size.js";
import type { CommandResult } from "../commands/types.js";
import type { ActionEvent } from "./event.js";
import type { ConfigSource } from "./inputs.js";
import { MAX_SCHEMA_GRAPH_FILES, schemaGraph } from "./schema-graph.js";
import { codeSpan } from "../report/markdown.js";

export interface TrustedRules {
  /** The config the checks run under. */
  loaded: LoadedConfig;
  /** Where `loaded` came from: the base commit, or the checkout (push, schedule, `config-source: head`). */
  from: "base" | "checkout";
  /** Schemas for the run under `loaded` (the base commit's), when not the checkout's. */
  schemaSource?: FileSource;
  /** The pull request's own config, when it changes the rules: the checks run under it as well. */
  head?: LoadedConfig;
  /** Notices about the pull request changing the rules, and errors (manifest removed, broken PR config). */
  findings: Finding[];
  /** Lines for the top of the report. */
  banner: string[];
  /** The base commit's .integrity-guard/baseline.json (a pull request cannot exempt its own files); unset: the checkout's. */
  baseline?: BaselineLoader;
}

interface TrustInput {
  git: Git;
  event: ActionEvent;
  configSource: ConfigSource;
  /** Absolute path of an explicit `config` input, else undefined (the default path). */
  explicitConfig?: string;
  /** GITHUB_WORKFLOW_REF: `owner/repo/.github/workflows/<file>@<ref>`, the workflow running this step. */
  workflowRef?: string;
  log: (line: string) => void;
}

/** The notice that the base's schema graph was walked only up to its cap (run.ts then checks the whole tree). */
export const SCHEMA_GRAPH_CAPPED = "trust/schema-graph-capped";

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const NOT_FOLLOWED = "120000";

/** Load the rules for this run (see the file comment). Throws when the base rules cannot be read: never falls back to the PR's. */
export async function loadTrustedRules(i: TrustInput): Promise<TrustedRules> {
  const { git, event } = i;
  // A merge queue's commit holds the queued pull requests' rules: judged by its base, like a PR;
  // so may the checkout of a workflow_run after a pull request's run, of a comment on a pull request, or of a check run,
  // check suite, status or dispatch (event.ts sets baseSha then).
  const queued = event.kind === "tree" && event.baseSha !== undefined;
  if ((event.kind !== "pull_request" && !queued) || i.configSource === "head") {
    const loaded = await loadConfig(git.root, i.explicitConfig, git);
    const banner =
      event.kind === "pull_request"
        ? [
            `**Config from the pull request (\`config-source: head\`):** pull request #${event.number} is checked under its own ${codeSpan(loaded.path)}; a pull request can change its own checks.`,
          ]
        : [];
    return { loaded, from: "checkout", findings: [], banner };
  }
  const base = event.baseSha;
  const who =
    event.kind === "pull_request"
      ? `pull request #${event.number}`
      : event.name === "merge_group"
        ? "the merge queue's commit"
        : event.name === "issue_comment"
          ? "the checkout of this comment on a pull request (it may be the pull request's)"
          : event.name === "workflow_run"
            ? "the checkout of this workflow_run (it may be the triggering pull request's)"
            : `the checkout of this ${event.name} run (it may be a pull request's commit)`;
  if (!base || !SHA.test(base)) {
    throw new EnvironmentError(
      `the ${event.name} payload has no usable pull_request.base.sha (${JSON.stringify(base ?? null)}): the base branch's config cannot be read`,
      { fix: "re-run the workflow; to judge pull requests by their own config instead, set `config-source: head` (not recommended)" },
    );
  }
  await ensureCommit(git, base, who, i.log);
  const rel = i.explicitConfig ? toRel(git.root, i.explicitConfig) : undefined;
  const configRel = rel ?? CONFIG_PATH;
  const short = base.slice(0, 12);
  const baseFiles = await readAt(git, base, [configRel, MANIFEST_PATH, BASELINE_PATH]);

  const baseConfig = baseFiles.get(configRel);
  let loaded: LoadedConfig;
  if (baseConfig === undefined) {
    if (rel !== undefined) {
      throw new ConfigError(`the config ${configRel} named by input \`config\` does not exist in the base commit ${short}`, {
        fix: "merge the config into the base branch first, or correct input `config`",
      });
    }
    loaded = { config: { version: 1 }, path: configRel, exists: false };
  } else if (!Buffer.isBuffer(baseConfig)) {
    throw new ConfigError(`the base commit's ${configRel} ${baseConfig.error}`, {
      fix: `make ${configRel} a regular file in the base branch`,
    });
  } else {
    loaded = await loadConfigText(git.root, baseConfig, configRel, `in the base commit ${short}`);
  }

  const findings: Finding[] = [];
  const banner: string[] = [
    loaded.exists
      ? `**Rules from the base branch:** ${who} is checked under ${codeSpan(configRel)} as in the base commit ${short}, with the schemas it maps read from that commit.`
      : `**Rules from the base branch:** the base commit ${short} has no ${codeSpan(configRel)}, so ${who} is checked under the defaults (every JSON/YAML file must parse), whatever config it adds.`,
  ];

  // The PR's own config: loaded and validated; used for a second run when it changes the rules.
  let head: LoadedConfig | undefined;
  const headBytes = readWorktree(git.root, configRel);
  let headValid: LoadedConfig | undefined;
  try {
    headValid = await loadConfig(git.root, i.explicitConfig, git);
  } catch (error) {
    if (!(error instanceof GuardError)) throw error;
    findings.push({
      rule: "config/invalid",
      level: "error",
      file: configRel,
      message: `the pull request's ${configRel} is not a valid config: ${error.message}`,
      fix: error.fix ?? "correct the config",
    });
  }
  const configChanged = !sameBytes(Buffer.isBuffer(baseConfig) ? baseConfig : undefined, headBytes);
  if (configChanged) {
    banner.push(
      `**This pull request changes ${codeSpan(configRel)}.** Its checks still run under the base branch's config; findings only that config produces are errors. Review the config change as a change of rules.`,
    );
    findings.push(
      notice(
        "trust/config-changed",
        configRel,
        `the pull request changes the config ${configRel}; the checks run under the base branch's version`,
      ),
    );
    if (headValid) head = withBaseLimits(headValid, loaded);
  }

  // The manifest: a PR must not drop it silently, and a change to it (a reseal) is said at the top.
  const baseManifest = baseFiles.get(MANIFEST_PATH);
  const headManifest = readWorktree(git.root, MANIFEST_PATH);
  if (Buffer.isBuffer(baseManifest) && headManifest === undefined) {
    findings.push({
      rule: "manifest/removed",
      level: "error",
      file: MANIFEST_PATH,
      message: `the pull request removes ${MANIFEST_PATH}, which the base branch has: the sealed files would no longer be verified`,
      fix: `restore it (git checkout ${short} -- ${MANIFEST_PATH}), or remove sealing in a pull request of its own that the owners of .integrity-guard/ approve`,
    });
    banner.push(`**This pull request removes \`${MANIFEST_PATH}\`.**`);
  } else if (!sameBytes(Buffer.isBuffer(baseManifest) ? baseManifest : undefined, headManifest)) {
    const what = await describeManifestChange(Buffer.isBuffer(baseManifest) ? baseManifest : undefined, headManifest, {
      base: async (paths) => {
        const got = await readAt(git, base, paths);
        return new Map(paths.map((p) => [p, Buffer.isBuffer(got.get(p)) ? (got.get(p) as Buffer) : undefined] as const));
      },
      head: async (paths) => new Map(paths.map((p) => [p, readWorktree(git.root, p)] as const)),
    });
    findings.push(notice("trust/manifest-changed", MANIFEST_PATH, `the pull request changes ${MANIFEST_PATH}: ${what}`));
    // File names are the PR's: listed in the finding (escaped by the report), not in the banner's raw Markdown.
    banner.push(
      `**This pull request changes \`${MANIFEST_PATH}\`** (files sealed, resealed or unsealed; listed in the \`trust/manifest-changed\` notice): review that these files are meant to change.`,
    );
  }

  // Schemas the base config maps: read from the base commit; a PR that changes one is said at the top.
  const mapped = [...new Set((loaded.config.validate?.schemas ?? []).map((m) => normalizeRepoPath(m.schema)))].filter(
    (p): p is string => p !== undefined,
  );
  // With the files their $refs reach: a PR that changes only a referenced file changes the rules too.
  const graph = await schemaGraph(mapped, (paths) => readAt(git, base, paths));
  const baseSchemas = graph.files;
  const schemas = [...baseSchemas.keys()];
  const changedSchemas = schemas.filter((p) => {
    const b = baseSchemas.get(p);
    return b !== undefined && !sameBytes(Buffer.isBuffer(b) ? b : undefined, readWorktree(git.root, p));
  });
  for (const p of changedSchemas) {
    findings.push(
      notice("trust/schema-changed", p, `the pull request changes the schema ${p}; files are checked against the base commit's version`),
    );
  }
  if (changedSchemas.length) {
    banner.push(
      `**This pull request changes ${changedSchemas.length === 1 ? "a schema" : "schemas"} the base config maps or references** (${changedSchemas.map(codeSpan).join(", ")}): files are checked against the base commit's version${headValid ? " and against the pull request's" : ""}.`,
    );
    if (headValid) head = withBaseLimits(headValid, loaded);
  }
  // Past the walk's cap a file the PR changes may be a definitions file no one compared: the safe
  // answer is the one for a changed schema (a run under the PR's rules too, over the whole tree:
  // run.ts reads this notice), and the report says why.
  if (graph.capped) {
    findings.push(
      notice(
        SCHEMA_GRAPH_CAPPED,
        configRel,
        `the schemas the base config maps reference more than ${MAX_SCHEMA_GRAPH_FILES} files; the pull request's changes to the files past that were not compared, so the whole tree is checked under the base branch's rules and the pull request's`,
      ),
    );
    banner.push(
      `**The schemas the base config maps reference more than ${MAX_SCHEMA_GRAPH_FILES} files:** a change to the files past that is not told apart, so every file is checked under the base branch's rules${headValid ? " and the pull request's" : ""}.`,
    );
    if (headValid) head = withBaseLimits(headValid, loaded);
  }
  // Other files the base rules read: a change to one is a change of rules, said at the top.
  const others = [...ruleFiles(loaded), ...workflowFiles(i.workflowRef)];
  const baseOthers = await readAt(
    git,
    base,
    others.map((f) => f.path),
  );
  for (const f of others) {
    const b = baseOthers.get(f.path);
    const h = readWorktree(git.root, f.path);
    const before = Buffer.isBuffer(b) ? b : undefined;
    if (sameBytes(before, h) && (b === undefined || Buffer.isBuffer(b))) continue;
    const verb = h === undefined ? "removes" : b === undefined ? "adds" : "changes";
    findings.push(notice(f.rule, f.path, `the pull request ${verb} ${f.what} ${f.path}; ${f.effect}`));
    banner.push(`**This pull request ${verb} ${codeSpan(f.path)}** (${f.what}): ${f.effect}. Review it as a change of rules.`);
  }
  const schemaSource = new CommitSource(git, base, new WorktreeSource(git));
  const baseBaseline = baseFiles.get(BASELINE_PATH);
  const baselineFrom = `in the base commit ${short}`;
  const baseline: BaselineLoader = async () =>
    baseBaseline === undefined
      ? { from: baselineFrom }
      : Buffer.isBuffer(baseBaseline)
        ? { bytes: baseBaseline, from: baselineFrom }
        : { error: baseBaseline.error, from: baselineFrom };
  return { loaded, from: "base", schemaSource, ...(head ? { head } : {}), findings, banner, baseline };
}

/**
 * The pull request's config for the second run, with file size limits no higher than the base
 * config's: the limits bound what a run may load into memory (a 50 MB YAML file aborted the
 * process out of memory), and a pull request that raised them with a big file beside could crash
 * the Action before any report. A file over the base limit is `parse/too-large` in both runs;
 * a schema over the base's max_schema_size is not loaded in either.
 */
function withBaseLimits(head: LoadedConfig, base: LoadedConfig): LoadedConfig {
  const baseValidate = base.config.validate ?? {};
  const headValidate = head.config.validate ?? {};
  let file: number;
  let yaml: number;
  let schema: number;
  try {
    file = Math.min(maxFileSize(headValidate), maxFileSize(baseValidate));
    yaml = Math.min(maxYamlSize(headValidate), maxYamlSize(baseValidate));
    schema = Math.min(maxSchemaSize(headValidate), maxSchemaSize(baseValidate));
  } catch {
    return head; // a size setting that cannot be read: the run under it reports that
  }
  return {
    ...head,
    config: { ...head.config, validate: { ...headValidate, max_file_size: file, max_yaml_size: yaml, max_schema_size: schema } },
  };
}

/**
 * Files besides the config, the manifest and the mapped schemas that the base config makes rules
 * of: its catalogs of well-known files (which files get which schema; this run reads the base
 * commit's) and the allowed signers file (whose snapshots `restore` trusts, once merged).
 */
function ruleFiles(loaded: LoadedConfig): { path: string; rule: string; what: string; effect: string }[] {
  const out: { path: string; rule: string; what: string; effect: string }[] = [
    {
      path: BASELINE_PATH,
      rule: "trust/baseline-changed",
      what: "the baseline of known-broken files",
      effect: "files are exempted only as the base commit's baseline records them",
    },
  ];
  const catalogs = loaded.config.validate?.catalog;
  for (const c of typeof catalogs === "string" ? [catalogs] : (catalogs ?? [])) {
    const p = normalizeRepoPath(c);
    if (p !== undefined && !out.some((o) => o.path === p))
      out.push({
        path: p,
        rule: "trust/catalog-changed",
        what: "the catalog (validate.catalog)",
        effect: "files are checked against the base commit's version",
      });
  }
  const sign = loaded.config.snapshots?.sign;
  const signers = sign?.format === "ssh" && sign.allowed_signers ? normalizeRepoPath(sign.allowed_signers) : undefined;
  if (signers !== undefined)
    out.push({
      path: signers,
      rule: "trust/signers-changed",
      what: "the allowed signers file (snapshots.sign.allowed_signers)",
      effect: "once merged, restore trusts snapshots signed by the keys it lists",
    });
  return out;
}

/** The generated check workflow (integrity-guard init). */
const CHECK_WORKFLOW = ".github/workflows/integrity-check.yml";

/**
 * The workflow files that decide how this check runs: the one running it (GITHUB_WORKFLOW_REF)
 * and the generated check workflow. A `pull_request` run uses the pull request's version of
 * them, so a pull request can change the inputs (`config-source: head`, `fail-on`), add
 * `continue-on-error`, or drop the step: none of that is visible from inside the step, but a
 * change to them is, and is said like a change of rules.
 */
function workflowFiles(workflowRef: string | undefined): { path: string; rule: string; what: string; effect: string }[] {
  const running = /^[^/]+\/[^/]+\/(\.github\/workflows\/[^@]+)@/.exec(workflowRef ?? "")?.[1];
  const paths = [...new Set([CHECK_WORKFLOW, ...(running !== undefined && normalizeRepoPath(running) === running ? [running] : [])])];
  return paths.map((p) => ({
    path: p,
    rule: "trust/workflow-changed",
    what: p === running ? "the workflow that runs this check" : "the generated integrity-guard check workflow",
    effect: "a pull_request run uses the pull request's version of it, so it decides how (and whether) this check runs",
  }));
}

/** The base commit must be here; a shallow checkout fetches it. Never falls back to the PR's config. */
async function ensureCommit(git: Git, sha: string, who: string, log: (line: string) => void): Promise<void> {
  if (await git.hasCommit(sha)) return;
  log(`the base commit ${sha} of ${who} is not in the checkout: git fetch --no-tags --depth=1 origin ${sha}`);
  const failure = await git.tryFetchCommit("origin", sha);
  if (failure === undefined && (await git.hasCommit(sha))) return;
  throw new EnvironmentError(
    `cannot read the base branch's config: the base commit ${sha} of ${who} is not in the checkout, and fetching it failed: ${(failure ?? "the commit is still missing").split("\n")[0]}`,
    {
      fix: "let the job fetch from origin (actions/checkout with its default token; or `fetch-depth: 0`); to judge pull requests by their own config instead, set `config-source: head` (not recommended)",
    },
  );
}

/** Blobs of `commit` at these paths; a symlink is an error object (never followed); an absent path is absent. */
export async function readAt(git: Git, commit: string, paths: readonly string[]): Promise<Map<string, Buffer | { error: string }>> {
  // A folder that is a symlink in the commit is followed there: `ls-tree` alone would call the
  // file absent, and the run would take the pull request's copy (or the defaults) instead.
  const real = await resolveCommitFolders(git, commit, paths);
  const asked = new Map<string, string[]>();
  const out = new Map<string, Buffer | { error: string }>();
  for (const p of paths) {
    const r = real.get(p)!;
    if ("error" in r) out.set(p, { error: r.error });
    else asked.set(r.path, [...(asked.get(r.path) ?? []), p]);
  }
  const entries = (await git.lsTreeAt(commit, [...asked.keys()])).flatMap((e) => (asked.get(e.path) ?? []).map((p) => ({ ...e, path: p })));
  const blobs = await git.readBlobs(entries.filter((e) => e.type === "blob" && e.mode !== NOT_FOLLOWED).map((e) => e.oid));
  for (const e of entries) {
    if (e.mode === NOT_FOLLOWED) out.set(e.path, { error: "is a symlink (not followed)" });
    else if (e.type !== "blob") out.set(e.path, { error: `is a ${e.type}, not a file` });
    else {
      const b = blobs.get(e.oid);
      out.set(e.path, b ?? { error: `is missing from the object database (blob ${e.oid})` });
    }
  }
  return out;
}

/** The checkout's bytes of a repo path, never through a symlink; undefined when absent or not a regular file. */
function readWorktree(root: string, rel: string): Buffer | undefined {
  try {
    const link = outsideLink(root, rel);
    if (link !== undefined) return Buffer.from(`symlink-outside:${link}`);
    const abs = path.join(root, rel);
    const st = fs.lstatSync(abs);
    if (!st.isFile()) return st.isSymbolicLink() ? Buffer.from(`symlink:${fs.readlinkSync(abs)}`) : undefined;
    return fs.readFileSync(abs);
  } catch {
    return undefined;
  }
}

/** "reseals a, b; seals c; unseals d" from two manifests (either may be absent or unreadable). Pure. */
/** Reads shard files of one side of the comparison (base commit or checkout). */
export type ShardLoader = (paths: readonly string[]) => Promise<Map<string, Buffer | undefined>>;

/**
 * What a manifest change does, file by file: reseals, seals, unseals. A sharded manifest
 * (manifest.d/) is compared by its roots first: only the shards whose record differs are read
 * on both sides (all of them when the shard count changed).
 */
export async function describeManifestChange(
  base: Buffer | undefined,
  head: Buffer | undefined,
  shards: { base: ShardLoader; head: ShardLoader } = { base: noShards, head: noShards },
): Promise<string> {
  const baseRoot = base && isShardedRootBytes(base) ? readShardedRoot(base, MANIFEST_PATH).root : undefined;
  const headRoot = head && isShardedRootBytes(head) ? readShardedRoot(head, MANIFEST_PATH).root : undefined;
  const sameCount = baseRoot && headRoot && baseRoot.shards.length === headRoot.shards.length;
  const differing = sameCount
    ? new Set(headRoot.shards.filter((r, i) => r.sha256 !== baseRoot.shards[i]?.sha256).map((r) => r.id))
    : undefined;
  const entries = async (b: Buffer | undefined, root: ShardedRoot | undefined, load: ShardLoader) => {
    if (!b) return new Map<string, string>();
    const out = new Map<string, string>();
    const add = (list: readonly ManifestEntry[]) => {
      for (const e of list) out.set(e.path, `${e.sha256}:${e.link ?? ""}:${e.mode ?? ""}`);
    };
    if (isShardedRootBytes(b)) {
      if (!root) return undefined;
      const wanted = root.shards.flatMap((r, index) =>
        !differing || differing.has(r.id) ? [{ r, index, file: shardFilePath(r.id) }] : [],
      );
      const files = await load(wanted.map((w) => w.file));
      for (const { r, index, file } of wanted) {
        const read = readShard(files.get(file), file, r, index, root.shards.length);
        if (!read.entries) return undefined;
        add(read.entries);
      }
      return out;
    }
    const m = readManifestText(b, MANIFEST_PATH).manifest;
    if (!m) return undefined;
    add(m.entries);
    return out;
  };
  const before = await entries(base, baseRoot, shards.base);
  const after = await entries(head, headRoot, shards.head);
  if (!before || !after) return "files sealed or resealed (one version is not a readable manifest)";
  const resealed = [...after.keys()].filter((p) => before.has(p) && before.get(p) !== after.get(p));
  const sealed = [...after.keys()].filter((p) => !before.has(p));
  const unsealed = [...before.keys()].filter((p) => !after.has(p));
  const list = (verb: string, ps: string[]) =>
    ps.length ? [`${verb} ${ps.slice(0, 10).join(", ")}${ps.length > 10 ? ` and ${ps.length - 10} more` : ""}`] : [];
  const parts = [...list("reseals", resealed), ...list("seals", sealed), ...list("unseals", unsealed)];
  return parts.length ? parts.join("; ") : "no sealed file changes (only its layout)";
}

async function noShards(): Promise<Map<string, Buffer | undefined>> {
  return new Map();
}

function sameBytes(a: Buffer | undefined, b: Buffer | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.equals(b);
}

function toRel(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join("/");
}

function notice(rule: string, file: string, message: string): Finding {
  return { rule, level: "notice", file, message };
}

/** What identifies "the same finding" in the two runs. */
function key(f: Finding): string {
  return JSON.stringify([f.rule, f.file ?? "", f.line ?? 0, f.column ?? 0, f.pointer ?? "", f.message]);
}

/**
 * One result from the run under the base rules and the run under the pull request's rules.
 * Findings only the base rules produce are errors (the PR's rules would hide them); findings
 * only the PR's rules produce are kept as they are. Pure.
 */
export function mergeRuns(base: CommandResult, head: CommandResult): CommandResult {
  const inHead = new Set(head.findings.map(key));
  const inBase = new Set(base.findings.map(key));
  const findings: Finding[] = base.findings.map((f) =>
    inHead.has(key(f))
      ? f
      : {
          ...f,
          level: "error",
          message: `${f.message} (found under the base branch's rules; the pull request's changed rules would not report it)`,
        },
  );
  for (const f of head.findings) if (!inBase.has(key(f))) findings.push(f);
  // The base run decides "could not run"; the PR's rules failing to run are its findings (errors).
  return { ...base, findings };
}
