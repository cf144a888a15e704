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
export declare function cjsExports(ns: unknown): Record<string, unknown>;
/** A named export of a CommonJS module (falling back to its default export). */
export declare function cjsNamed<T>(ns: unknown, name: string): T;
