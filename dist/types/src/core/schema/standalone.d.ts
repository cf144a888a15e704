import type { Validator } from "./compile.js";
/**
 * V8's compiled form of one validator's code, kept beside its cache entry (schema-cache.ts).
 * `data`: what an earlier run kept (undefined: none); `keep`: called once, after the first
 * validation, with what this run compiled, when `data` was missing or V8 refused it (another
 * Node version or flags).
 */
export interface CodeCache {
    data: Buffer | undefined;
    keep(data: Buffer): void;
}
/**
 * Turn metered standalone code (meterCode's output, as SchemaCompiler returns it and the schema
 * cache and the parse workers hold it) into a validator; throws when it needs a module we do not
 * ship. The code is run as it is: metering it here again cost every load several regular
 * expression passes over megabytes of code (a vendored SchemaStore schema), in the hook and in
 * each parse worker.
 *
 * With `cache`, the code is compiled through vm.Script with V8's code cache: for SchemaStore's
 * ESLint-config schema (4.9 MB of code) parsing it cost ~70 ms and compiling its root function on
 * the first validation ~130 ms, on every warm hook run that met an `.eslintrc.yaml`; with the code
 * cache of an earlier run both take ~15 ms (issue 20). The cache is made after the first
 * validation, so that it holds the functions that validation compiled (V8 compiles lazily).
 */
export declare function loadStandalone(code: string, cache?: CodeCache): Promise<Validator>;
