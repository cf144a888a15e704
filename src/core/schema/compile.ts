/**
 * Compile schemas with ajv (+ ajv-formats) into a validator and its standalone code. ajv is
 * imported lazily: a warm hook runs cached standalone code and never loads it.
 */
import type { Ajv as AjvCore, ErrorObject, Options } from "ajv";
import type { Draft } from "./draft.js";
import { cjsExports, cjsNamed } from "./interop.js";
import { withSimpleUri } from "./fast-uri-format.js";
import { unsafePatterns } from "./unsafe-pattern.js";
import { patternRegExp } from "./pattern-regexp.js";
import { loadStandalone } from "./standalone.js";
import { meterCode } from "./work-budget.js";
import { useLinearUniqueItems } from "./unique-items.js";

/** A loaded schema document: its repo path, the URI ajv knows it by, and its value. */
export interface LoadedSchema {
  path: string;
  uri: string;
  schema: Record<string, unknown> | boolean;
  draft: Draft;
}

export type Validator = (data: unknown) => ErrorObject[] | null;

/** `code`: ajv's standalone code, metered (work-budget.ts): what loadStandalone runs, the cache keeps, and parse workers load. */
type CompileResult = { ok: true; validate: Validator; code: string } | { ok: false; error: string };

const OPTIONS: Options = {
  allErrors: true,
  verbose: true,
  strict: false,
  allowUnionTypes: true,
  logger: false,
  // Patterns valid only without the u flag still compile (pattern-regexp.ts).
  code: { source: true, regExp: patternRegExp },
};

/** One compiler per run: an ajv instance per draft, each schema registered once. */
export class SchemaCompiler {
  private readonly instances = new Map<Draft, AjvCore>();
  /** URI -> repo path of every schema registered, per draft instance. */
  private readonly registered = new Map<Draft, Map<string, string>>();

