/**
 * The pull-request gate narrows per-file rules to the files the pull request changes. Whatever
 * a pull request turns a data file into (a dangling symlink, a symlink out of the repository),
 * it must be judged as it would be on a push: narrowing may skip unchanged files, never a
 * changed one.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { payloads, runActionBundle } from "../e2e/action-harness.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

const CONFIG = `version: 1
validate:
  schemas:
    - files: ["data/*.json"]
      schema: schemas/state.schema.json
`;

function sha(repo: TestRepo, rev = "HEAD"): string {
  return repo.git("rev-parse", rev).trim();
}

function rules(json: string | undefined): [string, string, string | undefined][] {
  const report = JSON.parse(json ?? "{}") as { findings: { rule: string; level: string; file?: string }[] };
  return report.findings.map((f) => [f.rule, f.level, f.file]);
}

describe("a pull request's changed file is checked whatever it became", () => {
  for (const [what, target, expected] of [
    // Readers get ENOENT, as for a deleted file: nothing to check, on a push or a pull request.
    ["a dangling symlink inside the repository", "missing.json", []],
    [
      "a dangling symlink out of the repository",
      "/nonexistent-ig-redteam/state.json",
      [["path/symlink-outside", "error", "data/state.json"]],
    ],
    // Readers get other/loose.json's content as data/state.json: it must meet data/*.json's schema.
    ["a symlink to an unmapped file that breaks the schema", "../other/loose.json", [["schema/violation", "error", "data/state.json"]]],
  ] as const) {
    it(`a data file turned into ${what} is judged as on a push`, async () => {
      const repo = createRepo();
      cleanup.push(() => repo.cleanup());
      repo.write("data/state.json", '{"status": "ok"}\n');
      repo.write("schemas/state.schema.json", '{"type": "object", "required": ["status"]}\n');
      repo.write(".integrity-guard/config.yml", CONFIG);
      repo.write("other/loose.json", '{"unrelated": true}\n');
      repo.commitAll("base");
      const base = sha(repo);
      repo.git("switch", "-q", "-c", "feature");
      fs.rmSync(path.join(repo.dir, "data/state.json"));
      fs.symlinkSync(target, path.join(repo.dir, "data/state.json"));
      repo.git("add", "-A");
      repo.git("commit", "-q", "--no-verify", "-m", "pr");
      const head = sha(repo);
      const push = await runActionBundle({
        repo,
        eventName: "push",
        payload: payloads.push(base, head),
        inputs: { comment: "false", token: "" },
      });
      const pr = await runActionBundle({
        repo,
        eventName: "pull_request",
        payload: payloads.pullRequest(7, { ref: "main", sha: base }, { ref: "feature", sha: head }),
        inputs: { comment: "false", token: "" },
      });
      const ofFile = (json: string | undefined) => rules(json).filter(([, , f]) => f === "data/state.json");
      expect(ofFile(push.findingsJson)).toEqual(expected);
      expect(ofFile(pr.findingsJson)).toEqual(expected);
      const code = expected.length ? 1 : 0;
      expect(push.code, push.stdout).toBe(code);
      expect(pr.code, pr.stdout).toBe(code);
    });
  }
});

describe("files reached through a symlinked folder inside the repository", () => {
  async function runBoth(repo: TestRepo, base: string, head: string) {
    const push = await runActionBundle({
      repo,
      eventName: "push",
      payload: payloads.push(base, head),
      inputs: { comment: "false", token: "" },
    });
    const pr = await runActionBundle({
      repo,
      eventName: "pull_request",
      payload: payloads.pullRequest(8, { ref: "main", sha: base }, { ref: "feature", sha: head }),
      inputs: { comment: "false", token: "" },
    });
    return { push, pr };
  }
  const VIOLATION = [["schema/violation", "error", "data/state.json"]];
  const ofFile = (json: string | undefined) => rules(json).filter(([, , f]) => f === "data/state.json");

  function baseRepo(): TestRepo {
    const repo = createRepo();
    cleanup.push(() => repo.cleanup());
    repo.write("schemas/state.schema.json", '{"type": "object", "required": ["status"]}\n');
    repo.write(".integrity-guard/config.yml", CONFIG);
    return repo;
  }

  it("a pull request that turns the mapped folder into a link to an unmapped one is checked under the folder's schema", async () => {
    const repo = baseRepo();
    repo.write("data/state.json", '{"status": "ok"}\n');
    repo.write("other/state.json", '{"unrelated": true}\n');
    repo.commitAll("base");
    const base = sha(repo);
    repo.git("switch", "-q", "-c", "feature");
    fs.rmSync(path.join(repo.dir, "data"), { recursive: true });
    fs.symlinkSync("other", path.join(repo.dir, "data"));
    repo.git("add", "-A");
    repo.git("commit", "-q", "--no-verify", "-m", "pr");
    const { push, pr } = await runBoth(repo, base, sha(repo));
    expect(ofFile(push.findingsJson)).toEqual(VIOLATION);
    expect(ofFile(pr.findingsJson)).toEqual(VIOLATION);
    expect([push.code, pr.code]).toEqual([1, 1]);
  });

  it("a pull request that changes a file only through the folder a link points to is checked under the link's name too", async () => {
    const repo = baseRepo();
    repo.write("other/state.json", '{"status": "ok"}\n');
    fs.symlinkSync("other", path.join(repo.dir, "data"));
    repo.commitAll("base");
    const base = sha(repo);
    repo.git("switch", "-q", "-c", "feature");
    repo.write("other/state.json", '{"unrelated": true}\n');
    repo.git("add", "-A");
    repo.git("commit", "-q", "--no-verify", "-m", "pr");
    const { push, pr } = await runBoth(repo, base, sha(repo));
    expect(ofFile(push.findingsJson)).toEqual(VIOLATION);
    expect(ofFile(pr.findingsJson)).toEqual(VIOLATION);
    expect([push.code, pr.code]).toEqual([1, 1]);
  });
});
