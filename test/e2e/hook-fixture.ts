/**
 * Shared set-up of the hook end-to-end tests: a real repository whose "locally installed"
 * integrity-guard (node_modules/.bin/integrity-guard, what `npm install -D` provides) runs the
 * BUILT bundle, a config mapping data/*.json to a schema, and helpers to commit and to read HEAD.
 */
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { CLI_BUNDLE, createRepo, type TestRepo } from "../helpers/repo.js";

export const SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  required: ["id", "count"],
  properties: { id: { type: "string", pattern: "^[a-z]+$" }, count: { type: "integer", minimum: 0 } },
};

export const CONFIG = `version: 1
validate:
  schemas:
    - files: ["data/**/*.json"]
      schema: schemas/data.schema.json
`;

export const VALID = '{\n  "id": "abc",\n  "count": 1\n}\n';
/** Trailing comma after the last member: line 3. */
export const TRAILING_COMMA = '{\n  "id": "abc",\n  "count": 1,\n}\n';
/** Valid JSON, schema violation at line 3 (count must be >= 0). */
export const SCHEMA_VIOLATION = '{\n  "id": "abc",\n  "count": -5\n}\n';

/** A shell script standing in for node_modules/.bin/integrity-guard: runs the built bundle. */
export function binScript(): string {
  return `#!/bin/sh\nexec '${process.execPath}' '${CLI_BUNDLE}' "$@"\n`;
}

/**
 * What `npm install -D integrity-guard` leaves: the package's bin script under
 * node_modules/integrity-guard/ and node_modules/.bin/integrity-guard a symlink to it (the hook
 * runs nothing else from node_modules).
 */
export function installLocalBinary(repo: TestRepo): string {
  const file = repo.write("node_modules/integrity-guard/bin/integrity-guard.js", binScript());
  fs.chmodSync(file, 0o755);
  const link = path.join(repo.dir, "node_modules/.bin/integrity-guard");
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync("../integrity-guard/bin/integrity-guard.js", link);
  return link;
}

/**
 * A repository with the config, the schema, a first commit, the local binary, and (unless
 * `install` is false) the hook installed by the built CLI's `init --hook-only`.
 */
export function hookRepo(
  options: { install?: boolean; localBinary?: boolean; dir?: string; before?: (repo: TestRepo) => void } = {},
): TestRepo {
  const repo = createRepo(options.dir ? { dir: options.dir } : {});
  repo.write(".gitignore", "node_modules/\n");
  repo.write(".integrity-guard/config.yml", CONFIG);
  repo.write("schemas/data.schema.json", JSON.stringify(SCHEMA, null, 2) + "\n");
  repo.write("data/a.json", VALID);
  repo.commitAll("initial");
  if (options.localBinary !== false) installLocalBinary(repo);
  options.before?.(repo);
  if (options.install !== false) {
    const r = repo.cliBundle(["init", "--hook-only"]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
  }
  return repo;
}

export function head(repo: TestRepo): string {
  return repo.git("rev-parse", "HEAD").trim();
}

/** `git commit` with the hooks enabled; returns status and both streams (hook output is on stderr). */
export function commit(repo: TestRepo, ...args: string[]): { status: number | null; out: string } {
  const r = repo.tryGit("commit", "-m", "change", ...args);
  return { status: r.status, out: r.stdout + r.stderr };
}

/** Assert that a commit was blocked: non-zero, HEAD unchanged, the file:line:column named, the bypass said (once). */
export function expectBlocked(repo: TestRepo, before: string, r: { status: number | null; out: string }, location: RegExp): void {
  expect(r.status, r.out).not.toBe(0);
  expect(head(repo)).toBe(before);
  expect(r.out).toMatch(location);
  expect(r.out).toContain("git commit --no-verify");
  expect(r.out.split("--no-verify").length - 1, "the bypass is said once").toBe(1);
}

export function expectCommitted(repo: TestRepo, before: string, r: { status: number | null; out: string }): void {
  expect(r.status, r.out).toBe(0);
  expect(head(repo)).not.toBe(before);
}

export function exists(repo: TestRepo, rel: string): boolean {
  return fs.existsSync(path.join(repo.dir, rel));
}
