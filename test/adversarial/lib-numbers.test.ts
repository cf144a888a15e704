/**
 * The library's read-modify-write and numbers that JSON.parse cannot hold: an integer ID beyond
 * 2^53 came back from updateJson changed (9007199254740993 -> 9007199254740992) although the
 * update never touched it, a silent corruption for every reader that reads it exactly (Python,
 * Go, Java). updateJson now refuses such a file, as it refuses NaN, and leaves it as it was;
 * numbers a double holds exactly, fractions and exponents still update.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { InvalidDataError, updateJson } from "../../src/index.js";
import { makeTempDir } from "../helpers/repo.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function stateFile(text: string): string {
  dir = makeTempDir("ig-lib-numbers-");
  const file = path.join(dir, "state.json");
  fs.writeFileSync(file, text);
  return file;
}

describe("updateJson and integers beyond 2^53", () => {
  for (const literal of ["9007199254740993", "-9007199254740993", "123456789012345678901234567890"]) {
    it(`refuses to rewrite ${literal} as another number, and leaves the file as it was`, async () => {
      const text = `{\n  "n": 1,\n  "nested": { "id": ${literal}, "name": "x" }\n}\n`;
      const file = stateFile(text);
      const error = await updateJson<{ n: number }>(file, (v) => {
        v.n++;
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidDataError);
      expect((error as InvalidDataError).message).toContain(`state.json:3:21: ${literal}`);
      expect((error as InvalidDataError).findings[0]).toMatchObject({ rule: "write/inexact-number", line: 3, column: 21 });
      expect(fs.readFileSync(file, "utf8")).toBe(text);
    });
  }

  it("updates files whose numbers a double holds exactly, and ignores digits inside strings", async () => {
    const file = stateFile(
      '{"n": 1, "max": 9007199254740992, "neg": -0, "f": 0.1000000000000000055511151231257827, "e": 1E2, "s": "9007199254740993"}\n',
    );
    await updateJson<{ n: number }>(file, (v) => {
      v.n++;
    });
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({
      n: 2,
      max: 9007199254740992,
      neg: 0,
      f: 0.1,
      e: 100,
      s: "9007199254740993",
    });
  });
});
