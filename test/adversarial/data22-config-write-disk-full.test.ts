/**
 * `sync --fix` and `conflicts --resolve --write` on a disk that fills up at every point of the
 * write in turn (a 3 MiB tmpfs filled to leave 0, 8, 16, ... KiB): each run either finishes or
 * stops with exit 2 saying the disk is full and where, and leaves the config files as they
 * were, with no temporary beside them and no write journal left to settle. The journal
 * (config-write-journal.ts) is one more write before the renames: a full disk there must fail
 * like the rest, before anything is renamed. A real tmpfs, so root only.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_BUNDLE, createRepo, GIT_ENV, makeTempDir } from "../helpers/repo.js";

const canMount = process.getuid?.() === 0 && spawnSync("mount", ["--version"]).status === 0;

const OLD_A = "s:\n  x: { port: 1 } # a\n";
const OLD_B = "s:\n  x: { port: 2 } # b\n";
const NEW_B = "s:\n  x: { port: 1 } # b\n";

describe("config writes on a full disk", () => {
  it.skipIf(!canMount)(
    "each run finishes or says the disk is full (exit 2); the files are old or new, never cut, no leftovers",
    () => {
      const seen = new Set<number>();
      for (let free = 0; free <= 40; free += 8) {
        for (const args of [
          ["sync", "--fix"],
          ["conflicts", "--resolve", "--write"],
        ]) {
          const mnt = makeTempDir("ig-full-");
          expect(spawnSync("mount", ["-t", "tmpfs", "-o", "size=3m", "tmpfs", mnt]).status).toBe(0);
          try {
            const repo = createRepo({ dir: mnt });
            repo.write(
              ".integrity-guard/config.yml",
              [
                "version: 1",
                "config:",
                '  files: ["config/*.yaml"]',
                '  precedence: ["config/b.yaml", "config/a.yaml"]',
                "sync:",
                "  - name: p",
                "    source: { file: config/a.yaml, path: /s }",
                "    target: { file: config/b.yaml, path: /s }",
                "    fields: { port: port }",
              ].join("\n") + "\n",
            );
            repo.write("config/a.yaml", OLD_A);
            repo.write("config/b.yaml", OLD_B);
            repo.commitAll("base");
            // Locks and the state folder exist already: the write itself is what meets the full disk.
            spawnSync(process.execPath, [CLI_BUNDLE, "sync"], { cwd: mnt, env: { ...process.env, ...GIT_ENV } });
            fs.mkdirSync(path.join(mnt, ".git/integrity-guard/undo"), { recursive: true });
            const fill = path.join(mnt, "fill");
            spawnSync("sh", ["-c", `dd if=/dev/zero of=${fill} bs=4k 2>/dev/null; truncate -s -${free}K ${fill}`]);
            const r = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
              cwd: mnt,
              env: { ...process.env, ...GIT_ENV },
              encoding: "utf8",
            });
            const out = `${r.stdout}${r.stderr}`;
            const b = fs.readFileSync(path.join(mnt, "config/b.yaml"), "utf8");
            expect(fs.readFileSync(path.join(mnt, "config/a.yaml"), "utf8")).toBe(OLD_A);
            if (r.status === 0) {
              expect(b, out).toBe(NEW_B);
            } else {
              expect(r.status, `${args.join(" ")} with ${free} KiB free: ${out}`).toBe(2);
              expect(out).toMatch(/disk is full/);
              expect(out).toMatch(/\/(config\/b\.yaml|[\w.-]+\.lock|config-write-journal\.json|a\.yaml)/);
              expect(b).toBe(OLD_B);
            }
            seen.add(r.status ?? -1);
            expect(fs.readdirSync(path.join(mnt, "config")).sort(), out).toEqual(["a.yaml", "b.yaml"]);
            expect(fs.existsSync(path.join(mnt, ".git/integrity-guard/config-write-journal.json")), out).toBe(false);
            // Space back: the next run works.
            fs.rmSync(fill);
            const again = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
              cwd: mnt,
              env: { ...process.env, ...GIT_ENV },
              encoding: "utf8",
            });
            expect(again.status, again.stderr).toBe(0);
            expect(fs.readFileSync(path.join(mnt, "config/b.yaml"), "utf8")).toBe(NEW_B);
          } finally {
            spawnSync("umount", [mnt]);
            fs.rmSync(mnt, { recursive: true, force: true });
          }
        }
      }
      expect(seen.has(2), "no run met the full disk").toBe(true);
      expect(seen.has(0), "no run had room enough").toBe(true);
    },
    600_000,
  );
});
