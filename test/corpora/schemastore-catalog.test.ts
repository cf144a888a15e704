/**
 * SchemaStore's own test files for every vendored entry of the catalog of well-known files
 * (../shared/corpora/schemastore-catalog/{test,negative_test}/<name>/, read in place, never
 * copied): each file under test/ passes the vendored schema, each under negative_test/ fails it.
 * The schemas are the vendored copies (vendor/schemastore/), compiled by the one compiler with
 * their json.schemastore.org refs resolved offline.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_ENTRIES } from "../../src/core/catalog/builtin.generated.js";
import { BUILTIN_PREFIX } from "../../src/core/catalog/urls.js";
import { parseDocumentAsync } from "../../src/core/parse/index.js";
import type { FileSource } from "../../src/io/file-source.js";
import { SchemaStore } from "../../src/io/schema-cache.js";
import { corpusDir } from "../helpers/repo.js";

const root = corpusDir("schemastore-catalog");

/** A source with no files: every schema read here must come from vendor/. */
const empty: FileSource = { kind: "worktree", list: async () => [], read: async () => new Map() } as unknown as FileSource;
const store = new SchemaStore({ source: empty });

/** SchemaStore negative tests a vendoring patch accepts on purpose (the consumer does), and the patch. */
const ACCEPTED_BY_PATCH: Record<string, string> = {
  "negative_test/dependabot-2.0/reviewers-no-longer-valid-2025-08-08.json": "dependabot-deprecated-reviewers",
};

/** SchemaStore's test folder of each entry is named after its schema file. */
const cases = BUILTIN_ENTRIES.flatMap((e) => {
  const folder = e.file.replace(/\.json$/, "");
  return (["test", "negative_test"] as const).flatMap((kind) => {
    const dir = root ? path.join(root, kind, folder) : undefined;
    const files = dir && fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
    return files.map((f) => ({ entry: e.id, schema: e.file, kind, file: path.join(kind, folder, f) }));
  });
});

async function errorsOf(schema: string, file: string): Promise<unknown[]> {
  const bytes = fs.readFileSync(path.join(root!, file));
  const format = /\.ya?ml$/.test(file) ? "yaml" : "json";
  const doc = await parseDocumentAsync(bytes, { path: file, format });
  if (!doc.ok) return [{ parse: doc.findings[0]?.message }];
  const validate = await store.get(BUILTIN_PREFIX + schema);
  const out: unknown[] = [];
  for (const d of doc.documents.length ? doc.documents : [null]) out.push(...(validate(d) ?? []));
  return out;
}

describe.skipIf(!root)("SchemaStore's test files for the vendored catalog (../shared/corpora/schemastore-catalog)", () => {
  it("has test files for most entries", () => {
    const entries = new Set(cases.map((c) => c.entry));
    expect(entries.size).toBeGreaterThanOrEqual(10);
  });

  it.each(cases.filter((c) => c.kind === "test").map((c) => [c.file, c] as const))("%s passes", async (_, c) => {
    expect(await errorsOf(c.schema, c.file)).toEqual([]);
  });

  it.each(cases.filter((c) => c.kind === "negative_test" && !ACCEPTED_BY_PATCH[c.file]).map((c) => [c.file, c] as const))(
    "%s fails",
    async (_, c) => {
      expect((await errorsOf(c.schema, c.file)).length).toBeGreaterThan(0);
    },
  );

  // A negative test that a recorded vendoring patch accepts on purpose (vendor/schemastore/patches.json): it passes.
  it.each(Object.entries(ACCEPTED_BY_PATCH))("%s passes (patch %s)", async (file) => {
    const c = cases.find((x) => x.file === file);
    expect(c, file).toBeDefined();
    expect(await errorsOf(c!.schema, c!.file)).toEqual([]);
  });
});
