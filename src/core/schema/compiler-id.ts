/**
 * Part of every schema cache key. Kept apart from compile.ts so a warm run reads it without
 * loading ajv. Bump the prefix when compile options change; ajv's version is included
 * because standalone code depends on its runtime. /2: schemas with unsafe patterns are refused
 * (unsafe-pattern.ts), so code cached before that is not reused. /3: uniqueItems is linear
 * (unique-items.ts), its code differs.
 */
import ajvPackage from "ajv/package.json" with { type: "json" };

export const COMPILER_ID = `ig-schema-cache/3 ajv/${ajvPackage.version}`;
