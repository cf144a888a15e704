/**
 * How Microsoft.Extensions.Configuration.Json loads an `appsettings*.json` beyond its syntax
 * (JsonConfigurationFileParser): the root must be an object ("Unsupported JSON token"), and the
 * file is flattened into `Section:Sub:Key` keys in a dictionary that ignores case, a leaf key met
 * twice throwing FormatException ("A duplicate key 'logging:loglevel:default' was found"), so the
 * host does not start. `"Logging"` and `"logging"` with the same leaf below are that: valid JSON,
 * no repeated member name, but a crash at startup. Objects met twice merge (no error), an empty
 * object or array records its path as null without the check, array items are keyed by index.
 * Pure.
 */
import type { Finding } from "../core/finding.js";
import type { ParsedDocument } from "../core/parse/types.js";
import { toPointer } from "../core/pointer.js";

/** The findings .NET's JSON configuration reader adds to a parsed `doc`: none when it loads the file. */
export function dotnetConfigurationFindings(doc: ParsedDocument, file: string, reader: string): Finding[] {
  if (!doc.ok) return [];
  const root = doc.value;
  if (root === null || typeof root !== "object" || Array.isArray(root)) {
    return [
      {
        rule: "parse/syntax",
        level: "error",
        file,
        ...(doc.locate("") ?? { line: 1, column: 1 }),
        message: `the root of the file is ${Array.isArray(root) ? "an array" : root === null ? "null" : `a ${typeof root}`}, which ${reader} refuses ("Unsupported JSON token"): the host does not start`,
        expected: "a JSON object at the root",
        fix: "wrap the settings in one object: { ... }",
      },
    ];
  }
  const seen = new Map<string, string[]>();
  const findings: Finding[] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : isObject(value) ? Object.entries(value) : undefined;
    if (children && children.length > 0) {
      for (const [k, v] of children) visit(v, [...path, k]);
      return;
    }
    const key = path.join(":").toLowerCase();
    // An empty object or array sets its key to null without looking (it never throws).
    if (children) {
      seen.set(key, path.map(String));
      return;
    }
    const first = seen.get(key);
    if (first !== undefined) findings.push(duplicate(doc, file, reader, path, first));
    else seen.set(key, path.map(String));
  };
  for (const [k, v] of Object.entries(root)) visit(v, [k]);
  return findings;
}

function duplicate(doc: ParsedDocument, file: string, reader: string, path: (string | number)[], first: string[]): Finding {
  const pointer = toPointer(path);
  const name = path.join(":");
  const firstPointer = toPointer(first);
  const at = doc.locateKey(pointer) ?? doc.locate(pointer) ?? { line: 1, column: 1 };
  const firstAt = doc.locateKey(firstPointer) ?? doc.locate(firstPointer);
  return {
    rule: "parse/duplicate-key",
    level: "error",
    file,
    ...at,
    pointer,
    key: String(path[path.length - 1]),
    message: `the setting ${name} is also ${first.join(":")}: ${reader} ignores case in setting names and refuses a setting given twice ("A duplicate key '${name.toLowerCase()}' was found"), so the host does not start`,
    expected: "each setting path once, whatever its case",
    found: `${name} and ${first.join(":")}`,
    fix: "merge the two sections under one spelling (configuration keys are case-insensitive)",
    ...(firstAt ? { related: [{ file, line: firstAt.line, column: firstAt.column, message: `${first.join(":")} is set here` }] } : {}),
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
