/**
 * The baseline: files that were already broken when a repository adopted integrity-guard (or
 * are broken on purpose, as a parser's fixtures), recorded so that a whole-tree `check` passes
 * while they stay exactly as they were. Pure: bytes in, findings out.
 *
 * What an entry exempts is deliberately narrow (a stricter form of ESLint's bulk suppressions and
 * of Psalm/PHPStan baselines, which match by file and message and survive edits):
 * - one repo path, literally (never a glob, never another or a renamed file);
 * - only while the file's bytes have the recorded SHA-256 (any edit: checked in full again);
 * - only the findings recorded for it, by rule, line and pointer (a new finding in the same
 *   unchanged file, say from a newly mapped schema, is still an error);
 * - only per-file content rules (parse/*, schema/*): their findings follow from the file's bytes.
 *   Manifest, conflict and sync findings involve other files, so a content pin cannot pin them.
 * Exempted findings are kept as notices, never dropped, and one summary notice counts them.
 */
import { createHash } from "node:crypto";
import type { Finding } from "./finding.js";
import { parseDocument } from "./parse/index.js";

/** Where the baseline lives: next to config.yml and manifest.json (.integrity-guard/ is the tool's committed state). */
export const BASELINE_PATH = ".integrity-guard/baseline.json";

/** Larger than any honest baseline (about 200 bytes a finding); a bigger file is refused before parsing. */
export const MAX_BASELINE_BYTES = 32 * 1024 * 1024;

/** One recorded finding: what identifies it in a file whose bytes did not change. */
interface BaselineFinding {
  rule: string;
  line?: number;
  pointer?: string;
}

interface BaselineEntry {
  /** SHA-256 (hex) of the file's bytes as git holds them (the committed form). */
  sha256: string;
  findings: BaselineFinding[];
}

export interface Baseline {
  /** By repo path (POSIX, relative, as findings name files). */
  files: Map<string, BaselineEntry>;
}

const RULE = /^[a-z0-9-]+\/[a-z0-9-]+$/;
const SHA256 = /^[0-9a-f]{64}$/;
/** The rules a baseline may hold: those whose findings follow from the one file's bytes (and the config). */
const BASELINABLE = /^(parse|schema)\//;

/** True for a finding a baseline entry can exempt (and `baseline --update` records). */
export function baselinable(f: Finding): f is Finding & { file: string } {
  return f.file !== undefined && (f.level === "error" || f.level === "warning") && BASELINABLE.test(f.rule) && f.omitted === undefined;
}

/** SHA-256 of bytes, hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Read a baseline file. Any deviation from the format is an error naming it: never a partial or guessed exemption. */
export function parseBaseline(bytes: Uint8Array, file = BASELINE_PATH): { baseline: Baseline } | { error: string } {
  if (bytes.length > MAX_BASELINE_BYTES) return { error: `is ${bytes.length} bytes, over the limit of ${MAX_BASELINE_BYTES}` };
  const doc = parseDocument(bytes, { path: file, format: "json" });
  const bad = doc.findings.find((f) => f.level === "error");
  if (!doc.ok || bad) return { error: `is not valid JSON${bad ? ` (line ${bad.line ?? "?"}: ${bad.message})` : ""}` };
  const v = doc.value;
  if (!isObject(v)) return { error: "is not a JSON object" };
  const extra = Object.keys(v).find((k) => k !== "version" && k !== "files" && k !== "$comment");
  if (extra !== undefined) return { error: `has an unknown key ${JSON.stringify(extra)} (expected version, files)` };
  if (v.version !== 1) return { error: `has version ${JSON.stringify(v.version)}; this integrity-guard reads version 1` };
  if (!isObject(v.files)) return { error: `"files" is not an object of repo path -> entry` };
  const files = new Map<string, BaselineEntry>();
  for (const [p, e] of Object.entries(v.files)) {
    const where = `files[${JSON.stringify(p.slice(0, 200))}]`;
    const pathError = repoPathError(p);
    if (pathError) return { error: `${where}: the path ${pathError}` };
    if (!isObject(e)) return { error: `${where} is not an object` };
    const unknown = Object.keys(e).find((k) => k !== "sha256" && k !== "findings");
    if (unknown !== undefined) return { error: `${where} has an unknown key ${JSON.stringify(unknown)} (expected sha256, findings)` };
    if (typeof e.sha256 !== "string" || !SHA256.test(e.sha256)) return { error: `${where}.sha256 is not 64 lowercase hex digits` };
    if (!Array.isArray(e.findings) || e.findings.length === 0) return { error: `${where}.findings is not a non-empty array` };
    const findings: BaselineFinding[] = [];
    for (const [i, f] of e.findings.entries()) {
      const got = readFinding(f);
      if (typeof got === "string") return { error: `${where}.findings[${i}] ${got}` };
      findings.push(got);
    }
    files.set(p, { sha256: e.sha256, findings });
  }
  return { baseline: { files } };
}

