/**
 * The schema cache keeps metered code (src/io/schema-cache.ts, src/core/schema/work-budget.ts):
 * a cached validator is loaded without metering its code again (the hook paid several regular
 * expression passes over megabytes of code on every load), and it still stops a validation whose
 * work grows exponentially. Counted through the module's meterCode, not timed.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FolderSource } from "../../src/io/folder-source.js";
import { SchemaStore } from "../../src/io/schema-cache.js";
import * as budget from "../../src/core/schema/work-budget.js";

const meterCalls = vi.hoisted(() => ({ n: 0 }));
vi.mock("../../src/core/schema/work-budget.js", async (original) => {
  const actual = await original<typeof import("../../src/core/schema/work-budget.js")>();
  return {
    ...actual,
    meterCode: (code: string) => {
      meterCalls.n++;
      return actual.meterCode(code);
    },
  };
});

const cleanup: string[] = [];
afterEach(() => {
  for (const d of cleanup.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** `a0` .. `a{depth}`: each level refers to the next twice under allOf (2^depth evaluations of the leaf). */
function doubling(depth: number): object {
  const definitions: Record<string, object> = {};
  for (let i = 0; i < depth; i++)
    definitions[`a${i}`] = { allOf: [{ $ref: `#/definitions/a${i + 1}` }, { $ref: `#/definitions/a${i + 1}` }] };
  definitions[`a${depth}`] = { type: "string" };
  return { $schema: "http://json-schema.org/draft-07/schema#", definitions, $ref: "#/definitions/a0" };
}

function folder(): { root: string; cacheDir: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ig-metered-"));
  cleanup.push(root);
  fs.mkdirSync(path.join(root, "schemas"));
  fs.writeFileSync(path.join(root, "schemas/slow.schema.json"), JSON.stringify(doubling(30)));
  fs.writeFileSync(path.join(root, "schemas/item.schema.json"), JSON.stringify({ type: "object", required: ["id"] }));
  return { root, cacheDir: path.join(root, "cache") };
}

describe("the schema cache keeps metered code", () => {
  it("a cached validator is metered once, at compile time, and never rewritten when loaded", async () => {
    const { root, cacheDir } = folder();
    meterCalls.n = 0;
    const first = new SchemaStore({ source: new FolderSource(root), cacheDir });
    await first.get("schemas/slow.schema.json");
    await first.get("schemas/item.schema.json");
    expect(first.stats).toEqual({ cached: 0, compiled: 2 });
    expect(meterCalls.n).toBe(2);

    meterCalls.n = 0;
    const warm = new SchemaStore({ source: new FolderSource(root), cacheDir });
    const slow = await warm.get("schemas/slow.schema.json");
    const item = await warm.get("schemas/item.schema.json");
    expect(warm.stats).toEqual({ cached: 2, compiled: 0 });
    expect(meterCalls.n).toBe(0);
    // Metered all the same: the exponential schema stops with the budget error, the plain one validates.
    expect(() => slow(1)).toThrow(expect.objectContaining({ name: budget.BUDGET_EXCEEDED }) as Error);
    expect(item({ id: 1 })).toBeNull();
    expect(item({})?.map((e) => e.keyword)).toEqual(["required"]);
    // What a parse worker is sent is the same metered code.
    expect(warm.codeOf("schemas/slow.schema.json")).toContain(`${budget.METER_PARAM}.over()`);
  });

  it("an entry not marked with this meter version is compiled again, not run as metered", async () => {
    const { root, cacheDir } = folder();
    await new SchemaStore({ source: new FolderSource(root), cacheDir }).get("schemas/slow.schema.json");
    const [name] = fs.readdirSync(cacheDir);
    const file = path.join(cacheDir, name!);
    const entry = JSON.parse(fs.readFileSync(file, "utf8")) as { meter?: number };
    delete entry.meter;
    fs.writeFileSync(file, JSON.stringify(entry));
    meterCalls.n = 0;
    const again = new SchemaStore({ source: new FolderSource(root), cacheDir });
    const slow = await again.get("schemas/slow.schema.json");
    expect(again.stats).toEqual({ cached: 0, compiled: 1 });
    expect(meterCalls.n).toBe(1);
    expect(() => slow(1)).toThrow(expect.objectContaining({ name: budget.BUDGET_EXCEEDED }) as Error);
  });
});
