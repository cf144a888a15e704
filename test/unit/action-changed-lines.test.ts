/** Which lines a pull request touched, from the API's `patch` or `git diff -U0` hunks (issue 17). */
import { describe, expect, it } from "vitest";
import { changedLinesFromApi, parsePatch, touches } from "../../src/action/changed-lines.js";

describe("parsePatch", () => {
  it("added lines with their text and new line numbers; context and removed lines are not added", () => {
    const c = parsePatch(
      [
        "@@ -1,4 +1,5 @@",
        " a: 1",
        "-b: 1",
        "+b: 2",
        "+c: 3",
        " d: 4",
        "@@ -10,2 +11,3 @@ section",
        " x: 1",
        "+y: 2",
        " z: 3",
        "\\ No newline at end of file",
      ].join("\n"),
    );
    expect([...c.added]).toEqual([
      [2, "b: 2"],
      [3, "c: 3"],
      [12, "y: 2"],
    ]);
    // A replaced line is an added line; nothing around it counts as removed-at.
    expect([...c.removedAt]).toEqual([]);
    expect(touches(c, 2)).toBe(true);
    expect(touches(c, 1)).toBe(false);
    expect(touches(c, 4)).toBe(false);
    expect(touches(c, undefined)).toBe(true);
  });

  it("a pure deletion marks the lines on both sides of it (U3 and U0 hunks)", () => {
    const u3 = parsePatch(["@@ -1,5 +1,4 @@", " a", " b", "-c", " d", " e"].join("\n"));
    expect([...u3.removedAt].sort()).toEqual([2, 3]);
    const u0 = parsePatch("@@ -3 +2,0 @@\n-c\n");
    expect([...u0.removedAt].sort()).toEqual([2, 3]);
    expect(u0.added.size).toBe(0);
  });

  it("CRLF patches keep the line text without the CR", () => {
    expect([...parsePatch("@@ -0,0 +1,2 @@\r\n+{\r\n+}\r\n").added]).toEqual([
      [1, "{"],
      [2, "}"],
    ]);
  });

  it("API files: a file without a patch (binary, too large) is touched everywhere; removed files are left out", () => {
    const lines = changedLinesFromApi([
      { filename: "big.json", status: "modified" },
      { filename: "gone.json", status: "removed", patch: "@@ -1 +0,0 @@\n-x" },
      { filename: "a.json", status: "added", patch: "@@ -0,0 +1 @@\n+{}" },
    ]);
    expect([...lines.keys()]).toEqual(["big.json", "a.json"]);
    expect(touches(lines.get("big.json"), 999)).toBe(true);
    expect(touches(lines.get("a.json"), 2)).toBe(false);
    expect(touches(lines.get("nope.json"), 1)).toBe(false);
  });
});
