/**
 * headLinks reads HEAD's commit from git's files, packed-refs included: a fresh clone and every
 * `git gc` leave the branch in packed-refs only, and asking `git rev-parse` instead costs the
 * pre-commit hook one more git process. The answer must be git's own: the loose ref wins over
 * packed-refs, and a ref that is in neither falls back to git.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Git } from "../../src/io/git.js";
import { headLinks } from "../../src/io/head-links.js";
import { createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
  delete process.env.GIT_TRACE;
});

/** headLinks with git's trace on: the links, and the git commands it ran. */
async function traced(repo: TestRepo): Promise<{ links: string[]; commands: string }> {
  const git = await Git.open(repo.dir); // its own rev-parse is not headLinks'
  const trace = path.join(makeTempDir("ig-trace-"), "trace");
  process.env.GIT_TRACE = trace;
  try {
    const links = await headLinks(git);
    return { links: [...(links?.keys() ?? [])].sort(), commands: fs.existsSync(trace) ? fs.readFileSync(trace, "utf8") : "" };
  } finally {
    delete process.env.GIT_TRACE;
  }
}

function repoWithLink(): TestRepo {
  const repo = createRepo();
  repos.push(repo);
  repo.write("real/a.json", "{}\n");
  fs.symlinkSync("../real/a.json", path.join(repo.dir, "lnk.json"));
  repo.commitAll("one");
  return repo;
}

describe("headLinks and packed refs", () => {
  it("reads a branch kept only in packed-refs without asking git rev-parse", async () => {
    const repo = repoWithLink();
    repo.git("tag", "-a", "-m", "t", "v1"); // an annotated tag: a "^<peeled>" line in packed-refs
    repo.git("pack-refs", "--all");
    expect(fs.existsSync(path.join(repo.dir, ".git/refs/heads/main"))).toBe(false);
    await traced(repo); // fills the cache for this commit
    const { links, commands } = await traced(repo);
    expect(links).toEqual(["lnk.json"]);
    expect(commands).not.toMatch(/rev-parse/);
    expect(commands).not.toMatch(/ls-tree|diff-tree/);
  });

  it("takes the loose ref over a stale packed-refs line, as git does", async () => {
    const repo = repoWithLink();
    repo.git("pack-refs", "--all");
    await traced(repo);
    fs.symlinkSync("real/a.json", path.join(repo.dir, "second.json"));
    repo.commitAll("two"); // a loose refs/heads/main now, newer than packed-refs
    const head = repo.git("rev-parse", "HEAD").trim();
    expect(fs.readFileSync(path.join(repo.dir, ".git/refs/heads/main"), "utf8").trim()).toBe(head);
    const { links } = await traced(repo);
    expect(links).toEqual(["lnk.json", "second.json"]);
  });

  it("asks git when packed-refs does not hold the branch", async () => {
    const repo = repoWithLink();
    repo.git("pack-refs", "--all");
    fs.writeFileSync(path.join(repo.dir, ".git/packed-refs"), "# pack-refs with: peeled fully-peeled sorted \n");
    fs.mkdirSync(path.join(repo.dir, ".git/refs/heads"), { recursive: true });
    // HEAD now names a branch git cannot resolve: an unborn branch, no links.
    const { links, commands } = await traced(repo);
    expect(links).toEqual([]);
    expect(commands).toMatch(/rev-parse/);
  });
});
