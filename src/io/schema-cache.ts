/**
 * Schemas for one run: read (JSON or YAML, through the same FileSource as the data, so
 * `check --staged` uses the staged schema), their local `$ref`s loaded, compiled once, and the
 * compiled standalone code cached under .git/integrity-guard/schema-cache/ keyed by the schema
 * content, so a warm pre-commit hook never loads ajv. A cache entry carries the SHA-256 of its
 * code and of every schema file it was built from; anything that does not match is recompiled.
 *
 * The code is kept metered (work-budget.ts), as SchemaCompiler returns it: metering is several
 * regular-expression passes over the code (1.5-6 MB for a vendored SchemaStore schema), which
 * every load paid when the cache held ajv's plain code. The entry's trust is unchanged: its
 * checksum catches a corrupt or truncated entry (recompiled), and whoever can write a valid
 * entry under .git/ can write .git/hooks/ too, so no code it holds was ever checked beyond that
 * (the meter guards against schemas, not against the cache). Entries of the unmetered layout
 * (ENTRY_VERSION 1) have other keys and are never read as metered.
 *
 * The built-in schemas (vendor/schemastore/, read from the package, never from the repository)
 * are the same in every clone, and some are large: SchemaStore's ESLint-config schema compiles to
 * 5 MB of code in about 3 s of CPU, paid by the first commit of every clone that meets an
 * `.eslintrc.yaml` (issue 20). Their entries are also kept in a folder of the user's cache
 * (`sharedDir`: ~/.cache/integrity-guard/schema-cache, beside the Node compile cache), read
 * before the repository's, so that cost is paid once per user and version rather than per clone.
 * That folder is the user's own, as the compile cache's is: code read from it is code the user's
 * own runs wrote there, under the same checksum. CI runners and the Action do not use it
 * (commands/check.ts: a self-hosted runner's home may hold what an earlier job's pull request wrote). A repository's own schemas stay in its .git/
 * only (their code holds the schema, which may be private).
 */
import { createHash } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { unsafeReason } from "../../bin/cache-folder.js";
import { ConfigError, RemoteRefError, UnsupportedDraftError } from "../errors.js";
import { isYamlPath, loadYamlSupport, parseDocument } from "../core/parse/index.js";
import { COMPILER_ID } from "../core/schema/compiler-id.js";
import { METER_VERSION } from "../core/schema/work-budget.js";
import { draftOf, idKeyword } from "../core/schema/draft.js";
import { loadStandalone, type CodeCache } from "../core/schema/standalone.js";
import { externalRefs, fileUri } from "../core/schema/refs.js";
import type { LoadedSchema, SchemaCompiler, Validator } from "../core/schema/compile.js";
import { builtinPathForUrl, isBuiltinPath, localCopyName, remoteRefusedMessage } from "../core/catalog/urls.js";
import { writeFileAtomic } from "./atomic.js";
import { readBuiltinSchemas } from "./catalog-files.js";
import { OUTSIDE, type FileSource, type ReadOptions, type ReadResult } from "./file-source.js";
import { FROM_INDEX } from "./skip-worktree.js";
import { makeStateFolder } from "./state-folder.js";

/**
 * Increment when the entry layout or compile options change (the compiler id covers ajv). 2: the
 * code is kept metered (METER_VERSION, also in the key, says how).
 */
const ENTRY_VERSION = 2;
/**
 * Keep the cache folder bounded by bytes, not by a count: a repository with more schemas than a
 * fixed count (SchemaStore's catalog has hundreds) would evict and recompile every one of them on
 * every run. The oldest entries beyond this size are removed when one is written.
 */
const MAX_CACHE_BYTES = 128 * 1024 * 1024;

interface CacheEntry {
  v: number;
  compiler: string;
  /** The METER_VERSION that metered `code`. */
  meter: number;
  deps: { path: string; sha: string }[];
  codeSha: string;
  code: string;
}

interface SchemaStoreOptions {
  source: FileSource;
  /** Folder of the on-disk cache; undefined disables it (--no-cache). */
  cacheDir?: string;
  /** Folder of the user's cache shared between clones, for the built-in schemas only; undefined: none. */
  sharedDir?: string;
  /**
   * validate.max_schema_size: the bytes a schema of the repository and the local files it $refs may
   * have, counted before they are parsed (the built-in schemas are not counted), and the error that
   * says it was over.
   */
  limit?: { bytes: number; tooLarge: (schemaPath: string, total: number, by?: string) => Error };
}

