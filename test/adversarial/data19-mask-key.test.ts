/**
 * The repository's key for masked-value tags (.git/integrity-guard/mask-key) was created with
 * O_EXCL and then written: a kill or a full disk in between left it empty, and every later run
 * read no key, could not create one (the name was taken) and fell back to a random key of its
 * own, so a masked secret's tag changed from run to run for good. Keys are now written whole to
 * a temporary file and linked into place; an empty (cut-short) key older than a few seconds is
 * replaced, a symlink there is still never written through. The built CLI, real repositories.
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

/** Two layers that disagree on a secret: `conflicts` shows it masked, with a tag. */
function secretRepo(): TestRepo {
  const r = (repo = createRepo());
  r.write(
    ".integrity-guard/config.yml",
    'version: 1\nconfig:\n  files: ["config/*.yaml"]\n  precedence: ["config/system.yaml", "config/local.yaml"]\n',
  );
  r.write("config/system.yaml", "server:\n  api_token: tok-system-111\n");
  r.write("config/local.yaml", "server:\n  api_token: tok-local-222\n");
  r.commitAll("init");
  return r;
}

function tags(r: TestRepo): string[] {
  const run = r.cliBundle(["conflicts", "--format", "json"]);
  expect(run.stdout + run.stderr).not.toContain("tok-");
  const report = JSON.parse(run.stdout) as { findings: { key: string; expected?: string; found?: string }[] };
  const f = report.findings.find((x) => x.key === "server.api_token");
  expect(f, run.stdout + run.stderr).toBeDefined();
  const out = [f!.expected!, f!.found!];
  for (const t of out) expect(t).toMatch(/^\*\*\* \(\d+ chars, #[0-9a-f]{6}\)$/);
  return out;
}

/** A pid that is not running: the first free one counting down from a high number. */
function deadPid(): number {
  for (let pid = 4_000_000; ; pid--) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ESRCH") return pid;
    }
  }
}

it("an empty mask-key left by a killed run (or a full disk) is replaced: tags are the same from run to run again", () => {
  const r = secretRepo();
  const state = path.join(r.dir, ".git/integrity-guard");
  fs.mkdirSync(state, { recursive: true });
  const keyFile = path.join(state, "mask-key");
  fs.writeFileSync(keyFile, "", { mode: 0o600 });
  const past = new Date(Date.now() - 60_000);
  fs.utimesSync(keyFile, past, past);
  // A temporary key of a writer that is gone.
  const dead = path.join(state, `mask-key.${deadPid()}.tmp`);
  fs.writeFileSync(dead, Buffer.alloc(32, 7), { mode: 0o600 });
  const first = tags(r);
  expect(fs.statSync(keyFile).size).toBe(32);
  expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
  expect(tags(r)).toEqual(first);
  expect(tags(r)).toEqual(first);
  expect(fs.existsSync(dead)).toBe(false);
  expect(fs.readdirSync(state).filter((n) => n.startsWith("mask-key."))).toEqual([]);
});

it("a fresh key is made whole, once, and kept; a symlink named mask-key is never written through", () => {
  const r = secretRepo();
  const first = tags(r);
  const keyFile = path.join(r.dir, ".git/integrity-guard/mask-key");
  const key = fs.readFileSync(keyFile);
  expect(key.length).toBe(32);
  expect(tags(r)).toEqual(first);
  expect(fs.readFileSync(keyFile).equals(key)).toBe(true);

  const r2 = secretRepo();
  const outside = makeTempDir("ig-outside-");
  temps.push(outside);
  const target = path.join(outside, "victim");
  fs.writeFileSync(target, "not a key\n");
  fs.mkdirSync(path.join(r2.dir, ".git/integrity-guard"), { recursive: true });
  fs.symlinkSync(target, path.join(r2.dir, ".git/integrity-guard/mask-key"));
  tags(r2);
  expect(fs.readFileSync(target, "utf8")).toBe("not a key\n");
  expect(fs.lstatSync(path.join(r2.dir, ".git/integrity-guard/mask-key")).isSymbolicLink()).toBe(true);
  r.cleanup();
});
