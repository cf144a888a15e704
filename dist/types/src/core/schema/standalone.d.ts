import type { Validator } from "./compile.js";
/** Turn standalone code into a validator; throws when it needs a module we do not ship. */
export declare function loadStandalone(code: string): Promise<Validator>;
