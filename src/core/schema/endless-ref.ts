/**
 * A schema whose `$ref`s loop without reading any data (`{"$ref": "#"}`, or two files that refer
 * to each other) compiles, then overflows the stack on the first document: the check crashed
 * ("a bug in integrity-guard"). It is the schema's fault, and an error of the file it validates.
 * Pure.
 */
import type { ErrorObject } from "ajv";
import type { Finding } from "../finding.js";
import { BUDGET_EXCEEDED } from "./work-budget.js";

/**
 * The errors of `validate(data)`, "endless" when validating overflows the stack (a `$ref` loop),
 * or the message of a validation stopped for its work budget (work-budget.ts).
 */
export function runValidator(
  validate: (data: unknown) => ErrorObject[] | null,
  data: unknown,
): ErrorObject[] | null | "endless" | { exhausted: string } {
  try {
    return validate(data);
  } catch (error) {
    // By name: standalone code may run in another realm, whose RangeError is another class.
    if (error instanceof Error && error.name === "RangeError") return "endless";
    if (error instanceof Error && error.name === BUDGET_EXCEEDED) return { exhausted: error.message };
    throw error;
  }
}

/** The finding for a file whose validation exceeded its work budget (work-budget.ts). */
export function exhaustedFinding(file: string, schemaPath: string, detail: string): Finding {
  return {
    rule: "schema/unavailable",
    level: "error",
    file,
    message: `${file} could not be validated against schema ${schemaPath}: ${detail}. The schema makes the work grow exponentially (a subschema reached twice or more through allOf/anyOf/oneOf/$ref at each level, or at each level of nesting of the data)`,
    fix: `simplify ${schemaPath} so that no subschema is reached through two or more paths at every level (merge the repeated $refs), or split ${file}`,
  };
}

/** The finding for a file whose schema loops (see the file comment). */
export function endlessRefFinding(file: string, schemaPath: string): Finding {
  return {
    rule: "schema/unavailable",
    level: "error",
    file,
    message: `schema ${schemaPath} refers to itself without end (a $ref loop that reads no data, such as {"$ref": "#"} or two schemas that refer to each other): ${file} could not be validated`,
    fix: `make every $ref cycle in ${schemaPath} pass through a keyword that reads into the data (properties, items), or remove the $ref`,
  };
}

/**
 * Where `value` contains itself, as pointer tokens to the repeated reference, or undefined. A
 * YAML alias inside the node its anchor names (`a: &a [1, *a]`) reads as such a value (PyYAML
 * builds it; go-yaml and YAML-to-JSON readers refuse it), and validating it overflows the stack
 * exactly as a `$ref` loop does: asked only then, to say what it really is. Iterative, and each
 * object is explored once (aliases share objects).
 */
export function selfContainingPath(value: unknown): string[] | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const onPath = new Set<object>();
  const done = new WeakSet<object>();
  // Each frame: an object, its entries, the next entry to visit, and the key it was reached by.
  const stack: { obj: object; entries: [string, unknown][]; next: number; key: string }[] = [];
  const enter = (obj: object, key: string) => {
    onPath.add(obj);
    const entries: [string, unknown][] = Array.isArray(obj) ? obj.map((x, i) => [String(i), x]) : Object.entries(obj);
    stack.push({ obj, entries, next: 0, key });
  };
  enter(value, "");
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next >= top.entries.length) {
      stack.pop();
      onPath.delete(top.obj);
      done.add(top.obj);
      continue;
    }
    const [key, child] = top.entries[top.next++]!;
    if (child === null || typeof child !== "object" || done.has(child)) continue;
    if (onPath.has(child)) return [...stack.slice(1).map((f) => f.key), key];
    enter(child, key);
  }
  return undefined;
}

/** The finding for a document that contains itself (see selfContainingPath), at the repeated reference. */
export function selfContainingFinding(
  file: string,
  pointer: string,
  at: { line: number; column: number } | undefined,
  schemaPath: string,
): Finding {
  return {
    rule: "parse/recursive-alias",
    level: "error",
    file,
    ...(at ?? {}),
    pointer,
    message: `the value at ${pointer || "/"} is an alias of a node that contains it (an alias inside its own anchor): the data holds itself without end, which no JSON value can, so ${file} could not be validated against ${schemaPath}`,
    fix: "write out the data the alias should hold, or move the alias out of its anchor's node",
  };
}
