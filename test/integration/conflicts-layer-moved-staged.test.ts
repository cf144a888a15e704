/**
 * A commit that moves or deletes a file the config's `layers` name makes that config stale: from
 * then on every pull-request check warns config/missing-file (the layer is left out of the conflict
 * analysis). The hook (`check --staged`) used to give only a notice for any named file absent from
 * the index, because a git-ignored local override is never staged; so the commit that caused the
 * warning passed silently (khuedoan/homelab's "merge bootstrap and system" moved a values file
 * that init had put in config.layers). Now a named file that the commit removes from HEAD is a
 * warning at the commit too, naming the removal; a local override that was never committed stays
 * a notice.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";

const CONFIG = `version: 1
config:
  layers:
    - "values/base.yaml"
    - "values/production.yaml"
    - "values/local.yaml"
`;

interface Report {
  findings: { rule: string; level: string; file: string; message: string }[];
  summary: { untouched?: { warnings: number; notices: number } };
}

function setup(repo: TestRepo): void {
  repo.write(".integrity-guard/config.yml", CONFIG);
  repo.write(".gitignore", "values/local.yaml\n");
  repo.write("values/base.yaml", "replicas: 1\nimage:\n  tag: v1\n");
  repo.write("values/production.yaml", "replicas: 3\n");
  repo.commitAll("layered values");
}

async function missing(repo: TestRepo, args: string[]) {
  const run = await repo.cli([...args, "--format", "json"]);
  const report = JSON.parse(run.stdout) as Report;
  return report.findings
    .filter((f) => f.rule === "config/missing-file")
    .map((f) => ({ level: f.level, names: f.message.split(" ")[0], file: f.file, message: f.message }));
}

describe("the hook runs the conflicts check for a commit that stages a layer file", () => {
  it("a layers-only config (what init writes for Helm values): an overlay's type change blocks the commit", async () => {
    await withRepo(async (repo) => {
      setup(repo);
      repo.write("values/production.yaml", "replicas: 3\nimage: latest\n");
      repo.git("add", "values/production.yaml");
      const run = await repo.cli(["check", "--staged", "--format", "json"]);
      const report = JSON.parse(run.stdout) as Report;
      expect(report.findings.map((f) => [f.rule, f.level, f.file])).toContainEqual([
        "config/type-change",
        "error",
        "values/production.yaml",
      ]);
      expect(run.code).toBe(1);
    });
  });

  it("a layer named by a glob, or as one of alternatives, counts as staged too", async () => {
    await withRepo(async (repo) => {
      setup(repo);
      repo.write(
        ".integrity-guard/config.yml",
        'version: 1\nconfig:\n  layers:\n    - "values/base.yaml"\n    - ["values/prod*.yaml", "values/staging.yaml"]\n',
      );
      repo.commitAll("glob layers");
      repo.write("values/production.yaml", "replicas: 3\nimage: latest\n");
      repo.git("add", "values/production.yaml");
      const report = JSON.parse((await repo.cli(["check", "--staged", "--format", "json"])).stdout) as Report;
      expect(report.findings.map((f) => f.rule)).toContain("config/type-change");
    });
  });
});

describe("a layer file moved away in the commit being made", () => {
  it("check --staged warns on the commit that moves it, as the pull-request check does afterwards", async () => {
    await withRepo(async (repo) => {
      setup(repo);
      repo.git("mv", "values/production.yaml", "values/prod.yaml");
      const staged = await missing(repo, ["check", "--staged"]);
      // The notice about the never-committed local override is about the config file, which
      // this commit does not touch: the hook counts it without printing it.
      expect(staged.map(({ level, names, file }) => ({ level, names, file }))).toEqual([
        { level: "warning", names: "values/production.yaml", file: "values/production.yaml" },
      ]);
      expect(staged[0]!.message).toContain("this commit deletes or moves it");
      // The work tree's check (what CI runs) says the same.
      const tree = await missing(repo, ["check"]);
      expect(tree.find((f) => f.names === "values/production.yaml")?.level).toBe("warning");
    });
  });

  it("a deletion is a warning too; the conflicts verb agrees", async () => {
    await withRepo(async (repo) => {
      setup(repo);
      repo.git("rm", "-q", "values/production.yaml");
      const staged = await missing(repo, ["conflicts", "--staged"]);
      expect(staged.find((f) => f.names === "values/production.yaml")?.level).toBe("warning");
    });
  });

  it("a git-ignored local override that was never committed stays a notice", async () => {
    await withRepo(async (repo) => {
      setup(repo);
      repo.write("values/local.yaml", "replicas: 5\n");
      repo.write("values/base.yaml", "replicas: 2\nimage:\n  tag: v1\n");
      repo.git("add", "values/base.yaml");
      const staged = await missing(repo, ["conflicts", "--staged"]);
      expect(staged.map(({ level, names }) => ({ level, names }))).toEqual([{ level: "notice", names: "values/local.yaml" }]);
    });
  });
});
