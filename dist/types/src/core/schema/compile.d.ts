/**
 * Compile schemas with ajv (+ ajv-formats) into a validator and its standalone code. ajv is
 * imported lazily: a warm hook runs cached standalone code and never loads it.
 */
import type { ErrorObject } from "ajv";
import type { Draft } from "./draft.js";
/** A loaded schema document: its repo path, the URI ajv knows it by, and its value. */
export interface LoadedSchema {
    path: string;
    uri: string;
    schema: Record<string, unknown> | boolean;
    draft: Draft;
}
export type Validator = (data: unknown) => ErrorObject[] | null;
/** `code`: ajv's standalone code, metered (work-budget.ts): what loadStandalone runs, the cache keeps, and parse workers load. */
type CompileResult = {
    ok: true;
    validate: Validator;
    code: string;
} | {
    ok: false;
    error: string;
};
/** One compiler per run: an ajv instance per draft, each schema registered once. */
export declare class SchemaCompiler {
    private readonly instances;
    /** URI -> repo path of every schema registered, per draft instance. */
    private readonly registered;
    compile(root: LoadedSchema, deps: readonly LoadedSchema[]): Promise<CompileResult>;
    private instance;
}
export {};
