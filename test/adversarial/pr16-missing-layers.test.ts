/**
 * Red team, session 21: a file named in `config.layers` (or precedence/owners) that the checkout
 * does not hold. Session 20 made the hook tell a git-ignored local override (never in the index: a
 * notice) from a layer the commit deletes or moves (a warning on that path). The Action read the
 * checkout and warned on the config file for both: every pull request of a repository whose
 * layers name `values.local.yaml` carried the warning (and failed under `fail-on: warning`), and a
 * pull request that deleted a real layer got the same warning as every other, on the config file,
 * not on what it deleted. Now the base commit decides: absent there too, it is not this change's
 * doing (a notice); held there, the pull request removes it (a warning on that path).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { runPullRequest } from "../e2e/action-harness.js";

let repo: TestRepo;
beforeEach(() => {
  repo = createRepo();
  repo.write(
    ".integrity-guard/config.yml",
    'version: 1\nconfig:\n  layers: ["deploy/values.yaml", ["deploy/values-prod.yaml", "deploy/values-staging.yaml"], "deploy/values.local.yaml"]\n',
  );
  repo.write(".gitignore", "deploy/values.local.yaml\n");
  repo.write("deploy/values.yaml", "replicas: 1\nimage: app:1\n");
  repo.write("deploy/values-prod.yaml", "replicas: 3\n");
  repo.write("deploy/values-staging.yaml", "replicas: 2\n");
  repo.commitAll("main");
});
afterEach(() => repo.cleanup());

type Found = { rule: string; level: string; file?: string; message: string };
const findingsOf = (json: string | undefined) => (JSON.parse(json ?? "{}") as { findings?: Found[] }).findings ?? [];
const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");

describe("a layer the checkout does not hold, on a pull request", () => {
  it("a git-ignored local override the base does not hold either: a notice, not a warning on every pull request", async () => {
    const r = await runPullRequest(repo, (x) => x.write("deploy/values-prod.yaml", "replicas: 4\n"), { "fail-on": "warning" });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
    const missing = fs.filter((f) => f.rule === "config/missing-file");
    expect(
      missing.map((f) => f.level),
      brief(fs),
    ).toEqual(["notice"]);
    expect(
      r.annotations.filter((a) => a.startsWith("::warning")),
      r.annotations.join("\n"),
    ).toEqual([]);
  });

  it("a layer the base holds and the pull request deletes: a warning on that path, saying the change removes it", async () => {
    const r = await runPullRequest(repo, (x) => x.git("rm", "-q", "deploy/values-prod.yaml"), { "fail-on": "warning" });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    const missing = fs.find((f) => f.rule === "config/missing-file" && f.file === "deploy/values-prod.yaml");
    expect(missing?.level, brief(fs)).toBe("warning");
    expect(missing?.message).toMatch(/base commit holds it/);
  });

  it("the same deletion fails the default `fail-on: error`? No: it stays a warning, as in the hook (guard)", async () => {
    const r = await runPullRequest(repo, (x) => x.git("rm", "-q", "deploy/values-prod.yaml"));
    expect(r.code).toBe(0);
    expect(findingsOf(r.findingsJson).some((f) => f.rule === "config/missing-file" && f.level === "warning")).toBe(true);
  });
});
