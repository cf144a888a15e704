/**
 * Red team, round 7: a pull request adds a folder that looks like a bare repository (HEAD,
 * objects/, refs/, config). git run with its cwd there (the Action's `working-directory`, the
 * CLI's -C, a hook started from a subfolder) discovered that folder as the repository, and its
 * config is the pull request's: `core.worktree = .` made it a work tree, `core.fsmonitor` a
 * command git runs on the first index read, with the job's secrets in its environment. Every
 * git we spawn now runs with `safe.bareRepository=explicit` (git 2.38+), so a bare repository
 * is used only when named (GIT_DIR, --git-dir), never found by walking up from a folder.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";
import { startGitHubApi } from "../helpers/github-api.js";
import { payloads, runActionBundle } from "../e2e/action-harness.js";

const cleanup: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

/** A repository whose folder `evil` is a planted bare repository; its fsmonitor writes `witness/PWNED`. */
function plant(): { repo: TestRepo; pwned: string; base: string; head: string } {
  const repo = createRepo();
  const witness = makeTempDir("ig-witness-");
  cleanup.push(
    () => repo.cleanup(),
    () => fs.rmSync(witness, { recursive: true, force: true }),
  );
  const pwned = path.join(witness, "PWNED");
  repo.write("data/state.json", '{"count": 1}\n');
  repo.commitAll("base");
  const base = repo.git("rev-parse", "HEAD").trim();
  repo.git("switch", "-q", "-c", "feature");
  repo.write("evil/HEAD", "ref: refs/heads/main\n");
  repo.write("evil/objects/.keep", "");
  repo.write("evil/refs/.keep", "");
  repo.write(
    "evil/config",
    `[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tworktree = .\n\tfsmonitor = "echo fsmonitor >> '${pwned}'; false"\n`,
  );
  repo.write("evil/state.json", '{"count": 2}\n');
  repo.write("evil/deeper/.keep", "");
  repo.commitAll("a folder that looks like a bare repository");
  const head = repo.git("rev-parse", "HEAD").trim();
  return { repo, pwned, base, head };
}

describe("a planted bare repository is never opened by walking up from a folder", () => {
  it("the CLI run from inside it (-C) runs none of its config and says why it cannot run", async () => {
    const { repo, pwned } = plant();
    const r = await repo.cli(["-C", "evil/deeper", "check"]);
    expect(fs.existsSync(pwned), "core.fsmonitor of the planted repository ran").toBe(false);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain("bare repository");
    expect(r.stderr).toContain(path.join("evil"));
  });

  it("the CLI run from a plain subfolder of the real repository still checks it", async () => {
    const { repo } = plant();
    const r = await repo.cli(["-C", "data", "check"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it.each(["base", "head"])("the Action with working-directory on it runs none of its config (config-source %s)", async (source) => {
    const { repo, pwned, base, head } = plant();
    const api = await startGitHubApi();
    cleanup.push(() => api.close());
    const r = await runActionBundle({
      repo,
      apiUrl: api.url,
      eventName: "pull_request",
      payload: payloads.pullRequest(3, { ref: "main", sha: base }, { ref: "feature", sha: head }),
      inputs: { comment: "false", "working-directory": "evil", "config-source": source },
    });
    expect(fs.existsSync(pwned), "core.fsmonitor of the planted repository ran").toBe(false);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain("bare repository");
  });
});
