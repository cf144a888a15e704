/**
 * bin/young-generation.js decides which runs start again with V8's young generation capped
 * (issue 20: peak RSS of the whole-tree commands at 500,000 files). The decision alone, for every
 * runtime: test/e2e/cli-entry.test.ts runs bin/ and records what the command actually ran with.
 */
import { describe, expect, it } from "vitest";
import { SEMI_SPACE_MIB, youngGenerationArgs } from "../../bin/young-generation.js";

const CAP = `--max-semi-space-size=${SEMI_SPACE_MIB}`;

describe("youngGenerationArgs", () => {
  it("caps every whole-tree command, keeping node's own arguments first", () => {
    for (const verb of ["check", "seal", "verify", "snapshot", "restore"]) expect(youngGenerationArgs([verb], [], {}, true)).toEqual([CAP]);
    expect(youngGenerationArgs(["-C", "repo", "verify", "--no-cache"], ["--enable-source-maps"], {}, true)).toEqual([
      "--enable-source-maps",
      CAP,
    ]);
  });

  it("leaves the hook, help, other commands and path operands after -- as they are", () => {
    expect(youngGenerationArgs(["check", "--staged"], [], {}, true)).toBeUndefined();
    expect(youngGenerationArgs(["verify", "--help"], [], {}, true)).toBeUndefined();
    expect(youngGenerationArgs(["seal", "-h"], [], {}, true)).toBeUndefined();
    expect(youngGenerationArgs(["validate", "a.json"], [], {}, true)).toBeUndefined();
    expect(youngGenerationArgs(["--version"], [], {}, true)).toBeUndefined();
    // A file named like a verb, after --, is an operand.
    expect(youngGenerationArgs(["validate", "--", "check"], [], {}, true)).toBeUndefined();
  });

  it("never overrides a size the user chose, in node's arguments or NODE_OPTIONS", () => {
    expect(youngGenerationArgs(["verify"], ["--max-semi-space-size=64"], {}, true)).toBeUndefined();
    expect(youngGenerationArgs(["verify"], ["--max_semi_space_size", "8"], {}, true)).toBeUndefined();
    expect(youngGenerationArgs(["verify"], [], { NODE_OPTIONS: "--inspect --max-semi-space-size=1" }, true)).toBeUndefined();
    expect(youngGenerationArgs(["verify"], [], { NODE_OPTIONS: "--semi-space-size=4" }, true)).toBeUndefined();
    // A replaced process sees its own flag: it never starts again (no loop).
    expect(youngGenerationArgs(["verify"], [CAP], {}, true)).toBeUndefined();
  });

  it("runs as is where node cannot replace its process (Node 20, Windows)", () => {
    expect(youngGenerationArgs(["verify"], [], {}, false)).toBeUndefined();
  });
});
