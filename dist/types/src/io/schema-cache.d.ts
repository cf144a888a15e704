import type { Validator } from "../core/schema/compile.js";
import { type FileSource, type ReadResult } from "./file-source.js";
interface SchemaStoreOptions {
    source: FileSource;
    /** Folder of the on-disk cache; undefined disables it (--no-cache). */
    cacheDir?: string;
    /** Folder of the user's cache shared between clones, for the built-in schemas only; undefined: none. */
    sharedDir?: string;
}
export declare class SchemaStore {
    private readonly options;
    private readonly memo;
    private compiler;
    private readonly bytes;
    /** Standalone code of each validator loaded, by schema path (what parse workers compile). */
    private readonly codes;
    /** Counters for the summary and the tests: how validators were obtained. */
    readonly stats: {
        cached: number;
        compiled: number;
    };
    constructor(options: SchemaStoreOptions);
    /** Schema files already read together with the data (saves a read per schema in the hook). */
    prime(contents: ReadonlyMap<string, ReadResult>): void;
    /** The standalone code of a validator that get() has loaded, for another thread to compile. */
    codeOf(schemaPath: string): string | undefined;
    /** The validator of the schema at repo path `schemaPath`; ConfigError when it is unusable. */
    get(schemaPath: string): Promise<Validator>;
    private load;
    /** A cached validator whose code and schema files all still match, else undefined. Never throws. */
    private tryCached;
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
    /** Parse the root schema and every local schema it references, transitively. */
    private loadTree;
    /** Give a schema without an absolute `$id` the URI it is reached by, so its relative refs resolve to sibling files. */
    private loaded;
}
export {};