export class SchemaStore {
  private readonly memo = new Map<string, Promise<Validator>>();
  private compiler: SchemaCompiler | undefined;
  private readonly bytes = new Map<string, Buffer>();
  /** Standalone code of each validator loaded, by schema path (what parse workers compile). */
  private readonly codes = new Map<string, string>();
  /** Code cache writes under way (codeCache). */
  private readonly writes: Promise<void>[] = [];
  /** Counters for the summary and the tests: how validators were obtained. */
  readonly stats = { cached: 0, compiled: 0 };

  constructor(private readonly options: SchemaStoreOptions) {}

  /** Schema files already read together with the data (saves a read per schema in the hook). */
  prime(contents: ReadonlyMap<string, ReadResult>): void {
    for (const [p, c] of contents) if (Buffer.isBuffer(c) && !this.bytes.has(p)) this.bytes.set(p, c);
  }

  /** Resolves when the code caches made so far are written (or failed: a cache only costs speed). Never rejects. */
  async settled(): Promise<void> {
    while (this.writes.length) await Promise.all(this.writes.splice(0));
  }

  /** The standalone code of a validator that get() has loaded, for another thread to compile. */
  codeOf(schemaPath: string): string | undefined {
    return this.codes.get(schemaPath);
  }

  /** The validator of the schema at repo path `schemaPath`; ConfigError when it is unusable. */
  get(schemaPath: string): Promise<Validator> {
    let p = this.memo.get(schemaPath);
    if (!p) {
      p = this.load(schemaPath);
      this.memo.set(schemaPath, p);
    }
    return p;
  }

  private async load(schemaPath: string): Promise<Validator> {
    const rootBytes = await this.readSchema(schemaPath, undefined);
    // Before the cache too, so that the verdict does not depend on what an earlier run compiled.
    this.withinLimit(schemaPath, rootBytes.length);
    const key = sha256(`${COMPILER_ID}\0${ENTRY_VERSION}\0${METER_VERSION}\0${schemaPath}\0${sha256(rootBytes)}`);
    // The shared folder first: a built-in schema another clone compiled.
    const shared = this.options.sharedDir && isBuiltinPath(schemaPath) ? path.join(this.options.sharedDir, `${key}.json`) : undefined;
    const cacheFile = this.options.cacheDir ? path.join(this.options.cacheDir, `${key}.json`) : undefined;
    for (const file of [shared, cacheFile]) {
      const cached = file ? await this.tryCached(file) : undefined;
      if (cached) {
        this.stats.cached++;
        this.codes.set(schemaPath, cached.code);
        return cached.validate;
      }
    }
    const { root, deps, remote } = await this.loadTree(schemaPath, rootBytes);
    if (!this.compiler) {
      const { SchemaCompiler } = await import("../core/schema/compile.js");
      this.compiler = new SchemaCompiler();
    }
    const result = await this.compiler.compile(root, deps);
    if (!result.ok) {
      const refused = /can't resolve reference/.test(result.error) ? remote.find((r) => result.error.includes(r.uri)) : undefined;
      if (refused) throw this.remoteRefError(refused);
      const from = this.options.source.fromIndex?.has(schemaPath) ? ` (${FROM_INDEX})` : "";
      throw new ConfigError(`schema ${schemaPath}${from} does not compile: ${result.error}`, {
        fix: "fix the schema (ajv's message above names the keyword and its location in the schema)",
      });
    }
    this.stats.compiled++;
    this.codes.set(schemaPath, result.code);
    if (shared || cacheFile) {
      const entry: CacheEntry = {
        v: ENTRY_VERSION,
        compiler: COMPILER_ID,
        meter: METER_VERSION,
        deps: [schemaPath, ...deps.map((d) => d.path)].map((p) => ({ path: p, sha: sha256(this.bytes.get(p)!) })),
        codeSha: sha256(result.code),
        code: result.code,
      };
      // Shared only when every file it was built from is built in too (a built-in schema's refs
      // resolve to built-in copies; this keeps repository content out of the user's folder whatever
      // a ref says). The repository's folder when the shared one cannot be written (a read-only home).
      const sharable = shared !== undefined && entry.deps.every((d) => isBuiltinPath(d.path));
      if (!(sharable && (await this.tryWrite(shared, entry))) && cacheFile) await this.tryWrite(cacheFile, entry);
    }
    return result.validate;
  }

