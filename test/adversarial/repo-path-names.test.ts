/**
 * A repository whose path holds a newline, a trailing space, spaces or non-ASCII letters. git
 * prints such paths raw, one per line (`git rev-parse --show-toplevel`): split on newlines, a
 * path with a newline was cut short and every verb then failed with "not a git repository"
 * (exit 2; `init` installed no hook). A trailing space was trimmed off the same way.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";

const repos: TestRepo[] = [];
const parents: string[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
  for (const d of parents.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const CONFIG =
  'version: 1\nvalidate:\n  schemas:\n    - files: ["data/*.json"]\n      schema: schemas/s.json\nmanifest:\n  include: ["data/**"]\n';

function repoAt(name: string): TestRepo {
  const parent = makeTempDir("ig-names-");
  parents.push(parent);
  const dir = path.join(parent, name);
  fs.mkdirSync(dir);
  const r = createRepo({ dir });
  repos.push(r);
  r.write(".integrity-guard/config.yml", CONFIG);
  r.write("schemas/s.json", '{"type":"object","required":["id"]}\n');
  r.write("data/a.json", '{"id":1}\n');
  r.commitAll("initial");
  return r;
}

describe("a repository path git prints raw", () => {
  for (const name of ["two\nlines", "trailing space ", "spaces and ünïcödé", "tab\there"]) {
    it(`works in ${JSON.stringify(name)}`, async () => {
      const r = repoAt(name);
      const seal = await r.cli(["seal"]);
      expect(seal.code, seal.stderr).toBe(0);
      expect(fs.existsSync(path.join(r.dir, ".integrity-guard/manifest.json"))).toBe(true);
      expect((await r.cli(["verify"])).code).toBe(0);
      r.write("data/a.json", '{"x":1}\n');
      r.git("add", "data/a.json");
      const staged = await r.cli(["check", "--staged", "--format", "json"]);
      expect(staged.code, staged.stderr).toBe(1);
      expect(staged.stdout).toContain("schema/violation");
      const init = await r.cli(["init", "--hook-only"]);
      expect(init.code, init.stderr).toBe(0);
      expect(fs.existsSync(path.join(r.dir, ".git/hooks/pre-commit"))).toBe(true);
    });
  }
});
