/**
 * Where the YAML parser registers itself when its module is evaluated (see loadYamlSupport in
 * ./index.ts): a module that imports ./yaml.js statically can parse YAML at once.
 */
import type { ParsedDocument, ParseOptions } from "./types.js";
export type YamlParser = (text: string, options: ParseOptions) => ParsedDocument;
export declare const yamlRegistry: {
    parser?: YamlParser;
};
