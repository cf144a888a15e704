/**
 * Validate the text of .integrity-guard/config.yml: YAML parse with positions, then the config
 * schema (standalone code generated at build time). Loaded only when the config cache misses
 * (see load.ts), so the pre-commit hook does not load the YAML parser or the validator.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import type { Ajv as AjvClass, ErrorObject } from "ajv";
import { ConfigError } from "../errors.js";
import type { Finding } from "../core/finding.js";
import { parseDocument } from "../core/parse/with-yaml.js";
import { ajvErrorsToFindings } from "../core/schema/ajv-findings.js";
import configSchema from "../../schemas/config.schema.json" with { type: "json" };
import generatedValidator, { schemaHash as generatedHash } from "./validate-config.generated.js";
import type { Config } from "./types.js";

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
export function validateConfigText(
  text: Buffer | string,
  file: string,
): { config?: Config; findings: Finding[]; parseFindings?: Finding[] } {
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
  const conflictsCfg = (value as Config).config;
  if (conflictsCfg?.layers && conflictsCfg.precedence) {
    // Two answers to "which file wins": a layered set has no single precedence order.
    const at = doc.locateKey("/config/precedence") ?? doc.locate("/config/precedence");
    return {
      findings: [
        {
          rule: "config/invalid",
          level: "error",
          file,
          line: at?.line ?? 1,
          column: at?.column ?? 1,
          pointer: "/config/precedence",
          message: "config.precedence and config.layers cannot be used together: layers already order the files (lowest first)",
          fix: "keep config.layers for a default + overlays layout (overrides are intended), or config.precedence for a single source of truth (every difference is a conflict)",
        },
      ],
    };
  }
  // An accepted config can still carry parse warnings: `validate` reports them (load.ts caches them).
  return { config: value as Config, findings: [], parseFindings: doc.findings };
}
