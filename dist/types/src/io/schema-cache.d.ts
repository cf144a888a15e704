import type { Validator } from "../core/schema/compile.js";
import { type FileSource, type ReadResult } from "./file-source.js";
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
    limit?: {
        bytes: number;
        tooLarge: (schemaPath: string, total: number, by?: string) => Error;
    };
}
export declare class SchemaStore {
    private readonly options;
    private readonly memo;
    private compiler;
    private readonly bytes;
    /** Standalone code of each validator loaded, by schema path (what parse workers compile). */
    private readonly codes;
    /** Code cache writes under way (codeCache). */
    private readonly writes;
    /** Counters for the summary and the tests: how validators were obtained. */
    readonly stats: {
        cached: number;
        compiled: number;
    };
    constructor(options: SchemaStoreOptions);
    /** Schema files already read together with the data (saves a read per schema in the hook). */
    prime(contents: ReadonlyMap<string, ReadResult>): void;
    /** Resolves when the code caches made so far are written (or failed: a cache only costs speed). Never rejects. */
    settled(): Promise<void>;
    /** The standalone code of a validator that get() has loaded, for another thread to compile. */
    codeOf(schemaPath: string): string | undefined;
    /** The validator of the schema at repo path `schemaPath`; ConfigError when it is unusable. */
    get(schemaPath: string): Promise<Validator>;
    private load;
    /** A cached validator whose code and schema files all still match, else undefined. Never throws. */
    private tryCached;
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
    private codeCache;
    /** Write `entry` to `file` and keep its folder bounded; false when it could not be written. Never throws. */
    private tryWrite;
    /** Repo paths through the run's source; built-in paths from the vendored copies (checked against their digests). */
    private readPaths;
    /** The parsed root of schema `p` (read once: get() shares the bytes), for a look at what it declares. */
    rootOf(p: string): Promise<unknown>;
    private readSchema;
    private parseSchema;
    /**
     * A `$ref` to a remote URL that nothing resolves: where it is, that it is never fetched, and
     * the local `$ref` that replaces it (no config maps a URL to a file: the ref itself changes).
     */
    private remoteRefError;
    /** Throws the limit's error when `total` bytes of schema `rootPath`'s tree (not built in) are over it. */
    private withinLimit;
    /** Parse the root schema and every local schema it references, transitively. */
    private loadTree;
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
    private prefetch;
    /** Give a schema without an absolute `$id` the URI it is reached by, so its relative refs resolve to sibling files. */
    private loaded;
}
export {};
