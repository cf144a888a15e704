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
/** A node's kind as a tag's reader sees it. */
export type TagValueKind = "scalar" | "seq" | "map";
/**
 * The value a dialect tag's readers take. Checked only for a tag accepted because of the file's
 * dialect (never for one the config allows). Each rule is the union over every reader of that
 * tag in YAML_DIALECTS and the other loaders known to use it, so it refuses only what none reads.
 */
interface TagValueRule {
    kinds: readonly TagValueKind[];
    /** A scalar value must name something (`!secret` with nothing after it), or must be empty (the name is in the tag). */
    scalar?: "name" | "none";
    /** What the value is for, in messages: "a secret's name". */
    takes: string;
}
/** The value rule of a dialect tag, or undefined when its readers take any value. */
export declare function tagValueRule(tag: string): TagValueRule | undefined;
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
export {};
