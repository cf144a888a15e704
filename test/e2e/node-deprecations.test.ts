/**
 * The Action runs on `node24` (action.yml); the tests run on Node 20. Node 24 turned deprecations
 * that Node 20 only reports under `--pending-deprecation` into warnings printed to stderr, which
 * the runner shows in every job's log (DEP0169 `url.parse()`, made a runtime deprecation for code
 * outside node_modules, and a bundle in dist/ is outside node_modules). Running the built bundles
 * with `--pending-deprecation` on Node 20 shows such a warning here first: the CLI's verbs and
 * the Action on a pull request must print none, and no ExperimentalWarning either.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { runPullRequest } from "./action-harness.js";

const PENDING = { NODE_OPTIONS: "--pending-deprecation" };
/** What Node prints for a process warning: `(node:1234) [DEP0169] DeprecationWarning: ...`. */
const NODE_WARNING = /\(node:\d+\)|DeprecationWarning|ExperimentalWarning/;

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

function stateRepo(): TestRepo {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write(
    ".integrity-guard/config.yml",
    'version: 1\nmanifest:\n  include: ["data/**"]\nsnapshots:\n  sign: { format: none }\n  sets:\n    hourly: { paths: ["data/"], keep: 2 }\n',
  );
  repo.write("data/state.json", '{"status": "ok"}\n');
  repo.write("config/app.yaml", "name: app\nreplicas: 2\n");
  repo.commitAll("base");
  return repo;
}

describe("no Node warning on stderr with Node 24's deprecations pending", () => {
  it("the CLI's verbs, on a clean tree and on a finding", () => {
    const repo = stateRepo();
    const runs: [string[], number][] = [
      [["seal"], 0],
      [["check"], 0],
      [["verify"], 0],
      [["snapshot", "--set", "hourly"], 0],
      [["snapshots"], 0],
      [["health", "--format", "json"], 0],
      [["conflicts"], 0],
    ];
    for (const [args, code] of runs) {
      const r = repo.cliBundle(args, PENDING);
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(code);
      expect(r.stderr, args.join(" ")).not.toMatch(NODE_WARNING);
    }
    fs.writeFileSync(path.join(repo.dir, "data/state.json"), '{"status": "ok",\n');
    const bad = repo.cliBundle(["check", "--format", "json"], PENDING);
    expect(bad.code, bad.stderr).toBe(1);
    expect(bad.stderr).not.toMatch(NODE_WARNING);
  });

  it("the Action on a pull request with a finding", async () => {
    const repo = stateRepo();
    const r = await runPullRequest(repo, (pr) => pr.write("data/state.json", '{"status": "ok",}\n'), {}, PENDING);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.annotations.some((a) => a.includes("data/state.json"))).toBe(true);
    expect(r.stderr).not.toMatch(NODE_WARNING);
  });
});
