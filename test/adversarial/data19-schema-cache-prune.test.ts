/**
 * The compiled-schema cache (.git/integrity-guard/schema-cache/) keeps itself under 128 MB by
 * removing its oldest files, and took every `.json` (and `.v8`) name in its folder for its own:
 * a cache folder reached through a symlink (linked to another disk, or to a folder a downloaded
 * .git pointed at) lost its owner's oldest .json files once the folder held more than the limit.
 * Now only names the cache writes (`<sha256>.json`, `<sha256>.<v8 tag>.v8`) are trimmed. A sparse
 * file stands for a big data file (the limit counts sizes, not blocks). The built CLI.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
const temps: string[] = [];
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const temp = (prefix: string) => {
  const d = makeTempDir(prefix);
  temps.push(d);
  return d;
};

it("a schema cache folder reached through a symlink keeps its owner's .json files however big the folder is", () => {
  const r = (repo = createRepo());
  r.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  schemas:\n    - { files: ["data/*.json"], schema: schemas/n.json }\n');
  r.write("schemas/n.json", '{ "type": "object", "required": ["n"] }\n');
  r.write("data/a.json", '{"n": 1}\n');
  r.commitAll("init");
  const elsewhere = temp("ig-elsewhere-");
  const big = path.join(elsewhere, "measurements.json");
  fs.writeFileSync(big, "");
  fs.truncateSync(big, 140 * 1024 * 1024); // sparse: 140 MB by size, no blocks
  const small = path.join(elsewhere, "notes.json");
  fs.writeFileSync(small, '{"keep": true}\n');
  const past = new Date(Date.now() - 86_400_000);
  for (const f of [big, small]) fs.utimesSync(f, past, past);
  fs.mkdirSync(path.join(r.dir, ".git/integrity-guard"), { recursive: true });
  fs.symlinkSync(elsewhere, path.join(r.dir, ".git/integrity-guard/schema-cache"));
  const run = r.cliBundle(["check"], { XDG_CACHE_HOME: temp("ig-xdg-") });
  expect(run.code, run.stdout + run.stderr).toBe(0);
  expect(fs.existsSync(big)).toBe(true);
  expect(fs.statSync(big).size).toBe(140 * 1024 * 1024);
  expect(fs.readFileSync(small, "utf8")).toBe('{"keep": true}\n');
  // The cache itself still works there.
  expect(fs.readdirSync(elsewhere).filter((n) => /^[0-9a-f]{64}\.json$/.test(n)).length).toBeGreaterThan(0);
});
