/**
 * The user's shared schema cache holds CODE that validate runs (src/io/schema-cache.ts,
 * loadStandalone's new Function). Its checksum only catches a torn entry: anyone who can write
 * an entry can recompute it, and its name is a hash of public things (the compiler, the schema's
 * path and its bytes). So the folder itself must be the user's alone, at every level: never a
 * folder another local user can write (XDG_CACHE_HOME pointed at a shared folder), nor a
 * symlink into one, nor an entry file others can write. Such a cache is not read (the schema
 * is compiled in memory, said once on stderr), and the verdict is the true one.
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

function temp(prefix: string): string {
  const d = makeTempDir(prefix);
  temps.push(d);
  return d;
}

/** SchemaStore's Prettier schema refuses `"semi": "yes"`: a schema/violation the planted code would hide. */
function prettierRepo(repo: TestRepo): void {
  repo.write(".integrity-guard/config.yml", "version: 1\n");
  repo.write(".prettierrc.json", '{ "semi": "yes" }\n');
}

async function validate(repo: TestRepo, xdg: string): Promise<{ code: number; report: Report; stderr: string }> {
  const r = await repo.cli(["validate", "--format", "json"], { XDG_CACHE_HOME: xdg, CI: "", GITHUB_ACTIONS: "" });
  return { code: r.code, report: JSON.parse(r.stdout || "{}") as Report, stderr: r.stderr };
}

const sharedDir = (xdg: string) => path.join(xdg, "integrity-guard", "schema-cache");

/**
 * What an attacker plants: the honest entry of the Prettier schema (computed on their own
 * account: the key is no secret), its code changed to accept everything, its checksum recomputed.
 */
async function plantedEntry(): Promise<{ name: string; text: string }> {
  const own = temp("ig-own-xdg-");
  await withRepo(async (repo) => {
    prettierRepo(repo);
    await validate(repo, own);
  });
  const [name] = fs.readdirSync(sharedDir(own)).filter((n) => n.endsWith(".json"));
  const entry = JSON.parse(fs.readFileSync(path.join(sharedDir(own), name!), "utf8")) as { code: string; codeSha: string };
  expect(entry.code).toContain("return errors === 0");
  entry.code = entry.code.replace("return errors === 0", "return true");
  const { createHash } = await import("node:crypto");
  entry.codeSha = createHash("sha256").update(entry.code).digest("hex");
  return { name: name!, text: JSON.stringify(entry) };
}

/** Plant the entry under `xdg`, then check that the victim's run still finds the violation and did not read the entry. */
async function expectNotRun(xdg: string, planted: { name: string; text: string }, mode = 0o644): Promise<string> {
  fs.mkdirSync(sharedDir(xdg), { recursive: true });
  const file = path.join(sharedDir(xdg), planted.name);
  fs.writeFileSync(file, planted.text);
  fs.chmodSync(file, mode);
  let stderr = "";
  await withRepo(async (repo) => {
    prettierRepo(repo);
    const r = await validate(repo, xdg);
    stderr = r.stderr;
    expect(r.report.summary.schemas.cached).toBe(0);
    expect(
      r.report.findings.some((f) => f.file === ".prettierrc.json" && f.rule === "schema/violation" && f.message.includes("semi")),
    ).toBe(true);
  });
  return stderr;
}