function readFinding(f: unknown): BaselineFinding | string {
  if (!isObject(f)) return "is not an object";
  const unknown = Object.keys(f).find((k) => k !== "rule" && k !== "line" && k !== "pointer");
  if (unknown !== undefined) return `has an unknown key ${JSON.stringify(unknown)} (expected rule, line, pointer)`;
  if (typeof f.rule !== "string" || !RULE.test(f.rule)) return `.rule is not a rule id (area/name)`;
  if (!BASELINABLE.test(f.rule)) return `.rule ${f.rule} cannot be baselined (only parse/* and schema/* rules)`;
  if (f.line !== undefined && !(Number.isSafeInteger(f.line) && (f.line as number) >= 1)) return ".line is not a positive integer";
  if (f.pointer !== undefined && typeof f.pointer !== "string") return ".pointer is not a string";
  return {
    rule: f.rule,
    ...(f.line !== undefined ? { line: f.line as number } : {}),
    ...(f.pointer !== undefined ? { pointer: f.pointer } : {}),
  };
}

/** Why `p` is not a plain repo path (relative, POSIX, no `.`/`..` or empty segments), or undefined. */
function repoPathError(p: string): string | undefined {
  if (p === "" || p.length > 4096) return "is empty or too long";
  if (p.startsWith("/") || /^[A-Za-z]:/.test(p)) return "is absolute";
  if (p.includes("\0")) return "holds a NUL byte";
  if (p.split("/").some((s) => s === "" || s === "." || s === "..")) return "has an empty, `.` or `..` segment";
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function findingKey(f: { rule: string; line?: number; pointer?: string }): string {
  return JSON.stringify([f.rule, f.line ?? 0, f.pointer ?? ""]);
}

/** The files a set of findings would need hashed to apply `baseline`: baselinable findings on listed files. */
export function filesToHash(findings: readonly Finding[], baseline: Baseline): string[] {
  const out = new Set<string>();
  for (const f of findings) if (baselinable(f) && baseline.files.has(f.file)) out.add(f.file);
  return [...out];
}

/** What applying a baseline did, for the summary (summary.baseline). */
export type BaselineCounts = {
  /** Files whose recorded findings were all found again at the recorded content. */
  files: number;
  /** Findings turned into notices. */
  findings: number;
  /** Entries whose file was checked and differs from the recorded content. */
  stale: number;
};

/**
 * Apply a baseline to the findings of a run. `hashes` holds the SHA-256 of each file of
 * filesToHash() as this run read it (undefined: could not be read; never a match). Each
 * exempted finding becomes a notice (same rule, message prefixed); a file whose bytes differ
 * gets a `baseline/stale` notice and keeps its findings as they are. Pure.
 */
export function applyBaseline(
  findings: readonly Finding[],
  baseline: Baseline,
  hashes: ReadonlyMap<string, string | undefined>,
  baselineFile = BASELINE_PATH,
): { findings: Finding[]; counts: BaselineCounts } {
  // Per file, the recorded findings still unmatched (a multiset: two equal keys are two findings).
  const budget = new Map<string, Map<string, number>>();
  const stale = new Set<string>();
  for (const [file, hash] of hashes) {
    const entry = baseline.files.get(file);
    if (!entry) continue;
    if (hash !== entry.sha256) {
      stale.add(file);
      continue;
    }
    const keys = new Map<string, number>();
    for (const r of entry.findings) keys.set(findingKey(r), (keys.get(findingKey(r)) ?? 0) + 1);
    budget.set(file, keys);
  }
  const out: Finding[] = [];
  const exemptedFiles = new Set<string>();
  let exempted = 0;
  for (const f of findings) {
    const keys = baselinable(f) ? budget.get(f.file) : undefined;
    const k = keys ? findingKey(f) : "";
    const left = keys?.get(k) ?? 0;
    if (!keys || left === 0) {
      out.push(f);
      continue;
    }
    keys.set(k, left - 1);
    exempted++;
    exemptedFiles.add(f.file!);
    out.push({
      ...f,
      level: "notice",
      message: `known at baseline, file unchanged (was ${f.level}): ${f.message}`,
      fix: `${f.fix ? `${f.fix}; ` : ""}recorded in ${baselineFile}: once fixed, drop it with \`integrity-guard baseline --update\``,
    });
  }
  for (const file of [...stale].sort()) {
    out.push({
      rule: "baseline/stale",
      level: "notice",
      file,
      message: `${file} changed since it was recorded in ${baselineFile} (SHA-256 ${baseline.files.get(file)!.sha256.slice(0, 12)}…): the baseline no longer exempts it, every finding counts`,
      fix: `fix the file; then \`integrity-guard baseline --update\` drops the stale entry (review that diff: it records whatever fails at that moment)`,
    });
  }
  if (exempted > 0) {
    out.push({
      rule: "baseline/known",
      level: "notice",
      message: `${exemptedFiles.size} file(s) known broken at baseline, unchanged: ${exempted} finding(s) reported as notices (${baselineFile}; \`integrity-guard baseline\` lists them)`,
    });
  }
  return { findings: out, counts: { files: exemptedFiles.size, findings: exempted, stale: stale.size } };
}

/** The baseline that records every baselinable finding, for files whose hash is known. Pure. */
export function buildBaseline(findings: readonly Finding[], hashes: ReadonlyMap<string, string | undefined>): Baseline {
  const files = new Map<string, BaselineEntry>();
  for (const f of findings) {
    if (!baselinable(f)) continue;
    const sha256 = hashes.get(f.file);
    if (sha256 === undefined) continue; // not readable as this run saw it: never recorded
    const entry = files.get(f.file) ?? { sha256, findings: [] };
    entry.findings.push({
      rule: f.rule,
      ...(f.line !== undefined ? { line: f.line } : {}),
      ...(f.pointer !== undefined ? { pointer: f.pointer } : {}),
    });
    files.set(f.file, entry);
  }
  return { files };
}

/** The file's text: stable (paths sorted, findings in report order), one entry per line group, ends with a newline. */
export function serializeBaseline(b: Baseline): string {
  const files: Record<string, BaselineEntry> = {};
  for (const p of [...b.files.keys()].sort()) files[p] = b.files.get(p)!;
  return (
    JSON.stringify(
      {
        $comment:
          "Files known broken when recorded (integrity-guard baseline --update). Each entry exempts only these findings, only while the file's SHA-256 is unchanged.",
        version: 1,
        files,
      },
      null,
      2,
    ) + "\n"
  );
}

/** Total recorded findings. */
export function baselineSize(b: Baseline): number {
  let n = 0;
  for (const e of b.files.values()) n += e.findings.length;
  return n;
}
