/** The library: what programs import from "integrity-guard". */
export type { Finding, Level, Summary } from "./core/finding.js";
export { parseDocument } from "./core/parse/index.js";
export type { ParsedDocument, ParseOptions, Position } from "./core/parse/index.js";
export { GuardError, UsageError, ConfigError, EnvironmentError, IntegrityError, UnsafePathError } from "./errors.js";
