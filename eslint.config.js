import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "build/", "node_modules/", "coverage/", ".bench/", "test/fixtures/real-world/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        TextDecoder: "readonly",
        TextEncoder: "readonly",
        AbortController: "readonly",
        fetch: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-control-regex": "off",
    },
  },
  {
    // Type-aware rules on the sources (issue 18): the type checker knows which assertions do
    // nothing and which promises nobody awaits; lint without types cannot.
    files: ["src/**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-unnecessary-type-assertion": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    // push(...list) passes each element as an argument: a list of findings can be hundreds of
    // thousands long (a Helm chart's templates read as YAML) and overflows the stack (issue 13).
    // Use appendAll from src/core/append.ts. Only lists named *findings are guarded here, where
    // the size comes from the data; spreads of small fixed lists (help text) are fine.
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='push'][callee.object.name=/[fF]indings$/] > SpreadElement",
          message: "findings.push(...list) overflows the stack on large reports: use appendAll(findings, list) from src/core/append.ts",
        },
        {
          selector: "CallExpression[callee.property.name='push'][callee.object.property.name=/[fF]indings$/] > SpreadElement",
          message: "x.findings.push(...list) overflows the stack on large reports: use appendAll(x.findings, list) from src/core/append.ts",
        },
      ],
    },
  },
);
