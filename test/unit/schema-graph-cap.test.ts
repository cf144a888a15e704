/** schemaGraph says when its cap left `$ref`s unread (src/action/schema-graph.ts): the caller then takes the safe answer. */
import { describe, expect, it } from "vitest";
import { MAX_SCHEMA_GRAPH_FILES, schemaGraph } from "../../src/action/schema-graph.js";

/** A root schema referencing `n` files (each `{}`), and the definitions file last. */
function files(n: number): Map<string, Buffer> {
  const defs: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) defs[`m${i}`] = { $ref: `./many/${i}.json` };
  const out = new Map<string, Buffer>([["s/root.json", Buffer.from(JSON.stringify({ definitions: defs, $ref: "./defs.json" }))]]);
  for (let i = 0; i < n; i++) out.set(`s/many/${i}.json`, Buffer.from("{}"));
  out.set("s/defs.json", Buffer.from("{}"));
  return out;
}
const reader = (all: Map<string, Buffer>) => (paths: readonly string[]) =>
  Promise.resolve(new Map(paths.filter((p) => all.has(p)).map((p) => [p, all.get(p)!] as const)));

describe("schemaGraph's cap", () => {
  it("past the cap: at most the cap's files are read, and capped says refs were left", async () => {
    const g = await schemaGraph(["s/root.json"], reader(files(MAX_SCHEMA_GRAPH_FILES + 5)));
    expect(g.files.size).toBe(MAX_SCHEMA_GRAPH_FILES);
    expect(g.files.has("s/defs.json")).toBe(false);
    expect(g.capped).toBe(true);
  });

  it("under the cap: every file is read and nothing is capped", async () => {
    const g = await schemaGraph(["s/root.json"], reader(files(10)));
    expect(g.files.size).toBe(12);
    expect(g.files.has("s/defs.json")).toBe(true);
    expect(g.capped).toBe(false);
  });

  it("exactly at the cap is not capped", async () => {
    const g = await schemaGraph(["s/root.json"], reader(files(MAX_SCHEMA_GRAPH_FILES - 2)));
    expect(g.files.size).toBe(MAX_SCHEMA_GRAPH_FILES);
    expect(g.capped).toBe(false);
  });
});
