/**
 * ajv and ajv-formats are CommonJS. A dynamic `import()` of them yields different shapes under
 * Node (namespace with `default` = module.exports) and under the bundler (ncc/webpack, which
 * may hand back module.exports or a namespace with `default`); these helpers accept all shapes.
 */

/**
 * What CommonJS `require` would have returned. A module namespace (Node's import of CommonJS,
 * or the bundler's wrapper; both tagged "Module") holds module.exports as `default`; otherwise
 * the bundler handed back module.exports itself.
 */
export function cjsExports(ns: unknown): Record<string, unknown> {
  const n = ns as Record<string | symbol, unknown>;
  if (n[Symbol.toStringTag] === "Module" && n.default !== undefined) return n.default as Record<string, unknown>;
  // esbuild's ES module bundles (the parse worker) wrap CommonJS in "node mode": an untagged
  // copy of module.exports (its `__esModule` flag included) whose `default` is module.exports
  // itself. A transpiled module's own `default` is its export (ajv's runtime helpers: a
  // function), never an object flagged `__esModule`, so that flag tells the wrapper apart.
  const inner = n.default as Record<string, unknown> | undefined;
  if (inner !== null && typeof inner === "object" && inner.__esModule === true) return inner;
  return n;
}

/** A named export of a CommonJS module (falling back to its default export). */
export function cjsNamed<T>(ns: unknown, name: string): T {
  const e = cjsExports(ns);
  const v = e[name] ?? (e.default as Record<string, unknown> | undefined)?.[name] ?? e.default ?? e;
  return v as T;
}
