/**
 * A repository someone clones may commit symlinks, and every command that writes into the work
 * tree must not write, replace or chmod anything outside the repository, or inside `.git/`,
 * because of one. Before: `init` wrote its config into .git/ through `.integrity-guard -> .git`,
 * `seal` its manifest into .git/info/ through `.integrity-guard -> .git/info`, `init` its hooks
 * into a folder outside through `.husky -> ...` or a `.githooks` link named by core.hooksPath,
 * and `init` read a `.husky/pre-commit` link to a file outside and merged that file's text
 * (a secret in the test) into the repository. Now each is refused with exit 2, naming the link
 * and the fix, and nothing is written. Links that stay inside the repository still work. The
 * built CLI, real repositories, real links.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { listing, outsideDir, removeOutsideDirs } from "../helpers/outside-links.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
  removeOutsideDirs();
});

it("init refuses a committed .integrity-guard link into .git/: no config is written there", () => {
  const r = (repo = createRepo());
  r.write("a.json", "{}\n");
  fs.symlinkSync(".git", path.join(r.dir, ".integrity-guard"));
  r.commitAll("init");
  // git's folder as it was, but for the tool's own state folder (its lock) and git's objects.
  const gitFiles = () => listing(path.join(r.dir, ".git")).filter((n) => !n.startsWith("objects") && !n.startsWith("integrity-guard"));
  const before = gitFiles();
  const run = r.cliBundle(["init"]);
  expect(run.code, run.stdout + run.stderr).toBe(2);
  expect(run.stderr).toContain("through .integrity-guard, a symlink that leads outside the repository (or into .git/)");
  expect(run.stderr).toMatch(/fix: replace the symlink \.integrity-guard/);
  expect(fs.existsSync(path.join(r.dir, ".git/config.yml"))).toBe(false);
  expect(fs.existsSync(path.join(r.dir, ".git/hooks/pre-commit"))).toBe(false); // nothing at all was installed
  expect(gitFiles()).toEqual(before);
});

it("seal refuses a committed .integrity-guard link into .git/info: the manifest is not written into git's folder", () => {
  const r = (repo = createRepo());
  r.write("ci/ig.yml", 'version: 1\nmanifest: { include: ["data/**"] }\n');
  r.write("data/a.json", '{"x":1}\n');
  fs.symlinkSync(".git/info", path.join(r.dir, ".integrity-guard"));
  r.commitAll("init");
  const run = r.cliBundle(["seal", "--config", "ci/ig.yml"]);
  expect(run.code, run.stdout + run.stderr).toBe(2);
  expect(run.stderr).toContain(".integrity-guard, a symlink that leads outside the repository");
  expect(fs.readdirSync(path.join(r.dir, ".git/info"))).toEqual(["exclude"]);
});

it("seal refuses a committed .integrity-guard link to a folder outside and leaves that folder as it was", () => {
  const r = (repo = createRepo());
  const outside = outsideDir();
  fs.writeFileSync(path.join(outside, "manifest.json"), "the user's own file\n");
  r.write("ci/ig.yml", 'version: 1\nmanifest: { include: ["data/**"] }\n');
  r.write("data/a.json", '{"x":1}\n');
  fs.symlinkSync(outside, path.join(r.dir, ".integrity-guard"));
  r.commitAll("init");
  const run = r.cliBundle(["seal", "--config", "ci/ig.yml"]);
  expect(run.code, run.stdout + run.stderr).toBe(2);
  expect(run.stderr).toContain(".integrity-guard");
  expect(listing(outside)).toEqual(["manifest.json"]);
  expect(fs.readFileSync(path.join(outside, "manifest.json"), "utf8")).toBe("the user's own file\n");
});

it("init refuses a committed .husky link to a folder outside: no hook is written there", () => {
  const r = (repo = createRepo());
  const outside = outsideDir();
  r.write("package.json", '{"devDependencies":{"husky":"^9.0.0"}}\n');
  fs.symlinkSync(outside, path.join(r.dir, ".husky"));
  r.commitAll("init");
  const run = r.cliBundle(["init"]);
  expect(run.code, run.stdout + run.stderr).toBe(2);
  expect(run.stderr).toContain("through .husky, a symlink that leads outside the repository");
  expect(listing(outside)).toEqual([]);
});

it("init refuses a committed .husky/pre-commit link to a file outside: the file is neither read into the repository nor changed", () => {
  const r = (repo = createRepo());
  const outside = outsideDir();
  const secret = path.join(outside, "rc");
  fs.writeFileSync(secret, "SECRET=hunter2\nnpm test\n", { mode: 0o600 });
  r.write("package.json", '{"devDependencies":{"husky":"^9.0.0"}}\n');
  fs.mkdirSync(path.join(r.dir, ".husky"));
  fs.symlinkSync(secret, path.join(r.dir, ".husky/pre-commit"));
  r.commitAll("init");
  const run = r.cliBundle(["init"]);
  expect(run.code, run.stdout + run.stderr).toBe(2);
  expect(run.stderr).toContain('hook file ".husky/pre-commit" is a symlink that leads outside the repository');
  expect(fs.lstatSync(path.join(r.dir, ".husky/pre-commit")).isSymbolicLink()).toBe(true);
  expect(fs.readFileSync(secret, "utf8")).toBe("SECRET=hunter2\nnpm test\n");
  expect(fs.statSync(secret).mode & 0o777).toBe(0o600);
  expect(run.stdout + run.stderr).not.toContain("hunter2");
});

it("init refuses a core.hooksPath folder that is a committed link to a folder outside", () => {
  const r = (repo = createRepo());
  const outside = outsideDir();
  r.write("a.json", "{}\n");
  fs.symlinkSync(outside, path.join(r.dir, ".githooks"));
  r.commitAll("init");
  r.git("config", "core.hooksPath", ".githooks");
  const run = r.cliBundle(["init"]);
  expect(run.code, run.stdout + run.stderr).toBe(2);
  expect(run.stderr).toContain("through .githooks, a symlink that leads outside the repository");
  expect(listing(outside)).toEqual([]);
});

it("still installs and seals through links that stay inside the repository", () => {
  const r = (repo = createRepo());
  r.write("package.json", '{"devDependencies":{"husky":"^9.0.0"}}\n');
  r.write("data/a.json", '{"x":1}\n');
  fs.mkdirSync(path.join(r.dir, "tools/husky"), { recursive: true });
  fs.symlinkSync("tools/husky", path.join(r.dir, ".husky"));
  fs.mkdirSync(path.join(r.dir, "meta/ig"), { recursive: true });
  fs.symlinkSync("meta/ig", path.join(r.dir, ".integrity-guard"));
  r.commitAll("init");
  const init = r.cliBundle(["init"]);
  expect(init.code, init.stdout + init.stderr).toBe(0);
  expect(fs.readFileSync(path.join(r.dir, "tools/husky/pre-commit"), "utf8")).toContain("integrity-guard");
  expect(fs.existsSync(path.join(r.dir, "meta/ig/config.yml"))).toBe(true);
  fs.appendFileSync(path.join(r.dir, "meta/ig/config.yml"), 'manifest: { include: ["data/**"] }\n');
  const seal = r.cliBundle(["seal"]);
  expect(seal.code, seal.stdout + seal.stderr).toBe(0);
  expect(fs.existsSync(path.join(r.dir, "meta/ig/manifest.json"))).toBe(true);
});
