/**
 * Session 28, red team (rt-data23): `init` installs three hooks (pre-commit, pre-merge-commit,
 * prepare-commit-msg). On a disk that filled up between them, it installed the first and
 * stopped: a repository whose commits were checked but whose merge commits (or `git rebase
 * --continue` steps) were not, and nothing in the message said which hooks were in. Now all of
 * them are written beside their places first and put in place only when every one was written
 * whole: on a full disk no hook changes, the exit is 2, the message says the disk is full and
 * that no hook was changed. A real tmpfs filled to leave 0, 4, 8, ... 48 KiB (root only), with and
 * without a user's own pre-commit hook (which must stay where it is, whole, and run).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_BUNDLE, createRepo, GIT_ENV, makeTempDir } from "../helpers/repo.js";

const canMount = process.getuid?.() === 0 && spawnSync("mount", ["--version"]).status === 0;
const HOOKS = ["pre-commit", "pre-merge-commit", "prepare-commit-msg"];
const USER_HOOK = "#!/bin/sh\n# the user's own pre-commit hook\nexit 0\n";

function hookFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of fs.readdirSync(dir).sort()) if (!n.endsWith(".sample")) out[n] = fs.readFileSync(path.join(dir, n), "utf8");
  return out;
}

describe("init on a full disk", () => {
  it.skipIf(!canMount)(
    "every hook is installed or none is: exit 2 saying the disk is full, the user's hook untouched, no temporaries",
    () => {
      const seen = new Set<number>();
      for (const userHook of [false, true]) {
        for (let free = 0; free <= 48; free += 4) {
          const mnt = makeTempDir("ig-full-init-");
          expect(spawnSync("mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", mnt]).status).toBe(0);
          try {
            const repo = createRepo({ dir: mnt });
            const hooks = path.join(mnt, ".git/hooks");
            fs.mkdirSync(hooks, { recursive: true });
            for (const n of fs.readdirSync(hooks)) fs.rmSync(path.join(hooks, n)); // sample hooks: room for the fill
            if (userHook) fs.writeFileSync(path.join(hooks, "pre-commit"), USER_HOOK, { mode: 0o755 });
            repo.write("a.json", "{}\n");
            repo.commitAll("base");
            fs.mkdirSync(path.join(mnt, ".git/integrity-guard"), { recursive: true });
            const before = hookFiles(hooks);
            const fill = path.join(mnt, "fill");
            spawnSync("sh", ["-c", `dd if=/dev/zero of=${fill} bs=4k 2>/dev/null; truncate -s -${free}K ${fill}`]);
            const r = spawnSync(process.execPath, [CLI_BUNDLE, "init", "--hook-only"], {
              cwd: mnt,
              env: { ...process.env, ...GIT_ENV },
              encoding: "utf8",
            });
            const out = `${r.stdout}${r.stderr}`;
            const what = `${userHook ? "with" : "without"} a user hook, ${free} KiB free: ${out}`;
            const after = hookFiles(hooks);
            expect(
              Object.keys(after).filter((n) => n.endsWith(".tmp")),
              what,
            ).toEqual([]);
            if (r.status === 0) {
              for (const h of HOOKS) expect(after[h], what).toMatch(/integrity-guard/);
              if (userHook) expect(after["pre-commit.local"], what).toBe(USER_HOOK);
            } else {
              expect(r.status, what).toBe(2);
              expect(out, what).toMatch(/disk is full/);
              // Nothing half: the hooks folder is as it was (a lock that could not be taken changed nothing either).
              expect(after, `hooks half installed, ${what}`).toEqual(before);
            }
            seen.add(r.status ?? -1);
            // Space back: init installs every hook.
            fs.rmSync(fill);
            const again = spawnSync(process.execPath, [CLI_BUNDLE, "init", "--hook-only"], {
              cwd: mnt,
              env: { ...process.env, ...GIT_ENV },
              encoding: "utf8",
            });
            expect(again.status, `${again.stdout}${again.stderr}`).toBe(0);
            const done = hookFiles(hooks);
            for (const h of HOOKS) expect(done[h], what).toMatch(/integrity-guard/);
            if (userHook) expect(done["pre-commit.local"], what).toBe(USER_HOOK);
            expect(
              Object.keys(done).filter((n) => n.endsWith(".tmp")),
              what,
            ).toEqual([]);
          } finally {
            spawnSync("umount", [mnt]);
            fs.rmSync(mnt, { recursive: true, force: true });
          }
        }
      }
      expect(seen.has(2), "no run met the full disk").toBe(true);
      expect(seen.has(0), "no run had room enough").toBe(true);
    },
    900_000,
  );
});
