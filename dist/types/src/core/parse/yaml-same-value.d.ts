import { type Document } from "yaml";
/** True when the values `a` and `b` of two pairs of `doc` read as the same data. */
export declare function sameYamlValue(a: unknown, b: unknown, doc: Document.Parsed): boolean;
