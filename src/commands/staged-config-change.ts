/**
 * The hook judges a commit under the config it will commit (check.ts stagedConfig), so a commit
 * that stages a config switching a check off together with a broken file passes quietly. This
 * names the change: when the commit changes or deletes the config, the staged changes are checked
 * a second time under HEAD's config, and the errors only HEAD's config reports are listed in one
 * `config/staged-change` finding on the config file (a warning; a notice when there are none).
 * It never blocks: changing the config is allowed, and a pull request is still judged under its
 * base branch's config. Costs nothing when the commit leaves the config alone.
 */
import { loadConfigText } from "../config/load.js";
import type { LoadedConfig } from "../config/types.js";
import type { Finding } from "../core/finding.js";
import { runChecks } from "../checks/run-checks.js";
import type { CheckContext } from "../checks/types.js";
import { StagedSource } from "../io/staged-source.js";

const STAGED_CONFIG_RULE = "config/staged-change";

/** How many of the hidden errors the message lists by location (the rest are counted). */
const LISTED = 5;

/** The finding for a commit that changes the config, or undefined when it does not (or cannot tell). */
export async function stagedConfigChange(ctx: CheckContext, findings: readonly Finding[]): Promise<Finding | undefined> {
  if (!(ctx.source instanceof StagedSource)) return undefined;
  const rel = ctx.configPath;
  const diff = await ctx.source.diff();
  if (diff.unborn) return undefined; // the first commit: there is no config to compare with
  const deleted = diff.deleted.includes(rel);
  if (!deleted && !diff.entries.has(rel)) return undefined;
  const head = await headConfig(ctx, rel);
  const what = deleted
    ? `this commit deletes ${rel}: the staged files were checked under the working tree's copy, and later commits get the defaults`
    : `this commit changes ${rel}: the staged files were checked under the staged version, not HEAD's`;
  if (!head) {
    return {
      rule: STAGED_CONFIG_RULE,
      level: "notice",
      file: rel,
      line: 1,
      message: `${what} (HEAD's config does not load, so it was not compared)`,
    };
  }
  const headRun = await runChecks({ ...ctx, config: head.config, configParsed: undefined });
  const now = new Set(findings.map(key));
  const hidden = headRun.findings.filter((f) => f.level === "error" && f.file !== rel && !f.rule.startsWith("check/") && !now.has(key(f)));
  if (hidden.length === 0) {
    return {
      rule: STAGED_CONFIG_RULE,
      level: "notice",
      file: rel,
      line: 1,
      message: `${what}; HEAD's config reports no error it does not`,
    };
  }
  const listed = hidden
    .slice(0, LISTED)
    .map((f) => `${f.file ?? "?"}${f.line ? `:${f.line}` : ""}${f.column ? `:${f.column}` : ""} ${f.rule}`);
  const more = hidden.length > LISTED ? ` and ${hidden.length - LISTED} more` : "";
  return {
    rule: STAGED_CONFIG_RULE,
    level: "warning",
    file: rel,
    line: 1,
    message: `${what}. Under HEAD's config the commit has ${hidden.length} error(s) the staged config does not report: ${listed.join("; ")}${more}`,
    fix: `if the config change is meant, commit (a pull request is still judged under its base branch's config); if not, undo it with \`git restore --staged ${rel}\` and fix the files`,
  };
}

/** HEAD's config (the defaults when HEAD has none); undefined when it does not load. */
async function headConfig(ctx: CheckContext, rel: string): Promise<LoadedConfig | undefined> {
  try {
    const [entry] = await ctx.git.lsTreeAt("HEAD", [rel]);
    if (!entry) return { config: { version: 1 }, path: rel, exists: false };
    if (entry.type !== "blob" || entry.mode === "120000") return undefined;
    const [blob] = await ctx.git.catFileBatch([entry.oid]);
    return blob ? await loadConfigText(ctx.root, blob, rel, "in HEAD") : undefined;
  } catch {
    return undefined; // an older config that no longer validates: nothing to compare with
  }
}

/** Same place, same rule: a finding both configs report (messages may differ with the schema). */
function key(f: Finding): string {
  return `${f.rule}\0${f.file ?? ""}\0${f.line ?? ""}\0${f.column ?? ""}\0${f.pointer ?? ""}`;
}
