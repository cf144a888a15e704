import type { Finding } from "../finding.js";
export type DocumentFormat = "json" | "jsonc" | "yaml";
export interface Position {
    line: number;
    column: number;
    endLine?: number;
    endColumn?: number;
}
export interface ParseOptions {
    /** Repo-relative path: used in findings and to pick the format by extension. */
    path: string;
    /** Force a format; default from the extension (.json -> json, .yaml/.yml -> yaml). */
    format?: DocumentFormat;
    /**
     * YAML: `<<` merge keys merge (default true, as in PyYAML, Psych, yaml.v3, js-yaml, docker
     * compose and GitLab CI). False: a `<<` merge key is a `parse/merge-key` error.
     */
    mergeKeys?: boolean;
    /** YAML: custom tags (e.g. "!Ref") accepted; their value is kept as the plain scalar/collection. */
    customTags?: readonly string[];
    /**
     * YAML: accept every `!tag` (values kept as plain scalars/collections). For corpora and
     * library use; the CLI never sets it. Default false: an unknown tag is `parse/unknown-tag`.
     */
    allowAnyTag?: boolean;
    /**
     * YAML: level of `parse/unknown-tag` for a tag that is neither core YAML, nor in customTags,
     * nor of a dialect the file belongs to (./yaml-dialects.ts). Default "warning".
     */
    unknownTags?: "error" | "warning";
    /**
     * YAML: read strictly as YAML 1.2 where common readers are lenient. Today one case: a quoted
     * string continued on lines not indented more than its key is the yaml package's error
     * ("Missing closing quote"), not a `parse/quoted-indent` warning. Default false (the
     * yaml-test-suite corpus test sets it).
     */
    strict?: boolean;
    /** YAML: accept the tags of the dialects detected from the path and content (default true). */
    dialects?: boolean;
    /**
     * YAML: ids of dialects (./yaml-dialects.ts) the file belongs to although neither its path nor
     * its content says so: another file vouches for it (a Home Assistant configuration.yaml that
     * includes it, checks/home-assistant-includes.ts). Ignored when `dialects` is false.
     */
    extraDialects?: readonly string[];
    /**
     * YAML: ids of dialects the file is not read in although its path or content says so: on a pull
     * request, the trusted commit did not agree to them (checks/validate.ts). Not for extraDialects.
     */
    refusedDialects?: readonly string[];
    /**
     * Deepest nesting accepted (default 1000). Deeper is `parse/too-deep`: the parser itself is
     * iterative, but JSON.stringify, ajv and most other readers recurse and would crash.
     */
    maxDepth?: number;
    /**
     * JSON/JSONC: accept raw line breaks inside strings (kept in the value as \n / \r), as
     * Azure Resource Manager reads its templates ("multi-line strings"). Default false: a line
     * break in a string is a parse/syntax error, as for every JSON reader.
     */
    lineBreaksInStrings?: boolean;
    /**
     * YAML: the file's reader (named here, for messages) merges a list with `<<: *alias` (Symfony's
     * YAML parser: ./yaml-list-alias-merge.ts): such a merge is no error, and its items (which
     * that reader puts under the keys 0..n-1) are left out of the value. Default: unset (refused).
     */
    listAliasMerges?: string;
    /**
     * JSON: the reader of this file that skips a leading UTF-8 BOM, when the caller knows it from
     * other files (a .NET project around it): the BOM is then a warning naming it, as for the
     * names in json-bom-readers.ts. Default: those names only.
     */
    bomSkippedBy?: string;
    /**
     * JSONC: accept a comma before a closing bracket (default true, as TypeScript and VS Code do).
     * False for readers that skip comments but reject trailing commas (Chromium's JSON reader for
     * browser extensions, Minecraft Bedrock's add-on packs): there a trailing comma is a parse/syntax error.
     * JSON: default false; true for a reader without comments that takes trailing commas (Godot's JSON class).
     */
    trailingCommas?: boolean;
    /**
     * JSON/JSONC: the reader of this file when it takes NaN, Infinity and -Infinity as numbers
     * (Python's json.loads, e.g. Hugging Face transformers for its config.json). Each is then a
     * `parse/non-finite` warning naming this reader, not a syntax error; the value seen by a schema
     * is ±Infinity, and null for NaN. Default unset: they are errors, as for every JSON reader.
     */
    nonFiniteReader?: string;
    /**
     * JSON/JSONC: the reader of this file when it keeps one of a repeated member without a word and
     * never refuses the file for it (JsonCpp's classic Json::Reader, which Minecraft Bedrock's add-on
     * loader uses). A repeat whose two values are the same data is then a `parse/duplicate-key`
     * notice naming this reader: nothing is lost whichever one it keeps. A repeat with different
     * values stays the error (one of them is dropped). Default unset: every repeat is an error.
     */
    repeatsKeptBy?: string;
}
export interface ParsedDocument {
    format: DocumentFormat;
    /** True when no error-level finding was produced. */
    ok: boolean;
    /** The value of the (first) document; undefined when parsing failed. */
    value: unknown;
    /** Every document's value (YAML multi-document streams; JSON has one). */
    documents: unknown[];
    /** parse/* findings, `file` already set. */
    findings: Finding[];
    /**
     * Position of the value at `pointer` in document `doc` (default 0), or of the closest
     * existing ancestor when the pointer does not exist (so "missing property" errors point
     * at the object that lacks it). Undefined only when the document did not parse.
     */
    locate(pointer: string, doc?: number): Position | undefined;
    /** Position of the key (member name) at `pointer`, where it has one. */
    locateKey(pointer: string, doc?: number): Position | undefined;
    /**
     * YAML: ids of the dialects recognised by the file's path or content (not extraDialects) that
     * changed the reading: a tag accepted only by them, a CloudFormation long form, a Compose
     * `!reset` dropped. Absent when none did.
     */
    dialectsUsed?: readonly string[];
}