  async compile(root: LoadedSchema, deps: readonly LoadedSchema[]): Promise<CompileResult> {
    // One tree holding an $id twice: its $refs by that URI are ambiguous, whatever else ran.
    const inTree = idClash([root, ...deps], new Map());
    if (inTree) return { ok: false, error: inTree };
    let ajv: AjvCore;
    let known: Map<string, string>;
    try {
      if (idClash([root, ...deps], this.registered.get(root.draft) ?? new Map())) {
        // An $id that an earlier schema of this run holds from another file (a repository's copy
        // of a SchemaStore schema beside the built-in one, two versions of a schema that kept
        // their $id): each data file names its own schema, so this tree gets an instance of its
        // own rather than a refusal that would depend on which file was checked first.
        ajv = await newInstance(root.draft);
        known = new Map();
      } else {
        ajv = await this.instance(root.draft);
        known = this.registered.get(root.draft) ?? new Map<string, string>();
        this.registered.set(root.draft, known);
      }
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
    try {
      // Before ajv runs any of them: a catastrophic pattern would freeze the check (unsafe-pattern.ts).
      for (const s of [root, ...deps]) {
        const bad = unsafePatterns(s.schema)[0];
        if (bad) {
          return {
            ok: false,
            error: `unsafe pattern ${JSON.stringify(bad.pattern)} at ${s.path}#${bad.pointer}: a repeated group whose parts are all optional or repeated can take exponential time on a non-matching string (schema/unsafe-pattern); rewrite it so each repetition has a fixed part, e.g. ^a+$ for ^(a+)+$`,
          };
        }
      }
      for (const dep of deps) {
        if (known.has(dep.uri)) continue;
        canonicalMeta(dep);
        // Validate a dependency against its meta-schema only when it is written in our draft;
        // a draft-07 definitions file referenced from a 2020-12 schema is common and works.
        ajv.addSchema(dep.schema, dep.uri, undefined, dep.draft === root.draft);
        known.set(dep.uri, dep.path);
      }
      canonicalMeta(root);
      const validate = known.has(root.uri) ? ajv.getSchema(root.uri) : ajv.compile(root.schema as object);
      if (!validate) return { ok: false, error: `internal: schema ${root.uri} is registered but cannot be compiled` };
      known.set(root.uri, root.path);
      // The standalone code, metered once against exponential schemas (work-budget.ts), and run as
      // a cached schema runs it. Code that needs a module we do not ship runs as ajv compiled it
      // (unmetered, as before), never refused for that.
      const code = meterCode((await standalone())(ajv, validate));
      const metered = await loadStandalone(code).catch(() => undefined);
      return { ok: true, code, validate: metered ?? ((data) => (validate(data) ? null : (validate.errors ?? []))) };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }

  private async instance(draft: Draft): Promise<AjvCore> {
    const have = this.instances.get(draft);
    if (have) return have;
    const ajv = await newInstance(draft);
    this.instances.set(draft, ajv);
    return ajv;
  }
}

/** The first schema of `tree` whose $id `known` (URI -> path) holds from another file, as a message. */
function idClash(tree: readonly LoadedSchema[], known: ReadonlyMap<string, string>): string | undefined {
  const seen = new Map(known);
  for (const s of tree) {
    const other = seen.get(s.uri);
    if (other !== undefined && other !== s.path)
      return `schemas ${other} and ${s.path} both have the $id ${s.uri}; give each schema its own $id`;
    seen.set(s.uri, s.path);
  }
  return undefined;
}

/** A fresh ajv instance for `draft`, with the formats. */
async function newInstance(draft: Draft): Promise<AjvCore> {
  let ajv: AjvCore;
  if (draft === "2020-12") {
    const Ajv2020 = cjsNamed<typeof import("ajv/dist/2020.js").Ajv2020>(await import("ajv/dist/2020.js"), "Ajv2020");
    ajv = new Ajv2020(OPTIONS);
  } else if (draft === "2019-09") {
    const Ajv2019 = cjsNamed<typeof import("ajv/dist/2019.js").Ajv2019>(await import("ajv/dist/2019.js"), "Ajv2019");
    ajv = new Ajv2019(OPTIONS);
  } else if (draft === "draft-07" || draft === "draft-06") {
    const Ajv = cjsNamed<typeof import("ajv").Ajv>(await import("ajv"), "Ajv");
    ajv = new Ajv(OPTIONS);
    if (draft === "draft-06") {
      const meta = await import("ajv/dist/refs/json-schema-draft-06.json", { with: { type: "json" } });
      ajv.addMetaSchema((meta as { default?: object }).default ?? meta);
    }
  } else {
    // draft-04 (about a fifth of SchemaStore's schemas): ajv's own package for it.
    const Ajv04 = cjsNamed<typeof import("ajv-draft-04").default>(await import("ajv-draft-04"), "default");
    ajv = new Ajv04(OPTIONS);
  }
  // Before any schema compiles, the meta-schemas included: ajv's pairwise uniqueItems made a large `enum` quadratic (unique-items.ts).
  await useLinearUniqueItems(ajv);
  const addFormats = cjsNamed<(a: AjvCore) => void>(await import("ajv-formats"), "default");
  addFormats(ajv);
  // Same fast path as cached standalone code gets (./fast-uri-format.ts): one behaviour.
  const uri = ajv.formats.uri;
  if (typeof uri === "function") ajv.addFormat("uri", withSimpleUri(uri));
  return ajv;
}

/** The meta-schema URI ajv registers for each draft. */
const META: Record<Draft, string> = {
  "draft-04": "http://json-schema.org/draft-04/schema#",
  "draft-06": "http://json-schema.org/draft-06/schema#",
  "draft-07": "http://json-schema.org/draft-07/schema#",
  "2019-09": "https://json-schema.org/draft/2019-09/schema",
  "2020-12": "https://json-schema.org/draft/2020-12/schema",
};

/**
 * Spell `$schema` as ajv knows the draft's meta-schema: draftOf accepts `https://` and a missing
 * `#` (the compose specification writes https://json-schema.org/draft-07/schema), ajv looks the
 * URI up verbatim and refuses any other spelling.
 */
function canonicalMeta(s: LoadedSchema): void {
  if (typeof s.schema !== "object" || s.schema === null) return;
  const meta = s.schema.$schema;
  if (typeof meta === "string" && meta !== META[s.draft]) s.schema = { ...s.schema, $schema: META[s.draft] };
}

type StandaloneCode = (ajv: AjvCore, validate: unknown) => string;

/** ajv's standalone generator; its module is CommonJS, whose default export differs between Node and the bundler. */
async function standalone(): Promise<StandaloneCode> {
  const e = cjsExports(await import("ajv/dist/standalone/index.js"));
  return (typeof e === "function" ? e : e.default) as StandaloneCode;
}
