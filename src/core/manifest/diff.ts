/**
 * Manifest vs the tree -> findings. Pure: the caller observes the tree (hashes, links, errors)
 * and passes what it saw; this decides what each difference means.
 */
import { UNSUPPORTED_NAME_CODE, unsupportedNameFinding } from "../names.js";
import type { Finding, Level } from "../finding.js";
import { MANIFEST_PATH } from "../well-known-paths.js";
import type { ManifestEntry, Observation } from "./model.js";

interface DiffOptions {
  /** Level of manifest/modified, manifest/added and manifest/renamed (config manifest.modified_level). */
  modifiedLevel?: Level;
  /** 1-based line of an entry in the manifest file, for `related` locations. */
  lineOf?: (path: string) => number | undefined;
  /**
   * Whether a path is sealed (default: one of `entries`). Given by a caller that passes only some
   * entries (those a file did not already match), so no set of every path is built.
   */
  sealed?: (path: string) => boolean;
}

const RESEAL =
  "if the change is intended, run `integrity-guard seal` and commit .integrity-guard/manifest.json; otherwise restore the file";

/** Short form of what an entry or observation holds, for expected/found. */
function describe(x: { sha256: string; size: number; link?: string | undefined }): string {
  return x.link !== undefined ? `symlink -> ${x.link}` : `sha256 ${x.sha256.slice(0, 16)}…, ${x.size} bytes`;
}

/** Whether an observation agrees with its entry (content, size, mode, or link target): no finding. */
export function same(e: ManifestEntry, o: Observation): boolean {
  if (o.kind === "error") return false;
  if ((e.link !== undefined) !== (o.kind === "link")) return false;
  if (o.kind === "link") return e.link === o.link;
  return e.sha256 === o.sha256 && e.size === o.size && (e.mode ?? "644") === (o.mode ?? "644");
}

/**
 * Compare sealed entries with observations of the covered paths. Paths absent from `observed`
 * do not exist now. Only entries and observations passed in are compared (a shard passes its
 * share of both).
 */
export function diffManifest(
  entries: Iterable<ManifestEntry>,
  observed: ReadonlyMap<string, Observation>,
  options: DiffOptions = {},
): Finding[] {
  const level = options.modifiedLevel ?? "error";
  const related = (p: string) => {
    const line = options.lineOf?.(p);
    return [{ file: MANIFEST_PATH, ...(line ? { line } : {}), message: "sealed here" }];
  };
  const findings: Finding[] = [];
  const missing: ManifestEntry[] = [];
  const seen = options.sealed ? undefined : new Set<string>();
  const isSealed = options.sealed ?? ((p: string) => seen!.has(p));
  for (const e of entries) {
    seen?.add(e.path);
    const o = observed.get(e.path);
    if (!o) {
      missing.push(e);
      continue;
    }
    if (o.kind === "error") {
      findings.push({
        rule: "manifest/unreadable",
        level: "error",
        file: e.path,
        message: `${e.path} is sealed but could not be read: ${o.message}`,
        expected: describe(e),
        found: o.code ?? "unreadable",
        fix: "check the file's permissions (or whether it was replaced by a folder or special file) and run verify again",
        related: related(e.path),
      });
      continue;
    }
    if (same(e, o)) continue;
    if (o.kind === "file" && o.bitrot) {
      findings.push({
        rule: "manifest/bitrot",
        level: "error",
        file: e.path,
        message: `${e.path} changed on disk although its size, mtime, inode and ctime did not: silent corruption (bit rot, a bad disk or a tool that restored the timestamps)`,
        expected: describe(e),
        found: describe(o),
        fix: "restore the file from a snapshot or git (`integrity-guard restore` or `git checkout -- FILE`), then check the disk",
        related: related(e.path),
      });
      continue;
    }
    const kindChange = (e.link !== undefined) !== (o.kind === "link");
    const modeChange = !kindChange && o.kind === "file" && e.sha256 === o.sha256 && e.size === o.size;
    findings.push({
      rule: "manifest/modified",
      level,
      file: e.path,
      message: kindChange
        ? `${e.path} was sealed as a ${e.link !== undefined ? "symlink" : "file"} and is now a ${o.kind === "link" ? "symlink" : "file"}`
        : modeChange
          ? `${e.path} changed mode (${e.mode ?? "644"} -> ${(o.kind === "file" && o.mode) || "644"}) since it was sealed`
          : `${e.path} changed since it was sealed`,
      expected: describe(e),
      found: describe(o),
      fix: RESEAL,
      related: related(e.path),
    });
  }

  // Added paths, indexed by content so a missing entry can find its new name.
  const addedByContent = new Map<string, string[]>();
  const added: string[] = [];
  for (const [p, o] of observed) {
    if (isSealed(p)) continue;
    if (o.kind === "error" && o.code === UNSUPPORTED_NAME_CODE) {
      findings.push(unsupportedNameFinding(p, o.message, "the manifest cannot protect it"));
      continue;
    }
    if (o.kind === "error") {
      findings.push({
        rule: "manifest/unreadable",
        level: "error",
        file: p,
        message: `${p} is covered by manifest.include but could not be read: ${o.message}`,
        fix: "check the file's permissions and run again",
      });
      continue;
    }
    added.push(p);
    const key = contentKey(o);
    const list = addedByContent.get(key);
    if (list) list.push(p);
    else addedByContent.set(key, [p]);
  }
  for (const list of addedByContent.values()) list.sort();
  added.sort();

  const renamedTo = new Set<string>();
  for (const e of missing) {
    const list = addedByContent.get(contentKey(e));
    const to = list?.shift();
    if (to !== undefined) {
      renamedTo.add(to);
      findings.push({
        rule: "manifest/renamed",
        level,
        file: to,
        message: `${e.path} was renamed to ${to} (same content) since it was sealed`,
        expected: e.path,
        found: to,
        fix: RESEAL,
        related: [{ file: e.path, message: "sealed path, now missing" }, ...related(e.path)],
      });
      continue;
    }
    findings.push({
      rule: "manifest/missing",
      level: "error",
      file: e.path,
      message: `${e.path} is sealed but no longer exists`,
      expected: describe(e),
      found: "no file",
      fix: "restore it (`git checkout -- FILE` or `integrity-guard restore`), or, if the deletion is intended, run `integrity-guard seal`",
      related: related(e.path),
    });
  }
  for (const p of added) {
    if (renamedTo.has(p)) continue;
    const o = observed.get(p)!;
    findings.push({
      rule: "manifest/added",
      level,
      file: p,
      message: `${p} matches manifest.include but is not sealed`,
      expected: "not present",
      found: o.kind === "error" ? "unreadable" : describe(o),
      fix: "run `integrity-guard seal` to seal it, or add it to manifest.exclude",
    });
  }
  return findings;
}

function contentKey(x: { sha256: string; size: number; link?: string | undefined; kind?: string }): string {
  const isLink = "kind" in x ? x.kind === "link" : x.link !== undefined;
  return `${isLink ? "l" : "f"}:${x.sha256}:${x.size}`;
}
