/**
 * `init --workflows --force` replaces a generated workflow that differs from what the config
 * calls for. The user's edits to it (often not committed yet) were overwritten with no copy
 * anywhere, while the config that --force replaces has always been kept as config.yml.<time>.bak.
 * Now the workflow's previous bytes are kept beside it the same way, and the path is printed;
 * --dry-run says it would and writes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const WF = ".github/workflows/integrity-check.yml";

describe("init --workflows --force keeps the workflow it replaces", () => {
  it("an edited workflow is kept as .bak (path printed), a dry run writes nothing, an unchanged one gets no backup", async () => {
    const r = createRepo();
    repo = r;
    r.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
    const first = await r.cli(["init", "--no-hook", "--workflows"]);
    expect(first.code, first.stderr).toBe(0);
    const generated = r.read(WF);
    const mine = generated + "# my own step, not committed yet\n";
    r.write(WF, mine);

    const dry = await r.cli(["init", "--hook-only", "--workflows", "--force", "--dry-run"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/would keep the previous \.github\/workflows\/integrity-check\.yml as /);
    expect(fs.readdirSync(path.join(r.dir, ".github/workflows")).filter((n) => n.endsWith(".bak"))).toEqual([]);
    expect(r.read(WF)).toBe(mine);

    const forced = await r.cli(["init", "--hook-only", "--workflows", "--force"]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(r.read(WF)).toBe(generated);
    const m = /kept the previous \.github\/workflows\/integrity-check\.yml as (\S+\.bak)/.exec(forced.stdout);
    expect(m, forced.stdout).not.toBeNull();
    expect(r.read(m![1]!)).toBe(mine);

    // Nothing to replace: no new backup.
    const again = await r.cli(["init", "--hook-only", "--workflows", "--force"]);
    expect(again.code, again.stderr).toBe(0);
    expect(fs.readdirSync(path.join(r.dir, ".github/workflows")).filter((n) => n.endsWith(".bak"))).toHaveLength(1);
  });
});
