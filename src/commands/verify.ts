/**
 * `integrity-guard verify`: diff the working tree against .integrity-guard/manifest.json.
 * `--shard K/N` checks a deterministic 1/N of the entries; `--merge` folds the JSON reports of
 * the N shards into one.
 */
import fs from "node:fs";
import path from "node:path";
import { MANIFEST_PATH } from "../config/types.js";
import { UsageError } from "../errors.js";
import type { Finding } from "../core/finding.js";
import { parseShard } from "../core/manifest/shard.js";
import { mergeReports, type ShardReport } from "../core/manifest/merge.js";
import { verifyTree } from "../checks/manifest.js";
import { renderSha256sum } from "../core/manifest/sha256sum.js";
import { readManifestFile, readManifestSetSparse, sealedPathsLenient } from "../io/manifest-store.js";
import { stageEnd } from "../io/hash/stage-log.js";
import { withLocalEditsFix } from "../io/skip-worktree.js";
import { pathsHelp } from "./paths-help.js";
import type { CommandContext, CommandSpec } from "./types.js";

export const command: CommandSpec = {
  name: "verify",
  yamlOnDemand: true, // the manifest is JSON: no YAML parser to load
  usage: "integrity-guard verify [--shard K/N] [--no-cache] [PATH...] | verify --merge REPORT.json... | verify --format sha256sum",
  description: `
Compares every file sealed in ${MANIFEST_PATH}, and every file manifest.include covers now
(tracked, untracked or ignored), with the working tree. Findings: manifest/modified,
manifest/missing, manifest/added (covered but not sealed), manifest/renamed (same content at a
new path), manifest/bitrot (content changed while size, mtime, inode and ctime did not: silent
corruption, always an error), manifest/unreadable, manifest/corrupt. Exit 1 on any drift.

Unchanged files are not re-read: git's index says which tracked files changed, and a racy-aware
stat cache under .git/integrity-guard/ covers the rest. --no-cache reads every file, which is
also what detects bit rot; run it on a schedule.

--shard K/N checks the entries whose path hashes to shard K of N (every entry lands in exactly
one shard); --merge reads the --format json reports of all N shards and prints one report
(their paths are relative to the current directory).

--format sha256sum prints the sealed manifest as \`sha256sum -c\`/BagIt lines (paths relative to
the repository root; symlinks left out) and changes nothing: unlike \`seal --format sha256sum\`,
it never reseals, so drift is not blessed by exporting a checksum list.
${pathsHelp(
  "A folder or glob selects the files below it that the manifest has sealed or manifest.include covers; a sealed file that is gone can still be named (it is reported missing).",
)}`,
  examples: [
    "integrity-guard verify",
    "integrity-guard verify data 'config/*.yaml'   # only these paths (relative to the current directory)",
    "integrity-guard verify --no-cache --format json > verify.json",
    "integrity-guard verify --shard 2/4 --format json > shard-2.json",
    "integrity-guard verify --merge shard-*.json --format github",
    "integrity-guard verify --format sha256sum > SHA256SUMS && sha256sum -c --strict SHA256SUMS",
  ],
  options: {
    shard: { type: "string", valueName: "K/N", description: "check only shard K of N (1 <= K <= N)" },
    "no-cache": { type: "boolean", description: "read and hash every file; detects bit rot" },
    merge: { type: "boolean", description: "merge the JSON reports given as arguments (one per shard) instead of verifying" },
  },
  positionals: {
    name: "PATH...",
    description:
      "check only these files, folders (`data`, `data/`, `.`) or quoted globs ('data/**/*.json'), relative to the current directory; with --merge: the --format json reports of the shards",
  },
  formats: ["text", "json", "sarif", "github", "sha256sum"],
  async run(ctx) {
    stageEnd("verify: start-up");
    if (ctx.options.merge === true) return merge(ctx.positionals, ctx.cwd ?? process.cwd());
    if (ctx.format === "sha256sum") return exportSha256sum(ctx);
    const within = ctx.positionals.length > 0 ? await selectSealed(ctx) : undefined;
    let shard;
    if (typeof ctx.options.shard === "string") {
      shard = parseShard(ctx.options.shard);
      if (!shard)
        throw new UsageError(`--shard ${JSON.stringify(ctx.options.shard)} is not K/N with 1 <= K <= N <= 4096`, {
          fix: "e.g. --shard 1/4",
        });
    }
    const out = await verifyTree({
      git: ctx.git,
      root: ctx.root,
      config: ctx.loaded.config,
      ...(shard ? { shard } : {}),
      ...(within ? { within } : {}),
      noCache: ctx.options["no-cache"] === true,
      interactive: ctx.interactive,
    });
    const findings = await withLocalEditsFix(ctx.git, out.findings);
    const drift = findings.length;
    return {
      findings,
      summary: out.summary,
      ...(drift === 0
        ? { text: `verified ${String(out.summary.entries)} sealed file(s)${shard ? ` (shard ${shard.k}/${shard.n})` : ""}: no drift` }
        : {}),
    };
  },
};

