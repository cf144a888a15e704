/**
 * V8's code cache beside a schema cache entry (src/io/schema-cache.ts codeCache,
 * src/core/schema/standalone.ts): a run that loads a cached entry keeps what V8 compiled, and the
 * next run starts from it instead of parsing and compiling megabytes of code again (issue 20: the
 * warm hook on an `.eslintrc.yaml`). The findings never change; a truncated, corrupt or foreign
 * code cache is never used, and is replaced.
 */
import { createHash } from "node:crypto";
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

function cacheHome(): string {
  const d = makeTempDir("ig-xdg-");
  temps.push(d);
  return d;
}

/**
 * The built CLI in a process of its own, as the hook runs (in one process V8 would find the code
 * of an earlier run in its own compilation cache and never look at ours), on a developer's
 * machine (the shared folder is not used on CI).
 */
function validate(repo: TestRepo, xdg: string): { code: number; report: Report } {
  const r = repo.cliBundle(["validate", "--format", "json"], { XDG_CACHE_HOME: xdg, CI: "", GITHUB_ACTIONS: "" });
  return { code: r.code, report: JSON.parse(r.stdout || "{}") as Report };
}

const sharedDir = (xdg: string) => path.join(xdg, "integrity-guard", "schema-cache");
const named = (xdg: string, suffix: string) =>
  fs.existsSync(sharedDir(xdg)) ? fs.readdirSync(sharedDir(xdg)).filter((n) => n.endsWith(suffix)) : [];

/** The one code cache file and whether its first 32 bytes bind it to its entry's code. */
function codeCache(xdg: string): { file: string; bytes: Buffer; bound: boolean } {
  const [entryName] = named(xdg, ".json");
  const caches = named(xdg, ".v8");
  expect(caches).toHaveLength(1);
  expect(caches[0]!.startsWith(entryName!.replace(/\.json$/, "."))).toBe(true);
  const file = path.join(sharedDir(xdg), caches[0]!);
  const bytes = fs.readFileSync(file);
  const codeSha = (JSON.parse(fs.readFileSync(path.join(sharedDir(xdg), entryName!), "utf8")) as { codeSha: string }).codeSha;
  const digest = createHash("sha256").update(`${codeSha}\0`).update(bytes.subarray(32)).digest();
  return { file, bytes, bound: bytes.length > 32 && digest.equals(bytes.subarray(0, 32)) };
}

/** SchemaStore's Prettier schema refuses "semi": "yes": a finding that must survive every cache state. */
function prettierRepo(repo: TestRepo): void {
  repo.write(".integrity-guard/config.yml", "version: 1\n");
  repo.write(".prettierrc.json", '{ "semi": "yes" }\n');
}

describe("V8's code cache of a cached schema", () => {
  it("is made by the first run that loads the entry, then used as it is, with the same findings every run", () =>
    withRepo((repo) => {
      const xdg = cacheHome();
      prettierRepo(repo);
      const first = validate(repo, xdg);
      expect(first.report.summary.schemas).toEqual({ cached: 0, compiled: 1 });
      expect(first.report.findings.some((f) => f.file === ".prettierrc.json" && f.rule === "schema/violation")).toBe(true);
      // Compiled by ajv this run: no code cache yet.
      expect(named(xdg, ".v8")).toEqual([]);

      const second = validate(repo, xdg);
      expect(second.report.summary.schemas).toEqual({ cached: 1, compiled: 0 });
      expect(second.report.findings).toEqual(first.report.findings);
      const made = codeCache(xdg);
      expect(made.bound).toBe(true);
      const inode = fs.statSync(made.file).ino;

      // Used, not made again: the file is the same one (a new cache is written beside and renamed over).
      const third = validate(repo, xdg);
      expect(third.code).toBe(first.code);
      expect(third.report.findings).toEqual(first.report.findings);
      expect(third.report.summary.schemas).toEqual({ cached: 1, compiled: 0 });
      expect(fs.statSync(made.file).ino).toBe(inode);
    }));

  it.each([
    ["truncated", (b: Buffer) => b.subarray(0, 100)],
    ["with a byte changed", (b: Buffer) => Buffer.concat([b.subarray(0, b.length - 1), Buffer.from([b[b.length - 1]! ^ 0xff])])],
    ["empty", () => Buffer.alloc(0)],
  ])("%s, is never given to V8: the findings stay, and it is replaced", (_, tamper) =>
    withRepo((repo) => {
      const xdg = cacheHome();
      prettierRepo(repo);
      const first = validate(repo, xdg);
      validate(repo, xdg);
      const { file, bytes } = codeCache(xdg);
      const bad = tamper(bytes);
      fs.writeFileSync(file, bad);
      const after = validate(repo, xdg);
      expect(after.code).toBe(first.code);
      expect(after.report.findings).toEqual(first.report.findings);
      expect(after.report.summary.schemas).toEqual({ cached: 1, compiled: 0 });
      const now = codeCache(xdg);
      expect(now.bound).toBe(true);
      expect(now.bytes.equals(bad)).toBe(false);
    }),
  );

  it("bound to its code but refused by V8 (another build's, or not a code cache): compiled from the code, same findings, replaced", () =>
    withRepo((repo) => {
      const xdg = cacheHome();
      prettierRepo(repo);
      const first = validate(repo, xdg);
      validate(repo, xdg);
      const { file, bytes } = codeCache(xdg);
      const codeSha = (
        JSON.parse(fs.readFileSync(path.join(path.dirname(file), `${path.basename(file).split(".")[0]!}.json`), "utf8")) as {
          codeSha: string;
        }
      ).codeSha;
      const body = Buffer.alloc(bytes.length - 32, 0x5a);
      const forged = Buffer.concat([createHash("sha256").update(`${codeSha}\0`).update(body).digest(), body]);
      fs.writeFileSync(file, forged);
      const after = validate(repo, xdg);
      expect(after.code).toBe(first.code);
      expect(after.report.findings).toEqual(first.report.findings);
      const now = codeCache(xdg);
      expect(now.bound).toBe(true);
      expect(now.bytes.equals(forged)).toBe(false);
    }));

  // A code cache is code: V8 runs what it holds as the entry's functions, and its digest binds it
  // to the entry, not to who wrote it. So it is read under the entry's own checks.
  it.each([
    ["writable by every user", (file: string) => fs.chmodSync(file, 0o666)],
    [
      "a symlink to a copy elsewhere",
      (file: string) => {
        const elsewhere = path.join(cacheHome(), "planted.v8");
        fs.copyFileSync(file, elsewhere);
        fs.rmSync(file);
        fs.symlinkSync(elsewhere, file);
      },
    ],
  ])("%s, is never given to V8 and is replaced by a file of the user's own", (_, plant) =>
    withRepo((repo) => {
      const xdg = cacheHome();
      prettierRepo(repo);
      const first = validate(repo, xdg);
      validate(repo, xdg);
      const { file } = codeCache(xdg);
      plant(file);
      const planted = fs.lstatSync(file).ino;
      const after = validate(repo, xdg);
      expect(after.report.findings).toEqual(first.report.findings);
      const st = fs.lstatSync(file);
      expect(st.isFile()).toBe(true);
      expect(st.ino).not.toBe(planted);
    }),
  );
});
