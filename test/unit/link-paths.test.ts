import { describe, expect, it } from "vitest";
import { followLinks, type LinkTexts } from "../../src/io/link-paths.js";

/** A store of link texts (path -> text); `counted.asks` counts its asks. */
const counted = { asks: 0 };
function store(links: Record<string, string>): LinkTexts {
  counted.asks = 0;
  return (paths) => {
    counted.asks++;
    return Promise.resolve(new Map(paths.filter((p) => p in links).map((p) => [p, links[p]!])));
  };
}

describe("followLinks", () => {
  it("a path without links maps to itself in one ask", async () => {
    const s = store({});
    expect(await followLinks(s, "a/b/c.json")).toEqual({ path: "a/b/c.json", hops: [] });
    expect(counted.asks).toBe(1);
  });

  it("a folder link then a file link then a chain", async () => {
    const s = store({ data: "other", "other/state.json": "../mid.json", "mid.json": "real/state.json" });
    expect(await followLinks(s, "data/state.json")).toEqual({
      path: "real/state.json",
      hops: ["data", "other/state.json", "mid.json"],
    });
  });

  it("only the folders when last is false", async () => {
    const s = store({ data: "other", "other/state.json": "../real/state.json" });
    expect(await followLinks(s, "data/state.json", false)).toEqual({ path: "other/state.json", hops: ["data"] });
  });

  it("takes `..` from the folder a link led to, as the operating system does, not from the text", async () => {
    // data/state.json -> ../lnk/../real.json with lnk -> deep/a: the OS reads deep/real.json.
    const s = store({ "data/state.json": "../lnk/../real.json", lnk: "deep/a" });
    expect(await followLinks(s, "data/state.json")).toEqual({ path: "deep/real.json", hops: ["data/state.json", "lnk"] });
  });

  it("stops at links that leave the repository, enter .git/, or loop", async () => {
    expect(await followLinks(store({ "a.json": "/etc/passwd" }), "a.json")).toEqual({ error: "outside", link: "a.json" });
    expect(await followLinks(store({ "d/a.json": "../../x.json" }), "d/a.json")).toEqual({ error: "outside", link: "d/a.json" });
    expect(await followLinks(store({ "a.json": ".git/config" }), "a.json")).toEqual({ error: "outside", link: "a.json" });
    expect(await followLinks(store({ "a.json": "" }), "a.json")).toEqual({ error: "outside", link: "a.json" });
    expect(await followLinks(store({ "a.json": "." }), "a.json")).toEqual({ error: "outside", link: "a.json" });
    expect(await followLinks(store({ "a.json": "b.json", "b.json": "a.json" }), "a.json")).toMatchObject({ error: "loop" });
    expect(await followLinks(store({ d: "d/e" }), "d/x.json")).toMatchObject({ error: "loop" });
  });

  it("a folder link to the root leads to the path under the root", async () => {
    expect(await followLinks(store({ here: "." }), "here/x.json")).toEqual({ path: "x.json", hops: ["here"] });
  });

  it("a long chain ends within the hop limit or is a loop, quickly", async () => {
    const links: Record<string, string> = {};
    for (let i = 0; i < 5000; i++) links[`l${i}`] = `l${i + 1}`;
    const started = Date.now();
    expect(await followLinks(store(links), "l0")).toMatchObject({ error: "loop" });
    const short: Record<string, string> = {};
    for (let i = 0; i < 30; i++) short[`l${i}`] = `l${i + 1}`;
    expect(await followLinks(store(short), "l0")).toEqual({ path: "l30", hops: Array.from({ length: 30 }, (_, i) => `l${i}`) });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
