/**
 * src/young-generation.ts decides which runs keep V8's young generation at its starting size in
 * the bundle itself (issue 20: Node 20, where bin/ cannot start node again, and dist/ run
 * directly). test/e2e/cli-entry.test.ts measures the young generation such runs end with.
 */
import { describe, expect, it } from "vitest";
import { holdsYoungGeneration } from "../../src/young-generation.js";

describe("holdsYoungGeneration", () => {
  it("holds it for the whole-tree commands, global options and paths included", () => {
    for (const args of [
      ["verify"],
      ["seal"],
      ["check"],
      ["snapshot"],
      ["restore", "latest"],
      ["-C", "repo", "verify", "--no-cache"],
      ["check", "--", "--staged"],
    ])
      expect(holdsYoungGeneration(args, [], {}), args.join(" ")).toBe(true);
  });

  it("leaves the hook, help, other commands and a size the user gave node alone", () => {
    for (const args of [["check", "--staged"], ["verify", "--help"], ["seal", "-h"], ["validate"], ["init"], [], ["--", "verify"]])
      expect(holdsYoungGeneration(args, [], {}), args.join(" ")).toBe(false);
    expect(holdsYoungGeneration(["verify"], ["--max-semi-space-size=2"], {})).toBe(false);
    expect(holdsYoungGeneration(["verify"], ["--semi_space_size=4"], {})).toBe(false);
    expect(holdsYoungGeneration(["verify"], [], { NODE_OPTIONS: "--require x --max-semi-space-size=8" })).toBe(false);
    expect(holdsYoungGeneration(["verify"], [], { NODE_OPTIONS: "--max-old-space-size=512" })).toBe(true);
  });
});
