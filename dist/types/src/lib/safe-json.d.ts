import type { Finding } from "../core/finding.js";
import type { SchemaOption } from "./schema-option.js";
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
    onFallback?: (info: {
        file: string;
        snapshot: string;
        signature: string;
        findings: readonly Finding[];
    }) => void;
}
/** Write `value` as JSON, safely. Throws InvalidDataError (with the pointer) if it breaks its schema. */
export declare function writeJson(file: string, value: unknown, options?: WriteOptions): Promise<void>;
/** Write `value` as YAML, safely (same guarantees as writeJson). */
export declare function writeYaml(file: string, value: unknown, options?: Omit<WriteOptions, "indent">): Promise<void>;
/**
 * Read-modify-write under a cross-process lock, so concurrent writers lose no update. `update`
 * gets the current value (parsed strictly) and returns the new one (or mutates and returns
 * nothing). A corrupt current file is an error: nothing is written over it.
 */
export declare function updateJson<T = unknown>(file: string, update: (current: T) => T | void | Promise<T | void>, options?: UpdateOptions<T>): Promise<T>;
/**
 * Read JSON strictly (RFC 8259, no duplicate keys), validating against its schema when one
 * applies. `T` is the caller's claim about the shape (checked only as far as the schema goes).
 */
export declare function readJson<T = unknown>(file: string, options?: ReadOptions): Promise<T>;
/** Read YAML strictly (no duplicate keys, no unknown tags), validating when a schema applies. `T` as for readJson. */
export declare function readYaml<T = unknown>(file: string, options?: ReadOptions): Promise<T>;
