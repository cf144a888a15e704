/**
 * Read and validate .integrity-guard/config.yml. A broken config is exit 2 with every problem
 * at its line and column; unknown keys are errors (a typo must never turn a check off).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { Ajv as AjvClass, ErrorObject } from "ajv";
import { ConfigError } from "../errors.js";
import type { Finding } from "../core/finding.js";
import { parseDocument } from "../core/parse/index.js";
import { ajvErrorsToFindings } from "../core/schema/ajv-findings.js";
import configSchema from "../../schemas/config.schema.json" with { type: "json" };
import generatedValidator, { schemaHash as generatedHash } from "./validate-config.generated.js";
import { CONFIG_PATH, type Config, type LoadedConfig } from "./types.js";

type ConfigValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
let compiled: ConfigValidator | undefined;

/**
 * The config validator. Normally the standalone code generated at build time
 * (scripts/gen-config-validator.mjs), so the hook never loads ajv; when the schema changed
 * and the generated file was not refreshed, compile the schema instead of trusting stale code.
 */
function configValidator(): ConfigValidator {
  if (compiled) return compiled;
  if (createHash("sha256").update(JSON.stringify(configSchema)).digest("hex") === generatedHash) {
    compiled = generatedValidator;
    return compiled;
  }
  // Stale generated file (development only: CI checks it is fresh). loadConfig is synchronous,
  // so ajv is loaded with require rather than a dynamic import.
  let Ajv: typeof AjvClass;
  try {
    Ajv = (createRequire(import.meta.url)("ajv") as { Ajv: typeof AjvClass }).Ajv;
  } catch (error) {
    throw new ConfigError(
      `src/config/validate-config.generated.js is stale and ajv cannot be loaded to compile the config schema: ${(error as Error).message}`,
      {
        fix: "run node scripts/gen-config-validator.mjs and rebuild",
      },
    );
  }
  compiled = new Ajv({ allErrors: true, verbose: true, strict: false, logger: false }).compile(configSchema) as ConfigValidator;
  return compiled;
}

/** Validate config data already parsed; returns findings (empty when valid). Pure. */
export function validateConfigText(text: Buffer | string, file: string): { config?: Config; findings: Finding[] } {
  const doc = parseDocument(text, { path: file, format: "yaml" });
  if (!doc.ok) return { findings: doc.findings };
  if (doc.documents.length > 1) {
    return {
      findings: [
        {
          rule: "config/invalid",
          level: "error",
          file,
          line: 1,
          column: 1,
          message: "the config file holds more than one YAML document; keep one",
        },
      ],
    };
  }
  const value = doc.value ?? {};
  const validate = configValidator();
  if (!validate(value)) {
    return {
      findings: ajvErrorsToFindings(validate.errors ?? [], { file, schemaPath: "schemas/config.schema.json", doc, rule: "config/invalid" }),
    };
  }
  return { config: value as Config, findings: [] };
}

/**
 * Load the config of the repository at `root`. `explicitPath` (from --config) must exist;
 * the default path may be absent, and then the defaults apply.
 */
export function loadConfig(root: string, explicitPath?: string): LoadedConfig {
  const rel = explicitPath ? path.relative(root, path.resolve(explicitPath)).split(path.sep).join("/") : CONFIG_PATH;
  const abs = path.resolve(root, rel);
  let text: Buffer;
  try {
    text = fs.readFileSync(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && !explicitPath) return { config: { version: 1 }, path: rel, exists: false };
    throw new ConfigError(`cannot read config ${rel}: ${(error as Error).message}`, {
      fix:
        code === "ENOENT"
          ? "check the --config path, or run `integrity-guard init` to write a starter config"
          : "check the file's permissions",
    });
  }
  const cached = readCachedConfig(root, text);
  if (cached) return { config: cached, path: rel, exists: true };
  const { config, findings } = validateConfigText(text, rel);
  if (config) writeCachedConfig(root, text, config);
  if (!config) {
    const lines = findings.map((f) => `  ${f.file}:${f.line ?? 1}:${f.column ?? 1}: ${f.message}${f.fix ? ` (${f.fix})` : ""}`);
    throw new ConfigError(`invalid config ${rel}:\n${lines.join("\n")}`, {
      fix: "correct the entries above; the accepted keys are described in schemas/config.schema.json and the README",
    });
  }
  return { config, path: rel, exists: true };
}

/*
 * A valid config, cached by the SHA-256 of its bytes (and of the schema it was validated
 * against) under .git/integrity-guard/: the pre-commit hook then skips the YAML parse and the
 * validation, which cost more than the rest of a small commit's checks. Only configs that
 * validated are cached; each entry carries the SHA-256 of its JSON, and anything that does not
 * match is ignored. Never throws: a cache that cannot be read or written only costs speed.
 */
const CONFIG_CACHE_VERSION = 1;

function configCacheFile(root: string, text: Buffer): string | undefined {
  const gitDir = path.join(root, ".git");
  try {
    if (!fs.statSync(gitDir).isDirectory()) return undefined; // worktrees and submodules: no cache
  } catch {
    return undefined;
  }
  const key = createHash("sha256").update(`${CONFIG_CACHE_VERSION}\0${generatedHash}\0`).update(text).digest("hex");
  return path.join(gitDir, "integrity-guard", "config-cache", `${key}.json`);
}

function readCachedConfig(root: string, text: Buffer): Config | undefined {
  const file = configCacheFile(root, text);
  if (!file) return undefined;
  try {
    const entry = JSON.parse(fs.readFileSync(file, "utf8")) as { sha: string; json: string };
    if (createHash("sha256").update(entry.json).digest("hex") !== entry.sha) return undefined;
    return JSON.parse(entry.json) as Config;
  } catch {
    return undefined;
  }
}

function writeCachedConfig(root: string, text: Buffer, config: Config): void {
  const file = configCacheFile(root, text);
  if (!file) return;
  try {
    const json = JSON.stringify(config);
    // Only plain JSON data is cached (a YAML .nan or .inf would not survive the round trip).
    if (!isDeepStrictEqual(JSON.parse(json), config)) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ sha: createHash("sha256").update(json).digest("hex"), json }));
    fs.renameSync(tmp, file);
    // Keep the folder small: a config changes rarely, old entries are useless.
    for (const name of fs.readdirSync(path.dirname(file))) {
      if (name !== path.basename(file)) fs.rmSync(path.join(path.dirname(file), name), { force: true });
    }
  } catch {
    // read-only .git or full disk: only speed is lost
  }
}
