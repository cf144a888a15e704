/**
 * Red team, round 3: a suggested change's text names the file whose value wins by precedence.
 * That name is the pull request's (a file it adds under the conflict globs), and it went into the
 * review comment as raw Markdown: `config/@acme/security.yaml` pinged a team, and a name in
 * `[...](...)` form made a link in a comment the bot posts. It is now an inline code span, like the
 * values beside it.
 */
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/finding.js";
import { parsePatch, type ChangedLines } from "../../src/action/changed-lines.js";
import { suggestionBody, suggestionFor } from "../../src/action/suggestions.js";

const added = (text: string) => {
  const lines = text.replace(/\n$/, "").split("\n");
  return parsePatch(`@@ -0,0 +1,${lines.length} @@\n` + lines.map((l) => "+" + l).join("\n"));
};

describe("the review comment of a config/conflict suggestion", () => {
  const NAMES = [
    "config/@acme/security.yaml",
    "config/[approve here](https:evil.example)/x.yaml",
    "config/<img src=x>/x.yaml",
    "config/x\n\n@acme/y.yaml", // a blank line would end the code span and the paragraph
  ];
  for (const winner of NAMES) {
    it(`names ${JSON.stringify(winner)} inside a code span only`, () => {
      const files: Record<string, string> = { [winner]: "server:\n  port: 8080\n", "config/default.yaml": "server:\n  port: 80\n" };
      const changed: ChangedLines = new Map(Object.entries(files).map(([f, t]) => [f, added(t)] as const));
      const lineOf = (file: string, line: number) => files[file]?.split("\n")[line - 1];
      const f: Finding = {
        rule: "config/conflict",
        level: "error",
        file: winner,
        line: 2,
        column: 9,
        pointer: "/server/port",
        message: "port is set to different values",
        related: [{ file: "config/default.yaml", line: 2, column: 9 }],
        fix: "make the values equal",
      };
      const s = suggestionFor(f, changed, lineOf);
      expect(s?.replacement).toBe("  port: 8080");
      const body = suggestionBody(s!, "");
      const why = body.split("\n")[1]!;
      // Outside code spans, nothing of the name is left.
      const outside = why.replace(/(`+) [^`]*? \1/g, "");
      expect(outside).not.toContain("@acme");
      expect(outside).not.toContain("](");
      expect(outside).not.toContain("<img");
      expect(body.slice(0, body.indexOf("```")).split("\n\n")).toHaveLength(2); // one paragraph, then the block
      if (!winner.includes("\n")) expect(why).toContain(`\` ${winner}:2 \``);
    });
  }
});
