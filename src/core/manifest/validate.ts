/**
 * Read a manifest's text: parse, validate against schemas/manifest.schema.json, check every
 * path is safe, the order canonical and the root digest right. Pure.
 *
 * Decisions (docs/manifest.md): a manifest that does not parse, violates the schema, is not
 * sorted/unique or whose root digest is wrong is a `manifest/corrupt` error finding (exit 1: a
 * failed verification, and in the hook it blocks the commit). A path that is absolute or holds
 * `..` is an UnsafePathError (exit 2) naming the entry: nothing is read for a tampered manifest.
 */
import { isCrlfCheckout } from "./line-ends.js";
import type { Finding } from "../finding.js";
import { parseDocument } from "../parse/index.js";
import { ajvErrorsToFindings } from "../schema/ajv-findings.js";
import { UnsafePathError } from "../../errors.js";
import { unsupportedNameReason } from "../names.js";
// Standalone code generated from schemas/manifest.schema.json (a test checks it is fresh): no ajv at run time.
import manifestValidator from "./validate-manifest.generated.js";
import type { Manifest } from "./model.js";
import { rootDigestOfLines, stringifyEntry } from "./root.js";
import { renderManifestLines } from "./serialize.js";

export interface ReadManifestResult {
  manifest?: Manifest;
  /** manifest/corrupt errors, or a manifest/noncanonical warning. */
  findings: Finding[];
}

const FIX =
  "restore the manifest from git (`git checkout -- .integrity-guard/manifest.json`) or, once the files are known good, run `integrity-guard seal`";

/** 1-based line of each entry in a manifest we wrote (entries start on line 2, one per line). */
export function entryLine(index: number): number {
  return index + 2;
}

/**
 * Parse and check manifest text. `file` is the repo-relative path used in findings.
 * `prevalidated`: the caller knows these exact bytes passed every check before (by their
 * SHA-256), so only the parse is needed.
 */
export function readManifestText(text: Buffer | string, file: string, options: { prevalidated?: boolean } = {}): ReadManifestResult {
  const str = typeof text === "string" ? text : text.toString("utf8");
  if (options.prevalidated) {
    try {
      return { manifest: JSON.parse(str) as Manifest, findings: [] };
    } catch {
      /* cannot happen for bytes that passed before; fall through to the full checks */
    }
  }
  let value: unknown;
  let fast = true;
  try {
    value = JSON.parse(str);
  } catch {
    fast = false;
  }
  // Exact positions only on the slow path: the strict parser is what finds duplicate keys and
  // bad encodings, and it is only needed when something is already wrong.
  const slow = () => parseDocument(typeof text === "string" ? Buffer.from(text) : text, { path: file, format: "json" });
  if (!fast) {
    const doc = slow();
    const findings = doc.findings.map((f) => corrupt(f, file));
    if (findings.length === 0) findings.push(corrupt({ message: "the manifest is not valid JSON" }, file));
    return { findings };
  }
  // The hand-written check mirrors the schema exactly and costs nothing; the generated validator
  // (run only when something is wrong) produces the findings with pointers and positions.
  if (!matchesSchema(value) && !manifestValidator(value)) {
    const doc = slow();
    if (!doc.ok) return { findings: doc.findings.map((f) => corrupt(f, file)) };
    const findings = ajvErrorsToFindings(manifestValidator.errors ?? [], {
      file,
      schemaPath: "schemas/manifest.schema.json",
      doc,
      rule: "manifest/corrupt",
    });
    return { findings: findings.map((f) => ({ ...f, level: "error", fix: f.fix ?? FIX })) };
  }
  const m = value as Manifest;
  const findings: Finding[] = [];
  let prev: string | undefined;
  m.entries.forEach((e, i) => {
    checkEntryPath(e.path, i);
    if (prev !== undefined && !(prev < e.path)) {
      findings.push(
        corrupt(
          {
            message:
              prev === e.path
                ? `entry ${JSON.stringify(e.path)} appears twice`
                : `entries are not sorted: ${JSON.stringify(e.path)} comes after ${JSON.stringify(prev)}`,
            pointer: `/entries/${i}/path`,
          },
          file,
        ),
      );
    }
    prev = e.path;
  });
  const lines = m.entries.map(stringifyEntry);
  const root = rootDigestOfLines(lines);
  if (root !== m.root) {
    findings.push(
      corrupt(
        {
          message: "the manifest's root digest does not match its entries: it was edited by hand or damaged",
          pointer: "/root",
          expected: root,
          found: m.root,
        },
        file,
      ),
    );
  }
  if (findings.length > 0) return { findings };
  const canonical = renderManifestLines(m, lines);
  if (canonical !== str && !isCrlfCheckout(canonical, str)) {
    // Valid and consistent, but not as seal writes it (hand-formatted, or duplicate keys that
    // JSON.parse folded): the strict parser says which.
    const doc = slow();
    if (!doc.ok) return { findings: doc.findings.map((f) => corrupt(f, file)) };
    findings.push(noncanonical(file));
  }
  return { manifest: m, findings };
}

