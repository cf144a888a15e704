/**
 * The pre-commit hook costs what the commit changes (issue 20), asserted by counting work, not
 * time: which objects `check --staged` asks git for, and whether the whole-repository checks
 * ran. The protection itself stays: test/integration/manifest-staged.test.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MANIFEST_PATH } from "../../src/config/types.js";
import { stagedRunStats } from "../../src/checks/manifest.js";
import { Git } from "../../src/io/git.js";
import type { TestRepo } from "../helpers/repo.js";
import { withRepo } from "../helpers/repo.js";
import { CONFIG, parseReport, sealedRepoFixture } from "./manifest-helpers.js";

let repo: TestRepo | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  repo?.cleanup();
  repo = undefined;
});

/** `check --staged --format json`, with every object name asked of git (blob ids and `:path`s) recorded. */
async function hook(
  r: TestRepo,
): Promise<{ code: number; rules: string[]; asked: string[]; checks: Record<string, { skipped?: boolean }> }> {
  const asked: string[] = [];
  const readBlobs = Git.prototype.readBlobs;
  const catFileBatch = Git.prototype.catFileBatch;
  vi.spyOn(Git.prototype, "readBlobs").mockImplementation(function (this: Git, oids) {
    asked.push(...oids);
    return readBlobs.call(this, oids);
  });
  vi.spyOn(Git.prototype, "catFileBatch").mockImplementation(function (this: Git, names) {
    asked.push(...names);
    return catFileBatch.call(this, names);
  });
  try {
    const run = await r.cli(["check", "--staged", "--format", "json"]);
    const report = parseReport(run.stdout);
    return {
      code: run.code,
      rules: report.findings.map((f) => `${f.rule} ${f.file ?? ""}`).sort(),
      asked,
      checks: report.summary.checks as Record<string, { skipped?: boolean }>,
    };
  } finally {
    vi.restoreAllMocks();
  }
}

async function sealedAndCommitted(config = CONFIG): Promise<TestRepo> {
  const r = sealedRepoFixture(config);
  repo = r;
  const s = await r.cli(["seal"]);
  expect(s.code, s.stderr).toBe(0);
  r.commitAll("seal");
  return r;
}

const manifestOid = (r: TestRepo) => r.git("rev-parse", `:${MANIFEST_PATH}`).trim();

describe("the hook with no sealed file staged", () => {
  it("does not read the manifest once a verdict vouches for its blob, and still reads it for a sealed change", async () => {
    const r = await sealedAndCommitted();
    r.write("other/not-covered.json", '{"x":1}\n');
    r.git("add", "other/not-covered.json");
    // The seal recorded a verdict for the bytes it wrote: not even the first commit reads them.
    const first = await hook(r);
    expect(first.code).toBe(0);
    expect(first.asked).not.toContain(manifestOid(r));
    // Without any verdict (a clone, or the state folder cleared) the manifest is read and checked
    // in full once, then no more.
    fs.rmSync(path.join(r.dir, ".git/integrity-guard/manifest-blob-verdicts.json"));
    expect((await hook(r)).asked).toContain(manifestOid(r));
    const second = await hook(r);
    expect(second.code).toBe(0);
    expect(second.rules).toEqual([]);
    expect(second.asked).not.toContain(manifestOid(r));
    expect(second.asked).not.toContain(`:${MANIFEST_PATH}`);
    // A sealed file staged without a reseal: the manifest is needed, read, and the change blocked.
    r.write("data/a.json", '{"a":2}\n');
    r.git("add", "data/a.json");
    const sealed = await hook(r);
    expect(sealed.asked).toContain(manifestOid(r));
    expect(sealed.rules).toEqual(["manifest/unsealed-change data/a.json"]);
    expect(sealed.code).toBe(1);
  });

  it("a path sealed but no longer covered by the globs still needs the manifest", async () => {
    const r = await sealedAndCommitted();
    // Narrowed after the seal, without a reseal: data/sub/b.json stays sealed, outside the globs.
    r.write(".integrity-guard/config.yml", CONFIG.replace('exclude: ["**/*.tmp"]', 'exclude: ["**/*.tmp", "data/sub/**"]'));
    r.commitAll("narrow the globs");
    r.write("other/not-covered.json", '{"x":2}\n');
    r.git("add", "other/not-covered.json");
    expect((await hook(r)).code).toBe(0); // records the verdict, with data/sub/b.json as sealed outside the globs
    r.write("data/sub/b.json", '{"b":3}\n');
    r.git("add", "data/sub/b.json");
    const run = await hook(r);
    expect(run.asked).toContain(manifestOid(r));
    expect(run.rules).toEqual(["manifest/unsealed-change data/sub/b.json"]);
  });

  it("a corrupt committed manifest gets no verdict: it is read and reported on every commit", async () => {
    const r = await sealedAndCommitted();
    const file = path.join(r.dir, MANIFEST_PATH);
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/"root":"[0-9a-f]{4}/, '"root":"0000'));
    r.commitAll("damaged manifest");
    r.write("other/not-covered.json", '{"x":3}\n');
    r.git("add", "other/not-covered.json");
    for (let i = 0; i < 2; i++) {
      const run = await hook(r);
      expect(run.asked).toContain(manifestOid(r));
      expect(run.rules).toEqual([`manifest/corrupt ${MANIFEST_PATH}`]);
      expect(run.code).toBe(1);
    }
  });
});

