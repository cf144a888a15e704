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
import type { Ajv as AjvCore } from "ajv";
/** Replace `ajv`'s uniqueItems keyword by one that is linear for untyped items (see above). */
export declare function useLinearUniqueItems(ajv: AjvCore): Promise<void>;