  /** A cached validator whose code and schema files all still match, else undefined. Never throws. */
  private async tryCached(file: string): Promise<{ validate: Validator; code: string } | undefined> {
    try {
      const shared = path.dirname(file) === this.options.sharedDir;
      const text = await readTrustedEntry(file, shared);
      if (text === undefined) return undefined;
      const entry = JSON.parse(text.toString("utf8")) as CacheEntry;
      if (entry.v !== ENTRY_VERSION || entry.compiler !== COMPILER_ID || entry.meter !== METER_VERSION || typeof entry.code !== "string")
        return undefined;
      if (sha256(entry.code) !== entry.codeSha) return undefined;
      const others = entry.deps.slice(1).map((d) => d.path);
      if (others.length) {
        const read = await this.readPaths(others);
        for (const d of entry.deps.slice(1)) {
          const b = read.get(d.path);
          if (!Buffer.isBuffer(b) || sha256(b) !== d.sha) return undefined;
        }
      }
      return { validate: await loadStandalone(entry.code, await this.codeCache(file, entry.codeSha, shared)), code: entry.code };
    } catch {
      return undefined;
    }
  }

  /**
   * V8's code cache of the entry in `file` (loadStandalone says what it saves), kept beside it
   * per V8 version and architecture (`<key>.<arch>-<v8>.v8`, so that two Node versions of one
   * user do not overwrite each other's). Its first 32 bytes are the SHA-256 of the entry's
   * codeSha and the rest: V8 itself checks only the length of the source a cache was made from,
   * and a truncated or corrupt cache must never reach it (it would crash the process, not fall
   * back). One that does not match is ignored and replaced. Read under the entry's own checks
   * (readTrustedEntry): V8 runs what a cache holds as the entry's code, and the digest binds it to
   * the entry, not to its writer.
   */
  private async codeCache(file: string, codeSha: string, shared: boolean): Promise<CodeCache> {
    const ccFile = file.replace(/\.json$/, `.${V8_TAG}${CODE_CACHE_SUFFIX}`);
    let data: Buffer | undefined;
    try {
      const bytes = await readTrustedEntry(ccFile, shared);
      const body = bytes?.subarray(32);
      if (bytes && body && bytes.length > 32 && codeCacheDigest(codeSha, body).equals(bytes.subarray(0, 32))) data = body;
    } catch {
      // none yet, or unreadable: compiled as before, and kept after the first validation
    }
    return {
      data,
      keep: (made) => {
        // Not awaited by the validation that made it: settled() waits for it.
        this.writes.push(
          writeFileAtomic(ccFile, Buffer.concat([codeCacheDigest(codeSha, made), made])).catch(() => {
            // a cache that cannot be written only costs speed
          }),
        );
      },
    };
  }

  /** Write `entry` to `file` and keep its folder bounded; false when it could not be written. Never throws. */
  private async tryWrite(file: string, entry: CacheEntry): Promise<boolean> {
    const dir = path.dirname(file);
    try {
      // The repository's folder follows core.sharedRepository (state-folder.ts); the user's own
      // cache keeps the user's umask: a group-writable folder of code would let others plant it.
      if (this.options.sharedDir !== undefined && dir === this.options.sharedDir) await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      else await makeStateFolder(dir);
      await writeFileAtomic(file, JSON.stringify(entry));
    } catch {
      return false; // A cache that cannot be written (read-only .git, full disk) only costs speed.
    }
    try {
      // Only names this cache writes: a folder reached through a symlink (the repository's cache
      // folder linked elsewhere) lost its owner's oldest .json files once it held more than the limit.
      const names = (await fs.readdir(dir)).filter((n) => CACHE_FILE.test(n));
      const stats = await Promise.all(names.map(async (n) => ({ n, ...(await fs.stat(path.join(dir, n))) })));
      let total = stats.reduce((sum, s) => sum + s.size, 0);
      if (total > MAX_CACHE_BYTES) {
        stats.sort((a, b) => a.mtimeMs - b.mtimeMs);
        for (const s of stats) {
          if (total <= MAX_CACHE_BYTES) break;
          await fs.rm(path.join(dir, s.n), { force: true });
          total -= s.size;
        }
      }
    } catch {
      // Trimming is best effort (another run removed a file meanwhile): the entry is written.
    }
    return true;
  }

