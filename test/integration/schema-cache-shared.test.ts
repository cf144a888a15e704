/**
 * The built-in schemas' compiled code is shared between clones through the user's cache folder
 * (src/io/schema-cache.ts, issue 20: SchemaStore's ESLint-config schema cost every fresh clone 3 s
 * of CPU in its first hook run). A second clone reads it and compiles nothing, with the same
 * findings; a repository's own schemas never go there; a tampered shared entry is recompiled;
 * --no-cache neither reads nor writes it, nor does a CI runner; a shared folder that cannot be written leaves the
 * repository's cache in use.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeTempDir, withRepo, type TestRepo } from "../helpers/repo.js";

interface Report {
  findings: { rule: string; file?: string; message: string }[];
  summary: { schemas: { cached: number; compiled: number } };
}

const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh XDG_CACHE_HOME: the user's cache folder of this test alone. */
function cacheHome(): string {
  const d = makeTempDir("ig-xdg-");
  temps.push(d);
  return d;
}

/** A clone-like repository with a Prettier config that SchemaStore's built-in schema refuses ("semi" is a boolean): a warning. */
function prettierRepo(repo: TestRepo, extra = ""): void {
  repo.write(".integrity-guard/config.yml", `version: 1\n${extra}`);
  repo.write(".prettierrc.json", '{ "semi": "yes" }\n');
}

/** Run as on a developer's machine (the suite itself may run on CI, where the shared folder is not used). */
async function validate(
  repo: TestRepo,
  xdg: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; report: Report }> {
  const r = await repo.cli(["validate", ...args, "--format", "json"], { XDG_CACHE_HOME: xdg, CI: "", GITHUB_ACTIONS: "", ...env });
  return { code: r.code, report: JSON.parse(r.stdout || "{}") as Report };
}

const sharedDir = (xdg: string) => path.join(xdg, "integrity-guard", "schema-cache");
const entries = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith(".json")) : []);
const repoEntries = (repo: TestRepo) => entries(path.join(repo.dir, ".git/integrity-guard/schema-cache"));

describe("the built-in schemas' compiled code is shared between clones", () => {
  it("a second clone reads the first clone's entry from the user's cache folder and compiles nothing, with the same findings", async () => {
    const xdg = cacheHome();
    const first = await withRepo(async (repo) => {
      prettierRepo(repo);
      const r = await validate(repo, xdg);
      expect(r.report.summary.schemas).toEqual({ cached: 0, compiled: 1 });
      expect(entries(sharedDir(xdg))).toHaveLength(1);
      // Kept once, in the shared folder, not again under this clone's .git/.
      expect(repoEntries(repo)).toEqual([]);
      return r.report.findings;
    });
    expect(first.some((f) => f.file === ".prettierrc.json" && f.rule === "schema/violation" && f.message.includes("semi"))).toBe(true);
    await withRepo(async (repo) => {
      prettierRepo(repo);
      const r = await validate(repo, xdg);
      expect(r.report.summary.schemas).toEqual({ cached: 1, compiled: 0 });
      expect(r.report.findings).toEqual(first);
    });
  });

  it("a repository's own schema stays in its .git/ and never goes to the shared folder", () =>
    withRepo(async (repo) => {
      const xdg = cacheHome();
      repo.write("schemas/item.schema.json", JSON.stringify({ type: "object", properties: { id: { type: "integer" } } }));
      repo.write("data/a.json", '{ "id": "x" }\n');
      prettierRepo(repo, 'validate:\n  schemas:\n    - files: ["data/*.json"]\n      schema: schemas/item.schema.json\n');
      const r = await validate(repo, xdg);
      expect(r.code).toBe(1);
      expect(r.report.summary.schemas).toEqual({ cached: 0, compiled: 2 });
      expect(entries(sharedDir(xdg))).toHaveLength(1); // the built-in Prettier schema only
      expect(repoEntries(repo)).toHaveLength(1); // the repository's schema
      const shared = fs.readFileSync(path.join(sharedDir(xdg), entries(sharedDir(xdg))[0]!), "utf8");
      expect(shared).not.toContain("schemas/item.schema.json");
    }));

  it("a tampered shared entry is never trusted: recompiled, same verdict", async () => {
    const xdg = cacheHome();
    const first = await withRepo(async (repo) => {
      prettierRepo(repo);
      return (await validate(repo, xdg)).report.findings;
    });
    expect(first.some((f) => f.message.includes("semi"))).toBe(true);
    const dir = sharedDir(xdg);
    expect(entries(dir)).toHaveLength(1);
    for (const f of entries(dir)) {
      const entry = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as { code: string };
      entry.code = entry.code.replace("return errors === 0", "return true");
      fs.writeFileSync(path.join(dir, f), JSON.stringify(entry));
    }
    await withRepo(async (repo) => {
      prettierRepo(repo);
      const r = await validate(repo, xdg);
      expect(r.report.summary.schemas).toEqual({ cached: 0, compiled: 1 });
      expect(r.report.findings).toEqual(first);
    });
  });

  it("--no-cache neither reads nor writes the shared folder", async () => {
    const xdg = cacheHome();
    await withRepo(async (repo) => {
      prettierRepo(repo);
      const r = await validate(repo, xdg, ["--no-cache"]);
      expect(r.report.summary.schemas).toEqual({ cached: 0, compiled: 1 });
      expect(fs.existsSync(sharedDir(xdg))).toBe(false);
      await validate(repo, xdg); // fills it
      expect((await validate(repo, xdg, ["--no-cache"])).report.summary.schemas).toEqual({ cached: 0, compiled: 1 });
    });
  });

  it.each([
    ["CI", "true"],
    ["GITHUB_ACTIONS", "true"],
  ])("on a CI runner (%s=%s) the shared folder is neither read nor written: a runner's home may outlive a job", async (name, value) => {
    const xdg = cacheHome();
    await withRepo(async (repo) => {
      prettierRepo(repo);
      await validate(repo, xdg); // a developer's run fills it
      expect(entries(sharedDir(xdg))).toHaveLength(1);
    });
    await withRepo(async (repo) => {
      prettierRepo(repo);
      expect((await validate(repo, xdg, [], { [name]: value })).report.summary.schemas).toEqual({ cached: 0, compiled: 1 });
      expect(repoEntries(repo)).toHaveLength(1); // the repository's own cache, as before
    });
  });

  it("a shared folder that cannot be written leaves the repository's cache in use", () =>
    withRepo(async (repo) => {
      const xdg = cacheHome();
      // A file where the folder would be: nothing can be made under it (as a read-only home).
      fs.writeFileSync(path.join(xdg, "integrity-guard"), "not a folder");
      prettierRepo(repo);
      expect((await validate(repo, xdg)).report.summary.schemas).toEqual({ cached: 0, compiled: 1 });
      expect(repoEntries(repo)).toHaveLength(1);
      expect((await validate(repo, xdg)).report.summary.schemas).toEqual({ cached: 1, compiled: 0 });
    }));
});
