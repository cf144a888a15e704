/**
 * `validate.max_file_size`: files over it are not parsed but reported as `parse/too-large`
 * (a warning naming the setting), never given a verdict. Parsing needs the whole file as one
 * string plus its tree: a few times the file in memory, and V8 cannot hold a string over about
 * 512 MiB at all (a valid file that large used to get a false `parse/encoding` error).
 */
import type { Finding } from "../core/finding.js";
import type { ValidateConfig } from "../config/types.js";
import { ConfigError, SchemaTooLargeError } from "../errors.js";

const DEFAULT_MAX_FILE_SIZE = 256 * 1024 * 1024;
/** The longest string V8 holds is 2^29 - 24 UTF-16 units; a file over it cannot be parsed whole. */
const MAX_PARSEABLE_SIZE = 2 ** 29 - 24;

const UNITS: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, KIB: 1024, MIB: 1024 ** 2, GIB: 1024 ** 3 };

/**
 * Default of `validate.max_yaml_size`. The `yaml` package builds a document tree of about 100-200
 * bytes per byte of YAML (measured: a 4.3 MiB list of mappings peaked at 0.96 GB, a 16 MiB one at
 * 3.0 GB, and a 50 MB file aborted the process out of memory). 8 MiB stays near 1.5 GB, under the
 * heap limit Node gives a 7 GB CI runner; larger YAML is a warning naming the setting.
 */
const DEFAULT_MAX_YAML_SIZE = 8 * 1024 * 1024;

/** The limit in bytes; ConfigError for a value over what can be parsed. */
export function maxFileSize(cfg: ValidateConfig): number {
  return sizeSetting(cfg.max_file_size, "max_file_size", DEFAULT_MAX_FILE_SIZE);
}

/** The limit for YAML files in bytes: the smaller of validate.max_yaml_size and validate.max_file_size. */
export function maxYamlSize(cfg: ValidateConfig): number {
  return Math.min(sizeSetting(cfg.max_yaml_size, "max_yaml_size", DEFAULT_MAX_YAML_SIZE), maxFileSize(cfg));
}

/**
 * Default of `validate.max_schema_size`: the bytes of a schema of the repository and the local files
 * it `$ref`s, counted before any is parsed. ajv checks a schema against its meta-schema and compiles
 * it unmetered (the work meter bounds validations only): a 22 MB schema took 8.2 s of CPU and 1.4 GB
 * (test/adversarial/sec21-huge-enum.test.ts), and a pull request can point a new file at one
 * through the file's own `$schema`. The largest schema in SchemaStore's catalog is under 1 MB.
 */
const DEFAULT_MAX_SCHEMA_SIZE = 8 * 1024 * 1024;

/** The limit in bytes for the schemas of the repository (the built-in ones are not counted). */
export function maxSchemaSize(cfg: ValidateConfig): number {
  return sizeSetting(cfg.max_schema_size, "max_schema_size", DEFAULT_MAX_SCHEMA_SIZE);
}

/** The error for a schema (`total` bytes with the files it $refs) over the limit. */
function schemaTooLarge(schemaPath: string, total: number, max: number, by?: string): SchemaTooLargeError {
  const what = by ? `schema ${schemaPath} and the files it $refs (${by} among them) are` : `schema ${schemaPath} is`;
  return new SchemaTooLargeError(`${what} ${mib(total)}, over validate.max_schema_size (${mib(max)}): it was not loaded`, {
    fix: `raise validate.max_schema_size in .integrity-guard/config.yml (loading and compiling a schema takes about 60 times its size in memory; at most 512MiB), or split the schema`,
  });
}

/** The SchemaStore limit of a run (validate.max_schema_size). */
export function schemaLimit(cfg: ValidateConfig): { bytes: number; tooLarge: (schemaPath: string, total: number, by?: string) => Error } {
  const bytes = maxSchemaSize(cfg);
  return { bytes, tooLarge: (schemaPath, total, by) => schemaTooLarge(schemaPath, total, bytes, by) };
}

function sizeSetting(raw: number | string | undefined, key: string, fallback: number): number {
  if (raw === undefined) return fallback;
  let bytes: number;
  if (typeof raw === "number") bytes = raw;
  else {
    const m = /^([0-9]+(?:\.[0-9]+)?) ?([KMG]i?B|B)$/i.exec(raw.trim());
    bytes = m ? Math.floor(Number(m[1]) * UNITS[m[2]!.toUpperCase()]!) : NaN;
  }
  if (!Number.isFinite(bytes) || bytes < 1 || bytes > MAX_PARSEABLE_SIZE) {
    throw new ConfigError(`validate.${key} is ${JSON.stringify(raw)}: it must be between 1 byte and 512MiB`, {
      fix: "set it to a size such as 64MiB or 256MiB (larger files cannot be parsed whole; exclude them in validate.exclude)",
    });
  }
  return bytes;
}

/** The finding for a file over the limit (`setting`: the key that set it, validate.max_yaml_size for YAML under its own limit). */
export function tooLargeFinding(
  file: string,
  size: number,
  max: number,
  setting: "max_file_size" | "max_yaml_size" = "max_file_size",
): Finding {
  const cost =
    setting === "max_yaml_size"
      ? "parsing YAML takes 100-200 times the file size in memory"
      : "parsing takes a few times the file size in memory";
  return {
    rule: "parse/too-large",
    level: "warning",
    file,
    message: `${file} is ${mib(size)}, over validate.${setting} (${mib(max)}): it was not parsed or checked`,
    fix: `raise validate.${setting} in .integrity-guard/config.yml (${cost}; at most 512MiB), or list the file in validate.exclude`,
  };
}

function mib(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${n} bytes`;
}
