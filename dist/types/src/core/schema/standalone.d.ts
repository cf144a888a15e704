import type { Validator } from "./compile.js";
/**
 * Turn metered standalone code (meterCode's output, as SchemaCompiler returns it and the schema
 * cache and the parse workers hold it) into a validator; throws when it needs a module we do not
 * ship. The code is run as it is: metering it here again cost every load several regular
 * expression passes over megabytes of code (a vendored SchemaStore schema), in the hook and in
 * each parse worker.
 */
export declare function loadStandalone(code: string): Promise<Validator>;
