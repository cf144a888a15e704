/**
 * The Action's restore publishes (commits and pushes, as a branch + pull request or to the
 * checked-out branch) what the restore wrote, and nothing else. Earlier steps of the restore
 * workflow leave files in the workspace: google-github-actions/auth writes `gha-creds-*.json`
 * (a credential) there, a build step rewrites tracked files. Committing every change in the
 * work tree pushed those to origin. And the pull request body names restored files: a name
 * with a line break must not start Markdown of its own there (a team mention, a link).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import type { SshKey } from "../helpers/keys.js";
import { pushedSnapshotRepo, takeSnapshot, type PushedSnapshotRepo } from "../helpers/snapshot-repo.js";
import { startGitHubApi, type GitHubApi } from "../helpers/github-api.js";
import { payloads, runActionBundle } from "../e2e/action-harness.js";

const GOOD = '{"status": "ok", "progress": 42}\n';
const BAD = '{"status": "ok", "progr';
/** A restored file whose name holds a line break followed by a team mention and a link. */
const ODD = "data/x\n@acme-security [see](evil.example).json";
const CREDS = "gha-creds-0123456789abcdef.json";
let setup: PushedSnapshotRepo;
let repo: TestRepo;
let origin: TestRepo;
let api: GitHubApi;
let key: SshKey;

beforeEach(async () => {
  setup = pushedSnapshotRepo({ files: { "data/state.json": GOOD, [ODD]: "{}\n", "README.md": "x\n" } });
  ({ repo, origin, key } = setup);
  await takeSnapshot(setup);
  repo.write("data/state.json", BAD);
  repo.git("rm", "-q", "--", ODD);
  repo.commitAll("an interrupted write got committed");
  repo.git("push", "-q", "origin", "main");
  // What earlier steps of the job leave in the workspace.
  repo.write(CREDS, '{"type": "external_account", "credential_source": {"url": "https://secret.example"}}\n');
  repo.write("README.md", "rewritten by a build step\n");
  api = await startGitHubApi();
});
afterEach(async () => {
  await api.close();
  setup.cleanup();
});

const restore = (inputs: Record<string, string>) =>
  runActionBundle({
    repo,
    apiUrl: api.url,
    eventName: "workflow_dispatch",
    payload: payloads.workflowDispatch(inputs),
    inputs: { command: "restore", ...inputs },
    env: { IG_TEST_SIGNING_KEY: key.privateKey },
  });

/** Paths the pushed commit changes against its parent. */
const committed = (ref: string) => origin.git("diff-tree", "--no-commit-id", "-r", "-z", "--name-only", ref).split("\0").filter(Boolean);

describe("the Action's restore publishes only what the restore wrote", () => {
  it("mode pr: the branch holds the restored files, not a credential file or a rewritten file left by earlier steps", async () => {
    const run = await restore({ snapshot: "hourly", mode: "pr" });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const head = (api.find("POST", "/repos/acme/app/pulls")[0]!.body as { head: string }).head;
    expect(committed(head).sort()).toEqual([ODD, "data/state.json"].sort());
    expect(origin.tryGit("cat-file", "-e", `${head}:${CREDS}`).status).not.toBe(0);
    expect(origin.git("show", `${head}:README.md`)).toBe("x\n");
    // Left as they were in the work tree, and said in the log.
    expect(repo.read(CREDS)).toContain("external_account");
    expect(run.stdout).toMatch(/2 other changed file\(s\) in the work tree.*not part of the restore.*not committed/);
  });

  it("mode push: the commit pushed to the branch holds the restored files only", async () => {
    const run = await restore({ snapshot: "hourly", paths: "data/state.json", mode: "push" });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(committed("main")).toEqual(["data/state.json"]);
    expect(origin.tryGit("cat-file", "-e", `main:${CREDS}`).status).not.toBe(0);
  });

  it("a restored name with a line break cannot add a mention or a link to the pull request body", async () => {
    const run = await restore({ snapshot: "hourly", mode: "pr" });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const body = (api.find("POST", "/repos/acme/app/pulls")[0]!.body as { body: string }).body;
    // Every line naming a file is one list item, its name inside one code span.
    const items = body.split("\n").filter((l) => l.includes("data/"));
    expect(items).toHaveLength(2);
    for (const l of items) expect(l).toMatch(/^- `[^`]*`$/);
    expect(body.split("\n").some((l) => l.startsWith("@acme"))).toBe(false);
    expect(body).toContain("data/x\\n@acme-security");
  });
});
