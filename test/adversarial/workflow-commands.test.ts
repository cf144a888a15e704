/**
 * Workflow-command injection through the built Action's log: the runner reads every stdout and
 * stderr line that starts with `::` as a command (and splits lines on CR as well as LF). Text a
 * pull request chooses (file names, config values) must never start such a line: a fake
 * annotation, `::stop-commands::` (every later annotation ignored) or `::add-mask::` (hiding
 * the findings in the log) would come from the pull request, not from us.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { payloads, runActionBundle } from "../e2e/action-harness.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

const BASE_CONFIG = `version: 1
validate:
  schemas:
    - files: ["data/*.json"]
      schema: schemas/state.schema.json
`;

/** The lines of a stream that the runner would take for workflow commands (it trims each line). */
function commandLines(out: string): string[] {
  return out
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith("::"));
}

function sha(repo: TestRepo, rev = "HEAD"): string {
  return repo.git("rev-parse", rev).trim();
}

describe("workflow commands in the Action's log come from the Action only", () => {
  it("a schema path with line breaks in a pull request's config cannot start a command line", async () => {
    const repo = createRepo();
    cleanup.push(() => repo.cleanup());
    repo.write("data/state.json", '{"status": "ok"}\n');
    repo.write("schemas/state.schema.json", '{"type": "object"}\n');
    repo.write(".integrity-guard/config.yml", BASE_CONFIG);
    repo.commitAll("base");
    const base = sha(repo);
    repo.git("switch", "-q", "-c", "feature");
    // Sorts before .integrity-guard/, so it is the changed file the log names.
    const evil = "!\n::stop-commands::pwned\n::warning file=x::injected\r::add-mask::error\n.json";
    repo.write(evil, '{"type": "object"}\n');
    repo.write(".integrity-guard/config.yml", BASE_CONFIG + `    - files: ["other/*.json"]\n      schema: ${JSON.stringify(evil)}\n`);
    repo.git("add", "-A");
    repo.git("commit", "-q", "--no-verify", "-m", "pr");
    const r = await runActionBundle({
      repo,
      eventName: "pull_request",
      payload: payloads.pullRequest(5, { ref: "main", sha: base }, { ref: "feature", sha: sha(repo) }),
      inputs: { comment: "false", token: "" },
    });
    const injected = [...commandLines(r.stdout), ...commandLines(r.stderr)].filter(
      (l) => /stop-commands|injected|add-mask::error|pwned/.test(l) && !/^::(error|warning|notice) [^:]*::/.test(l),
    );
    expect(injected, r.stdout).toEqual([]);
    // Our own lines are still there, with the name shown escaped.
    expect(r.stdout).toContain("which affects other files");
  });
});
