/**
 * The library's safe writes through a symlinked state file (a common layout: state.json ->
 * shared/state.json). The write must land in the file the link names, leaving the link in place:
 * replacing the link with a new file lost every later update for the readers of the real file,
 * and gave the two names two locks, so concurrent updaters lost updates. Also: an existing
 * file keeps its permission bits (the temporary file is created under the umask).
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readJson, updateJson, writeFileAtomic, writeJson } from "../../src/index.js";
import { makeTempDir } from "../helpers/repo.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function layout(): { real: string; link: string } {
  dir = makeTempDir("ig-safe-links-");
  const real = path.join(dir, "shared", "state.json");
  fs.mkdirSync(path.dirname(real));
  fs.writeFileSync(real, '{"n": 0}\n');
  const link = path.join(dir, "state.json");
  fs.symlinkSync("shared/state.json", link);
  return { real, link };
}

describe("writing through a symlinked state file", () => {
  it("writeJson writes the file the link names and keeps the link", async () => {
    const { real, link } = layout();
    await writeJson(link, { n: 1 }, { schema: false });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(await readJson(real, { schema: false })).toEqual({ n: 1 });
    expect(fs.readdirSync(path.dirname(real))).toEqual(["state.json"]); // no temporary file left
  });

  it("follows a chain of links, and a link to a file that does not exist yet creates that file", async () => {
    const { real, link } = layout();
    const chained = path.join(dir!, "again.json");
    fs.symlinkSync("state.json", chained);
    await writeFileAtomic(chained, '{"n": 2}\n', { followLinks: true });
    expect(fs.lstatSync(chained).isSymbolicLink() && fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, "utf8")).toBe('{"n": 2}\n');
    const dangling = path.join(dir!, "later.json");
    fs.symlinkSync("shared/later.json", dangling);
    await writeJson(dangling, { n: 3 }, { schema: false });
    expect(fs.lstatSync(dangling).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(dir!, "shared/later.json"), "utf8"))).toEqual({ n: 3 });
  });

  it("updateJson by the link and by the real name share one lock: no update is lost", async () => {
    const { real, link } = layout();
    const bump = (v: { n: number }) => ({ n: v.n + 1 });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => updateJson<{ n: number }>(i % 2 ? link : real, bump, { schema: false, lockTimeoutMs: 60_000 })),
    );
    expect(await readJson(real, { schema: false })).toEqual({ n: 40 });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it("a loop of links is an error naming the file; nothing is written", async () => {
    dir = makeTempDir("ig-safe-links-");
    const a = path.join(dir, "a.json");
    fs.symlinkSync("b.json", a);
    fs.symlinkSync("a.json", path.join(dir, "b.json"));
    await expect(writeJson(a, { n: 1 }, { schema: false })).rejects.toThrow(/a\.json/);
    expect(fs.readdirSync(dir).sort()).toEqual(["a.json", "b.json"]);
    expect(fs.lstatSync(a).isSymbolicLink()).toBe(true);
  });
});

describe("writeFileAtomic without followLinks (what the CLI uses inside a repository)", () => {
  it("replaces the link itself: nothing is written where the link leads", async () => {
    const { real, link } = layout();
    await writeFileAtomic(link, '{"n": 9}\n');
    expect(fs.lstatSync(link).isFile()).toBe(true);
    expect(fs.readFileSync(real, "utf8")).toBe('{"n": 0}\n');
  });
});

describe("permissions", () => {
  it("an existing file keeps its mode whatever the umask (0o664 stays 0o664)", async () => {
    dir = makeTempDir("ig-safe-mode-");
    const file = path.join(dir, "state.json");
    fs.writeFileSync(file, "{}\n");
    fs.chmodSync(file, 0o664);
    const old = process.umask(0o022);
    try {
      await writeJson(file, { n: 1 }, { schema: false });
    } finally {
      process.umask(old);
    }
    expect(fs.statSync(file).mode & 0o777).toBe(0o664);
  });
});
