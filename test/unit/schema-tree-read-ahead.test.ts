/**
 * A schema's local `$ref`s are read ahead one breadth of the tree at a time (src/io/schema-cache.ts:
 * prefetch): on a pull request each read of the base commit is git processes of its own
 * (CommitSource), and a base schema referencing 2,100 files read them one by one, for minutes.
 * What a tree gives must not change: a missing ref, a symlink in the commit, a file that is no
 * schema, one over validate.max_schema_size end the load with the message a one-by-one read gives.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { Git } from "../../src/io/git.js";
import { CommitSource } from "../../src/io/commit-source.js";
import type { FileSource, ReadOptions, ReadResult } from "../../src/io/file-source.js";
import { SchemaStore } from "../../src/io/schema-cache.js";

const cleanup: TestRepo[] = [];
afterEach(() => {
  for (const r of cleanup.splice(0)) r.cleanup();
});

/** Nothing outside the commit (a pull request's own files are not read here). */
const nothing: FileSource = { kind: "worktree", list: () => Promise.resolve([]), read: () => Promise.resolve(new Map()) };

/** Counts the reads a source is asked for, and the paths of each. */
class Counting implements FileSource {
  readonly kind = "commit" as const;
  readonly calls: { paths: string[]; options?: ReadOptions }[] = [];
  constructor(private readonly inner: FileSource) {}
  list(): Promise<string[]> {
    return this.inner.list();
  }
  read(paths: readonly string[], options?: ReadOptions): Promise<Map<string, ReadResult>> {
    this.calls.push({ paths: [...paths], ...(options ? { options } : {}) });
    return this.inner.read(paths, options);
  }
}

/** Reads one path per call, as every ref was read before: a read of more fails, so the store reads each alone. */
class OneByOne implements FileSource {
  readonly kind = "commit" as const;
  constructor(private readonly inner: FileSource) {}
  list(): Promise<string[]> {
    return this.inner.list();
  }
  read(paths: readonly string[], options?: ReadOptions): Promise<Map<string, ReadResult>> {
    if (paths.length > 1) return Promise.reject(new Error("one path at a time"));
    return this.inner.read(paths, options);
  }
}

const N = 24;
/** schemas/state.json refs many/0..N-1; many/i refs leaf/i (a second breadth). */
function tree(repo: TestRepo, edit: (repo: TestRepo) => void = () => {}): void {
  const definitions: Record<string, unknown> = {};
  for (let i = 0; i < N; i++) definitions[`m${i}`] = { $ref: `./many/${i}.json` };
  repo.write("schemas/state.json", JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#", definitions, type: "object" }));
  for (let i = 0; i < N; i++) {
    repo.write(`schemas/many/${i}.json`, JSON.stringify({ $ref: `../leaf/${i}.json` }));
    repo.write(`schemas/leaf/${i}.json`, JSON.stringify({ type: "integer", minimum: i }));
  }
  edit(repo);
  repo.commitAll("base");
}

async function load(repo: TestRepo, wrap: (s: FileSource) => FileSource, limit?: number): Promise<{ error?: string; source: FileSource }> {
  const git = await Git.open(repo.dir);
  const source = wrap(new CommitSource(git, repo.git("rev-parse", "HEAD").trim(), nothing));
  const store = new SchemaStore({
    source,
    ...(limit
      ? { limit: { bytes: limit, tooLarge: (p: string, total: number, by?: string) => new Error(`${p}: ${total} bytes, over by ${by}`) } }
      : {}),
  });
  try {
    await store.get("schemas/state.json");
    return { source };
  } catch (e) {
    return { error: (e as Error).message, source };
  }
}

function fresh(edit?: (repo: TestRepo) => void): TestRepo {
  const repo = createRepo();
  cleanup.push(repo);
  tree(repo, edit);
  return repo;
}

describe("a schema tree's refs read from a commit", () => {
  it("are read one breadth at a time: 49 files in three reads, not one read per file", async () => {
    const repo = fresh();
    const { error, source } = await load(repo, (s) => new Counting(s));
    expect(error).toBeUndefined();
    const calls = (source as Counting).calls;
    expect(calls.map((c) => c.paths.length)).toEqual([1, N, N]);
  });

  it("are read within the schema size limit: a read ahead never asks for more than it", async () => {
    const repo = fresh();
    const { error, source } = await load(repo, (s) => new Counting(s), 1_000_000);
    expect(error).toBeUndefined();
    for (const c of (source as Counting).calls.filter((c) => c.paths.length > 1))
      expect(c.options).toEqual({ maxBytes: 1_000_000, maxTotalBytes: 1_000_000 });
  });

  const cases: [string, (repo: TestRepo) => void, number?][] = [
    ["a ref to a file the commit lacks", (r) => fs.rmSync(path.join(r.dir, "schemas/leaf/17.json"))],
    [
      "a ref to a symlink in the commit",
      (r) => {
        fs.rmSync(path.join(r.dir, "schemas/many/9.json"));
        fs.symlinkSync("../leaf/9.json", path.join(r.dir, "schemas/many/9.json"));
      },
    ],
    [
      "a ref to a folder",
      (r) => {
        fs.rmSync(path.join(r.dir, "schemas/leaf/3.json"));
        r.write("schemas/leaf/3.json/x.json", "{}");
      },
    ],
    ["a ref to a binary file", (r) => fs.writeFileSync(path.join(r.dir, "schemas/leaf/20.json"), Buffer.from([0, 159, 146, 150, 255, 0]))],
    [
      "a ref to a file over the size limit",
      (r) => r.write("schemas/leaf/21.json", JSON.stringify({ type: "string", description: "x".repeat(20_000) })),
      12_000,
    ],
    ["a tree over the size limit in total", () => {}, 1_500],
    ["a ref out of the repository", (r) => r.write("schemas/many/5.json", JSON.stringify({ $ref: "../../../outside.json" }))],
  ];
  for (const [name, edit, limit] of cases) {
    it(`${name}: the same message as a read of each file alone`, async () => {
      const repo = fresh(edit);
      const batched = await load(repo, (s) => s, limit);
      const alone = await load(repo, (s) => new OneByOne(s), limit);
      expect(batched.error).toBeDefined();
      expect(batched.error).toBe(alone.error);
    });
  }
});
