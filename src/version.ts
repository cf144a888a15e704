/** The package's version, one place for the CLI, the Action, SARIF and the caches' keys. */
import pkg from "../package.json" with { type: "json" };

export const VERSION: string = pkg.version;
