import type { Finding } from "../core/finding.js";
import { type Config, type LoadedConfig } from "./types.js";
/** Validate config data already parsed; returns findings (empty when valid). Pure. */
export declare function validateConfigText(text: Buffer | string, file: string): {
    config?: Config;
    findings: Finding[];
};
/**
 * Load the config of the repository at `root`. `explicitPath` (from --config) must exist;
 * the default path may be absent, and then the defaults apply.
 */
export declare function loadConfig(root: string, explicitPath?: string): LoadedConfig;
