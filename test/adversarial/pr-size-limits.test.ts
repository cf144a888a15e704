/**
 * Red team, round 3: a pull request that changes the config is also checked under its own config.
 * `validate.max_yaml_size` and `max_file_size` bound what a run loads into memory (a 50 MB YAML
 * file aborted the process out of memory, src/checks/max-file-size.ts): a pull request that raised
 * them and added a big YAML file made the second run parse what the base rules refuse to, and
 * could crash the Action before any report. The second run now keeps the base config's limits:
 * the big file is the same `parse/too-large` warning in both runs (before, the run under the
 * pull request's rules parsed it, and the base run's warning was turned into an error).
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo } from "../helpers/repo.js";
import { runPullRequest } from "../e2e/action-harness.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

describe("a pull request that raises the size limits in its config", () => {
  it("is read under the base limits in both runs: a YAML file over them is not parsed, and is one warning", async () => {
    const repo = createRepo();
    cleanup.push(() => repo.cleanup());
    repo.write(".integrity-guard/config.yml", "version: 1\n");
    repo.write("data/state.yaml", "count: 1\n");
    repo.commitAll("base");
    const r = await runPullRequest(repo, (x) => {
      x.write(".integrity-guard/config.yml", "version: 1\nvalidate:\n  max_yaml_size: 128MiB\n  max_file_size: 256MiB\n");
      // Over the default 8 MiB YAML limit of the base config.
      fs.writeFileSync(path.join(x.dir, "data/big.yaml"), `text: "${"a".repeat(9 * 1024 * 1024)}"\n`);
    });
    const report = JSON.parse(r.findingsJson ?? "{}") as { findings: { rule: string; level: string; file?: string; message: string }[] };
    const big = report.findings.filter((f) => f.file === "data/big.yaml");
    expect(big, r.stdout + r.stderr).toHaveLength(1);
    expect(big[0]).toMatchObject({ rule: "parse/too-large", level: "warning" });
    expect(big[0]!.message).toContain("over validate.max_yaml_size (8.0 MiB)");
    expect(big[0]!.message).not.toContain("base branch's rules");
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
});