  /** Repo paths through the run's source; built-in paths from the vendored copies (checked against their digests). */
  private async readPaths(paths: readonly string[], options?: ReadOptions): Promise<Map<string, ReadResult>> {
    const builtin = paths.filter(isBuiltinPath);
    if (builtin.length === 0) return this.options.source.read(paths, options);
    const out =
      paths.length > builtin.length
        ? await this.options.source.read(
            paths.filter((p) => !isBuiltinPath(p)),
            options,
          )
        : new Map();
    for (const [p, c] of readBuiltinSchemas(builtin)) out.set(p, c);
    return out;
  }

  /** The parsed root of schema `p` (read once: get() shares the bytes), for a look at what it declares. */
  async rootOf(p: string): Promise<unknown> {
    return this.parseSchema(p, await this.readSchema(p, undefined));
  }

  private async readSchema(p: string, referencedFrom: { schema: string; ref: string } | undefined): Promise<Buffer> {
    if (isYamlPath(p)) await loadYamlSupport(); // parseSchema below is synchronous
    const have = this.bytes.get(p);
    if (have) return have;
    const read = (await this.readPaths([p])).get(p);
    const where = referencedFrom
      ? `$ref ${JSON.stringify(referencedFrom.ref)} in schema ${referencedFrom.schema} names ${p}, which`
      : `schema ${p}`;
    const inIndex = this.options.source.kind === "index";
    if (read === undefined) {
      throw new ConfigError(`${where} does not exist${inIndex ? " in the git index (is it staged?)" : ""}`, {
        fix: inIndex
          ? `git add ${p}, or correct the path in validate.schemas of .integrity-guard/config.yml`
          : `create ${p}, or correct the path in validate.schemas of .integrity-guard/config.yml (paths are relative to the repository root)`,
      });
    }
    if (!Buffer.isBuffer(read))
      throw new ConfigError(`${where} cannot be read: ${read.error}`, {
        fix:
          read.code === OUTSIDE
            ? `replace ${read.link ?? p} with the schema file itself (nothing is read through a symlink that leaves the repository)`
            : "check the file's permissions and that it is a regular file",
      });
    this.bytes.set(p, read);
    return read;
  }

  private parseSchema(p: string, bytes: Buffer): LoadedSchema["schema"] {
    const lower = p.toLowerCase();
    const doc = parseDocument(bytes, { path: p, format: lower.endsWith(".yaml") || lower.endsWith(".yml") ? "yaml" : "json" });
    // Read from the index (a sparse checkout left it out): the message says where it came from.
    const from = this.options.source.fromIndex?.has(p) ? ` (${FROM_INDEX})` : "";
    if (!doc.ok) {
      const f = doc.findings.find((x) => x.level === "error") ?? doc.findings[0];
      throw new ConfigError(`schema ${p}${from} does not parse: ${p}:${f?.line ?? 1}:${f?.column ?? 1}: ${f?.message ?? "syntax error"}`, {
        fix: "fix the schema file's syntax (run `integrity-guard validate " + p + "` for every problem)",
      });
    }
    const v = doc.value;
    if (typeof v !== "boolean" && (v === null || typeof v !== "object" || Array.isArray(v))) {
      throw new ConfigError(
        `schema ${p}${from} is not a JSON Schema: its top level is ${v === null ? "null" : Array.isArray(v) ? "an array" : typeof v}, expected an object`,
        {
          fix: 'a schema file holds one object such as {"type": "object", ...}',
        },
      );
    }
    return v as LoadedSchema["schema"];
  }

