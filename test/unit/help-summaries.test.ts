/**
 * One source for each verb's one-line summary (issue 18): the general help and the verb's own
 * `--help` print the same line, taken from commands/index.ts, for every verb.
 */
import { describe, expect, it } from "vitest";
import { commandHelp, generalHelp } from "../../src/cli.js";
import { verbs } from "../../src/commands/index.js";

describe("verb summaries", () => {
  const general = generalHelp();
  for (const [name, entry] of Object.entries(verbs)) {
    it(`${name}: the general help and \`${name} --help\` show the same summary`, async () => {
      expect(entry.summary.length).toBeGreaterThan(10);
      const line = general.split("\n").find((l) => l.trimStart().startsWith(`${name} `));
      expect(line?.trim().slice(name.length).trim()).toBe(entry.summary);
      const spec = await entry.load();
      expect(spec.name).toBe(name);
      expect(commandHelp(spec).split("\n")[2]).toBe(entry.summary);
    });
  }
});
