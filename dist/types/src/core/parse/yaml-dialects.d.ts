/**
 * YAML dialects: application tags that a well-known reader understands, accepted only in files
 * of that reader's kind. Pure data plus two small functions; the parser asks for a file's
 * dialects only when it meets a tag that is neither core YAML nor allowed by the config, so
 * files without such tags (almost all) pay nothing for the detection.
 *
 * Tags are compared as the yaml package reports them: local tags as written (`!Ref`), `!!x`
 * expanded to `tag:yaml.org,2002:x` (so `!!python/name:m.f` is `tag:yaml.org,2002:python/name:m.f`).
 */
/** One reader's tag set and how to recognise its files. */
export interface YamlDialect {
    /** Stable id (docs, messages). */
    id: string;
    /** Human name, as used in messages. */
    name: string;
    /** Exact tags this reader resolves. */
    tags: readonly string[];
    /** Tag prefixes this reader resolves (`!ruby/` covers `!ruby/object:Foo`). */
    prefixes?: readonly string[];
    /** Repository-relative paths of this kind (forward slashes). */
    path?: RegExp;
    /** Text that only files of this kind contain (tested only when a tag needs it). */
    content?: RegExp;
}
/** The dialect table (docs/parsing.md describes each row and why). */
export declare const YAML_DIALECTS: readonly YamlDialect[];
/** True when `dialect` resolves `tag`. */
export declare function dialectHasTag(dialect: YamlDialect, tag: string): boolean;
/** The dialects `path` / `text` belong to (a file can be of several, e.g. Home Assistant and ESPHome). */
export declare function detectDialects(path: string, text: string): YamlDialect[];
/** Every dialect that knows `tag` (to name it when the file is not of that kind). */
export declare function dialectsOfTag(tag: string): YamlDialect[];
/**
 * A dialect tag close to `tag` (a typo such as `!Reff` or `!getatt`), or undefined. Only exact
 * tags are proposed, never prefixes.
 */
export declare function suggestTag(tag: string, dialects: readonly YamlDialect[]): string | undefined;