const HEX64 = /^[0-9a-f]{64}$/;
const ENTRY_KEYS = new Set(["path", "sha256", "size", "link", "mode"]);

/** schemas/manifest.schema.json, by hand (a fast path; ajv decides whenever this says no). */
export function matchesSchema(v: unknown): boolean {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const m = v as Record<string, unknown>;
  const keys = Object.keys(m);
  if (keys.length !== 5 || !keys.every((k) => k === "format" || k === "version" || k === "algorithm" || k === "root" || k === "entries"))
    return false;
  if (m.format !== "integrity-guard/manifest" || m.version !== 1 || m.algorithm !== "sha256") return false;
  if (typeof m.root !== "string" || !HEX64.test(m.root) || !Array.isArray(m.entries)) return false;
  for (const e of m.entries as unknown[]) if (!matchesEntrySchema(e)) return false;
  return true;
}

/** One entry of schemas/manifest.schema.json, by hand (also a shard line's check, sharded.ts). */
export function matchesEntrySchema(e: unknown): boolean {
  if (typeof e !== "object" || e === null || Array.isArray(e)) return false;
  const r = e as Record<string, unknown>;
  for (const k in r) if (!ENTRY_KEYS.has(k)) return false;
  if (typeof r.path !== "string" || r.path.length === 0) return false;
  if (typeof r.sha256 !== "string" || !HEX64.test(r.sha256)) return false;
  if (typeof r.size !== "number" || !Number.isInteger(r.size) || r.size < 0) return false;
  if (r.link !== undefined && typeof r.link !== "string") return false;
  if (r.mode !== undefined && r.mode !== "755") return false;
  return true;
}

function corrupt(f: Partial<Finding> & { message: string }, file: string): Finding {
  return {
    ...f,
    rule: "manifest/corrupt",
    level: "error",
    file,
    line: f.line ?? 1,
    column: f.column ?? 1,
    message: `corrupt manifest: ${f.message}`,
    fix: f.fix ?? FIX,
  };
}

/**
 * Paths that pass every check of checkEntryPath by their shape alone: segments of ASCII letters,
 * digits, `_`, `-` and `.` (so no NUL, backslash, colon, raw byte or empty segment), none of
 * them `.` or `..`, the first not `.git`. Anything else takes the full checks.
 */
const PLAIN_SAFE_PATH = /^(?!\.git(?:\/|$))(?!\.\.?(?:\/|$))(?!.*\/\.\.?(?:\/|$))[\w.-]+(?:\/[\w.-]+)*$/;

/** Whether `p` passes checkEntryPath by its common case (PLAIN_SAFE_PATH), with no other check needed. */
export function isPlainSafePath(p: string): boolean {
  return PLAIN_SAFE_PATH.test(p);
}

/**
 * A manifest path must be a canonical repo-relative POSIX path: not absolute, no `.`/`..` or
 * empty segments, no NUL, nothing seal refuses (core/names.ts unsupportedNameReason). Throws
 * UnsafePathError (exit 2) naming the entry.
 */
export function checkEntryPath(p: string, index: number, label?: string): void {
  if (PLAIN_SAFE_PATH.test(p)) return; // the common case, in one pass (the checks below would all pass)
  // Built only for a bad path: this runs for every entry of every full read.
  const where = () => `${label ?? `manifest entry ${index}`} (${JSON.stringify(p)})`;
  const fix =
    "the manifest was tampered with or damaged: restore it from git, or delete it and run `integrity-guard seal` on a tree you trust";
  if (p.includes("\0")) throw new UnsafePathError(`${where()} contains a NUL byte; nothing was read`, { fix });
  if (p.startsWith("/") || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith("\\"))
    throw new UnsafePathError(`${where()} is an absolute path; nothing was read`, { fix });
  const parts = p.split("/");
  if (parts.includes("..")) throw new UnsafePathError(`${where()} contains "..", which leaves the repository; nothing was read`, { fix });
  if (parts.some((s) => s === "" || s === ".")) {
    throw new UnsafePathError(`${where()} is not a canonical repo-relative POSIX path (empty or "." segment); nothing was read`, {
      fix,
    });
  }
  // A backslash is an ordinary character in a POSIX name and seal writes it (issue 14); a name
  // seal never writes (not UTF-8, or `..` between backslashes) is refused as tampering.
  const unsupported = unsupportedNameReason(p);
  if (unsupported) throw new UnsafePathError(`${where()}: ${unsupported}; seal never writes such an entry; nothing was read`, { fix });
  if (parts[0] === ".git") throw new UnsafePathError(`${where()} points into .git; nothing was read`, { fix });
}

/** A manifest (single file or sharded root) that is valid but not written as `seal` writes it. */
export function noncanonical(file: string): Finding {
  return {
    rule: "manifest/noncanonical",
    level: "warning",
    file,
    line: 1,
    column: 1,
    message: "the manifest is valid but not in the form `integrity-guard seal` writes (reformatted by hand or by a tool)",
    fix: "run `integrity-guard seal` to rewrite it canonically (after checking the files are as intended)",
  };
}