  /**
   * A `$ref` to a remote URL that nothing resolves: where it is, that it is never fetched, and
   * the local `$ref` that replaces it (no config maps a URL to a file: the ref itself changes).
   */
  private remoteRefError(r: RemoteRef): RemoteRefError {
    const bytes = this.bytes.get(r.schema);
    const doc = bytes ? parseDocument(bytes, { path: r.schema, format: isYamlPath(r.schema) ? "yaml" : "json" }) : undefined;
    const pos = doc?.ok ? doc.locate(r.pointer) : undefined;
    const name = localCopyName(r.ref);
    const dir = path.posix.dirname(r.schema);
    const fragment = r.ref.includes("#") ? r.ref.slice(r.ref.indexOf("#")) : "";
    return new RemoteRefError(
      `${r.schema}${pos ? `:${pos.line}:${pos.column}` : ""}: ${remoteRefusedMessage("$ref", r.ref)} (at ${r.pointer})`,
      {
        fix: `save that schema as ${dir === "." ? name : `${dir}/${name}`} and write "$ref": "./${name}${fragment}" in ${r.schema} (a $ref path is relative to the schema that holds it; only json.schemastore.org URLs resolve offline, to the vendored copies)`,
      },
    );
  }

  /** Throws the limit's error when `total` bytes of schema `rootPath`'s tree (not built in) are over it. */
  private withinLimit(rootPath: string, total: number, by?: string): void {
    const limit = this.options.limit;
    if (limit && !isBuiltinPath(rootPath) && total > limit.bytes) throw limit.tooLarge(rootPath, total, by);
  }

  /** Parse the root schema and every local schema it references, transitively. */
  private async loadTree(rootPath: string, rootBytes: Buffer): Promise<{ root: LoadedSchema; deps: LoadedSchema[]; remote: RemoteRef[] }> {
    if (isYamlPath(rootPath)) await loadYamlSupport();
    let total = isBuiltinPath(rootPath) ? 0 : rootBytes.length;
    const root = this.loaded(rootPath, this.parseSchema(rootPath, rootBytes), fileUri(rootPath));
    const deps: LoadedSchema[] = [];
    const remote: RemoteRef[] = [];
    const byUri = new Set<string>([root.uri]);
    const queue: LoadedSchema[] = [root];
    // Schemas [0, prefetched) have had the files their refs name read ahead, in one read.
    let prefetched = 0;
    for (let at = 0; at < queue.length; at++) {
      const cur = queue[at]!;
      if (at >= prefetched) {
        await this.prefetch(queue.slice(at));
        prefetched = queue.length;
      }
      for (const ref of externalRefs(cur.schema, cur.path, cur.uri)) {
        if (byUri.has(ref.uri)) continue;
        byUri.add(ref.uri);
        if (ref.escapes) {
          throw new ConfigError(`$ref ${JSON.stringify(ref.ref)} in schema ${cur.path} leaves the repository`, {
            fix: "keep referenced schemas inside the repository and reference them by relative path",
          });
        }
        // A remote URL resolves only to a vendored copy (json.schemastore.org and the URLs of the
        // built-in entries); any other stays for ajv to refuse, unless a loaded schema has that $id.
        const local = ref.path ?? builtinPathForUrl(ref.uri);
        if (local === undefined) {
          remote.push({ ref: ref.ref, uri: ref.uri, pointer: ref.pointer, schema: cur.path });
          continue;
        }
        const bytes = await this.readSchema(local, { schema: cur.path, ref: ref.ref });
        if (!isBuiltinPath(local)) this.withinLimit(rootPath, (total += bytes.length), local);
        const dep = this.loaded(local, this.parseSchema(local, bytes), ref.uri, ref.path === undefined);
        deps.push(dep);
        queue.push(dep);
      }
    }
    return { root, deps, remote };
  }

