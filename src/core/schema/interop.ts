/**
 * ajv and ajv-formats are CommonJS. A dynamic `import()` of them yields different shapes under
 * Node (namespace with `default` = module.exports) and under the bundler (ncc/webpack, which
 * may hand back module.exports or a namespace with `default`); these helpers accept all shapes.
 */

/** What CommonJS `require` would have returned. */
export function cjsExports(ns: unknown): Record<string, unknown> {
  const n = ns as Record<string, unknown>;
  const d = n.default as Record<string, unknown> | undefined;
  if (
    d !== undefined &&
    d !== null &&
    (typeof d === "object" || typeof d === "function") &&
    (d.__esModule || Object.keys(n).every((k) => k === "default" || k === "__esModule"))
  ) {
    return d;
  }
  return n;
}

/** A named export of a CommonJS module (falling back to its default export). */
export function cjsNamed<T>(ns: unknown, name: string): T {
  const e = cjsExports(ns);
  const v = e[name] ?? (e.default as Record<string, unknown> | undefined)?.[name] ?? e.default ?? e;
  return v as T;
}