describe("a reseal of one file", () => {
  it("reads only the blobs the caches do not vouch for: the changed file and the manifest", async () => {
    const r = await sealedAndCommitted();
    expect((await r.cli(["verify"])).code).toBe(0); // as a user's verify would: the blob cache knows every sealed blob
    r.write("data/a.json", '{"a":7}\n');
    expect((await r.cli(["seal"])).code).toBe(0);
    r.git("add", "data/a.json", MANIFEST_PATH);
    const changedOid = r.git("rev-parse", ":data/a.json").trim();
    const run = await hook(r);
    expect(run.rules).toEqual([]);
    expect(run.code).toBe(0);
    const blobIds = run.asked.filter((n) => !n.startsWith(":"));
    // The manifest whole; the changed file's blob through the size-limited reader (not spied
    // here), hashed from git's bytes, since its sealed hash is known.
    expect(new Set(blobIds)).toEqual(new Set([manifestOid(r)]));
    expect(changedOid).toMatch(/^[0-9a-f]{40}$/);
    // Hashed: the changed file's blob alone; the other sealed files came from the blob cache.
    expect(stagedRunStats).toMatchObject({ blobsHashed: 1, bytesHashed: '{"a":7}\n'.length });
    expect(stagedRunStats.blobsFromCache).toBeGreaterThanOrEqual(3);
  });

  it("still catches a staged file that disagrees with the resealed manifest", async () => {
    const r = await sealedAndCommitted();
    expect((await r.cli(["verify"])).code).toBe(0);
    r.write("data/a.json", '{"a":8}\n');
    expect((await r.cli(["seal"])).code).toBe(0);
    r.write("data/a.json", '{"a":9}\n'); // edited after the seal, then staged with the manifest
    r.git("add", "data/a.json", MANIFEST_PATH);
    const run = await hook(r);
    expect(run.rules).toEqual(["manifest/unsealed-change data/a.json"]);
    expect(run.code).toBe(1);
  });
});

describe("whole-repository checks in the hook", () => {
  const config = `version: 1
config:
  files: ["config/*.yaml"]
  precedence: ["config/a.yaml", "config/b.yaml"]
sync:
  - name: s
    source: { file: src.json, path: /v }
    target: { file: dst.json, path: /v }
    fields: { x: x }
`;

  it("run only when a file of their set, or the config, is staged", () =>
    withRepo(async (r) => {
      r.write(".integrity-guard/config.yml", config);
      r.write("config/a.yaml", "port: 1\n");
      r.write("config/b.yaml", "port: 1\n");
      r.write("src.json", '{"v":{"k":{"x":1}}}\n');
      r.write("dst.json", '{"v":{"k":{"x":1}}}\n');
      r.write("notes.json", "{}\n");
      r.commitAll("initial");
      r.write("notes.json", '{"n":1}\n');
      r.git("add", "notes.json");
      const unrelated = await hook(r);
      expect(unrelated.code).toBe(0);
      expect(unrelated.checks.conflicts).toMatchObject({ skipped: true });
      expect(unrelated.checks.sync).toMatchObject({ skipped: true });
      expect(unrelated.asked).not.toContain("config/a.yaml");
      r.write("config/b.yaml", "port: 2\n");
      r.git("add", "config/b.yaml");
      const set = await hook(r);
      expect(set.checks.conflicts?.skipped).toBeUndefined();
      expect(set.checks.sync).toMatchObject({ skipped: true });
      expect(set.rules).toContain("config/conflict config/b.yaml");
      r.git("reset", "-q", "config/b.yaml");
      r.write("dst.json", '{"v":{"k":{"x":2}}}\n');
      r.git("add", "dst.json");
      const synced = await hook(r);
      expect(synced.checks.sync?.skipped).toBeUndefined();
      expect(synced.checks.conflicts).toMatchObject({ skipped: true });
      expect(synced.rules.some((x) => x.startsWith("sync/drift"))).toBe(true);
      r.git("reset", "-q", "dst.json");
      r.write(".integrity-guard/config.yml", config + "\n");
      r.git("add", ".integrity-guard/config.yml");
      const cfg = await hook(r);
      expect(cfg.checks.conflicts?.skipped).toBeUndefined();
      expect(cfg.checks.sync?.skipped).toBeUndefined();
    }));

  it("a set file deleted in the commit counts as staged", () =>
    withRepo(async (r) => {
      r.write(".integrity-guard/config.yml", config);
      r.write("config/a.yaml", "port: 1\n");
      r.write("config/b.yaml", "port: 1\n");
      r.write("src.json", '{"v":{}}\n');
      r.write("dst.json", '{"v":{}}\n');
      r.commitAll("initial");
      r.git("rm", "-q", "config/a.yaml");
      const run = await hook(r);
      expect(run.checks.conflicts?.skipped).toBeUndefined();
      expect(run.checks.sync).toMatchObject({ skipped: true });
    }));
});