  /**
   * Read ahead, in one read of the source, the local files the refs of `schemas` name and no
   * earlier read gave: one breadth of the tree at a time. Each ref was read alone before, and on a
   * pull request a read is two git processes (CommitSource: ls-tree, cat-file), so a base schema
   * referencing 2,100 files cost 4,200 processes and minutes. Only the bytes are kept (in `bytes`,
   * as readSchema keeps them); a path read ahead gives nothing else: it is absent, not a file,
   * or the read failed, and readSchema reads it alone as before, so its message is the same. The
   * refs are still taken one by one, in order, by loadTree: the limit and every message stop
   * where they stopped.
   */
  private async prefetch(schemas: readonly LoadedSchema[]): Promise<void> {
    const wanted = new Set<string>();
    for (const s of schemas) {
      for (const ref of externalRefs(s.schema, s.path, s.uri)) {
        if (ref.escapes) continue;
        const local = ref.path ?? builtinPathForUrl(ref.uri);
        if (local !== undefined && !this.bytes.has(local)) wanted.add(local);
      }
    }
    // One file is read by readSchema alone as before: a read ahead would only add a round.
    if (wanted.size < 2) return;
    let got: Map<string, ReadResult>;
    try {
      // Within the schema size limit: a file over it, or past it in total, is left to readSchema.
      const bound = this.options.limit?.bytes;
      got = await this.readPaths([...wanted], bound === undefined ? undefined : { maxBytes: bound, maxTotalBytes: bound });
    } catch {
      return; // each is read alone by readSchema, which reports what fails
    }
    for (const [p, c] of got) if (wanted.has(p) && Buffer.isBuffer(c)) this.bytes.set(p, c);
  }

  /** Give a schema without an absolute `$id` the URI it is reached by, so its relative refs resolve to sibling files. */
  private loaded(p: string, schema: LoadedSchema["schema"], uri: string, byUrl = false): LoadedSchema {
    const draft = draftOf(schema);
    if (typeof draft === "object") {
      throw new UnsupportedDraftError(
        `schema ${p} declares $schema ${draft.unknown}, which is not a JSON Schema draft integrity-guard knows`,
        p,
        draft.unknown,
        {
          fix: "use https://json-schema.org/draft/2020-12/schema, https://json-schema.org/draft/2019-09/schema, or http://json-schema.org/draft-07/schema# (draft-06 and draft-04 are read too)",
        },
      );
    }
    if (typeof schema === "boolean") return { path: p, uri, schema, draft };
    const key = idKeyword(draft);
    const id = schema[key];
    // Reached by a URL: known by that URL (SchemaStore's hosts differ from the copies' own $id).
    if (byUrl) return { path: p, uri, schema: { ...schema, [key]: uri }, draft };
    if (typeof id === "string" && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(id)) return { path: p, uri: id.replace(/#$/, ""), schema, draft };
    return { path: p, uri, schema: { ...schema, [key]: uri }, draft };
  }
}

/** A `$ref` to a remote URL left for ajv (it resolves only if a loaded schema has that `$id`). */
interface RemoteRef {
  ref: string;
  uri: string;
  pointer: string;
  /** Repo path of the schema that holds it. */
  schema: string;
}

/**
 * The text of a cache entry, or undefined when it is not a regular file this user can trust to
 * hold code (never through a symlink). The shared folder's entries are the user's alone
 * (bin/cache-folder.js, as the folder is: checked by commands/check.ts); the repository's are
 * within the repository's trust, as .git/hooks and .git/config are (a member of a group sharing
 * it can already make every member run code through core.hooksPath), but never writable by every
 * user: git itself never gives others write in .git (core.sharedRepository).
 */
async function readTrustedEntry(file: string, shared: boolean): Promise<Buffer | undefined> {
  const handle = await fs.open(file, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0));
  try {
    const st = await handle.stat();
    if (!st.isFile()) return undefined;
    if (shared ? unsafeReason(st) !== undefined : (st.mode & 0o002) !== 0) return undefined;
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** The code caches' file suffix, and the V8 build they belong to (a file name part: letters, digits, `.`, `-`). */
const CODE_CACHE_SUFFIX = ".v8";
/** An entry (`<sha256>.json`) or its code cache (`<sha256>.<v8 tag>.v8`): what tryWrite may trim. */
const CACHE_FILE = /^[0-9a-f]{64}\.(?:json|[\w.-]+\.v8)$/;
const V8_TAG = `${process.arch}-${process.versions.v8}`.replace(/[^A-Za-z0-9.-]/g, "_");

/** What the first 32 bytes of a code cache file hold: binds it to the code it was made from. */
function codeCacheDigest(codeSha: string, data: Uint8Array): Buffer {
  return createHash("sha256").update(`${codeSha}\0`).update(data).digest();
}

function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}
