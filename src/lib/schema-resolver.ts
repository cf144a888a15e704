/**
 * Which JSON Schema applies to a file a program writes: the one given, or the one the repo's
 * .integrity-guard/config.yml maps to it (validate.schemas), found by walking up from the file.
 * Compiled validators are cached per schema file (by path and mtime) for the process's life.
 */
import fs from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { Ajv2019 } from "ajv/dist/2019.js";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { ConfigError } from "../errors.js";
import { validateConfigText } from "../config/validate-text.js";
import { CONFIG_PATH, type Config } from "../config/types.js";
import { matches } from "../core/glob.js";
import { parseDocument } from "../core/parse/index.js";
import { outsideLink, outsideMessage } from "../io/symlink-outside.js";

// ajv-formats is CommonJS; its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => void;

export type SchemaOption = string | Record<string, unknown> | false | undefined;

const compiled = new Map<string, { mtimeMs: number; validate: ValidateFunction; path: string }>();
const configs = new Map<string, { mtimeMs: number; config: Config } | null>();

/** Find the repository root above `file`: the nearest folder with .integrity-guard/ or .git. */
export function findRoot(file: string): string | undefined {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    if (fs.existsSync(path.join(dir, ".integrity-guard")) || fs.existsSync(path.join(dir, ".git"))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function configFor(root: string): Config | undefined {
  const p = path.join(root, CONFIG_PATH);
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return undefined;
  }
  const hit = configs.get(p);
  if (hit && hit.mtimeMs === st.mtimeMs) return hit.config;
  refuseOutsideLink(root, CONFIG_PATH, "config");
  const { config, findings } = validateConfigText(fs.readFileSync(p), CONFIG_PATH);
  if (!config) {
    const first = findings[0];
    throw new ConfigError(`invalid config ${p}${first ? `:${first.line ?? 1}:${first.column ?? 1}: ${first.message}` : ""}`, {
      fix: "run `integrity-guard check` in the repository for every problem",
    });
  }
  configs.set(p, { mtimeMs: st.mtimeMs, config });
  return config;
}

/**
 * The validator for `file`, or undefined when no schema applies.
 * `schema`: a schema object, a schema file path (relative to the cwd), false (never validate),
 * or undefined (use the repo config's mapping).
 */
export function validatorFor(file: string, schema: SchemaOption): { validate: ValidateFunction; schemaPath: string } | undefined {
  if (schema === false) return undefined;
  if (schema && typeof schema === "object") {
    const key = "inline:" + JSON.stringify(schema);
    let hit = compiled.get(key);
    if (!hit) {
      hit = { mtimeMs: 0, validate: compile(schema), path: "(inline schema)" };
      compiled.set(key, hit);
    }
    return { validate: hit.validate, schemaPath: hit.path };
  }
  let schemaFile: string | undefined;
  if (typeof schema === "string") {
    schemaFile = path.resolve(schema);
  } else {
    const root = findRoot(file);
    const config = root ? configFor(root) : undefined;
    if (!root || !config) return undefined;
    const rel = path.relative(root, path.resolve(file)).split(path.sep).join("/");
    const mapping = config.validate?.schemas?.find((m) => matches(m.files, rel));
    if (!mapping) return undefined;
    schemaFile = path.resolve(root, mapping.schema);
    const schemaRel = path.relative(root, schemaFile);
    if (!schemaRel.startsWith("..") && !path.isAbsolute(schemaRel)) refuseOutsideLink(root, schemaRel.split(path.sep).join("/"), "schema");
  }
  let st: fs.Stats;
  try {
    st = fs.statSync(schemaFile);
  } catch {
    throw new ConfigError(`schema ${schemaFile} does not exist`, {
      fix: "check the schema path (option `schema`, or validate.schemas in .integrity-guard/config.yml)",
    });
  }
  const hit = compiled.get(schemaFile);
  if (hit && hit.mtimeMs === st.mtimeMs) return { validate: hit.validate, schemaPath: schemaFile };
  const doc = parseDocument(fs.readFileSync(schemaFile), { path: schemaFile });
  if (!doc.ok) {
    const f = doc.findings[0]!;
    throw new ConfigError(`schema ${schemaFile}:${f.line ?? 1}:${f.column ?? 1} does not parse: ${f.message}`, {
      fix: "fix the schema file",
    });
  }
  const validate = compile(doc.value as Record<string, unknown>, schemaFile);
  compiled.set(schemaFile, { mtimeMs: st.mtimeMs, validate, path: schemaFile });
  return { validate, schemaPath: schemaFile };
}

/** The repository's config and mapped schemas are never read through a symlink out of it (their content would reach error messages). */
function refuseOutsideLink(root: string, rel: string, what: string): void {
  const link = outsideLink(root, rel);
  if (link === undefined) return;
  const { message, fix } = outsideMessage(rel, link, what);
  throw new ConfigError(message, { fix });
}

function compile(schema: Record<string, unknown>, where = "(inline schema)"): ValidateFunction {
  const draft = String(schema.$schema ?? "");
  const options = { allErrors: true, strict: false };
  const ajv = draft.includes("2020-12") ? new Ajv2020(options) : draft.includes("2019-09") ? new Ajv2019(options) : new Ajv(options);
  addFormats(ajv as Ajv);
  try {
    return ajv.compile(schema);
  } catch (error) {
    throw new ConfigError(`schema ${where} does not compile: ${(error as Error).message}`, {
      fix: "fix the schema so that it is a valid JSON Schema",
    });
  }
}
