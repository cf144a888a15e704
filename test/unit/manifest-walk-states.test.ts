import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isPathState, isTrusted, pathStateOf, type PathState } from "../../src/io/hash/dir-state.js";
import { walkTree } from "../../src/io/hash/walk.js";
import { RACY_WINDOW_NS } from "../../src/io/stat-cache.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ig-walk-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("folder states (dir-state.ts)", () => {
  const key: PathState = ["4096", "1000000000000", "77", "1000000000500"];
  const stamp = 1_000_000_000_000n + RACY_WINDOW_NS + 1n; // the folder's mtime is just old enough
  it.each<[string, PathState, PathState, bigint, boolean]>([
    ["the same folder, older than the window", key, [...key], stamp, true],
    ["the same folder, mtime inside the racy window", key, [...key], stamp - 1n, false],
    ["another inode", key, ["4096", "1000000000000", "78", "1000000000500"], stamp, false],
    ["another ctime", key, ["4096", "1000000000000", "77", "1000000000501"], stamp, false],
    ["another size", key, ["8192", "1000000000000", "77", "1000000000500"], stamp, false],
    ["a folder now a link", key, "l", stamp, false],
    ["a folder now gone", key, "-", stamp, false],
    ["a file still a file", "f", "f", stamp, true],
    ["nothing still nothing", "-", "-", stamp, true],
    ["a file now a link", "f", "l", stamp, false],
  ])("%s", (_name, recorded, now, stampNs, trusted) => {
    expect(isTrusted(recorded, now, stampNs)).toBe(trusted);
  });

  it("accepts only well-formed states from a cache file", () => {
    for (const good of ["f", "l", "o", "-", ["1", "2", "3", "4"]]) expect(isPathState(good)).toBe(true);
    for (const bad of ["d", "", null, 3, ["1", "2", "3"], ["1", "2", "3", "x"], ["1", "2", "3", 4], { 0: "1" }, ["-1", "2", "3", "4"]]) {
      expect(isPathState(bad)).toBe(false);
    }
  });

  it("reads what lstat sees, never following a link", () => {
    fs.mkdirSync(path.join(dir, "s/d"), { recursive: true });
    fs.writeFileSync(path.join(dir, "s/f"), "x");
    fs.symlinkSync(path.join(dir, "s/d"), path.join(dir, "s/link-to-dir"));
    expect(Array.isArray(pathStateOf(path.join(dir, "s/d")))).toBe(true);
    expect(pathStateOf(path.join(dir, "s/f"))).toBe("f");
    expect(pathStateOf(path.join(dir, "s/link-to-dir"))).toBe("l");
    expect(pathStateOf(path.join(dir, "s/none"))).toBe("-");
  });
});

describe("walkTree states", () => {
  it("records every folder listed and every path on the way to a root, and the same entries as without", () => {
    const root = path.join(dir, "w");
    for (const f of ["a/b/data/x.json", "a/b/data/sub/y.json", "a/b/data/node_modules/z.json", "top.json"]) {
      fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      fs.writeFileSync(path.join(root, f), "{}");
    }
    fs.mkdirSync(path.join(root, "real"));
    fs.writeFileSync(path.join(root, "real/secret.json"), "{}");
    fs.symlinkSync(path.join(root, "real"), path.join(root, "linked"));
    const roots = ["a/b/data", "top.json", "linked/inner", "missing/deeper"];
    const states = new Map<string, PathState>();
    const withStates = walkTree(root, roots, () => true, states);
    expect(withStates).toEqual(walkTree(root, roots, () => true));
    expect(withStates.map((e) => e.path).sort()).toEqual(["a/b/data/sub/y.json", "a/b/data/x.json", "top.json"]);
    const kinds = Object.fromEntries([...states].map(([p, s]) => [p, typeof s === "string" ? s : "dir"]));
    expect(kinds).toEqual({
      a: "dir",
      "a/b": "dir",
      "a/b/data": "dir",
      "a/b/data/sub": "dir",
      "top.json": "f",
      linked: "l", // never followed: nothing below it is recorded or listed
      missing: "-",
    });
  });
});

describe("walkTree with overlapping roots", () => {
  it("lists a path once even when one root lies inside another (whatever their sort order)", () => {
    const root = path.join(dir, "o");
    for (const f of ["a/x/1.json", "a-b/2.json", "a/3.json"]) {
      fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      fs.writeFileSync(path.join(root, f), "{}");
    }
    // "a-b" sorts between "a" and "a/x": an adjacent-pairs check would miss the overlap.
    const got = walkTree(root, ["a", "a-b", "a/x"], () => true).map((e) => e.path);
    expect(got.sort()).toEqual(["a-b/2.json", "a/3.json", "a/x/1.json"]);
    expect(
      walkTree(root, ["", "a"], () => true)
        .map((e) => e.path)
        .sort(),
    ).toEqual(["a-b/2.json", "a/3.json", "a/x/1.json"]);
    expect(walkTree(root, ["a/3.json", "a/3.json"], () => true).map((e) => e.path)).toEqual(["a/3.json"]);
  });
});
