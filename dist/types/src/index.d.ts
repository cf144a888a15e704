/** The library: what programs import from "integrity-guard". */
export type { Finding, Level, Summary } from "./core/finding.js";
export { parseDocument } from "./core/parse/with-yaml.js";
export type { ParsedDocument, ParseOptions, Position } from "./core/parse/index.js";
export { GuardError, UsageError, ConfigError, EnvironmentError, IntegrityError, InvalidDataError, UnsafePathError } from "./errors.js";
export { writeJson, writeYaml, updateJson, readJson, readYaml } from "./lib/safe-json.js";
export type { WriteOptions, UpdateOptions, ReadOptions } from "./lib/safe-json.js";
export type { SchemaOption } from "./lib/schema-option.js";
export { writeFileAtomic } from "./io/atomic.js";
export { withLock } from "./io/lock.js";
