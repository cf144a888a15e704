/**
 * Read and validate .integrity-guard/config.yml. A broken config is exit 2 with every problem
 * at its line and column; unknown keys are errors (a typo must never turn a check off).
 */
import fs from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { ConfigError } from "../errors.js";
import type { Finding } from "../core/finding.js";
import { parseDocument } from "../core/parse/index.js";
import { ajvErrorsToFindings } from "../core/schema/ajv-findings.js";
import configSchema from "../../schemas/config.schema.json" with { type: "json" };
import { CONFIG_PATH, type Config, type LoadedConfig } from "./types.js";

let compiled: ReturnType<Ajv["compile"]> | undefined;

/** Validate config data already parsed; returns findings (empty when valid). Pure. */
export function validateConfigText(text: Buffer | string, file: string): { config?: Config; findings: Finding[] } {
  const doc = parseDocument(text, { path: file, format: "yaml" });
  if (!doc.ok) return { findings: doc.findings };
  if (doc.documents.length > 1) {
    return { findings: [{ rule: "config/invalid", level: "error", file, line: 1, column: 1, message: "the config file holds more than one YAML document; keep one" }] };
  }
  const value = doc.value ?? {};
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(configSchema);
  if (!compiled(value)) {
    return { findings: ajvErrorsToFindings(compiled.errors ?? [], { file, schemaPath: "schemas/config.schema.json", doc, rule: "config/invalid" }) };
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
      fix: code === "ENOENT" ? "check the --config path, or run `integrity-guard init` to write a starter config" : "check the file's permissions",
    });
  }
  const { config, findings } = validateConfigText(text, rel);
  if (!config) {
    const lines = findings.map((f) => `  ${f.file}:${f.line ?? 1}:${f.column ?? 1}: ${f.message}${f.fix ? ` (${f.fix})` : ""}`);
    throw new ConfigError(`invalid config ${rel}:\n${lines.join("\n")}`, {
      fix: "correct the entries above; the accepted keys are described in schemas/config.schema.json and the README",
    });
  }
  return { config, path: rel, exists: true };
}
