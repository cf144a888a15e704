/**
 * `init --workflows` writes config values into workflow files: the snapshot remote into `run:`
 * scripts, set names into YAML and expressions, the signing key's variable into an expression.
 * The config is a file of the repository (a pull request can change it, and a maintainer runs
 * init later), so a value must stay one value: never a shell command in a job that holds a
 * `contents: write` token, never an extra YAML key, never a git option. What GitHub expands in
 * the generated files (`${{ inputs.* }}`) is only passed through `with:`, never into a script.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Config } from "../../src/config/types.js";
import { ConfigError } from "../../src/errors.js";
import { renderWorkflows, TEMPLATE_CONFIG } from "../../src/io/workflows.js";
import { createRepo, GIT_ENV, makeTempDir, type TestRepo } from "../helpers/repo.js";

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Workflow {
  on: { workflow_dispatch?: { inputs?: Record<string, { options?: unknown[] }> } };
  jobs: Record<string, { if?: string; steps: Step[] }>;
}

function config(snapshots: Partial<NonNullable<Config["snapshots"]>>): Config {
  return { version: 1, snapshots: { sign: { format: "none" }, sets: { hourly: { paths: ["a/"] } }, ...snapshots } };
}

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

/** Run every `run:` script of the generated workflows as the runner does (bash -e) in a clone; true when the witness file appears. */
function runScripts(files: Map<string, string>, witness: string): void {
  const repo: TestRepo = createRepo();
  cleanup.push(() => repo.cleanup());
  for (const text of files.values()) {
    const wf = parse(text) as Workflow;
    for (const job of Object.values(wf.jobs)) {
      for (const step of job.steps) {
        if (!step.run) continue;
        try {
          execFileSync("bash", ["-e", "-c", step.run], {
            cwd: repo.dir,
            env: { ...process.env, ...GIT_ENV, WITNESS: witness },
            stdio: "pipe",
          });
        } catch {
          // The fetch fails (no such remote): only whether a command ran matters here.
        }
      }
    }
  }
}

describe("generated workflows keep config values as values", () => {
  it("a snapshot remote with shell syntax runs no command in the fetch step", () => {
    const dir = makeTempDir("ig-witness-");
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const witness = path.join(dir, "PWNED");
    const { files } = renderWorkflows(config({ remote: `origin$(touch "$WITNESS")` }));
    expect(files.get("integrity-snapshot.yml")).toContain("git fetch");
    runScripts(files, witness);
    expect(fs.existsSync(witness)).toBe(false);
  });

  it.each([
    ["a git option", "--upload-pack=touch /tmp/x"],
    ["a line break that would end the run: block", "origin\n      - run: echo pwned"],
  ])("a snapshot remote that is %s is refused with a config error naming snapshots.remote", (_what, remote) => {
    expect(() => renderWorkflows(config({ remote }))).toThrow(ConfigError);
    expect(() => renderWorkflows(config({ remote }))).toThrow(/snapshots\.remote/);
  });

  it("a remote URL (plain, or with characters the shell reads) still works and is passed as one word", () => {
    const plain = renderWorkflows(config({ remote: "https://github.com/acme/backup.git" })).files.get("integrity-snapshot.yml")!;
    expect(plain).toContain("git fetch --no-tags https://github.com/acme/backup.git ");
    const odd = renderWorkflows(config({ remote: "../backups/my repo's.git" })).files.get("integrity-snapshot.yml")!;
    expect(odd).toContain(`git ls-remote --exit-code --heads '../backups/my repo'\\''s.git' integrity-snapshots`);
  });

  it("set names with YAML and expression syntax stay one value: the job's condition, the input's options and `set`", () => {
    const names = ["a #b", "k: v", "x\n        run: echo pwned", "it's", "true", "[x]"];
    const sets = Object.fromEntries(names.map((n) => [n, { paths: ["a/"], schedule: "5 * * * *" }]));
    const { files } = renderWorkflows({ version: 1, snapshots: { sign: { format: "none" }, sets } });
    const wf = parse(files.get("integrity-snapshot.yml")!) as Workflow;
    expect(wf.on.workflow_dispatch?.inputs?.set?.options).toEqual(names);
    const jobs = Object.values(wf.jobs);
    expect(jobs).toHaveLength(names.length);
    for (const [i, job] of jobs.entries()) {
      const action = job.steps.find((s) => s.with?.command === "snapshot")!;
      expect(action.with).toEqual({ command: "snapshot", set: names[i] });
      expect(Object.keys(action).sort()).toEqual(["id", "uses", "with"]);
      // GitHub's expression string: ' doubled; the whole condition one YAML scalar.
      expect(job.if).toBe(`github.event.schedule == '5 * * * *' || inputs.set == '${names[i]!.replace(/'/g, "''")}'`);
    }
  });

  it("a set name holding ${{ (GitHub would evaluate it in `with:` and `if:`) is refused", () => {
    const sets = { "x${{ secrets.INTEGRITY_GUARD_SIGNING_KEY }}": { paths: ["a/"] } };
    expect(() => renderWorkflows({ version: 1, snapshots: { sign: { format: "none" }, sets } })).toThrow(/snapshots\.sets/);
  });

  it("a signing key variable that is not a secret name is refused, naming snapshots.sign.key", () => {
    const key = "env:X }}\n        run: echo ${{ github.token";
    const c = { ...TEMPLATE_CONFIG, snapshots: { ...TEMPLATE_CONFIG.snapshots!, sign: { format: "ssh" as const, key } } };
    expect(() => renderWorkflows(c)).toThrow(/snapshots\.sign\.key/);
  });

  it("the templates pass `inputs.*` to the Action through `with:`, never into a run: script", () => {
    const { files } = renderWorkflows(TEMPLATE_CONFIG);
    for (const text of files.values()) {
      const wf = parse(text) as Workflow;
      for (const job of Object.values(wf.jobs)) for (const step of job.steps) expect(step.run ?? "").not.toMatch(/\$\{\{/);
    }
  });
});
