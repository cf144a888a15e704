/**
 * Safe writes for programs that own state files (issue 8): validate, write to a temporary
 * file in the same folder, fsync, rename, fsync the folder; read-modify-write under a
 * cross-process lock; strict reads with positions. The target always holds either the old or
 * the new content, never a mixture, whatever happens to the process or the disk.
 */
import path from "node:path";
import { stringify as yamlStringify } from "yaml";
import { EnvironmentError, InvalidDataError } from "../errors.js";
import type { Finding } from "../core/finding.js";
import { parseDocument } from "../core/parse/with-yaml.js";
import { ajvErrorsToFindings } from "../core/schema/ajv-findings.js";
import { removeDeadTemporaries, resolveWriteTarget, writeFileAtomic } from "../io/atomic.js";
import { withLock } from "../io/lock.js";
import { readRegularFile } from "../io/read-regular.js";
import { firstInexactInteger } from "./inexact-integers.js";
import type { SchemaOption } from "./schema-option.js";
import { validatorFor } from "./schema-resolver.js";

export interface WriteOptions {
  /**
   * The JSON Schema: a schema object, a schema file path, `false` for none. Default: the schema
   * that the repository's .integrity-guard/config.yml maps to the file (validate.schemas).
   */
  schema?: SchemaOption;
  /** JSON indentation (default 2). */
  indent?: number;
  /** File mode for a new file (default 0o644; an existing file keeps its mode). */
  mode?: number;
}

export interface UpdateOptions<T> extends WriteOptions {
  /** Starting value when the file does not exist yet (default: the missing file is an error). */
  initial?: T;
  /** How long to wait for another writer's lock (default 10 s). */
  lockTimeoutMs?: number;
}

export interface ReadOptions {
  /** Validate against this schema (or the config's mapping); `false` to only parse. */
  schema?: SchemaOption;
  /**
   * "snapshot": when the file is corrupt, return its copy from the newest snapshot that is
   * trusted (signed by the pinned key, or signing configured as none), reads back with its
   * recorded checksum, and parses and validates; report it through `onFallback`. The file on
   * disk is not changed (use `integrity-guard restore` for that).
   */
  fallback?: "snapshot";
  /** Called when the fallback was used: which snapshot, and why. */
  onFallback?: (info: { file: string; snapshot: string; signature: string; findings: readonly Finding[] }) => void;
}

/** Write `value` as JSON, safely. Throws InvalidDataError (with the pointer) if it breaks its schema. */
export async function writeJson(file: string, value: unknown, options: WriteOptions = {}): Promise<void> {
  const text = serializeJson(file, value, options.indent);
  await checkSchema(file, value, text, "json", options.schema);
  await writeFileAtomic(file, text, { mode: options.mode, followLinks: true });
}

/** Write `value` as YAML, safely (same guarantees as writeJson). */
export async function writeYaml(file: string, value: unknown, options: Omit<WriteOptions, "indent"> = {}): Promise<void> {
  const text = yamlStringify(value);
  await checkSchema(file, value, text, "yaml", options.schema);
  await writeFileAtomic(file, text, { mode: options.mode, followLinks: true });
}

/**
 * Read-modify-write under a cross-process lock, so concurrent writers lose no update. `update`
 * gets the current value (parsed strictly) and returns the new one (or mutates and returns
 * nothing). A corrupt current file is an error: nothing is written over it.
 */
export async function updateJson<T = unknown>(
  file: string,
  update: (current: T) => T | void | Promise<T | void>,
  options: UpdateOptions<T> = {},
): Promise<T> {
  return withLock(
    lockPathFor(await resolveWriteTarget(file)), // one lock per file, whichever link names it
    async () => {
      let current: T;
      try {
        current = await readJson(file, { schema: false });
        refuseInexactIntegers(file, (await readRegularFile(file)).toString("utf8"));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT" && "initial" in options) current = structuredClone(options.initial) as T;
        else throw error;
      }
      const returned = await update(current);
      const next = returned === undefined ? current : returned;
      // A writer killed before its rename left its temporary file: ours to clear, under the lock.
      await removeDeadTemporaries(await resolveWriteTarget(file));
      await writeJson(file, next, options);
      return next;
    },
    { timeoutMs: options.lockTimeoutMs ?? 10_000, pollMaxMs: 5 },
  );
}

/**
 * updateJson writes back what JSON.parse read: an integer beyond 2^53 would come back changed
 * (inexact-integers.ts), in a field the update may never have touched. Refused, as NaN is.
 */
function refuseInexactIntegers(file: string, text: string): void {
  const hit = firstInexactInteger(text);
  if (!hit) return;
  const display = path.relative(process.cwd(), file) || file;
  const message = `${hit.literal} is beyond what a JavaScript number holds exactly (2^53): updateJson would write it back as ${BigInt(Number(hit.literal))}`;
  throw new InvalidDataError(
    `refusing to update ${display}:${hit.line}:${hit.column}: ${message}`,
    [{ rule: "write/inexact-number", level: "error", file: display, line: hit.line, column: hit.column, message }],
    { fix: "store such numbers (IDs) as strings, or update the file with a tool that keeps big integers" },
  );
}

/**
 * Read JSON strictly (RFC 8259, no duplicate keys), validating against its schema when one
 * applies. `T` is the caller's claim about the shape (checked only as far as the schema goes).
 */
export async function readJson<T = unknown>(file: string, options: ReadOptions = {}): Promise<T> {
  return (await readDocument(file, "json", options)) as T;
}

