/**
 * `integrity-guard seal`: hash every file manifest.include covers (tracked, untracked and
 * ignored alike) and write .integrity-guard/manifest.json atomically under a lock.
 */
import { MANIFEST_PATH } from "../config/types.js";
import { ConfigError, EnvironmentError } from "../errors.js";
import type { Finding } from "../core/finding.js";
import type { Observation } from "../core/manifest/model.js";
import { ManifestIndexBuilder } from "../core/manifest/compact.js";
import { coveredFilter, walkRoots } from "../core/manifest/select.js";
import { displayText, UNSUPPORTED_NAME_CODE, unsupportedNameFinding } from "../core/names.js";
import { buildManifest } from "../core/manifest/serialize.js";
import { renderSha256sum } from "../core/manifest/sha256sum.js";
import { observeTree } from "../io/hash/observe.js";
import { committedFormDrivers, toCommittedForms } from "../io/hash/committed-form.js";
import { filterKey } from "../io/hash/verdict.js";
import { progressBar } from "../io/hash/progress.js";
import { withManifestLock, writeManifestIndex } from "../io/manifest-store.js";
import { StatCache } from "../io/stat-cache.js";
import { absentSkipWorktree, presentSkipWorktree, sharedIndexListing } from "../io/skip-worktree.js";
import { sealMergeConflict, unmergedCovered } from "../io/unmerged-covered.js";
import { stageEnd } from "../io/hash/stage-log.js";
import type { CommandSpec } from "./types.js";
import { boundHeapGrowth } from "../io/heap-growth.js";

/**
 * A FIFO, socket or device under the sealed paths: no permission change makes it readable
 * content (git cannot hold one either), so the fix is to remove it or leave it out.
 */
const SPECIAL_FILE_FIX =
  "a FIFO (named pipe), socket or device file is not data that can be sealed: remove it (`ls -l` shows its type: p, s, b or c), or add it to manifest.exclude";

