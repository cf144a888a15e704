/**
 * The clean-run verdict: the fast path of a warm `verify` on an unchanged tree.
 *
 * After a full, unsharded, cached verify with no findings at all, we record what that run
 * relied on: the manifest's bytes (SHA-256), the identity of git's index file (size, mtime,
 * inode, ctime: git replaces the index by rename, so any index write changes the inode), the
 * list of covered paths the walk found, and the stat (or link target) of every file git did not
 * vouch for. The next verify may answer "clean" without parsing the manifest, listing the index
 * or hashing anything when ALL of this holds:
 *   - the manifest bytes and the index file are identical, so every sealed expectation and every
 *     index entry (blob ids, assume-unchanged flags) is what the clean run saw;
 *   - the include/exclude globs are the same (so the same paths are covered);
 *   - `git diff-files` reports no covered path except ones re-checked below, so each tracked
 *     covered file still holds its index blob, which held the sealed content last time;
 *   - every folder the clean run listed, and every path on the way to a walk root, has exactly
 *     the recorded lstat state and is not racy (dir-state.ts), so a walk now would list exactly
 *     the same paths: nothing was added, removed or replaced by another kind. One lstat per
 *     folder instead of a readdir, and no glob matching: this is what makes the warm run cheap;
 *   - every other file has exactly the recorded stat (and is not racy against the verdict) and
 *     every link the recorded target.
 * The stamp is the wall clock BEFORE the clean run's walk, so anything changed after a folder
 * was listed or a file was stat'ed has an mtime at or after it (less a clock tick) and counts as
 * racy. Anything else falls through to the full comparison (reusing diff-files). A verdict file
 * that is missing, unreadable, truncated or of another shape is ignored. Like every cached run,
 * it cannot see bit rot; `--no-cache` never uses it.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { writeFileAtomic } from "../atomic.js";
import type { StatKey } from "./pool.js";
import { RACY_WINDOW_NS } from "../stat-cache.js";
import { isPathState, isTrusted, pathStateOf, type PathState } from "./dir-state.js";
import { COVERAGE_RULES } from "../../core/manifest/select.js";
import { SKIP_DIRS, SKIP_NESTED_REPOS } from "./walk.js";
import pkg from "../../../package.json" with { type: "json" };
import { readStateFileSync } from "../read-regular.js";

const VERSION = 2;

interface VerdictData {
  version: number;
  manifest: string;
  index: StatKey;
  /** Key of the include/exclude globs (`filterKey`). */
  filter: string;
  /** Sealed paths no include glob covers (the walk must accept them too). */
  extra: string[];
  /** Repo-relative folder (or path on the way to a walk root) -> its state when listed. */
  dirs: Record<string, PathState>;
  /** Number of covered paths the walk found. */
  walked: number;
  /** path -> stat key, or ["link", target]. */
  others: Record<string, StatKey | ["link", string]>;
  /** Wall clock (ns) before the clean run's walk. */
  stamp: string;
  entries: number;
}

const isDigits = (v: unknown) => typeof v === "string" && /^\d+$/.test(v);
const isKey = (v: unknown): v is StatKey => Array.isArray(v) && v.length === 4 && v.every(isDigits);

/** Every field of the right type: a damaged file that still parses must never be half-trusted. */
function isVerdictData(d: unknown): d is VerdictData {
  if (!d || typeof d !== "object") return false;
  const v = d as Record<string, unknown>;
  const obj = (x: unknown) => !!x && typeof x === "object" && !Array.isArray(x);
  return (
    v.version === VERSION &&
    typeof v.manifest === "string" &&
    isKey(v.index) &&
    typeof v.filter === "string" &&
    Array.isArray(v.extra) &&
    v.extra.every((x) => typeof x === "string") &&
    obj(v.dirs) &&
    Object.keys(v.dirs as object).length > 0 &&
    Number.isSafeInteger(v.walked) &&
    obj(v.others) &&
    Object.values(v.others as object).every(
      (r) => isKey(r) || (Array.isArray(r) && r.length === 2 && r[0] === "link" && typeof r[1] === "string"),
    ) &&
    isDigits(v.stamp) &&
    Number.isSafeInteger(v.entries)
  );
}

/**
 * Identifies what decides which paths a walk covers: the include/exclude globs, and the code's
 * own rules (the paths always excluded, the folders never entered, and the tool's version, for
 * anything else an upgrade may change). The old verdict then does not apply.
 */
export function filterKey(include: readonly string[], exclude: readonly string[]): string {
  return crypto
    .createHash("sha256")
    .update(JSON.stringify([VERSION, pkg.version, COVERAGE_RULES, [...SKIP_DIRS], SKIP_NESTED_REPOS, include, exclude]))
    .digest("hex");
}

export function statKeyOf(file: string): StatKey | undefined {
  try {
    const st = fs.statSync(file, { bigint: true });
    return [String(st.size), String(st.mtimeNs), String(st.ino), String(st.ctimeNs)];
  } catch {
    return undefined;
  }
}

const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  !!a && !!b && a.length === b.length && a.every((v, i) => v === b[i]);

export class Verdict {
  private constructor(
    readonly file: string,
    private readonly data: VerdictData | undefined,
  ) {}

