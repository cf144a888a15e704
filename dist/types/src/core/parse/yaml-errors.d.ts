/** The yaml package's errors as parse/* findings, each with a fix for its error code. */
import type { YAMLError } from "yaml";
import type { Finding } from "../finding.js";
import type { LineIndex } from "./lines.js";
/** A YAMLError (from doc.errors) as a finding; positions counted by our LineIndex (code points). */
export declare function yamlErrorFinding(e: YAMLError, file: string, lines: LineIndex, contentEnd: number): Finding;
