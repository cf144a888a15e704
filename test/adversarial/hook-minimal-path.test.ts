/**
 * GUI clients and IDEs often start git without the login shell's PATH, so the hook finds
 * node_modules/.bin/integrity-guard but its `#!/usr/bin/env node` line finds no node: the shell
 * exits 127. The commit must be blocked (never a silent pass), and the message must say why and
 * what to do rather than "could not run (exit 127)". Real repository, real hook written by init,
 * git started with a PATH that holds only the tools the hook itself uses.
 */
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, GIT_ENV, makeTempDir, type TestRepo } from "../helpers/repo.js";
import { head } from "../e2e/hook-fixture.js";

let repo: TestRepo | undefined;
let bin: string | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
  if (bin) fs.rmSync(bin, { recursive: true, force: true });
  bin = undefined;
});

/** A folder with links to the programs the hook runs, and no node. */
function pathWithoutNode(): string {
  const dir = makeTempDir("ig-minpath-");
  for (const tool of ["sh", "git", "env", "dirname", "basename", "readlink", "grep", "cat"]) {
    const found = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
    if (found) fs.symlinkSync(found, path.join(dir, tool));
  }
  return dir;
}

describe("the hook started without node on PATH", () => {
  it("blocks the commit and says that node was not found on this PATH, with the fix", async () => {
    repo = createRepo();
    repo.write(".gitignore", "node_modules/\n");
    repo.write(".integrity-guard/config.yml", "version: 1\n");
    repo.write("data/a.json", '{"ok": true}\n');
    repo.commitAll("initial");
    // What npm installs: the package's bin script (a node script) and a .bin link to it.
    const script = repo.write("node_modules/integrity-guard/bin/integrity-guard.js", "#!/usr/bin/env node\nprocess.exit(0);\n");
    fs.chmodSync(script, 0o755);
    fs.mkdirSync(path.join(repo.dir, "node_modules/.bin"));
    fs.symlinkSync("../integrity-guard/bin/integrity-guard.js", path.join(repo.dir, "node_modules/.bin/integrity-guard"));
    const init = await repo.cli(["init", "--hook-only"]);
    expect(init.code, init.stderr).toBe(0);
    bin = pathWithoutNode();
    expect(fs.existsSync(path.join(bin, "node"))).toBe(false);

    repo.write("data/a.json", '{"ok": tru\n');
    repo.git("add", "data/a.json");
    const before = head(repo);
    const r = spawnSync(path.join(bin, "git"), ["commit", "-m", "from a GUI client"], {
      cwd: repo.dir,
      env: { ...GIT_ENV, HOME: repo.dir, PATH: bin },
      encoding: "utf8",
    });
    expect(r.status).not.toBe(0);
    expect(head(repo)).toBe(before);
    expect(r.stderr).toContain("could not be started (exit 127)");
    // git puts its exec-path in front of the hook's PATH.
    expect(r.stderr).toMatch(new RegExp(`usually node, is not on this PATH: \\S*${bin.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    expect(r.stderr).toContain("start the client from a terminal");
    expect(r.stderr).toContain("git commit --no-verify");
  });
});