describe("a shared schema cache another local user can write is never run", () => {
  it("XDG_CACHE_HOME pointing at a folder every user can write (no sticky bit): the planted entry is not run, and stderr says why once", async () => {
    const planted = await plantedEntry();
    const xdg = temp("ig-shared-xdg-");
    fs.chmodSync(xdg, 0o777);
    const stderr = await expectNotRun(xdg, planted);
    expect(stderr.match(/shared schema cache/g)).toHaveLength(1);
    expect(stderr).toContain("writable by every user");
    expect(stderr).toContain(xdg);
  });

  it("inside a sticky shared folder (/tmp-like), a cache folder left writable by others is not used", async () => {
    const planted = await plantedEntry();
    const tmp = temp("ig-sticky-");
    fs.chmodSync(tmp, 0o1777);
    const xdg = path.join(tmp, "cache");
    fs.mkdirSync(path.join(xdg, "integrity-guard"), { recursive: true });
    fs.chmodSync(path.join(xdg, "integrity-guard"), 0o777);
    const stderr = await expectNotRun(xdg, planted);
    expect(stderr).toContain(path.join(xdg, "integrity-guard"));
  });

  it("a folder writable by a group that is not the user's own private group is not used", async () => {
    const planted = await plantedEntry();
    const xdg = temp("ig-group-xdg-");
    fs.mkdirSync(sharedDir(xdg), { recursive: true });
    // A group other than the user's primary one: not the user's private group, whatever /etc/group says.
    const other = process.getgid!() === 0 ? 65534 : process.getgroups!().find((g) => g !== process.getgid!());
    if (process.getuid!() === 0 || other !== undefined) {
      fs.chownSync(sharedDir(xdg), process.getuid!(), other ?? 65534);
      fs.chmodSync(sharedDir(xdg), 0o775);
      const stderr = await expectNotRun(xdg, planted);
      expect(stderr).toContain("writable by group");
    } else {
      // A user in one group only: group write cannot be shown to be anyone else's; the mode test above covers others.
      expect(other).toBeUndefined();
    }
  });

  it("a symlink planted at the cache folder's level, into a folder others can write, is not followed to run code", async () => {
    const planted = await plantedEntry();
    const theirs = temp("ig-theirs-");
    fs.chmodSync(theirs, 0o777);
    fs.mkdirSync(path.join(theirs, "schema-cache"));
    fs.chmodSync(path.join(theirs, "schema-cache"), 0o777);
    fs.writeFileSync(path.join(theirs, "schema-cache", planted.name), planted.text);
    const xdg = temp("ig-linked-xdg-");
    fs.symlinkSync(theirs, path.join(xdg, "integrity-guard"));
    await withRepo(async (repo) => {
      prettierRepo(repo);
      const r = await validate(repo, xdg);
      expect(r.report.summary.schemas.cached).toBe(0);
      expect(r.report.findings.some((f) => f.file === ".prettierrc.json" && f.message.includes("semi"))).toBe(true);
      expect(r.stderr).toContain("writable by every user");
    });
  });

  it("an entry file others can write, in the user's own folder, is not run", async () => {
    const planted = await plantedEntry();
    const xdg = temp("ig-own-folder-");
    await expectNotRun(xdg, planted, 0o666);
  });

  it("the user's own private folder, also through a symlink the user made (~/.cache on another disk), is used as before", async () => {
    const real = temp("ig-real-cache-");
    const xdg = temp("ig-link-home-");
    fs.symlinkSync(real, path.join(xdg, "linked"));
    const home = path.join(xdg, "linked");
    await withRepo(async (repo) => {
      prettierRepo(repo);
      const first = await validate(repo, home);
      expect(first.report.summary.schemas).toEqual({ cached: 0, compiled: 1 });
      expect(first.stderr).not.toContain("shared schema cache");
      const second = await validate(repo, home);
      expect(second.report.summary.schemas).toEqual({ cached: 1, compiled: 0 });
      expect(second.report.findings).toEqual(first.report.findings);
    });
    // One entry (and, since the second run loaded it, V8's code cache beside it).
    expect(fs.readdirSync(path.join(real, "integrity-guard", "schema-cache")).filter((n) => n.endsWith(".json"))).toHaveLength(1);
  });
});

describe("the repository's own schema cache", () => {
  it("an entry every user can write (a world-writable .git) is not run; the group's entries are, as hooks are", () =>
    withRepo(async (repo) => {
      repo.write("schemas/item.schema.json", JSON.stringify({ type: "object", properties: { id: { type: "integer" } } }));
      repo.write("data/a.json", '{ "id": "x" }\n');
      repo.write(
        ".integrity-guard/config.yml",
        'version: 1\nvalidate:\n  schemas:\n    - files: ["data/*.json"]\n      schema: schemas/item.schema.json\n',
      );
      const run = () => repo.cli(["validate", "--format", "json"], { CI: "true" });
      expect((await run()).code).toBe(1);
      const dir = path.join(repo.dir, ".git/integrity-guard/schema-cache");
      const [name] = fs.readdirSync(dir).filter((n) => n.endsWith(".json"));
      const file = path.join(dir, name!);
      const entry = JSON.parse(fs.readFileSync(file, "utf8")) as { code: string; codeSha: string };
      entry.code = entry.code.replace("return errors === 0", "return true");
      const { createHash } = await import("node:crypto");
      entry.codeSha = createHash("sha256").update(entry.code).digest("hex");
      fs.writeFileSync(file, JSON.stringify(entry));
      fs.chmodSync(file, 0o666);
      const r = await run();
      expect(r.code).toBe(1);
      expect((JSON.parse(r.stdout) as Report).summary.schemas).toEqual({ cached: 0, compiled: 1 });
      // An honest entry the group can write (core.sharedRepository=group) is read as before.
      fs.rmSync(file);
      expect((await run()).code).toBe(1);
      fs.chmodSync(file, 0o664);
      const g = await run();
      expect(g.code).toBe(1);
      expect((JSON.parse(g.stdout) as Report).summary.schemas).toEqual({ cached: 1, compiled: 0 });
    }));
});
