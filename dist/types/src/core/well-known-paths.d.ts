/**
 * Paths the pure core needs to know by name. They live here, not in config/types.ts, so that
 * core/ never imports config/ (config/ parses with core/; the other way would be a cycle);
 * config/types.ts re-exports them for everyone else.
 */
/** Where `seal` writes the manifest. */
export declare const MANIFEST_PATH = ".integrity-guard/manifest.json";
/** Never checked, whatever the config says: dependency folders hold other people's data. */
export declare const ALWAYS_EXCLUDED: string[];
