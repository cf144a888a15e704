/**
 * linkAliases (src/io/link-aliases.ts) past its cap on names: it fails closed (LinkNamesError)
 * instead of stopping silently, and it expands only links that can lead to a target, so a loop
 * of links that reaches none of the files asked about never costs a name nor stops the walk.
 */
import { describe, expect, it } from "vitest";
import { LinkNamesError } from "../../src/errors.js";
import { linkAliases } from "../../src/io/link-aliases.js";

const FOLDER = /(?:^|\/)(?:[^./]+|[^/]*\.d)$/;

/** `folders` folders each holding a link to every other one. */
function mesh(prefix: string, folders: number): Map<string, string> {
  const links = new Map<string, string>();
  for (let i = 0; i < folders; i++) for (let j = 0; j < folders; j++) if (i !== j) links.set(`${prefix}${i}/l${j}`, `../${prefix}${j}`);
  return links;
}

describe("linkAliases past its cap", () => {
  it("throws a LinkNamesError naming the target, a link and the fix (cap lowered through its option)", async () => {
    const links = new Map([...mesh("f", 4), ["data/sub", "../f0"]]);
    const err = await linkAliases(links, new Set(["f0/x.json"]), FOLDER, { maxNames: 10 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LinkNamesError);
    expect((err as LinkNamesError).message).toMatch(
      /^f0\/x\.json is reached through symlinks by more than 10 names \(links that lead into each other's folders, such as f\d\/l\d reached as /,
    );
    expect((err as LinkNamesError).fix).toMatch(/^break the loop/);
    // Two folders linking each other name a file once per depth: under the cap, every name up to
    // the 40 links the kernel follows, f0 again on one chain included (session 26: a schema may
    // map only `data/sub/l1/l0/*.json`).
    const pair = new Map([...mesh("f", 2), ["data/sub", "../f0"]]);
    const out = await linkAliases(pair, new Set(["f0/x.json"]), FOLDER, { maxNames: 1_000 });
    expect(out.get("data/sub/x.json")).toBe("f0/x.json");
    expect(out.get("f1/l0/x.json")).toBe("f0/x.json");
    expect(out.get("data/sub/l1/l0/x.json")).toBe("f0/x.json");
    expect(out.get(`data/sub${"/l1/l0".repeat(19)}/x.json`)).toBe("f0/x.json"); // 39 links
    expect(out.get(`data/sub${"/l1/l0".repeat(20)}/x.json`)).toBeUndefined(); // 41: no reader opens it
  });

  it("never walks a loop of links that reaches no target: names elsewhere stay found, with a cap of 10", async () => {
    const links = new Map([...mesh("g", 9), ["data/sub", "../c1"], ["c1/n", "../c2"], ["c2/n", "../c3"]]);
    const out = await linkAliases(links, new Set(["c3/x.json"]), FOLDER, { maxNames: 10 });
    expect(Object.fromEntries(out)).toEqual({
      "c2/n/x.json": "c3/x.json",
      "c1/n/n/x.json": "c3/x.json",
      "data/sub/n/n/x.json": "c3/x.json",
    });
  });

  it("keeps a link to one of its own ancestors when other links name it from elsewhere", async () => {
    // b/c/up -> .. leads to b: named as a/up (a -> b/c), it reaches b/t.json as a/up/t.json.
    const out = await linkAliases(
      new Map([
        ["a", "b/c"],
        ["b/c/up", ".."],
      ]),
      new Set(["b/t.json"]),
      FOLDER,
    );
    expect(out.get("a/up/t.json")).toBe("b/t.json");
  });
});
