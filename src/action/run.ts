/**
 * The Action, as a list of named steps: read inputs -> open the repo and config -> learn the
 * event (and the PR's files) -> run the same command function the CLI runs -> report
 * (annotations, job summary, findings file, SARIF, outputs, sticky comment) -> decide the step
 * result. Reporting never loses findings: a failing API call is a warning, and the annotations,
 * summary and outputs are written before the comment is attempted.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as core from "@actions/core";
import type { LoadedConfig } from "../config/types.js";
import { hasErrors, sortFindings, summarize, type Finding, type Summary } from "../core/finding.js";
import { render } from "../report/render.js";
import { VERSION } from "../version.js";
import { UsageError } from "../errors.js";
import { verbs } from "../commands/index.js";
import type { CommandContext, CommandResult, CommandSpec } from "../commands/types.js";
import { Git } from "../io/git.js";
import { nameBytes } from "../core/names.js";
import { GitHubClient } from "../io/github-api.js";
import { checkRelative, nameExists, resolveInside } from "../io/paths.js";
import { writeFileAtomic } from "../io/atomic.js";
import { annotationLine } from "../report/github.js";
import { rankForDisplay } from "../report/rank.js";
import { artifactUri } from "../report/sarif.js";
import { escapeCell, renderMarkdown, renderScoreHistory, type ScorePoint } from "../report/markdown.js";
import { buildContext } from "./context.js";
import { checkCheckoutHoldsPr } from "./checkout-match.js";
import { logInfo } from "./log.js";
import { postSticky } from "./comment.js";
import { annotationCapNote, FINDINGS_FILE_HINT, hiddenAnnotations, REPORT_DIR_HINT, type HiddenAnnotationsPlace } from "./messages.js";
import { touches, type ChangedLines, type FileChanges } from "./changed-lines.js";
import { publishCheckRun } from "./check-run.js";
import { postSuggestions, suggestionFor, type Suggestion } from "./suggestions.js";
import { readEvent, type ActionEvent } from "./event.js";
import { envInputs, readInputs, type ActionInputs } from "./inputs.js";
import { computeOutputs, setOutputs } from "./outputs.js";
import { checkoutChanges, prFiles } from "./pr-files.js";
import { linkedNames } from "./pr-links.js";
import { publishRestore, type RestorePublished, type RestoreWritten } from "./restore-pr.js";
import { secretValues } from "./secrets.js";
import { checkSnapshotRef, checkWriterEvent } from "./writer-events.js";
import { checkoutSchemaGraph, MAX_SCHEMA_GRAPH_FILES } from "./schema-graph.js";
import { loadTrustedRules, mergeRuns, SCHEMA_GRAPH_CAPPED, type TrustedRules } from "./trusted-config.js";
import { withholdFromChildren } from "../io/child-env.js";
import { snapshotTrustRoot } from "./restore-trust.js";
import { baseReadingsAt, encodingChangedPaths } from "../checks/base-readings.js";

/** The job label in the sticky comment's footer is shown to this many characters. */
const JOB_LABEL_CHARS = 200;

/** Rule areas that look at one file at a time: narrowed to the PR's files on pull requests. */
const PER_FILE_RULE = /^(parse|schema)\//;

interface Prepared {
  inputs: ActionInputs;
  workspace: string;
  git: Git;
  loaded: LoadedConfig;
  /** Which rules judge this run (a pull request: the base commit's), and what the PR changes in them. */
  trust: TrustedRules;
  event: ActionEvent;
  client: GitHubClient | undefined;
  /** On a pull request, when scope or suggestions need them: the lines each file's diff touches. */
  changed?: ChangedLines;
}

