/**
 * Compile schemas with ajv (+ ajv-formats) into a validator and its standalone code. ajv is
 * imported lazily: a warm hook runs cached standalone code and never loads it.
 */
import type { Ajv as AjvCore, ErrorObject, Options } from "ajv";
import ajvPackage from "ajv/package.json" with { type: "json" };
import type { Draft } from "./draft.js";

/** A loaded schema document: its repo path, the URI ajv knows it by, and its value. */
export interface LoadedSchema {
  path: string;
  uri: string;
  schema: Record<string, unknown> | boolean;
  draft: Draft;
}

export type Validator = (data: unknown) => ErrorObject[] | null;

export type CompileResult = { ok: true; validate: Validator; code: string } | { ok: false; error: string };

const OPTIONS: Options = {
  allErrors: true,
  verbose: true,
  strict: false,
  allowUnionTypes: true,
  logger: false,
  code: { source: true },
};

/** One compiler per run: an ajv instance per draft, each schema registered once. */
export class SchemaCompiler {
  private readonly instances = new Map<Draft, AjvCore>();

  async compile(root: LoadedSchema, deps: readonly LoadedSchema[]): Promise<CompileResult> {
    let ajv: AjvCore;
    try {
      ajv = await this.instance(root.draft);
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
    try {
      for (const dep of deps) {
        if (ajv.getSchema(dep.uri)) continue;
        // Validate a dependency against its meta-schema only when it is written in our draft;
        // a draft-07 definitions file referenced from a 2020-12 schema is common and works.
        ajv.addSchema(dep.schema as object, dep.uri, undefined, dep.draft === root.draft);
      }
      const existing = ajv.getSchema(root.uri);
      const validate = existing ?? ajv.compile(root.schema as object);
      const { default: standaloneCode } = await import("ajv/dist/standalone/index.js");
      const code = standaloneCode(ajv, validate);
      return {
        ok: true,
        code,
        validate: (data) => (validate(data) ? null : (validate.errors ?? [])),
      };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }

  private async instance(draft: Draft): Promise<AjvCore> {
    const have = this.instances.get(draft);
    if (have) return have;
    let ajv: AjvCore;
    if (draft === "2020-12") {
      const { Ajv2020 } = await import("ajv/dist/2020.js");
      ajv = new Ajv2020(OPTIONS);
    } else if (draft === "2019-09") {
      const { Ajv2019 } = await import("ajv/dist/2019.js");
      ajv = new Ajv2019(OPTIONS);
    } else if (draft === "draft-07" || draft === "draft-06") {
      const { Ajv } = await import("ajv");
      ajv = new Ajv(OPTIONS);
      if (draft === "draft-06") {
        const { default: meta } = await import("ajv/dist/refs/json-schema-draft-06.json", { with: { type: "json" } });
        ajv.addMetaSchema(meta);
      }
    } else {
      throw new Error(
        `JSON Schema ${draft} is not supported (ajv-draft-04 is not installed); change $schema to http://json-schema.org/draft-07/schema# (usually only "id" -> "$id" and boolean exclusiveMinimum/exclusiveMaximum need changing)`,
      );
    }
    const { default: addFormats } = await import("ajv-formats");
    (addFormats as unknown as (a: AjvCore) => void)(ajv);
    this.instances.set(draft, ajv);
    return ajv;
  }
}

/**
 * Part of every cache key: bump CACHE_FORMAT when compile options or the cache layout change;
 * ajv's version is included because standalone code depends on its runtime.
 */
export const COMPILER_ID = `ig-schema-cache/1 ajv/${ajvPackage.version}`;
