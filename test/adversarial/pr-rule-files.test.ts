/**
 * Files the base config makes rules of, besides the config, the manifest and the mapped schemas
 * (pr-config.test.ts): the team's catalog (validate.catalog) and the allowed signers file. A pull
 * request that empties the catalog must still be checked under the base commit's catalog, and a
 * change to either file is said at the top of the report and as a notice, so a reviewer does not
 * merge a change of rules unseen (an added signer key makes restore trust that key's snapshots).
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { runPullRequest, type ActionRun } from "../e2e/action-harness.js";

const BASE_CONFIG = `version: 1
validate:
  catalog: team-catalog.json
snapshots:
  sign: { format: ssh, key: env:INTEGRITY_GUARD_SIGNING_KEY, allowed_signers: .integrity-guard/allowed_signers }
  sets:
    daily: { paths: ["settings/"] }
`;
const CATALOG = { schemas: [{ name: "settings", fileMatch: ["settings/*.json"], url: "./schemas/settings.schema.json" }] };
const SIGNER = 'snapshots@example.com namespaces="git" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBase0000000000000000000000000000000000000000\n';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

interface Report {
  findings: { rule: string; level: string; file?: string; message: string }[];
}

async function prRun(change: (r: TestRepo) => void): Promise<ActionRun & { report: Report }> {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write(".integrity-guard/config.yml", BASE_CONFIG);
  repo.write(".integrity-guard/allowed_signers", SIGNER);
  repo.write("team-catalog.json", JSON.stringify(CATALOG, null, 2) + "\n");
  repo.write("schemas/settings.schema.json", JSON.stringify({ type: "object", required: ["port"] }) + "\n");
  repo.write("settings/app.json", '{"port": 8080}\n');
  repo.commitAll("base");
  const r = await runPullRequest(repo, change);
  return { ...r, report: JSON.parse(r.findingsJson ?? '{"findings":[]}') as Report };
}

const top = (r: ActionRun) => r.summary.split("\n").slice(0, 8).join("\n");

describe("a pull request that changes the files the base rules read", () => {
  it("emptying the team catalog does not switch its schema off, and is said at the top", async () => {
    const r = await prRun((repo) => {
      repo.write("team-catalog.json", '{"schemas": []}\n');
      repo.write("settings/app.json", '{"host": "x"}\n');
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.report.findings).toContainEqual(
      expect.objectContaining({ rule: "schema/violation", level: "error", file: "settings/app.json" }),
    );
    expect(r.report.findings).toContainEqual(
      expect.objectContaining({ rule: "trust/catalog-changed", level: "notice", file: "team-catalog.json" }),
    );
    expect(top(r)).toContain("This pull request changes `team-catalog.json`");
  }, 60_000);

  it("adding a key to the allowed signers file is a notice and a line at the top (the step is not failed for it)", async () => {
    const r = await prRun((repo) => {
      repo.write(".integrity-guard/allowed_signers", SIGNER + SIGNER.replace("Base", "Evil").replace("snapshots@", "evil@"));
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.report.findings).toContainEqual(
      expect.objectContaining({ rule: "trust/signers-changed", level: "notice", file: ".integrity-guard/allowed_signers" }),
    );
    expect(top(r)).toContain("This pull request changes `.integrity-guard/allowed_signers`");
  }, 60_000);

  it("removing the allowed signers file is said as well; an unchanged one says nothing", async () => {
    const removed = await prRun((repo) => repo.git("rm", "-q", ".integrity-guard/allowed_signers"));
    expect(removed.report.findings.map((f) => f.rule)).toContain("trust/signers-changed");
    expect(top(removed)).toContain("This pull request removes `.integrity-guard/allowed_signers`");
    const clean = await prRun((repo) => repo.write("settings/app.json", '{"port": 9090}\n'));
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    expect(clean.report.findings.filter((f) => f.rule.startsWith("trust/"))).toEqual([]);
  }, 60_000);
});
