/**
 * `validate.max_file_size`: files over it are not parsed but reported as `parse/too-large`
 * (a warning naming the setting), never given a verdict. Parsing needs the whole file as one
 * string plus its tree: a few times the file in memory, and V8 cannot hold a string over about
 * 512 MiB at all (a valid file that large used to get a false `parse/encoding` error).
 */
import type { Finding } from "../core/finding.js";
import type { ValidateConfig } from "../config/types.js";
import { ConfigError } from "../errors.js";

export const DEFAULT_MAX_FILE_SIZE = 256 * 1024 * 1024;
/** The longest string V8 holds is 2^29 - 24 UTF-16 units; a file over it cannot be parsed whole. */
export const MAX_PARSEABLE_SIZE = 2 ** 29 - 24;

const UNITS: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, KIB: 1024, MIB: 1024 ** 2, GIB: 1024 ** 3 };

/** The limit in bytes; ConfigError for a value over what can be parsed. */
export function maxFileSize(cfg: ValidateConfig): number {
  const raw = cfg.max_file_size;
  if (raw === undefined) return DEFAULT_MAX_FILE_SIZE;
  let bytes: number;
  if (typeof raw === "number") bytes = raw;
  else {
    const m = /^([0-9]+(?:\.[0-9]+)?) ?([KMG]i?B|B)$/i.exec(raw.trim());
    bytes = m ? Math.floor(Number(m[1]) * UNITS[m[2]!.toUpperCase()]!) : NaN;
  }
  if (!Number.isFinite(bytes) || bytes < 1 || bytes > MAX_PARSEABLE_SIZE) {
    throw new ConfigError(`validate.max_file_size is ${JSON.stringify(raw)}: it must be between 1 byte and 512MiB`, {
      fix: "set it to a size such as 64MiB or 256MiB (larger files cannot be parsed whole; exclude them in validate.exclude)",
    });
  }
  return bytes;
}

/** The finding for a file over the limit. */
export function tooLargeFinding(file: string, size: number, max: number): Finding {
  return {
    rule: "parse/too-large",
    level: "warning",
    file,
    message: `${file} is ${mib(size)}, over validate.max_file_size (${mib(max)}): it was not parsed or checked`,
    fix: `raise validate.max_file_size in .integrity-guard/config.yml (parsing takes a few times the file size in memory; at most 512MiB), or list the file in validate.exclude`,
  };
}

function mib(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${n} bytes`;
}
