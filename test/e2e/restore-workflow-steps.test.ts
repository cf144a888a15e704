/**
 * The generated integrity-restore.yml, its steps run as the runner would: actions/checkout's
 * default clone (`--depth 1 --single-branch`), each `run:` step with `bash -eo pipefail`, then
 * the built Action with the step's inputs. The snapshots live only in a closed epoch (prune
 * closed the branch, as it does about a week after setup), which is where the restore workflow
 * used to fail with "no snapshot matches" (issue 15).
 */
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "../../src/config/load.js";
import { restoreWorkflow } from "../../src/io/workflows.js";
import { createRepo, GIT_ENV, makeTempDir, type TestRepo } from "../helpers/repo.js";
import type { SshKey } from "../helpers/keys.js";
import { pushedSnapshotRepo, type PushedSnapshotRepo } from "../helpers/snapshot-repo.js";
import { payloads, runActionBundle } from "./action-harness.js";

const GOOD = '{"status": "ok", "progress": 42}\n';
const BAD = '{"status": "ok", "progr';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

let setup: PushedSnapshotRepo;
let origin: TestRepo;
let dev: TestRepo;
let key: SshKey;
const cleanups: (() => void)[] = [];

beforeEach(async () => {
  setup = pushedSnapshotRepo({ files: { "data/state.json": GOOD }, sets: "    hourly: { paths: [data/], keep: 1 }", extra: "  epoch: 0s" });
  ({ repo: dev, origin, key } = setup);
  const { env } = setup;
  for (const n of [1, 2]) {
    dev.write("data/state.json", GOOD.replace("42", String(40 + n)));
    expect((await dev.cli(["snapshot", "--set", "hourly", "--push"], env)).code).toBe(0);
  }
  const pruned = await dev.cli(["prune", "--push"], env);
  expect(pruned.code, pruned.stderr).toBe(0);
  expect(origin.tryGit("rev-parse", "--verify", "-q", "refs/heads/integrity-snapshots").status).not.toBe(0); // only the epoch is left
  dev.write("data/state.json", BAD);
  dev.commitAll("an interrupted write got committed");
  dev.git("push", "-q", "origin", "main");
});
afterEach(() => {
  for (const c of [...cleanups.splice(0), () => setup.cleanup()]) c();
});

/** `${{ inputs.x }}` and `${{ secrets.X }}` as GitHub expands them for this run. */
function expand(value: string, inputs: Record<string, string>, secrets: Record<string, string>): string {
  return value.replace(/\$\{\{\s*(inputs|secrets)\.([A-Za-z0-9_-]+)\s*\}\}/g, (_, scope: string, name: string) =>
    scope === "inputs" ? (inputs[name] ?? "") : (secrets[name] ?? ""),
  );
}

describe("integrity-restore.yml, step by step", () => {
  it("restores from a closed epoch in the runner's shallow single-branch checkout", async () => {
    const { config } = await loadConfig(dev.dir);
    const workflow = parse(restoreWorkflow(config)) as { jobs: { restore: { steps: Step[] } } };
    const inputs = { snapshot: "latest", paths: "data/state.json", mode: "push" };
    const secrets = { IG_TEST_SIGNING_KEY: key.privateKey };
    let work: TestRepo | undefined;
    let ran = 0;
    for (const step of workflow.jobs.restore.steps) {
      if (step.uses?.startsWith("actions/checkout@")) {
        // actions/checkout: fetch-depth 1 of the one branch, origin set to the repository.
        const dir = path.join(makeTempDir("ig-runner-ws-"), "app");
        execFileSync("git", ["clone", "-q", "--depth", "1", "--single-branch", `file://${origin.dir}`, dir], {
          env: { ...process.env, ...GIT_ENV },
          stdio: "pipe",
        });
        work = createRepo({ dir });
        cleanups.push(() => work!.cleanup());
        expect(work.git("rev-parse", "--is-shallow-repository").trim()).toBe("true");
      } else if (step.run !== undefined) {
        const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run], {
          cwd: work!.dir,
          env: { ...process.env, ...GIT_ENV, HOME: work!.dir },
          encoding: "utf8",
        });
        expect(r.status, `${step.name}: ${r.stdout}${r.stderr}`).toBe(0);
      } else if (step.uses?.startsWith("integrity-guard/")) {
        const withs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expand(String(v), inputs, secrets)]));
        const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, inputs, secrets)]));
        // The fetch step brought the closed epoch into the shallow clone.
        expect(work!.git("for-each-ref", "--format=%(refname)", "refs/integrity-snapshots/epochs/").trim()).toMatch(
          /^refs\/integrity-snapshots\/epochs\//,
        );
        const run = await runActionBundle({
          repo: work!,
          eventName: "workflow_dispatch",
          payload: payloads.workflowDispatch(inputs),
          inputs: withs,
          env,
        });
        expect(run.code, run.stdout + run.stderr).toBe(0);
        expect(run.outputs.snapshot).toMatch(/^[0-9a-f]{40}$/);
      }
      ran++;
    }
    expect(ran).toBe(workflow.jobs.restore.steps.length);
    // mode push: the restore is committed to main on the remote, with the newest snapshot's content.
    expect(origin.git("show", "main:data/state.json")).toBe(GOOD);
  });
});
