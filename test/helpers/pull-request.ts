/**
 * The set-up of the pull-request attack tests (test/adversarial/pr*.test.ts): a base commit made
 * of a few files, the built Action run on a pull request that writes others, and the findings of
 * its report. Each test file calls baseRepos() once, at its top.
 */
import { afterEach } from "vitest";
import { runPullRequest, type ActionRun } from "../e2e/action-harness.js";
import { createRepo, type TestRepo } from "./repo.js";

/** A finding as the Action's findings file holds it (the fields these tests read). */
export interface Found {
  rule: string;
  level: string;
  file?: string;
  message: string;
}

/** A maker of base repositories (one commit on main holding `files`), each removed after its test. */
export function baseRepos(): (files: Record<string, string>) => TestRepo {
  const made: TestRepo[] = [];
  afterEach(() => {
    for (const repo of made.splice(0)) repo.cleanup();
  });
  return (files) => {
    const repo = createRepo();
    made.push(repo);
    for (const [f, t] of Object.entries(files)) repo.write(f, t);
    repo.commitAll("base");
    return repo;
  };
}

/** The built Action on a pull request that writes `files` over the base (runPullRequest), with `env` added to the runner's. */
export function prWriting(repo: TestRepo, files: Record<string, string>, env: NodeJS.ProcessEnv = {}): Promise<ActionRun> {
  return runPullRequest(
    repo,
    (r) => {
      for (const [f, t] of Object.entries(files)) r.write(f, t);
    },
    {},
    env,
  );
}

/** The findings of a run's findings file (none when it wrote no file). */
export function findingsOf(json: string | undefined): Found[] {
  return (JSON.parse(json ?? "{}") as { findings: Found[] }).findings;
}

/** A base whose `config/*.yaml` a schema types (`audit` a boolean): the set-up of the `%YAML 1.1` attacks (pr15, pr18). */
export const YAML_FLAGS_BASE: Record<string, string> = {
  ".integrity-guard/config.yml":
    'version: 1\nvalidate:\n  schemas:\n    - files: ["config/*.yaml"]\n      schema: schemas/flags.schema.json\n',
  "schemas/flags.schema.json": JSON.stringify({ type: "object", properties: { audit: { type: "boolean" } } }),
  "config/flags.yaml": "audit: true\n",
};
