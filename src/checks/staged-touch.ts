/**
 * Whether a commit touches what a whole-repository check reads (issue 20): the conflicts check
 * compares a configuration set, a sync rule two named files. Their result for the staged tree
 * can only differ from HEAD's when one of those files, or the config that defines them, is
 * staged (added, changed, deleted or unmerged); otherwise the pre-commit hook skips them, and a
 * one-file commit costs what it changes. Outside the hook (working tree, pull requests) they
 * always run. Over-approximates: a glob of the set matching a staged path is enough.
 */
import path from "node:path";
import { matcher } from "../core/glob.js";
import { checkRelative } from "../io/paths.js";
import { StagedSource } from "../io/staged-source.js";
import { unchangedEntries } from "../io/head-unchanged.js";
import type { CheckContext } from "./types.js";

const GLOB_CHARS = /[*?[\]{}!]/;

/** Repo-relative clean form of a name from the config, or undefined when it is not one (the check reports it). */
function clean(p: string): string | undefined {
  try {
    return checkRelative(p, "config entry");
  } catch {
    return undefined;
  }
}

/**
 * True when the check must run: not the hook, the config is staged, not tracked, or outside the
 * repository, or a staged path satisfies `inSet`.
 */
async function stagedTouches(ctx: CheckContext, inSet: (p: string) => boolean): Promise<boolean> {
  if (!(ctx.source instanceof StagedSource)) return true;
  const diff = await ctx.source.diff();
  if (diff.unborn) return true;
  const cfg = ctx.configPath;
  if (cfg.startsWith("../") || path.isAbsolute(cfg)) return true; // its changes are never staged
  const touched = (p: string) => p === cfg || inSet(p);
  for (const p of diff.entries.keys()) if (touched(p)) return true;
  if (diff.deleted.some(touched) || diff.unmerged.some(touched)) return true;
  // A config git does not track (just written by init): HEAD was never checked under it. HEAD's
  // tree vouches for an unchanged config (listed with it by the hook: head-unchanged.ts); the
  // index is asked only otherwise (a `git ls-files` loads the whole index).
  if ((await unchangedEntries(ctx.git, diff, [cfg])).has(cfg)) return false;
  return !(await ctx.git.lsStaged([cfg])).some((e) => e.stage === 0);
}

/** Whether the conflicts check has anything new to compare in this run. */
export function conflictsTouched(ctx: CheckContext): Promise<boolean> {
  const cfg = ctx.config.config ?? {};
  const named = new Set<string>();
  for (const p of cfg.precedence ?? []) if (!GLOB_CHARS.test(p)) named.add(clean(p) ?? "");
  for (const owner of Object.values(cfg.owners ?? {})) named.add(clean(owner) ?? "");
  // Layers select files too (a layers-only config, which init writes for Helm values and Spring
  // profiles, has no `files`): without them the hook never compared a staged overlay.
  const layerNames = (cfg.layers ?? []).flat();
  for (const p of layerNames) if (!GLOB_CHARS.test(p)) named.add(clean(p) ?? "");
  if (named.has("")) return Promise.resolve(true); // a bad name: let the check report it
  const inFiles = matcher(cfg.files);
  const inPrecedence = matcher([...(cfg.precedence ?? []), ...layerNames].filter((p) => GLOB_CHARS.test(p)));
  return stagedTouches(ctx, (p) => named.has(p) || inFiles(p) || inPrecedence(p));
}

/** Whether any sync rule names a staged file. */
export function syncTouched(ctx: CheckContext): Promise<boolean> {
  const files = new Set<string>();
  for (const r of ctx.config.sync ?? []) for (const f of [r.source.file, r.target.file]) files.add(clean(f) ?? "");
  if (files.has("")) return Promise.resolve(true);
  return stagedTouches(ctx, (p) => files.has(p));
}
