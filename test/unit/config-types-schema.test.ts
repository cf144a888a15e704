/**
 * src/config/types.ts is written by hand beside schemas/config.schema.json (the source of truth,
 * compiled into the validator). Nothing else checks that they agree: a key the schema accepts but
 * the types lack is ignored by the code that reads the config, which turns a setting off
 * silently. This walks the `Config` type with the TypeScript compiler and the schema side by
 * side and compares the property names of every object they both describe.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/repo.js";

type Schema = Record<string, unknown>;

const schemaRoot = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "schemas/config.schema.json"), "utf8")) as Schema;

/** Follow a local `$ref` (`#/definitions/x`). */
function deref(node: Schema): Schema {
  let n = node;
  for (let i = 0; i < 20 && typeof n.$ref === "string"; i++) {
    const parts = (n.$ref as string).replace(/^#\//, "").split("/");
    n = parts.reduce<Schema>((acc, p) => acc[p] as Schema, schemaRoot);
  }
  return n;
}

/** The object shapes a schema node allows: itself, or its oneOf/anyOf/allOf branches that have properties. */
function objectShapes(node: Schema): Schema[] {
  const n = deref(node);
  const out: Schema[] = [];
  if (n.properties) out.push(n);
  for (const k of ["oneOf", "anyOf", "allOf"]) for (const b of (n[k] as Schema[] | undefined) ?? []) out.push(...objectShapes(b));
  if (n.items && typeof n.items === "object") out.push(...objectShapes(n.items as Schema));
  if (n.additionalProperties && typeof n.additionalProperties === "object") out.push(...objectShapes(n.additionalProperties as Schema));
  return out;
}

it("every object of the Config type has exactly the keys the config schema allows there", () => {
  const file = path.join(PROJECT_ROOT, "src/config/types.ts");
  const program = ts.createProgram([file], { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  let config: ts.Type | undefined;
  ts.forEachChild(source, (n) => {
    if (ts.isInterfaceDeclaration(n) && n.name.text === "Config") config = checker.getTypeAtLocation(n);
  });
  expect(config).toBeDefined();

  const mismatches: string[] = [];
  let compared = 0;
  const seen = new Set<string>();
  /** Object types (with named properties) inside `t`: union members, array elements, record values. */
  const objectTypes = (t: ts.Type): ts.Type[] => {
    if (t.isUnion()) return t.types.flatMap(objectTypes);
    if (checker.isArrayType(t)) return objectTypes(checker.getTypeArguments(t as ts.TypeReference)[0]!);
    if (!(t.flags & ts.TypeFlags.Object)) return [];
    const index = checker.getIndexInfosOfType(t)[0];
    if (index && t.getProperties().length === 0) return objectTypes(index.type);
    return t.getProperties().length > 0 ? [t] : [];
  };
  /**
   * Compare the object types `group` (one type, or the members of a union such as a recovery
   * step, which the schema may write as one object with optional keys) with `schema`.
   */
  const walk = (group: ts.Type[], schema: Schema, where: string): void => {
    const key = `${where}|${group.map((t) => checker.typeToString(t)).join("|")}`;
    if (seen.has(key) || where.split("/").length > 8) return;
    seen.add(key);
    const props = group.flatMap((t) => t.getProperties());
    const tsKeys = [...new Set(props.map((p) => p.name))];
    // The schema branch this type describes: the one sharing most keys.
    const shapes = objectShapes(schema);
    if (shapes.length === 0) return;
    const ranked = shapes
      .map((s) => ({ s, common: Object.keys(s.properties as Schema).filter((k) => tsKeys.includes(k)).length }))
      .sort((a, b) => b.common - a.common);
    if (group.length > 1 && ranked[0]!.common < tsKeys.length) {
      // The schema writes the union as branches too: compare member by member.
      for (const t of group) walk([t], schema, where);
      return;
    }
    const best = ranked[0]!.s;
    const schemaKeys = Object.keys(best.properties as Schema);
    compared++;
    for (const k of schemaKeys) if (!tsKeys.includes(k)) mismatches.push(`${where || "/"}: the schema allows "${k}", the type lacks it`);
    for (const k of tsKeys)
      if (!schemaKeys.includes(k)) mismatches.push(`${where || "/"}: the type has "${k}", the schema does not allow it`);
    for (const p of props) {
      const sub = (best.properties as Schema)[p.name] as Schema | undefined;
      if (!sub) continue;
      const inner = objectTypes(checker.getTypeOfSymbol(p));
      if (inner.length) walk(inner, sub, `${where}/${p.name}`);
    }
  };
  walk([config!], schemaRoot, "");
  expect(compared).toBeGreaterThan(10); // the walk did reach the nested sections
  expect(mismatches).toEqual([]);
});