/** Run the Action with the runner's environment. Throws on "could not run"; the entry fails the step. */
export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const p = await prepare(env);
  const restrict = await restriction(p);
  const first = await runCommand(p, restrict, env);
  const { published, history } = first;
  let result = first.result;
  if (p.trust.head && p.inputs.command === "check") {
    // The PR changes the rules: run under its rules too; what only the base rules find is an error.
    logInfo("the pull request changes the rules: checking under its own config as well");
    const { schemaSource: _base, ...headTrust } = p.trust;
    const second = await runCommand({ ...p, loaded: p.trust.head, trust: headTrust }, restrict, env);
    result = mergeRuns(result, second.result);
  }
  result = { ...result, findings: [...p.trust.findings, ...result.findings] };
  let findings = sortFindings([...result.findings]);
  if (restrict) findings = findings.filter((f) => !(f.file && PER_FILE_RULE.test(f.omitted?.rule ?? f.rule)) || restrict.has(f.file));
  const summary = summarize(findings, result.summary);
  const failed = decideFailure(p.inputs, result, summary);
  const shown = rankForDisplay(findings);
  // changed-lines: annotate what the PR's lines hold; the step still fails on every error.
  const lineCounts = new Map<string, number | undefined>();
  const lineScope = p.inputs.scope === "changed-lines" && p.event.kind === "pull_request" ? p.changed : undefined;
  const annotated = lineScope ? shown.filter((f) => !f.file || touches(lineScope.get(f.file), atLine(p, f, lineCounts))) : shown;
  annotate(annotated, p);
  const place = await checkRun(p, annotated, summary, failed !== undefined, env);
  const report = await writeReports(p, { ...result, findings }, env);
  place.reportKept = report.dir !== "";
  let markdown = summaryMarkdown(p, shown, summary, result, published, restrict, env, {
    place,
    annotated,
    lineScope: lineScope !== undefined,
  });
  if (history) markdown += "\n" + renderScoreHistory(history);
  await writeJobSummary(markdown);
  await writeSarif(p, findings);
  setOutputs(computeOutputs(p.inputs.command, result, summary, report, failed !== undefined));
  await comment(p, shown, summary, markdown, env);
  await suggest(p, findings);
  if (failed) core.setFailed(failed);
  else logInfo(`integrity-guard ${p.inputs.command}: ${summary.errors} error(s), ${summary.warnings} warning(s)`);
}

async function prepare(env: NodeJS.ProcessEnv): Promise<Prepared> {
  const inputs = readInputs(envInputs(env));
  if (inputs.token) core.setSecret(inputs.token);
  // Before the first git (the base commit's fetch runs credential helpers): child-env.ts.
  withholdFromChildren([inputs.token]);
  checkWriterEvent(inputs.command, env);
  checkSnapshotRef(inputs.command, env);
  const workspace = path.resolve(env.GITHUB_WORKSPACE ?? process.cwd());
  const cwd =
    inputs.workingDirectory === "." ? workspace : resolveInside(workspace, inputs.workingDirectory, { what: "input `working-directory`" });
  checkFolder(cwd, inputs.workingDirectory);
  const git = await Git.open(cwd);
  const event = readEvent(env);
  // The repository checked must be the pull request's: with config-source base its base commit
  // is read from it; with head, it is the workspace's own checkout (a nested repository of its
  // own under working-directory, as the self-test's example, is not the pull request's).
  if (event.kind === "pull_request" && (inputs.configSource === "base" || git.root === workspace)) await checkCheckoutHoldsPr(git, event);
  const explicitConfig = inputs.config ? path.resolve(cwd, inputs.config) : undefined;
  const trust = await loadTrustedRules({
    git,
    event,
    configSource: inputs.configSource,
    ...(explicitConfig ? { explicitConfig } : {}),
    ...(env.GITHUB_WORKFLOW_REF ? { workflowRef: env.GITHUB_WORKFLOW_REF } : {}),
    log: (l) => logInfo(l),
  });
  // restore / prune off the default branch: the snapshots trust root is the default branch's.
  trust.loaded = await snapshotTrustRoot({ git, command: inputs.command, loaded: trust.loaded, env, log: (l) => logInfo(l) });
  const loaded = trust.loaded;
  // Mask before anything can print a config value. The pull request's own config (trust.head) is
  // not read for masks: its literal alert URLs would let it mask any word of the log, hiding findings.
  const secrets = secretValues(loaded.config, env, inputs.token);
  for (const s of secrets) core.setSecret(s);
  // Nor may git or what git runs see them (the token as GITHUB_TOKEN, a webhook URL): child-env.ts.
  withholdFromChildren(secrets);
  const client =
    inputs.token && env.GITHUB_REPOSITORY
      ? new GitHubClient({
          token: inputs.token,
          repository: env.GITHUB_REPOSITORY,
          ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}),
        })
      : undefined;
  logInfo(`integrity-guard ${VERSION}: ${inputs.command} on ${event.name} in ${git.root}`);
  return { inputs, workspace, git, loaded, trust, event, client };
}

