/**
 * `uniqueItems` in linear time. ajv checks an array whose items it cannot type (no `items`, or
 * `items: true`, or items that may be objects or arrays) by comparing every pair (deepEqual,
 * n²/2 calls). That loop also runs when ajv checks a schema against its meta-schema, unmetered:
 * draft-04/06/07 declare `enum` with `uniqueItems: true` and `items: true`, so a schema whose
 * `enum` has N values cost N²/2 comparisons before any document was read (20,000 values: 1 s of
 * CPU; 100,000: 21 s; 2,000,000: past any job's timeout). A pull request controls that schema
 * through a file's own `$schema`. Here each item is turned into a canonical string once (object
 * keys sorted, strings and non-finite numbers tagged so no two different values meet) and looked
 * up in a Map: the same verdict, and the same pair of indices in the message (the highest index
 * that repeats an earlier item, and the latest such earlier item), in one pass.
 *
 * Arrays whose items have scalar types keep ajv's own loop (already one pass, with its rule that
 * an item of another type is left to `items`), and so does `$data` (not enabled here).
 */
import type { Ajv as AjvCore, KeywordCxt, KeywordDefinition } from "ajv";
import { cjsExports } from "./interop.js";

type CodeDefinition = KeywordDefinition & { code: (cxt: KeywordCxt) => void };
type Codegen = {
  _: (strs: TemplateStringsArray, ...args: unknown[]) => unknown;
  _Code: new (code: string) => unknown;
};
type DataTypes = { getSchemaTypes: (schema: unknown) => string[] };

/**
 * The JSON.stringify replacer that makes deep-equal values (fast-deep-equal, as ajv compares)
 * the same string and others different: key order ignored, strings tagged `s` so that a string
 * never meets a number/null/boolean, non-finite numbers (YAML's .inf/.nan) tagged `n` rather
 * than all written as null.
 */
const CANONICAL =
  '(k, v) => typeof v === "string" ? "s" + v : typeof v === "number" ? (isFinite(v) ? v : "n" + v) : v !== null && typeof v === "object" && !Array.isArray(v) ? Object.keys(v).sort().reduce((o, key) => (o[key] = v[key], o), Object.create(null)) : v';

/** Replace `ajv`'s uniqueItems keyword by one that is linear for untyped items (see above). */
export async function useLinearUniqueItems(ajv: AjvCore): Promise<void> {
  const original = cjsExports(await import("ajv/dist/vocabularies/validation/uniqueItems.js")).default as CodeDefinition;
  const { _, _Code } = cjsExports(await import("ajv/dist/compile/codegen/code.js")) as unknown as Codegen;
  const { getSchemaTypes } = cjsExports(await import("ajv/dist/compile/validate/dataType.js")) as unknown as DataTypes;
  const canonical = new _Code(CANONICAL);
  const def: CodeDefinition = {
    ...original,
    code(cxt: KeywordCxt) {
      const { gen, data, $data, schema, parentSchema } = cxt;
      const itemTypes = (parentSchema as { items?: unknown }).items ? getSchemaTypes((parentSchema as { items?: unknown }).items) : [];
      const typed = itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
      if ($data || typed) return original.code(cxt);
      if (!schema) return;
      const valid = gen.let("valid", true);
      const i = gen.let("i", _`${data}.length` as never);
      const j = gen.let("j");
      cxt.setParams({ i, j });
      gen.if(_`${i} > 1` as never, () => {
        const indices = gen.const("indices", _`new Map()` as never);
        const found = gen.let("found", -1);
        const k = gen.name("k");
        gen.for(_`let ${k} = 0; ${k} < ${i}; ${k}++` as never, () => {
          const key = gen.const("key", _`JSON.stringify(${data}[${k}], ${canonical})` as never);
          const seen = gen.const("seen", _`${indices}.get(${key})` as never);
          gen.if(_`${seen} !== undefined` as never, () => {
            gen.assign(found, k);
            gen.assign(j, seen);
          });
          gen.code(_`${indices}.set(${key}, ${k})` as never);
        });
        gen.if(_`${found} >= 0` as never, () => {
          gen.assign(i, found);
          cxt.error();
          gen.assign(valid, false);
        });
      });
      cxt.ok(valid);
    },
  };
  ajv.removeKeyword("uniqueItems");
  ajv.addKeyword(def);
}
