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
 *   - `git diff-files` reports no covered path except ones re-checked below, so each tracked
 *     covered file still holds its index blob, which held the sealed content last time;
 *   - the walk finds exactly the same paths, so nothing was added or removed;
 *   - every other file has exactly the recorded stat (and is not racy against the verdict) and
 *     every link the recorded target.
 * Anything else falls through to the full comparison (reusing the walk and diff-files). Like
 * every cached run, it cannot see bit rot; `--no-cache` never uses it.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { writeFileAtomic } from "../atomic.js";
import type { StatKey } from "./pool.js";
import { RACY_WINDOW_NS } from "../stat-cache.js";
import type { WalkEntry } from "./walk.js";

const VERSION = 1;

interface VerdictData {
  version: number;
  manifest: string;
  index: StatKey;
  walk: string;
  /** Sealed paths no include glob covers (the walk must accept them too). */
  extra: string[];
  /** path -> stat key, or ["link", target]. */
  others: Record<string, StatKey | ["link", string]>;
  stamp: string;
  entries: number;
}

export function statKeyOf(file: string): StatKey | undefined {
  try {
    const st = fs.statSync(file, { bigint: true });
    return [String(st.size), String(st.mtimeNs), String(st.ino), String(st.ctimeNs)];
  } catch {
    return undefined;
  }
}

export function walkDigest(entries: readonly WalkEntry[]): string {
  const h = crypto.createHash("sha256");
  for (const e of entries) h.update(`${e.kind[0]}${e.path}\n`);
  return h.digest("hex");
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
      const d = JSON.parse(fs.readFileSync(file, "utf8")) as VerdictData;
      return new Verdict(file, d && d.version === VERSION ? d : undefined);
    } catch {
      return new Verdict(file, undefined);
    }
  }

  /** Files the verdict re-checks by stat or link target. */
  get otherCount(): number {
    return this.data ? Object.keys(this.data.others).length : 0;
  }

  /** Sealed paths outside the include globs (for the walk's accept), when the verdict applies to this manifest. */
  extraFor(manifestSha: string): string[] | undefined {
    return this.data && this.data.manifest === manifestSha ? this.data.extra : undefined;
  }

  /** Whether the index file is the one the verdict saw (checked before diff-files runs). */
  indexMatches(indexKey: StatKey | undefined): boolean {
    return !!this.data && same(this.data.index, indexKey);
  }

  /**
   * The rest of the conditions (see the file comment). `covered` says whether a dirty path
   * matters. Returns the number of sealed entries when the tree is clean, else undefined.
   */
  check(root: string, entries: readonly WalkEntry[], changed: readonly string[], covered: (p: string) => boolean): number | undefined {
    const d = this.data;
    if (!d) return undefined;
    if (walkDigest(entries) !== d.walk) return undefined;
    for (const p of changed) if (covered(p) && !Object.hasOwn(d.others, p)) return undefined;
    const stamp = BigInt(d.stamp);
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
      entries: readonly WalkEntry[];
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
    const data: VerdictData = {
      version: VERSION,
      manifest: input.manifestSha,
      index: input.index,
      walk: walkDigest(input.entries),
      extra: input.extra,
      others,
      stamp: String(BigInt(Date.now()) * 1_000_000n),
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
