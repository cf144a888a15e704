import type { Finding } from "../core/finding.js";
import type { Config } from "./types.js";
/** Validate config data already parsed; returns findings (empty when valid). Pure. */
export declare function validateConfigText(text: Buffer | string, file: string): {
    config?: Config;
    findings: Finding[];
    parseFindings?: Finding[];
};