/** `--format sha256sum`: the sealed manifest as checksum lines, read only (never resealed). */
async function exportSha256sum(ctx: CommandContext): Promise<{ findings: Finding[]; raw: string; exitCode?: 0 | 1 }> {
  if (ctx.positionals.length > 0 || ctx.options.shard !== undefined)
    throw new UsageError("verify --format sha256sum exports the whole sealed manifest; it takes no paths or --shard", {
      fix: "integrity-guard verify --format sha256sum > SHA256SUMS, then filter the lines you need",
    });
  const stored = readManifestFile(ctx.root, undefined, await readManifestSetSparse(ctx.root, ctx.git));
  if (!stored.exists) throw new UsageError(`there is no ${MANIFEST_PATH} to export`, { fix: "seal the files first: integrity-guard seal" });
  if (!stored.manifest || stored.findings.some((f) => f.level === "error")) {
    // The checksum lines go to stdout; why there are none goes to stderr.
    for (const f of stored.findings) ctx.log(`integrity-guard: ${f.rule}: ${f.message}${f.fix ? ` (fix: ${f.fix})` : ""}`);
    return { findings: stored.findings, raw: "", exitCode: 1 };
  }
  return { findings: [], raw: renderSha256sum(stored.manifest) };
}

/**
 * Paths on the command line: what they name among the files the manifest covers or has sealed
 * (a sealed file that is gone is still named: it is reported missing). Undefined for `.` at the top.
 */
async function selectSealed(ctx: CommandContext): Promise<((p: string) => boolean) | undefined> {
  const { selectPaths } = await import("./path-args.js");
  const { coveredFilter } = await import("../core/manifest/select.js");
  const sealed = new Set(sealedPathsLenient(ctx.root, await readManifestSetSparse(ctx.root, ctx.git).catch(() => undefined)));
  const covered = coveredFilter(ctx.loaded.config.manifest);
  const selection = await selectPaths(ctx.root, ctx.cwd ?? ctx.root, ctx.positionals, {
    list: async () => [...new Set([...(await ctx.git.lsWorktree()), ...sealed])],
    checkable: (p) => sealed.has(p) || covered(p),
    known: (p) => sealed.has(p),
    what: "file that the manifest covers or has sealed",
    rules: "manifest.include and manifest.exclude",
    worktree: true,
    strictNamed: true,
  });
  return selection.whole ? undefined : selection.within;
}

function merge(files: readonly string[], cwd: string): Promise<{ findings: Finding[]; summary: Record<string, unknown>; text: string }> {
  if (files.length === 0)
    throw new UsageError("verify --merge needs the JSON reports of the shards as arguments", {
      fix: "integrity-guard verify --merge shard-1.json shard-2.json",
    });
  const reports: ShardReport[] = files.map((f) => {
    let data: unknown;
    try {
      data = JSON.parse(fs.readFileSync(path.resolve(cwd, f), "utf8")); // relative to the current directory (or -C)
    } catch (error) {
      throw new UsageError(`cannot read report ${f}: ${(error as Error).message}`, {
        fix: "pass files written by `verify --shard K/N --format json`",
      });
    }
    return { file: f, data };
  });
  const merged = mergeReports(reports);
  return Promise.resolve({
    ...merged,
    text: `merged ${files.length} shard report(s): ${String(merged.summary.entries)} sealed file(s) checked`,
  });
}
