/**
 * The RegExp constructor ajv uses for `pattern` and `patternProperties`. ajv compiles every
 * pattern with the `u` flag, which refuses identity escapes of characters that need none (`\:`,
 * `\-` outside a class, `\"`): valid ECMA-262 patterns without the flag, which JSON Schema
 * names as its dialect, and which generators write (schemars-generated schemas such as Tauri's
 * config schema hold `^[^/\:*?"<>|]+$`). Such a schema would otherwise "not compile" and block
 * every file that names it. Like VS Code's JSON language service, a pattern is read with `u`
 * first (so a valid one keeps its Unicode meaning), and only when that fails, without it. A
 * pattern that is no regular expression either way still throws, and the schema does not compile.
 */
export declare function patternRegExp(pattern: string, flags: string): RegExp;
export declare namespace patternRegExp {
    var code: string;
}
/** The module id standalone code requires it by (standalone.ts maps it to this module). */
export declare const PATTERN_REGEXP_MODULE = "integrity-guard/pattern-regexp";
