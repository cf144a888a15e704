/**
 * A repository shared by a group (`git init --shared=group`, core.sharedRepository): git makes
 * every folder in .git group-writable with the set-group-id bit (path.c, adjust_shared_perm), so
 * each member can commit. integrity-guard made .git/integrity-guard and its subfolders with the
 * first member's umask (0755), and every other member's `seal` then failed with EACCES on its
 * lock (exit 2), their caches unwritable. Each folder it makes under .git must carry git's
 * shared mode: the same permission bits as the folder git made, for every setting.
 * (Checked by hand with two real users in one group as well: the second user's seal passes.)
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { makeSshKey, snapshotConfig, type SshKey } from "../helpers/keys.js";

let key: SshKey;
beforeAll(() => {
  key = makeSshKey();
});
afterAll(() => key.cleanup());

let repo: TestRepo | undefined;
afterEach(() => repo?.cleanup());

const SCHEMA = '{"type":"object","required":["a"]}\n';

/** Every folder at or below `dir`, repository-relative, with its permission bits. */
function folderModes(root: string, dir: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (abs: string) => {
    out.set(path.relative(root, abs), fs.statSync(abs).mode & 0o7777);
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) if (e.isDirectory()) walk(path.join(abs, e.name));
  };
  walk(dir);
  return out;
}

/** A repository made by git with core.sharedRepository = `shared`, then every command that writes state. */
async function stateFolders(shared: string | undefined): Promise<{ gitMode: number; modes: Map<string, number> }> {
  const r = createRepo();
  repo = r;
  if (shared !== undefined) r.git("init", "-q", `--shared=${shared}`); // what git does to .git for that setting
  r.write(
    ".integrity-guard/config.yml",
    snapshotConfig({ sets: '    hourly: { paths: ["data/"], keep: 2 }' }) +
      'manifest:\n  include: ["data/**"]\nvalidate:\n  schemas:\n    - files: ["data/**/*.json"]\n      schema: schemas/a.schema.json\n',
  );
  r.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
  r.write("schemas/a.schema.json", SCHEMA);
  r.write("data/a.json", '{"a": 1}\n');
  r.commitAll("data");
  const env = { IG_TEST_SIGNING_KEY: key.privateKey };
  for (const args of [["init", "--hook-only"], ["seal"], ["check"], ["snapshot", "--set", "hourly"]]) {
    const run = await r.cli(args, env);
    expect(run.code, `${args.join(" ")}: ${run.stderr}`).toBe(0);
  }
  const gitDir = path.join(r.dir, ".git");
  const modes = folderModes(r.dir, path.join(gitDir, "integrity-guard"));
  // The commands above made the lock's, the caches' and the snapshot's folders.
  expect([...modes.keys()].length).toBeGreaterThan(2);
  return { gitMode: fs.statSync(gitDir).mode & 0o7777, modes };
}

describe("state folders in a repository shared by a group", () => {
  it.each(["group", "all", "0660", "0640"])(
    "core.sharedRepository=%s: every folder under .git/integrity-guard has git's shared mode",
    async (shared) => {
      const { gitMode, modes } = await stateFolders(shared);
      // git's own folder is shared: set-group-id, and group rights for the setting.
      expect(gitMode & 0o2000).toBe(0o2000);
      expect(gitMode & 0o050).toBe(0o050);
      if (shared !== "0640") expect(gitMode & 0o020).toBe(0o020);
      const wrong = [...modes].filter(([, m]) => m !== gitMode).map(([f, m]) => `${f} ${m.toString(8)}`);
      expect(wrong, `.git is ${gitMode.toString(8)}`).toEqual([]);
    },
  );

  it("an unshared repository keeps the usual modes (no set-group-id, no group write beyond git's folder)", async () => {
    const { gitMode, modes } = await stateFolders(undefined);
    expect(gitMode & 0o2000).toBe(0);
    for (const [f, m] of modes) expect({ f, m: m & 0o2022 }).toEqual({ f, m: gitMode & 0o2022 });
  });
});