export const command: CommandSpec = {
  name: "seal",
  yamlOnDemand: true, // the manifest is JSON: no YAML parser to load
  usage: "integrity-guard seal [--no-cache] [--format text|json|sha256sum]",
  description: `
Hashes every file matched by manifest.include (minus manifest.exclude) in the working tree,
including untracked and git-ignored files, and writes ${MANIFEST_PATH}: sorted entries
{path, sha256, size} (symlinks as {link}, never followed) and a root digest. Above 4,096
entries the file is a root listing shard digests, with the entries in
.integrity-guard/manifest.d/*.jsonl (docs/manifest.md). Files are written atomically under a
lock, and resealing unchanged content leaves them byte-identical. Commit them (\`git add
.integrity-guard/\`): from then on \`verify\` and \`check --staged\` compare the tree against them.

--format sha256sum also prints the entries as \`sha256sum -c\`/BagIt lines on stdout (paths
relative to the repository root; symlinks left out), so other tools can check the tree. It
reseals first (and says so on stderr when that changed the manifest); \`verify --format
sha256sum\` exports the sealed manifest without resealing.`,
  examples: [
    "integrity-guard seal && git add .integrity-guard/manifest.json",
    "integrity-guard seal --format sha256sum > SHA256SUMS && sha256sum -c SHA256SUMS",
    "integrity-guard seal --no-cache   # re-read every file instead of trusting the stat cache",
  ],
  options: {
    "no-cache": { type: "boolean", description: "read and hash every file (do not trust git's index or the stat cache)" },
  },
  formats: ["text", "json", "sha256sum"],
  async run(ctx) {
    boundHeapGrowth(); // a whole-tree command (heap-growth.ts)
    const include = ctx.loaded.config.manifest?.include ?? [];
    if (include.length === 0) {
      throw new ConfigError(`nothing to seal: manifest.include is not set in ${ctx.loaded.path}`, {
        fix: 'add e.g. `manifest: { include: ["data/**", "agent_workspaces/**"] }` to the config',
      });
    }
    const covered = coveredFilter(ctx.loaded.config.manifest);
    const cache = StatCache.load(StatCache.pathFor(ctx.git.stateDir(), ctx.root));
    // A clean filter that rewrites files (not LFS, git-crypt, transcrypt): their committed form is sealed (io/hash/committed-form.ts).
    const drivers = await committedFormDrivers(ctx.git);
    return withManifestLock(ctx.git, async () => {
      // Before any hashing: a covered file with an unresolved merge conflict is never sealed.
      const conflicted = (await unmergedCovered(ctx.git, covered)).map(sealMergeConflict);
      if (conflicted.length > 0) {
        return {
          findings: conflicted,
          summary: { sealed: false },
          text: `${MANIFEST_PATH} was NOT written: sealing a file with an unresolved merge conflict would bless its conflict markers.`,
        };
      }
      // Kept with local edits (skip-worktree): git commits its own copy, so that is sealed.
      // One listing of the index for both skip-worktree readings (present here, absent below).
      const skipWorktreeListing = sharedIndexListing(ctx.git);
      const gitCopies = await presentSkipWorktree(ctx.git, covered, skipWorktreeListing);
      const bar = progressBar(ctx.interactive, "seal");
      // Files read (or vouched for) as they are become packed entries at once (their digest as
      // 32 bytes): no observation or entry object of each (at 500,000 files, two objects, a hex
      // string and a map entry each).
      const entries = new ManifestIndexBuilder();
      const claim = (path: string, o: Observation) => {
        if (o.kind !== "file") return false;
        entries.add({ path, sha256: o.sha256, size: o.size, ...(o.mode ? { mode: o.mode } : {}) });
        return true;
      };
      const { observed, stats, blobIds, oidLength } = await observeTree({
        git: ctx.git,
        root: ctx.root,
        roots: walkRoots(include),
        accept: gitCopies.size ? (p: string) => covered(p) && !gitCopies.has(p) : covered,
        cache,
        useCache: ctx.options["no-cache"] !== true,
        ...(drivers.size === 0 ? { claim } : {}), // with a rewriting filter, every observation is looked at below
        keepWalk: false,
        ...(bar ? { onProgress: bar.update } : {}),
      });
      bar?.end();
      await toCommittedForms(ctx.git, observed, drivers);
      for (const [p, o] of gitCopies) observed.set(p, o);
      // Outside a sparse checkout's cone: sealed from git's copy, not dropped.
      for (const [p, o] of await absentSkipWorktree(ctx.git, covered, observed, skipWorktreeListing)) observed.set(p, o);
      const problems: Finding[] = [];
      const unsupported: Finding[] = [];
      for (const [path, o] of observed) {
        if (o.kind === "error" && o.code === UNSUPPORTED_NAME_CODE) {
          // Not sealed (verify would refuse the entry as tampering) and not a stop: the rest is
          // sealed, and this error stays in every verify until the file is renamed.
          unsupported.push(unsupportedNameFinding(path, o.message, "it was not sealed"));
        } else if (o.kind === "error") {
          problems.push({
            rule: "manifest/unreadable",
            level: "error",
            file: path,
            message: `${path} could not be read: ${o.message}`,
            fix: o.code === "ENOTFILE" ? SPECIAL_FILE_FIX : "fix its permissions, or add it to manifest.exclude",
          });
        } else if (o.kind === "file" && o.bitrot) {
          problems.push({
            rule: "manifest/bitrot",
            level: "error",
            file: path,
            message: `${path} changed on disk although its size, mtime, inode and ctime did not (silent corruption); refusing to seal it`,
            fix: "restore the file from git or a snapshot, then seal again",
          });
        } else {
          entries.add({
            path,
            sha256: o.sha256,
            size: o.size,
            ...(o.kind === "link" ? { link: o.link } : {}),
            ...(o.kind === "file" && o.mode ? { mode: o.mode } : {}),
          });
        }
      }
      await cache.save();
      stageEnd("seal: cache saved");
      if (problems.some((p) => p.rule === "manifest/bitrot")) {
        return {
          findings: [...problems, ...unsupported],
          summary: { sealed: false },
          text: `${MANIFEST_PATH} was NOT written: sealing corrupted content would bless it.`,
        };
      }
      if (problems.length > 0) {
        const list = problems.slice(0, 10).map((p) => `  ${p.message}`);
        throw new EnvironmentError(
          `seal stopped: ${problems.length} covered file(s) could not be read; ${MANIFEST_PATH} was not changed:\n${list.join("\n")}`,
          {
            fix: problems.every((p) => p.fix === SPECIAL_FILE_FIX)
              ? `${SPECIAL_FILE_FIX}, then seal again`
              : problems.some((p) => p.fix === SPECIAL_FILE_FIX)
                ? `${SPECIAL_FILE_FIX}; fix the permissions of the others (or exclude them); then seal again`
                : "fix the permissions of those files (or add them to manifest.exclude) and seal again",
          },
        );
      }
      // Sorted by path (the walk's order already, as a rule), built with exactly the manifest's keys.
      const index = entries.finish();
      stageEnd("seal: entries sorted");
      // The paths observed or sealed (found through the index's own table: no set of 500,000 paths).
      cache.prune({ has: (p) => observed.has(p) || index.has(p) }, blobIds);
      observed.clear(); // the entries hold what is needed: not every observation beside the manifest
      await cache.save();
      // Neither git's listing nor the cache's records are needed to write the manifest: freed
      // before it (issue 20: at 500,000 files, about 250 MB held through the writing).
      blobIds.release();
      cache.release();
      stageEnd("seal: pruned, released");
      const cfg = ctx.loaded.config.manifest;
      // The hook then needs no full check of this manifest once staged (manifest-blob-verdict.ts).
      const { written, root } = await writeManifestIndex(
        ctx.root,
        index,
        {
          stateDir: ctx.git.stateDir(),
          filter: filterKey(include, cfg?.exclude ?? []),
          oidLength,
        },
        ctx.git.gitDir,
      );
      stageEnd("seal: manifest written");
      const summary = {
        sealed: true,
        entries: index.size,
        root,
        written,
        hashed: stats.hashed,
        bytes_hashed: stats.bytesHashed,
      };
      const what = written ? "wrote" : "unchanged:";
      // The checksum list is of the new seal: say so when this run changed the manifest, so an
      // export never blesses drift silently (the stdout bytes stay the list alone).
      if (ctx.format === "sha256sum" && written)
        ctx.log(
          `integrity-guard: seal resealed ${MANIFEST_PATH} (${index.size} file(s), root ${root.slice(0, 16)}…) before printing its checksums; to export the sealed manifest without resealing: integrity-guard verify --format sha256sum`,
        );
      return {
        findings: unsupported,
        summary,
        text:
          `${what} ${MANIFEST_PATH}: ${index.size} file(s), root ${root.slice(0, 16)}… (${stats.hashed} hashed, ${stats.fromGit + stats.fromCache} unchanged per git index and stat cache)` +
          skipWorktreeNote(gitCopies),
        // Only for --format sha256sum (at 500,000 files the text is 45 MB).
        ...(ctx.format === "sha256sum"
          ? { raw: renderSha256sum(buildManifest([...index.entries()], { digest: false, owned: true })) }
          : {}),
      };
    });
  },
};

/** What seal says about files sealed from git's copy because they carry the skip-worktree bit. */
function skipWorktreeNote(copies: ReadonlyMap<string, unknown>): string {
  if (copies.size === 0) return "";
  const names = [...copies.keys()].sort();
  const shown =
    names
      .slice(0, 5)
      .map((p) => displayText(p))
      .join(", ") + (names.length > 5 ? ", ..." : "");
  return `\nsealed from git's copy (the index), not the work tree's: ${names.length} file(s) marked skip-worktree (${shown}); git commits that copy, never local edits of these files, so \`verify\` reports a local copy that differs as modified`;
}
