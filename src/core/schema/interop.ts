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
  return n;
}

/** A named export of a CommonJS module (falling back to its default export). */
export function cjsNamed<T>(ns: unknown, name: string): T {
  const e = cjsExports(ns);
  const v = e[name] ?? (e.default as Record<string, unknown> | undefined)?.[name] ?? e.default ?? e;
  return v as T;
}