/**
 * The folder the Action runs in must exist before git runs there: spawning git in a missing
 * folder fails like a missing git binary (ENOENT), and the step said "install git" (issue 17).
 */
function checkFolder(cwd: string, input: string): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(cwd);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory()) return;
  const what = input === "." ? `the workspace ${cwd}` : `input \`working-directory\` is ${JSON.stringify(input)}, but ${cwd}`;
  throw new UsageError(`${what} ${stat ? "is not a folder" : "does not exist"}`, {
    fix:
      input === "."
        ? "check out the repository first (actions/checkout) or set GITHUB_WORKSPACE"
        : "set `working-directory` to a folder of the checked-out repository, relative to the workspace (did actions/checkout use `path:`?)",
  });
}

/** On a pull request, `check`'s per-file rules look at the PR's files only (unless they cannot be known). */
async function restriction(p: Prepared): Promise<Set<string> | undefined> {
  if (p.event.kind !== "pull_request" || p.inputs.command !== "check" || p.inputs.paths.length > 0) return undefined;
  const lines = p.inputs.scope === "changed-lines" || p.inputs.suggestions;
  if (p.inputs.scope === "whole-tree" && !lines) {
    logInfo(`pull request #${p.event.number}: scope whole-tree, checking every file`);
    return undefined;
  }
  const pr = await prFiles(p.event, p.client, p.git, (m) => core.warning(m), { lines });
  if (!pr) return undefined;
  if (pr.source === "api") {
    // The workspace is the GitHub repository's checkout unless actions/checkout used `path:`
    // (then the workspace holds no .git and the checked repository is that repository).
    const nested = p.git.root !== p.workspace && fs.existsSync(path.join(p.workspace, ".git"));
    const prefix = nested ? path.relative(p.workspace, p.git.root).split(path.sep).join("/") : "";
    const odd = pr.files.find((f) => inPrefix(f, prefix) && repoPath(f, prefix) === undefined);
    if (odd !== undefined) {
      // A name git holds but that is no plain relative path here (`\state.json`): dropped from
      // the list, its file would be checked by no one. The whole tree names it by its bytes.
      logInfo(`the pull request changes ${JSON.stringify(odd)}, a name that is not a plain relative path: checking the whole tree`);
      return undefined;
    }
    pr.files = pr.files.filter((f) => inPrefix(f, prefix)).map((f) => repoPath(f, prefix)!);
    if (pr.lines) {
      const byRepoPath = new Map<string, FileChanges>();
      for (const [file, changes] of pr.lines) {
        const name = inPrefix(file, prefix) ? repoPath(file, prefix) : undefined;
        if (name !== undefined) byRepoPath.set(name, changes);
      }
      pr.lines = byRepoPath;
    }
    const listed = new Set(pr.files);
    const unlisted = ((await checkoutChanges(p.git, p.event.baseSha, p.event.headSha)) ?? []).filter((f) => !listed.has(f));
    if (unlisted.length > 0) {
      logInfo(
        `the checkout changes ${unlisted.length} file(s) the API does not list for pull request #${p.event.number} (first ${JSON.stringify(unlisted[0])}; a push since this run's event?): checking them as well`,
      );
      pr.files.push(...unlisted);
      // Their lines are unknown: every line counts as touched.
      for (const f of unlisted) pr.lines?.set(f, { added: new Map(), removedAt: new Set(), whole: true });
    }
  }
  if (pr.lines) p.changed = pr.lines;
  const linked = await linkedNames(p.git, pr.files);
  if ("wholeTree" in linked) {
    logInfo(`the pull request changes ${linked.wholeTree}, ${linked.why}: checking the whole tree`);
    return undefined;
  }
  pr.files.push(...linked);
  pr.files.push(...(await reencodedFiles(p, pr.files)));
  if (p.inputs.scope === "whole-tree") {
    logInfo(`pull request #${p.event.number}: scope whole-tree, checking every file`);
    return undefined;
  }
  // A changed config or schema can break files the PR did not touch: check them all.
  const schemas = [...(p.loaded.config.validate?.schemas ?? []), ...(p.trust.head?.config.validate?.schemas ?? [])].map((s) =>
    s.schema.replace(/^\.\//, ""),
  );
  // A schema file the base schemas reference ($ref) that the PR changes is said by trust/schema-changed.
  const referenced = new Set(p.trust.findings.filter((f) => f.rule === "trust/schema-changed").map((f) => f.file));
  // Under the checkout's own rules (config-source head) no base graph was walked: the files the
  // checkout's schemas reference decide the same way, or a PR that changed only a $ref'd
  // definitions file was checked on that file alone, never on the files its schema validates.
  const graph = p.trust.from === "checkout" ? await checkoutSchemaGraph(p.git, schemas) : { files: [], capped: false };
  for (const f of graph.files) referenced.add(f);
  // Past the walk's cap any file may be one the schemas read: the safe answer is the whole tree.
  if (graph.capped || p.trust.findings.some((f) => f.rule === SCHEMA_GRAPH_CAPPED)) {
    logInfo(
      `the schemas the config maps reference more than ${MAX_SCHEMA_GRAPH_FILES} files, past which a change is not told apart: checking the whole tree`,
    );
    return undefined;
  }
  const wide = pr.files.find((f) => f === p.loaded.path || schemas.includes(f) || referenced.has(f));
  if (wide) {
    logInfo(`the pull request changes ${wide}, which affects other files: checking the whole tree`);
    return undefined;
  }
  logInfo(
    `pull request #${p.event.number}: checking ${pr.files.length} changed file(s) (from ${pr.source === "api" ? "the API" : "git diff"}) plus whole-repo rules`,
  );
  return new Set(pr.files);
}

/**
 * Files the pull request leaves alone whose checkout its .gitattributes re-encode: a new
 * `working-tree-encoding=UTF-16LE-BOM` for an existing `config/app.json` changes no blob, yet every
 * checkout of the merged change holds the file in UTF-16, which its UTF-8 readers refuse. They are
 * checked with the PR's files (and read as checked out: base-readings.ts, encodingAgreedReader).
 * Asked only when the pull request changes a .gitattributes.
 */
async function reencodedFiles(p: Prepared, files: readonly string[]): Promise<string[]> {
  const base = p.trust.from === "base" ? p.event.baseSha : undefined;
  if (base === undefined || !files.some((f) => f === ".gitattributes" || f.endsWith("/.gitattributes"))) return [];
  const listed = new Set(files);
  const tracked = (await p.git.lsStaged()).filter((e) => e.stage === 0 && /^100/.test(e.mode) && !listed.has(e.path)).map((e) => e.path);
  const changed = await encodingChangedPaths(baseReadingsAt(p.git, base), p.git, tracked);
  if (changed.size > 0)
    logInfo(
      `the pull request's .gitattributes give ${changed.size} file(s) it does not change a working-tree-encoding the base does not (first ${JSON.stringify([...changed.keys()][0])}): checking them as well`,
    );
  return [...changed.keys()];
}

/**
 * API paths are relative to the GitHub repository (the workspace); the checked repository may be
 * a nested one under working-directory. A file outside it is not this run's.
 */
function inPrefix(file: string, prefix: string): boolean {
  return prefix === "" || file.startsWith(prefix + "/");
}

/** An API path as a path of the checked repository, or undefined when it is not a plain relative path. */
function repoPath(file: string, prefix: string): string | undefined {
  const f = prefix === "" ? file : file.slice(prefix.length + 1);
  try {
    // A git name: `\` is part of it (data\state.json), not a separator to normalise away (issue 14).
    return checkRelative(f, "path", { gitName: true }) === f ? f : undefined;
  } catch {
    return undefined;
  }
}

async function runCommand(
  p: Prepared,
  restrict: Set<string> | undefined,
  env: NodeJS.ProcessEnv,
): Promise<{ result: CommandResult; published?: RestorePublished; history?: ScorePoint[] }> {
  const spec = await verbs[p.inputs.command]!.load();
  // By bytes: a name that is not UTF-8 (from git diff) must reach validate, which reports it.
  const existing = restrict
    ? [...restrict].filter((f) => nameExists(Buffer.concat([Buffer.from(p.git.root + "/"), nameBytes(f)])))
    : undefined;
  const ctx = buildContext({
    inputs: p.inputs,
    spec,
    git: p.git,
    loaded: p.loaded,
    env,
    log: (l) => logInfo(l),
    ...(existing ? { prPaths: existing } : {}),
    ...(p.trust.schemaSource ? { schemaSource: p.trust.schemaSource } : {}),
    ...(p.trust.baseline ? { baseline: p.trust.baseline } : {}),
  });
  if (restrict && existing?.length === 0) ctx.positionals = [];
  const result = await spec.run(ctx);
  if (p.inputs.command === "health") return { result, history: await healthHistory(spec, ctx) };
  if (p.inputs.command !== "restore" || hasErrors(result.findings) || (result.exitCode ?? 0) !== 0) return { result };
  const restored = (result.json as { restore?: RestoreWritten } | undefined)?.restore;
  if (!restored || !Array.isArray(restored.scopes)) throw new Error("restore gave no JSON report of what it wrote (a bug)");
  const published = await publishRestore({
    git: p.git,
    restored,
    client: p.client,
    mode: p.inputs.mode,
    snapshot: p.inputs.snapshot ?? p.inputs.set ?? "latest",
    paths: p.inputs.paths,
    env,
    log: (l) => logInfo(l),
  });
  return {
    result: {
      ...result,
      summary: {
        ...result.summary,
        ...(published.branch ? { branch: published.branch } : {}),
        ...(published.pullRequest ? { pull_request: published.pullRequest.url } : {}),
      },
    },
    published,
  };
}

/** The score history for the summary's chart; a failure here only loses the chart. */
async function healthHistory(spec: CommandSpec, ctx: CommandContext): Promise<ScorePoint[] | undefined> {
  if (!spec.options.history) return undefined;
  try {
    const r = await spec.run({ ...ctx, options: { ...ctx.options, history: true } });
    const points = (r.json as { history?: unknown } | undefined)?.history;
    return Array.isArray(points) ? (points as ScorePoint[]) : undefined;
  } catch (error) {
    logInfo(`no health history for the summary: ${(error as Error).message}`);
    return undefined;
  }
}

/** The failure message, or undefined when the step passes. */
function decideFailure(inputs: ActionInputs, result: CommandResult, s: Summary): string | undefined {
  if (result.exitCode === 2) return `integrity-guard ${inputs.command} could not run`;
  if (inputs.failOn === "never") return undefined;
  const counts = `${s.errors} error(s), ${s.warnings} warning(s)`;
  if (s.errors > 0 || result.exitCode === 1)
    return `integrity-guard ${inputs.command} found ${counts}; see the annotations and the job summary`;
  if (inputs.failOn === "warning" && s.warnings > 0) return `integrity-guard ${inputs.command} found ${counts} (fail-on: warning)`;
  return undefined;
}

/** Workflow commands, one per finding; paths made relative to the workspace, where the runner resolves them. */
function annotate(findings: Finding[], p: Prepared): void {
  const prefix = path.relative(p.workspace, p.git.root).split(path.sep).join("/");
  for (const f of findings) {
    const line = annotationLine(f.file && prefix && !prefix.startsWith("..") ? { ...f, file: `${prefix}/${f.file}` } : f);
    process.stdout.write(line + os.EOL);
  }
}

/**
 * A finding's line for the changed-lines test: an error at the end of the input (a truncated
 * file) is reported on the line after the last one, which no diff holds; it belongs to the last.
 */
function atLine(p: Prepared, f: Finding, counts: Map<string, number | undefined>): number | undefined {
  if (!f.file || !f.line || f.line < 2) return f.line;
  if (!counts.has(f.file)) {
    try {
      const text = fs.readFileSync(path.join(p.git.root, f.file), "utf8");
      counts.set(f.file, text.split("\n").length - (text.endsWith("\n") ? 1 : 0));
    } catch {
      counts.set(f.file, undefined);
    }
  }
  const count = counts.get(f.file);
  return count === undefined ? f.line : Math.min(f.line, Math.max(count, 1));
}

/** The workspace-relative folder of the checked repository ("" when it is the workspace). */
function repoPrefix(p: Prepared): string {
  const prefix = path.relative(p.workspace, p.git.root).split(path.sep).join("/");
  return prefix.startsWith("..") ? "" : prefix;
}

/**
 * The JSON report (the `findings-file` output), and with `keep-report` the JSON and SARIF
 * reports in a folder of their own (the `report-dir` output) for actions/upload-artifact: a
 * stable name per command and working directory, emptied first so an earlier step's files are
 * not uploaded as this one's.
 */
async function writeReports(p: Prepared, result: CommandResult, env: NodeJS.ProcessEnv): Promise<{ findingsFile: string; dir: string }> {
  const temp = env.RUNNER_TEMP && fs.existsSync(env.RUNNER_TEMP) ? env.RUNNER_TEMP : os.tmpdir();
  // findings-file keeps its name (workflows read it); report-dir is the folder to upload.
  const findingsFile = path.join(temp, `integrity-guard-${p.inputs.command}-findings.json`);
  const json = render(result, "json");
  await writeFileAtomic(findingsFile, json);
  if (!p.inputs.keepReport) return { findingsFile, dir: "" };
  const wd = p.inputs.workingDirectory === "." ? "" : "-" + p.inputs.workingDirectory.replace(/[^A-Za-z0-9._-]+/g, "_");
  const dir = path.join(temp, "integrity-guard-report", `${p.inputs.command}${wd}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  await writeFileAtomic(path.join(dir, "findings.json"), json);
  await writeFileAtomic(path.join(dir, "findings.sarif"), render({ findings: result.findings }, "sarif"));
  logInfo(`full report written to ${dir} (findings.json, findings.sarif): upload it with actions/upload-artifact to keep it`);
  return { findingsFile, dir };
}

/**
 * When GitHub's per-step cap hides annotations, a check run carrying all of them (input
 * `check-run`, permission `checks: write`). Returns where the hidden annotations are.
 */
async function checkRun(
  p: Prepared,
  annotated: Finding[],
  s: Summary,
  failed: boolean,
  env: NodeJS.ProcessEnv,
): Promise<HiddenAnnotationsPlace> {
  if (!p.inputs.checkRun || hiddenAnnotations(annotated) === 0) return {};
  const headSha = p.event.kind === "pull_request" ? p.event.headSha : env.GITHUB_SHA;
  if (!p.client || !headSha) {
    return { checkRunFailure: "no token, GITHUB_REPOSITORY or commit to attach a check run to" };
  }
  const runUrl =
    env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY
      ? `${env.GITHUB_SERVER_URL ?? "https://github.com"}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  const outcome = await publishCheckRun({
    client: p.client,
    name: `integrity-guard ${p.inputs.command}${env.GITHUB_JOB ? ` (${env.GITHUB_JOB})` : ""}: annotations`,
    headSha,
    findings: annotated,
    prefix: repoPrefix(p),
    title: `${s.errors} error(s), ${s.warnings} warning(s)`,
    summary: renderMarkdown(annotated, {
      title: `integrity-guard ${p.inputs.command}`,
      summary: s,
      maxChars: 60_000,
      moreAt: runUrl ? `see the [job summary](${runUrl})` : "see the job summary",
    }),
    conclusion: failed ? "failure" : "success",
    ...(runUrl ? { detailsUrl: runUrl } : {}),
    warn: (m) => core.warning(m),
  });
  if (outcome.failure) return { checkRunFailure: outcome.failure };
  logInfo(`check run with all ${outcome.total} annotations: ${outcome.url}`);
  return outcome.url ? { checkRunUrl: outcome.url } : {};
}

/** Suggested changes for mechanical fixes on the PR's added lines (input `suggestions`). */
async function suggest(p: Prepared, findings: Finding[]): Promise<void> {
  if (!p.inputs.suggestions || p.event.kind !== "pull_request") return;
  if (!p.client || !p.changed || !p.event.headSha) {
    core.warning("no suggested changes: they need the token, the pull request's head commit and its diff");
    return;
  }
  const cache = new Map<string, string[] | undefined>();
  const lineOf = (file: string, line: number): string | undefined => {
    if (!cache.has(file)) {
      try {
        cache.set(file, fs.readFileSync(path.join(p.git.root, file), "utf8").split(/\r?\n/));
      } catch {
        cache.set(file, undefined);
      }
    }
    return cache.get(file)?.[line - 1];
  };
  const list: Suggestion[] = [];
  for (const f of findings) {
    const s = suggestionFor(f, p.changed, lineOf);
    if (s) list.push(s);
  }
  await postSuggestions({
    client: p.client,
    pull: p.event.number,
    headSha: p.event.headSha,
    suggestions: list,
    prefix: repoPrefix(p),
    log: (m) => logInfo(m),
    warn: (m) => core.warning(m),
  });
}

function summaryMarkdown(
  p: Prepared,
  findings: Finding[],
  s: Summary,
  result: CommandResult,
  published: RestorePublished | undefined,
  restrict: Set<string> | undefined,
  env: NodeJS.ProcessEnv,
  shownAs: { place: HiddenAnnotationsPlace; annotated: Finding[]; lineScope: boolean },
): string {
  // What judges a pull request, and what it changes in the rules, comes first.
  const details: string[] = [...p.trust.banner];
  if (p.event.kind === "pull_request")
    details.push(
      restrict
        ? `Pull request #${p.event.number}: ${restrict.size} changed file(s) checked, plus whole-repository rules.`
        : `Pull request #${p.event.number}: whole tree checked.`,
    );
  else details.push(`Event \`${p.event.name}\`: whole tree checked.`);
  if (shownAs.lineScope && shownAs.annotated.length < findings.length) {
    details.push(
      `Scope \`changed-lines\`: ${findings.length - shownAs.annotated.length} finding(s) outside the lines this pull request touched are not annotated; ` +
        "they are listed below, and errors among them fail the step as well.",
    );
  }
  const capNote = annotationCapNote(shownAs.annotated, shownAs.place);
  if (capNote) details.push(capNote);
  if (result.text && p.inputs.command !== "check")
    details.push("```text\n" + result.text.replace(/```/g, "'''").trim().slice(0, 20_000) + "\n```");
  if (published?.pullRequest)
    details.push(
      `Restore opened pull request [#${published.pullRequest.number}](${published.pullRequest.url}) from branch \`${published.branch}\`.`,
    );
  else if (published?.commit)
    details.push(
      `Restore committed ${published.commit.slice(0, 12)} to \`${published.branch}\`; undo with \`git revert ${published.commit.slice(0, 12)}\`.`,
    );
  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  const sha = p.event.kind === "pull_request" ? p.event.headSha : env.GITHUB_SHA;
  const link =
    env.GITHUB_REPOSITORY && sha
      ? (file: string, line?: number) => `${server}/${env.GITHUB_REPOSITORY}/blob/${sha}/${artifactUri(file)}${line ? `#L${line}` : ""}`
      : undefined;
  return renderMarkdown(findings, {
    title: `integrity-guard ${p.inputs.command}`,
    summary: s,
    details: details.join("\n\n"),
    ...(link ? { link } : {}),
    // GitHub takes at most 1 MiB of summary per step; the score history and a failure note
    // need room after the findings.
    maxChars: 900_000,
    moreAt: p.inputs.keepReport ? REPORT_DIR_HINT : FINDINGS_FILE_HINT,
  });
}

async function writeJobSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    logInfo("GITHUB_STEP_SUMMARY is not set: no job summary written");
    return;
  }
  try {
    await core.summary.addRaw(markdown, true).write();
  } catch (error) {
    core.warning(`could not write the job summary: ${(error as Error).message}`);
  }
}

async function writeSarif(p: Prepared, findings: Finding[]): Promise<void> {
  if (!p.inputs.sarif) return;
  const file = resolveInside(p.workspace, p.inputs.sarif, { what: "input `sarif`" });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // SARIF locations are relative to the repository root (uriBaseId %SRCROOT%).
  await writeFileAtomic(file, render({ findings }, "sarif"));
  logInfo(`SARIF written to ${p.inputs.sarif}`);
}

async function comment(p: Prepared, findings: Finding[], s: Summary, markdown: string, env: NodeJS.ProcessEnv): Promise<void> {
  if (p.event.kind !== "pull_request" || !p.inputs.comment) return;
  if (!p.client) {
    core.warning(
      "no token or GITHUB_REPOSITORY: the pull request comment was not posted; the findings are in the annotations and the job summary",
    );
    return;
  }
  const runUrl =
    env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY
      ? `${env.GITHUB_SERVER_URL ?? "https://github.com"}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  let body = markdown;
  if (body.length > 60_000) {
    body = renderMarkdown(findings, {
      title: `integrity-guard ${p.inputs.command}`,
      summary: s,
      // What judges the PR and what it changes in the rules stays at the top: a PR that also
      // brings many findings must not push that out of the comment.
      ...(p.trust.banner.length ? { details: p.trust.banner.join("\n\n") } : {}),
      maxChars: 60_000,
      moreAt: runUrl ? `see the [job summary](${runUrl})` : "see the job summary",
    });
  }
  // Which job wrote this comment: with one comment per job, a reader must tell them apart.
  const key = p.inputs.commentKey && p.inputs.commentKey !== "null" ? ` ${p.inputs.commentKey}` : "";
  const job = [env.GITHUB_WORKFLOW, env.GITHUB_JOB].filter(Boolean).join(" / ") + key;
  // Clipped: the key is free text (by default the job's matrix as JSON), and a long one, each `_`
  // written as `&#95;`, pushed a comment near its budget over GitHub's 65,536 characters (refused).
  const shownJob = [...job].length > JOB_LABEL_CHARS ? [...job].slice(0, JOB_LABEL_CHARS).join("") + "…" : job;
  const from = job ? ` · job ${escapeCell(shownJob)}` : "";
  if (runUrl) body += `\n<sub>[workflow run](${runUrl})${from} · updated on every run</sub>\n`;
  else if (from) body += `\n<sub>${from.slice(3)}</sub>\n`;
  const clean = findings.length === 0;
  const outcome = await postSticky(p.client, {
    pr: p.event.number,
    command: p.inputs.command,
    body,
    clean,
    warn: (m) => core.warning(m),
    identity: {
      workflow: env.GITHUB_WORKFLOW,
      job: env.GITHUB_JOB,
      command: p.inputs.command,
      workingDirectory: p.inputs.workingDirectory,
      key: p.inputs.commentKey,
    },
    headSha: p.event.headSha,
  });
  if (outcome.current)
    logInfo(
      `pull request #${p.event.number} is now at ${outcome.current.slice(0, 12)}, this run checked ${p.event.headSha?.slice(0, 12)}: its comment is left to the run for the newer commit`,
    );
  if (outcome.url) logInfo(`pull request comment ${outcome.action}: ${outcome.url}`);
}
