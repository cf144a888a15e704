/**
 * Run ajv standalone code (CommonJS text) without ajv: the few runtime helpers it may
 * `require` are imported here by literal name, so the bundler ships them and the code needs
 * no node_modules at run time.
 */
import vm from "node:vm";
import type { ErrorObject } from "ajv";
import type { Validator } from "./compile.js";
import { cjsExports } from "./interop.js";
import { withFastFormats } from "./fast-uri-format.js";
import { PATTERN_REGEXP_MODULE, patternRegExp } from "./pattern-regexp.js";
import { METER_PARAM, WorkMeter } from "./work-budget.js";

type Loader = () => Promise<unknown>;

const RUNTIME: Record<string, Loader> = {
  "ajv/dist/runtime/equal": () => import("ajv/dist/runtime/equal.js"),
  "ajv/dist/runtime/ucs2length": () => import("ajv/dist/runtime/ucs2length.js"),
  "ajv/dist/runtime/uri": () => import("ajv/dist/runtime/uri.js"),
  "ajv/dist/runtime/validation_error": () => import("ajv/dist/runtime/validation_error.js"),
  "ajv/dist/runtime/timestamp": () => import("ajv/dist/runtime/timestamp.js"),
  "ajv-formats/dist/formats": () => import("ajv-formats/dist/formats.js"),
  [PATTERN_REGEXP_MODULE]: () => Promise.resolve({ default: patternRegExp }),
};

/** The module ids standalone code requires. */
function requiredModules(code: string): string[] {
  return [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!))];
}

/**
 * V8's compiled form of one validator's code, kept beside its cache entry (schema-cache.ts).
 * `data`: what an earlier run kept (undefined: none); `keep`: called once, after the first
 * validation, with what this run compiled, when `data` was missing or V8 refused it (another
 * Node version or flags).
 */
export interface CodeCache {
  data: Buffer | undefined;
  keep(data: Buffer): void;
}

/**
 * Turn metered standalone code (meterCode's output, as SchemaCompiler returns it and the schema
 * cache and the parse workers hold it) into a validator; throws when it needs a module we do not
 * ship. The code is run as it is: metering it here again cost every load several regular
 * expression passes over megabytes of code (a vendored SchemaStore schema), in the hook and in
 * each parse worker.
 *
 * With `cache`, the code is compiled through vm.Script with V8's code cache: for SchemaStore's
 * ESLint-config schema (4.9 MB of code) parsing it cost ~70 ms and compiling its root function on
 * the first validation ~130 ms, on every warm hook run that met an `.eslintrc.yaml`; with the code
 * cache of an earlier run both take ~15 ms (issue 20). The cache is made after the first
 * validation, so that it holds the functions that validation compiled (V8 compiles lazily).
 */
export async function loadStandalone(code: string, cache?: CodeCache): Promise<Validator> {
  const modules = new Map<string, unknown>();
  for (const id of requiredModules(code)) {
    const load = RUNTIME[id];
    if (!load) throw new Error(`compiled schema needs module ${id}, which integrity-guard does not ship`);
    const exports = cjsExports(await load());
    modules.set(id, id === "ajv-formats/dist/formats" ? withFastFormats(exports) : exports);
  }
  const mod: { exports: unknown } = { exports: {} };
  // The code is ajv's own output, metered by work-budget.ts, cached under .git/integrity-guard/
  // and checksummed there (schema-cache.ts).
  // new Function is kept on purpose (issue 18 asks for a figure): for SchemaStore's
  // github-workflow.json, loading the cached code takes 13-20 ms against 240-320 ms to import
  // ajv and compile the schema again (3 runs each, tsx /tmp script over SchemaCompiler and
  // loadStandalone, 2-core machine). ajv itself compiles through new Function, so a cache that
  // stored something else would still need it; writing the code to a .cjs file to import()
  // would only move the same generated code out of sight. vm.Script (with a code cache) runs the
  // same text in the same global scope, as new Function does.
  // The meter its calls count on (work-budget.ts): a schema that makes validation exponential stops with an error.
  const meter = new WorkMeter();
  const args = (fn: unknown) => (fn as ModuleFunction)(mod, mod.exports, (id: string) => modules.get(id), meter);
  let script: vm.Script | undefined;
  if (cache) {
    // The same parameters as the new Function below; the line break keeps a trailing `//` comment of the code closed.
    script = new vm.Script(`(function (module, exports, require, ${METER_PARAM}) {${code}\n})`, {
      filename: "integrity-guard-schema.js",
      ...(cache.data ? { cachedData: cache.data } : {}),
    });
    args(script.runInThisContext());
  } else {
    args(new Function("module", "exports", "require", METER_PARAM, code));
  }
  const fn = mod.exports as ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
  if (typeof fn !== "function") throw new Error("compiled schema code did not export a function");
  // Made once, after the first validation (what it compiled is in it); none when V8 took ours.
  let keep = cache && script && (cache.data === undefined || script.cachedDataRejected === true) ? script : undefined;
  const kept = cache?.keep; // not `cache`: its data (megabytes) is not needed once compiled
  return (data) => {
    meter.start(data);
    try {
      return fn(data) ? null : (fn.errors ?? []);
    } finally {
      meter.end();
      if (keep) {
        const made = keep;
        keep = undefined;
        try {
          kept!(made.createCachedData());
        } catch {
          // Only speed is lost: the next run compiles again.
        }
      }
    }
  };
}

type ModuleFunction = (module: { exports: unknown }, exports: unknown, require: (id: string) => unknown, meter: WorkMeter) => void;
