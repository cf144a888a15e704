/**
 * `conflicts --resolve --write` (and `sync --fix`, which shares config-write.ts) killed (SIGKILL)
 * after each file-system change in turn under the folder it writes: every file is always whole
 * (its old bytes or its new), a kill while the new files are being written leaves every file
 * as it was, and the next run finishes the resolution and removes the killed run's temporaries.
 * Before, each file was written and renamed in turn, so a kill (or a full disk) at the second
 * file left the first resolved and the rest not: a half-applied resolution, and the killed
 * run's hidden temporaries stayed beside the config files for `git add -A` to commit. Runs src
 * through tsx with test/helpers/kill-after-step.mjs (deterministic kill points).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { createRepo, GIT_ENV, PROJECT_ROOT, type TestRepo } from "../helpers/repo.js";

const TSX = path.join(PROJECT_ROOT, "node_modules/tsx/dist/esm/index.mjs");
const KILL = path.join(PROJECT_ROOT, "test/helpers/kill-after-step.mjs");
const MAIN = path.join(PROJECT_ROOT, "src/main.ts");

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const OLD: Record<string, string> = {
  "config/a.yaml": "port: 1 # base\nname: x\n",
  "config/b.yaml": "port: 2\nname: y\n",
  "config/c.yaml": "port: 3\nname: z\n",
};
/** What the resolution writes: the top file's values everywhere (comments kept). */
const NEW: Record<string, string> = {
  "config/a.yaml": "port: 3 # base\nname: z\n",
  "config/b.yaml": "port: 3\nname: z\n",
  "config/c.yaml": OLD["config/c.yaml"]!,
};
const EDITED = 2; // a.yaml and b.yaml

function write(r: TestRepo, at: number): { status: number | null; signal: NodeJS.Signals | null; out: string } {
  const p = spawnSync(process.execPath, ["--import", TSX, "--import", KILL, MAIN, "conflicts", "--resolve", "--write"], {
    cwd: r.dir,
    env: { ...process.env, ...GIT_ENV, IG_TEST_KILL_DIR: path.join(r.dir, "config"), IG_TEST_KILL_AT: String(at) },
    encoding: "utf8",
  });
  return { status: p.status, signal: p.signal, out: `${p.stdout}${p.stderr}` };
}

function contents(r: TestRepo): Record<string, string> {
  return Object.fromEntries(Object.keys(OLD).map((f) => [f, fs.readFileSync(path.join(r.dir, f), "utf8")]));
}

it("killed at every step: files whole, none changed until all are written, the next run finishes and sweeps", () => {
  const r = (repo = createRepo());
  r.write(
    ".integrity-guard/config.yml",
    'version: 1\nconfig:\n  files: ["config/*.yaml"]\n  precedence: ["config/a.yaml", "config/b.yaml", "config/c.yaml"]\n',
  );
  for (const [f, c] of Object.entries(OLD)) r.write(f, c);
  r.commitAll("init");
  let killed = 0;
  for (let at = 1; at < 20; at++) {
    for (const [f, c] of Object.entries(OLD)) r.write(f, c);
    const run = write(r, at);
    if (run.signal !== "SIGKILL") {
      expect(run.status, run.out).toBe(0);
      expect(contents(r)).toEqual(NEW);
      break;
    }
    killed++;
    const now = contents(r);
    for (const f of Object.keys(OLD)) expect([OLD[f], NEW[f]], `${f} after a kill at step ${at}`).toContain(now[f]);
    // The first EDITED steps create the new files beside their targets: nothing is replaced yet.
    if (at <= EDITED) expect(now, `a kill at step ${at} changed a file before every new one was written`).toEqual(OLD);
    const again = write(r, 0);
    expect(again.status, again.out).toBe(0);
    expect(contents(r)).toEqual(NEW);
    expect(fs.readdirSync(path.join(r.dir, "config")).sort(), `temporaries left after step ${at}`).toEqual(["a.yaml", "b.yaml", "c.yaml"]);
  }
  expect(killed).toBeGreaterThan(EDITED);
}, 600_000);
