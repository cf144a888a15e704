/**
 * Which JSON Schema applies to a file a program writes: the one given, or the one the repo's
 * .integrity-guard/config.yml maps to it (validate.schemas), found by walking up from the file.
 * Compiled by the same compiler and on-disk cache as the CLI, the hook and the Action
 * (src/io/schema-cache.ts), so a schema means the same everywhere (drafts, formats, local
 * `$ref`s). Validators are memoised per schema file (by path and mtime) for the process's life.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ConfigError } from "../errors.js";
import { validateConfigText } from "../config/validate-text.js";
import { CONFIG_PATH, type Config } from "../config/types.js";
import { matches } from "../core/glob.js";
import type { Validator } from "../core/schema/compile.js";
import { draftOf, idKeyword } from "../core/schema/draft.js";
import { readFilesUnder } from "../io/file-source.js";
import { readRegularFileSync } from "../io/read-regular.js";
import { SchemaStore } from "../io/schema-cache.js";
import { outsideLink, outsideMessage } from "../io/symlink-outside.js";
import type { SchemaOption } from "./schema-option.js";

/** A schema's validator and the schema's path, for messages. */
export interface ResolvedValidator {
  validate: Validator;
  schemaPath: string;
}

const compiled = new Map<string, { mtimeMs: number; validator: Promise<Validator> }>();
const configs = new Map<string, { mtimeMs: number; config: Config } | null>();

/** Find the repository root above `file`: the nearest folder with .integrity-guard/ or .git. */
function findRoot(file: string): string | undefined {
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
  const { config, findings } = validateConfigText(readRegularFileSync(p), CONFIG_PATH);
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
export async function validatorFor(file: string, schema: SchemaOption): Promise<ResolvedValidator | undefined> {
  if (schema === false) return undefined;
  if (schema && typeof schema === "object") {
    const key = "inline:" + JSON.stringify(schema);
    let hit = compiled.get(key);
    if (!hit) {
      hit = { mtimeMs: 0, validator: compileInline(schema) };
      compiled.set(key, hit);
    }
    return { validate: await hit.validator, schemaPath: "(inline schema)" };
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
  let hit = compiled.get(schemaFile);
  if (!hit || hit.mtimeMs !== st.mtimeMs) {
    hit = { mtimeMs: st.mtimeMs, validator: compileFile(schemaFile) };
    compiled.set(schemaFile, hit);
  }
  try {
    return { validate: await hit.validator, schemaPath: schemaFile };
  } catch (error) {
    compiled.delete(schemaFile); // a schema fixed in place compiles on the next call
    throw error;
  }
}

/** The repository's config and mapped schemas are never read through a symlink out of it (their content would reach error messages). */
function refuseOutsideLink(root: string, rel: string, what: string): void {
  const link = outsideLink(root, rel);
  if (link === undefined) return;
  const { message, fix } = outsideMessage(rel, link, what);
  throw new ConfigError(message, { fix });
}

/** A schema file through the CLI's SchemaStore: read from its repository (or its folder), `$ref`s and all. */
function compileFile(schemaFile: string): Promise<Validator> {
  let root = findRoot(schemaFile) ?? path.dirname(schemaFile);
  let rel = path.relative(root, schemaFile);
  if (rel.startsWith("..") || path.isAbsolute(rel)) {
    root = path.dirname(schemaFile);
    rel = path.basename(schemaFile);
  }
  const gitDir = path.join(root, ".git");
  const cacheDir = fs.statSync(gitDir, { throwIfNoEntry: false })?.isDirectory()
    ? path.join(gitDir, "integrity-guard/schema-cache")
    : undefined;
  const store = new SchemaStore({
    source: { kind: "worktree", list: () => Promise.resolve([]), read: (paths) => Promise.resolve(readFilesUnder(root, paths)) },
    ...(cacheDir ? { cacheDir } : {}),
  });
  return store.get(rel.split(path.sep).join("/"));
}

/** A schema given as an object: the same compiler, with a URI of its own. */
async function compileInline(schema: Record<string, unknown>): Promise<Validator> {
  const draft = draftOf(schema);
  if (typeof draft === "object") {
    throw new ConfigError(`the inline schema declares $schema ${draft.unknown}, which is not a JSON Schema draft integrity-guard knows`, {
      fix: "use https://json-schema.org/draft/2020-12/schema or http://json-schema.org/draft-07/schema# (2019-09, draft-06 and draft-04 are read too)",
    });
  }
  const uri = `integrity-guard:inline/${createHash("sha256").update(JSON.stringify(schema)).digest("hex")}`;
  const { SchemaCompiler } = await import("../core/schema/compile.js");
  const result = await new SchemaCompiler().compile(
    { path: "(inline schema)", uri, schema: { ...schema, [idKeyword(draft)]: uri }, draft },
    [],
  );
  if (!result.ok) {
    throw new ConfigError(`schema (inline schema) does not compile: ${result.error}`, {
      fix: "fix the schema so that it is a valid JSON Schema",
    });
  }
  return result.validate;
}