  static load(file: string): Verdict {
    try {
      const d = JSON.parse(readStateFileSync(file)?.toString("utf8") ?? "") as unknown;
      return new Verdict(file, isVerdictData(d) ? d : undefined);
    } catch {
      return new Verdict(file, undefined);
    }
  }

  /** Files the verdict re-checks by stat or link target. */
  get otherCount(): number {
    return this.data ? Object.keys(this.data.others).length : 0;
  }

  /** Covered paths the clean run's walk found. */
  get walked(): number {
    return this.data ? this.data.walked : 0;
  }

  /**
   * Sealed paths outside the include globs (for the walk's accept), when the verdict applies to
   * this manifest and these globs.
   */
  extraFor(manifestSha: string, filter: string): string[] | undefined {
    return this.data && this.data.manifest === manifestSha && this.data.filter === filter ? this.data.extra : undefined;
  }

  /** Whether the index file is the one the verdict saw (checked before diff-files runs). */
  indexMatches(indexKey: StatKey | undefined): boolean {
    return !!this.data && same(this.data.index, indexKey);
  }

  /** Whether a walk now would list exactly what the clean run listed (one lstat per folder). */
  treeUnchanged(root: string): boolean {
    const d = this.data;
    if (!d) return false;
    const stamp = BigInt(d.stamp);
    for (const [p, rec] of Object.entries(d.dirs)) {
      // Concatenation, not path.join: the paths are our own clean repo-relative POSIX paths, and
      // join's normalising costs more than the lstat.
      if (!isPathState(rec) || !isTrusted(rec, pathStateOf(p === "" ? root : `${root}/${p}`), stamp)) return false;
    }
    return true;
  }

  /**
   * The rest of the conditions (see the file comment), after `treeUnchanged`. `covered` says
   * whether a dirty path matters. Returns the number of sealed entries when the tree is clean,
   * else undefined.
   */
  check(root: string, changed: readonly string[], covered: (p: string) => boolean): number | undefined {
    const d = this.data;
    if (!d) return undefined;
    for (const p of changed) if (covered(p) && !Object.hasOwn(d.others, p)) return undefined;
    const stamp = BigInt(d.stamp);
    if (!indexOlderThanStamp(d.index, stamp)) return undefined;
    for (const [p, rec] of Object.entries(d.others)) {
      const abs = `${root}/${p}`;
      if (rec[0] === "link") {
        try {
          if (fs.readlinkSync(abs) !== rec[1]) return undefined;
        } catch {
          return undefined;
        }
        continue;
      }
      let st: fs.BigIntStats;
      try {
        st = fs.lstatSync(abs, { bigint: true });
      } catch {
        return undefined;
      }
      if (!st.isFile() || !same(rec, [String(st.size), String(st.mtimeNs), String(st.ino), String(st.ctimeNs)])) return undefined;
      if (st.mtimeNs >= stamp - RACY_WINDOW_NS) return undefined;
    }
    return d.entries;
  }

  /** Record a clean run. `others`: files git did not vouch for, with their stat when observed. */
  static async record(
    file: string,
    input: {
      manifestSha: string;
      index: StatKey;
      filter: string;
      /** What the walk saw of each folder (walkTree's `states`), and how many paths it found. */
      dirs: ReadonlyMap<string, PathState>;
      walked: number;
      /** Wall clock (ns) before the walk started. */
      stampNs: bigint;
      extra: string[];
      others: ReadonlyMap<string, StatKey | null>;
      links: ReadonlyMap<string, string>;
      sealed: number;
    },
  ): Promise<void> {
    const others: VerdictData["others"] = {};
    for (const [p, st] of input.others) {
      const link = input.links.get(p);
      if (link !== undefined) others[p] = ["link", link];
      else if (st) others[p] = st;
      else return; // a file whose stat is unknown: no verdict
    }
    if (input.dirs.size === 0) return; // nothing listed (no include roots): nothing to vouch for
    const data: VerdictData = {
      version: VERSION,
      manifest: input.manifestSha,
      index: input.index,
      filter: input.filter,
      extra: input.extra,
      dirs: Object.fromEntries(input.dirs),
      walked: input.walked,
      others,
      stamp: String(input.stampNs),
      entries: input.sealed,
    };
    try {
      await writeFileAtomic(file, JSON.stringify(data));
    } catch {
      /* best effort: the next run takes the full path */
    }
  }

  static remove(file: string): void {
    fs.rmSync(file, { force: true });
  }
}

/** Margin for the kernel's coarse clock (file times lag the wall clock by up to a tick). */
const CLOCK_TICK_NS = 50_000_000n;

/**
 * Whether the index file was written in an earlier whole second than the clean run's stamp.
 * Git compares ctimes in whole seconds, and every entry's ctime is at most the index's write
 * time; the clean run checked each tracked file's ctime to the nanosecond after its stamp
 * (observe.ts). A file changed since then has a ctime in a later second than its entry's, which
 * diff-files then names: unless the index was written in the stamp's own second, where a change
 * could share its entry's second (racy-stat-cache.test.ts). Such a verdict waits for the next run.
 */
function indexOlderThanStamp(index: StatKey, stamp: bigint): boolean {
  const second = 1_000_000_000n;
  const written = BigInt(index[1]) > BigInt(index[3]) ? BigInt(index[1]) : BigInt(index[3]);
  return written / second < (stamp - CLOCK_TICK_NS) / second;
}
