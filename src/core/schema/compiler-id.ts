/**
 * Part of every schema cache key. Kept apart from compile.ts so a warm run reads it without
 * loading ajv. Bump the prefix when compile options change; ajv's version is included
 * because standalone code depends on its runtime.
 */
import ajvPackage from "ajv/package.json" with { type: "json" };

export const COMPILER_ID = `ig-schema-cache/1 ajv/${ajvPackage.version}`;
