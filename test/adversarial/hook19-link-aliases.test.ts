/**
 * linkAliases (src/io/link-aliases.ts), the in-memory walk the hook uses to name a staged file
 * by every chain of links that reaches it: it ends on trees of links that name themselves in
 * very many ways (a doubling ladder would give 2^30 names) and on thousands of links, and still
 * finds the names that matter.
 */
import { describe, expect, it } from "vitest";
import { LinkNamesError } from "../../src/errors.js";
import { linkAliases } from "../../src/io/link-aliases.js";

const FOLDER = /(?:^|\/)(?:[^./]+|[^/]*\.d)$/;

describe("linkAliases", () => {
  it("follows a file link seen through a folder link, and a folder link inside a linked folder", async () => {
    const links = new Map([
      ["data/sub", "../other"],
      ["other/state.json", "../real/state.json"],
      ["other/inner", "../real"],
    ]);
    const out = await linkAliases(links, new Set(["real/state.json"]), FOLDER);
    expect(Object.fromEntries(out)).toEqual({
      "other/state.json": "real/state.json",
      "other/inner/state.json": "real/state.json",
      "data/sub/state.json": "real/state.json",
      "data/sub/inner/state.json": "real/state.json",
    });
  });

  it("does not look at a link named like a file as a folder", async () => {
    const out = await linkAliases(new Map([["data/v1.2", "../real"]]), new Set(["real/x.json"]), FOLDER);
    expect(out.size).toBe(0);
  });

  it("ends on a doubling ladder of 30 levels (past the cap: it fails closed) and on 3,000 links, in well under the hook's budget", async () => {
    const ladder = new Map<string, string>();
    for (let i = 0; i < 30; i++) {
      ladder.set(`l${i}/a`, `../l${i + 1}`);
      ladder.set(`l${i}/b`, `../l${i + 1}`);
    }
    for (let i = 0; i < 3000; i++) ladder.set(`m/k${i}`, "../l0");
    let started = Date.now();
    // 2^30 names reach l30/x.json: rather than stop silently at the cap, an error names it (session 25).
    await expect(linkAliases(ladder, new Set(["l30/x.json"]), FOLDER)).rejects.toThrow(LinkNamesError);
    await expect(linkAliases(ladder, new Set(["l30/x.json"]), FOLDER)).rejects.toThrow(
      /^l30\/x\.json is reached through symlinks by more than 20,000 names/,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
    // The same 3,000 links into a ladder of single steps: every name, under the cap.
    const steps = new Map<string, string>();
    for (let i = 0; i < 4; i++) steps.set(`l${i}/a`, `../l${i + 1}`);
    for (let i = 0; i < 3000; i++) steps.set(`m/k${i}`, "../l0");
    started = Date.now();
    const out = await linkAliases(steps, new Set(["l4/x.json"]), FOLDER);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(out.get("l3/a/x.json")).toBe("l4/x.json");
    expect(out.get("l2/a/a/x.json")).toBe("l4/x.json");
    expect(out.get("m/k2999/a/a/a/a/x.json")).toBe("l4/x.json");
  });

  it("ends on loops: a link to its own folder, two folders linking each other", async () => {
    const links = new Map([
      ["a/self", "."],
      ["a/up", ".."],
      ["b/to", "../c"],
      ["c/to", "../b"],
      ["b/x", "../a"],
    ]);
    const out = await linkAliases(links, new Set(["a/s.json"]), FOLDER);
    expect(out.get("b/x/s.json")).toBe("a/s.json");
    expect(out.get("c/to/x/s.json")).toBe("a/s.json");
  });
});
