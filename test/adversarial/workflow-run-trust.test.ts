/**
 * `workflow_run` runs with the repository's secrets and a write token after another workflow
 * finishes, and is GitHub's recommended privileged half of a pull request pipeline. A workflow
 * that checks out `github.event.workflow_run.head_sha` (or unpacks the run's artifacts) after a
 * fork's pull request run holds unreviewed content, as on `pull_request_target`; but `snapshot`,
 * `restore` and `prune` ran there, and `check` judged that checkout by its own config (a fork
 * could set `validate.exclude: ["**"]` and pass). Now the writers refuse such a run and `check`
 * takes its rules from GITHUB_SHA, the default branch's commit; a run after a push is unchanged.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readEvent } from "../../src/action/event.js";
import { loadTrustedRules } from "../../src/action/trusted-config.js";
import { checkWriterEvent } from "../../src/action/writer-events.js";
import { Git } from "../../src/io/git.js";
import { createRepo, makeTempDir } from "../helpers/repo.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

function payloadFile(body: unknown): string {
  const dir = makeTempDir("ig-wfrun-");
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, "event.json");
  fs.writeFileSync(file, JSON.stringify(body));
  return file;
}

/** A workflow_run payload: the triggering run's event and head repository. */
const workflowRun = (event: string, headRepo = "acme/app") => ({
  action: "completed",
  workflow_run: { event, head_sha: "a".repeat(40), head_branch: "feature", head_repository: { full_name: headRepo }, pull_requests: [] },
  repository: { full_name: "acme/app" },
});

describe("workflow_run after a pull request's or a fork's run", () => {
  it("snapshot, restore and prune are refused; after the repository's own push run they pass", () => {
    const refused: [unknown, RegExp][] = [
      [workflowRun("pull_request"), /`workflow_run` after a run for `pull_request`/],
      [workflowRun("pull_request_target"), /after a run for `pull_request_target`/],
      [workflowRun("push", "mallory/app"), /after a run from a fork/],
      [{ workflow_run: { event: "push" } }, /does not name its head repository/],
    ];
    for (const [body, message] of refused) {
      const env = { GITHUB_EVENT_NAME: "workflow_run", GITHUB_EVENT_PATH: payloadFile(body) };
      for (const command of ["snapshot", "restore", "prune"] as const) expect(() => checkWriterEvent(command, env)).toThrow(message);
      expect(() => checkWriterEvent("check", env)).not.toThrow();
    }
    // No payload at all proves nothing about the run: refused too.
    expect(() => checkWriterEvent("snapshot", { GITHUB_EVENT_NAME: "workflow_run" })).toThrow(/cannot be read/);
    const own = { GITHUB_EVENT_NAME: "workflow_run", GITHUB_EVENT_PATH: payloadFile(workflowRun("push")) };
    expect(() => checkWriterEvent("snapshot", own)).not.toThrow();
    expect(() => checkWriterEvent("restore", own)).not.toThrow();
  });

  it("check takes its rules from GITHUB_SHA, not from the checked-out head that excludes everything", async () => {
    const repo = createRepo();
    cleanup.push(() => repo.cleanup());
    repo.write(".integrity-guard/config.yml", "version: 1\n");
    repo.write("data/state.json", '{"v": 1}\n');
    repo.commitAll("main");
    const main = repo.git("rev-parse", "HEAD").trim();
    // The fork's head, checked out by the privileged workflow.
    repo.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  exclude: ["**"]\n');
    repo.write("data/state.json", '{"v": 1,\n');
    repo.commitAll("fork head");
    const git = await Git.open(repo.dir);
    const rules = async (body: unknown) => {
      const event = readEvent({ GITHUB_EVENT_NAME: "workflow_run", GITHUB_EVENT_PATH: payloadFile(body), GITHUB_SHA: main });
      return loadTrustedRules({ git, event, configSource: "base", log: () => undefined });
    };

    const fromFork = await rules(workflowRun("pull_request", "mallory/app"));
    expect(fromFork.from).toBe("base");
    expect(fromFork.loaded.config.validate?.exclude).toBeUndefined();
    expect(fromFork.banner[0]).toContain(`as in the base commit ${main.slice(0, 12)}`);
    expect(fromFork.findings.map((f) => f.rule)).toContain("trust/config-changed");

    // After the repository's own push run the checkout is trusted, as on push.
    const afterPush = await rules(workflowRun("push"));
    expect(afterPush.from).toBe("checkout");
    expect(afterPush.loaded.config.validate?.exclude).toEqual(["**"]);

    // Without a usable GITHUB_SHA the base rules cannot be read: an error, never the checkout's config.
    expect(() =>
      readEvent({ GITHUB_EVENT_NAME: "workflow_run", GITHUB_EVENT_PATH: payloadFile(workflowRun("pull_request")), GITHUB_SHA: "" }),
    ).toThrow(/GITHUB_SHA/);
  });
});

describe("banner paths a pull request controls", () => {
  it("a workflow file name from GITHUB_WORKFLOW_REF cannot end its code span or start a line of Markdown", async () => {
    const repo = createRepo();
    cleanup.push(() => repo.cleanup());
    const name = ".github/workflows/a`<img src=x onerror=alert(1)>` [x](evil.example).yml";
    repo.write(".integrity-guard/config.yml", "version: 1\n");
    repo.write(name, "on: pull_request\n");
    repo.commitAll("main");
    const base = repo.git("rev-parse", "HEAD").trim();
    repo.write(name, "on: pull_request\njobs: {}\n");
    repo.commitAll("pr");
    const git = await Git.open(repo.dir);
    const rules = await loadTrustedRules({
      git,
      event: { kind: "pull_request", name: "pull_request", number: 7, baseSha: base, headSha: repo.git("rev-parse", "HEAD").trim() },
      configSource: "base",
      workflowRef: `acme/app/${name}@refs/pull/7/merge`,
      log: () => undefined,
    });
    const line = rules.banner.find((b) => b.includes("the workflow that runs this check"));
    expect(line).toBeDefined();
    // One code span: two backticks, both ours; the name's backticks shown as quotes.
    expect(line!.match(/`/g)).toHaveLength(2);
    expect(line).toContain("`.github/workflows/a'<img src=x onerror=alert(1)>' [x](evil.example).yml`");
  });
});
