import type { Validator } from "./compile.js";
/** The module ids standalone code requires. */
export declare function requiredModules(code: string): string[];
/** Turn standalone code into a validator; throws when it needs a module we do not ship. */
export declare function loadStandalone(code: string): Promise<Validator>;