/** Read YAML strictly (no duplicate keys, no unknown tags), validating when a schema applies. `T` as for readJson. */
export async function readYaml<T = unknown>(file: string, options: ReadOptions = {}): Promise<T> {
  return (await readDocument(file, "yaml", options)) as T;
}

async function readDocument(file: string, format: "json" | "yaml", options: ReadOptions): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(file); // a FIFO must not hang the caller
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === "ENOENT")
      throw Object.assign(
        new EnvironmentError(`${file} does not exist`, { fix: "create it first (writeJson), or pass `initial` to updateJson" }),
        { code: "ENOENT" },
      );
    throw new EnvironmentError(`cannot read ${file}: ${e.message}`, { cause: error });
  }
  const display = path.relative(process.cwd(), file) || file;
  const doc = parseDocument(bytes, { path: display, format });
  let findings = doc.findings.filter((f) => f.level === "error");
  // The schema is looked up only for data that parses: a corrupt file stays the error even when its schema is missing too.
  const validator = () => (options.schema === false ? Promise.resolve(undefined) : validatorFor(file, options.schema));
  if (findings.length === 0) {
    const v = await validator();
    const errors = v?.validate(doc.value);
    if (v && errors) findings = ajvErrorsToFindings(errors, { file: display, schemaPath: v.schemaPath, doc });
  }
  if (findings.length === 0) return doc.value;
  if (options.fallback === "snapshot") {
    const { readFromNewestSnapshot } = await import("./snapshot-fallback.js");
    let value: unknown;
    let why = "no trusted snapshot holds a valid copy";
    // The corruption stays the error; a snapshot problem (no key pinned, no branch) only explains why no fallback.
    const v = await validator().catch((error: unknown) => {
      why = error instanceof Error ? error.message.split("\n")[0]! : String(error);
      return null;
    });
    const hit =
      v === null
        ? undefined
        : await readFromNewestSnapshot(file, (content) => {
            const candidate = parseDocument(content, { path: display, format });
            if (!candidate.ok) return false;
            if (v && v.validate(candidate.value)) return false;
            value = candidate.value;
            return true;
          }).catch((error: unknown) => {
            why = error instanceof Error ? error.message.split("\n")[0]! : String(error);
            return undefined;
          });
    if (hit) {
      options.onFallback?.({ file, snapshot: hit.snapshot, signature: hit.signature, findings });
      return value;
    }
    throw corruptError(display, findings, `no snapshot fallback: ${why}`);
  }
  throw corruptError(display, findings);
}

function corruptError(file: string, findings: readonly Finding[], note?: string): InvalidDataError {
  const f = findings[0]!;
  const where = `${f.file ?? file}${f.line ? `:${f.line}:${f.column ?? 1}` : ""}`;
  const more = findings.length > 1 ? ` (and ${findings.length - 1} more)` : "";
  return new InvalidDataError(`${where}: ${f.message}${more}${note ? `; ${note}` : ""}`, findings, {
    fix: f.fix ?? "restore the file from git or from a snapshot (integrity-guard restore), or read with { fallback: 'snapshot' }",
  });
}

function serializeJson(file: string, value: unknown, indent = 2): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value, null, indent);
  } catch (error) {
    throw new InvalidDataError(`refusing to write ${file}: the value cannot be serialised as JSON (${(error as Error).message})`, []);
  }
  if (text === undefined) throw new InvalidDataError(`refusing to write ${file}: the value is ${typeof value}, which JSON cannot hold`, []);
  // JSON.stringify turns NaN/Infinity into null silently: that is data loss, refuse it.
  const bad = findNonFinite(value, "");
  if (bad !== undefined) {
    throw new InvalidDataError(
      `refusing to write ${file}: ${bad.pointer || "the value"} is ${bad.value}, which JSON cannot hold (it would be written as null)`,
      [{ rule: "write/non-finite", level: "error", file, pointer: bad.pointer, message: `${bad.value} is not representable in JSON` }],
    );
  }
  return text + "\n";
}

function findNonFinite(value: unknown, pointer: string): { pointer: string; value: string } | undefined {
  // Iterative: deep values must not overflow the stack.
  const stack: [unknown, string][] = [[value, pointer]];
  while (stack.length) {
    const [v, p] = stack.pop()!;
    if (typeof v === "number" && !Number.isFinite(v)) return { pointer: p, value: String(v) };
    if (v !== null && typeof v === "object") {
      for (const [k, child] of Object.entries(v)) stack.push([child, `${p}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`]);
    }
  }
  return undefined;
}

async function checkSchema(file: string, value: unknown, text: string, format: "json" | "yaml", schema: SchemaOption): Promise<void> {
  const v = await validatorFor(file, schema);
  if (!v) return;
  // Validate the value as it will be read back (JSON drops undefined, Dates become strings).
  const roundTripped = format === "json" ? JSON.parse(text) : value;
  const errors = v.validate(roundTripped);
  if (!errors) return;
  const display = path.relative(process.cwd(), file) || file;
  const doc = parseDocument(text, { path: display, format });
  const findings = ajvErrorsToFindings(errors, { file: display, schemaPath: v.schemaPath, doc });
  const f = findings[0];
  throw new InvalidDataError(
    `refusing to write ${display}: ${f ? `${f.pointer || "/"}: ${f.message}` : "it does not match its schema"}${findings.length > 1 ? ` (and ${findings.length - 1} more)` : ""}`,
    findings,
    {
      fix: f?.fix ?? "change the value so that it matches the schema; the file on disk is unchanged",
    },
  );
}

function lockPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}
