/**
 * What a leniency of the full YAML reading lets through that js-yaml refuses. `parse/flow-dash`
 * (a plain `-` right before a flow indicator, `waitFor: [-]`) is a warning because libyaml,
 * go-yaml and PyYAML read it as the string "-"; js-yaml stops at it ("missed comma between flow
 * collection entries"), so for a file whose reader is js-yaml (pnpm's and Yarn 2+'s lockfiles,
 * ESLint's and cosmiconfig's rc files) the warning was a pass for a file its reader cannot load:
 * `pnpm install` fails on the merged lockfile. There it is an error. The same holds for the YAML
 * configs of JavaScript tools whatever their loader (js-yaml, or the yaml package some
 * cosmiconfig and lilconfig versions use, which refuses it too: it is what parse/flow-dash
 * relaxes). Pure.
 */
import type { ParsedDocument } from "./types.js";
/** `doc` with its parse/flow-dash warnings as errors naming `reader` (a js-yaml reader), or `doc` itself when it has none. */
export declare function flowDashRefusedBy(doc: ParsedDocument, reader: string): ParsedDocument;
/** Who reads a js-yaml lockfile (yaml-lockfile.ts: isJsYamlLockfile), for the message. */
export declare function lockfileReader(path: string): string;
/** The JavaScript tool that loads the YAML config at `path` (JS_YAML_CONFIG), if any. */
export declare function jsYamlConfigReader(path: string): string | undefined;
