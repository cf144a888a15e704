/**
 * `verify` on a sealed file kept with local edits (`git update-index --skip-worktree`): the
 * drift is real (manifest/modified), but its fix said "run `integrity-guard seal`", which changes
 * nothing since seal seals git's copy of such a file (the one commits hold). The fix must name
 * what does: the skip-worktree bit. Each way it offers is followed here and must end in a clean
 * verify.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => repo?.cleanup());

interface Report {
  findings: { rule: string; file: string; fix?: string }[];
}

async function keptLocalEdits(name: string): Promise<TestRepo> {
  const r = createRepo();
  repo = r;
  r.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
  r.write(name, '{"db": "prod"}\n');
  expect((await r.cli(["seal"])).code).toBe(0);
  r.commitAll("sealed");
  r.git("update-index", "--skip-worktree", name);
  r.write(name, '{"db": "localhost"}\n');
  return r;
}

async function drift(r: TestRepo, command: "verify" | "check"): Promise<Report["findings"]> {
  const run = await r.cli([command, "--format", "json"]);
  expect(run.code, run.stderr).toBe(1);
  return (JSON.parse(run.stdout) as Report).findings.filter((f) => f.rule.startsWith("manifest/"));
}

describe("verify's fix for a sealed file kept with local edits (skip-worktree)", () => {
  it("names the skip-worktree bit, not a reseal that changes nothing", async () => {
    const r = await keptLocalEdits("data/settings.json");
    for (const command of ["verify", "check"] as const) {
      const findings = await drift(r, command);
      expect(findings.map((f) => [f.rule, f.file])).toEqual([["manifest/modified", "data/settings.json"]]);
      const fix = findings[0]!.fix!;
      expect(fix).toContain("data/settings.json is marked skip-worktree");
      expect(fix).toContain("git update-index --no-skip-worktree data/settings.json && git checkout -- data/settings.json");
      expect(fix).not.toMatch(/^if the change is intended, run `integrity-guard seal`/);
    }
    // The old advice indeed changes nothing: seal keeps git's copy and verify still fails.
    expect((await r.cli(["seal"])).code).toBe(0);
    expect((await r.cli(["verify"])).code).toBe(1);
  });

  it("dropping the local edits as the fix says verifies clean", async () => {
    const r = await keptLocalEdits("data/settings.json");
    r.git("update-index", "--no-skip-worktree", "data/settings.json");
    r.git("checkout", "--", "data/settings.json");
    expect((await r.cli(["verify"])).code).toBe(0);
    expect(r.read("data/settings.json")).toBe('{"db": "prod"}\n');
  });

  it("committing the local edits as the fix says verifies clean, and the commit holds them", async () => {
    const r = await keptLocalEdits("data/settings.json");
    r.git("update-index", "--no-skip-worktree", "data/settings.json");
    expect((await r.cli(["seal"])).code).toBe(0);
    r.commitAll("commit the local setting");
    expect((await r.cli(["verify"])).code).toBe(0);
    expect(r.git("show", "HEAD:data/settings.json")).toBe('{"db": "localhost"}\n');
  });

  it("quotes a name with spaces for the shell, and leaves the fix of a plain modified file as it was", async () => {
    const r = await keptLocalEdits("data/my settings.json");
    r.write("data/other.json", "1\n");
    r.commitAll("other");
    expect((await r.cli(["seal"])).code).toBe(0);
    r.commitAll("reseal");
    r.write("data/other.json", "2\n");
    const findings = await drift(r, "verify");
    const byFile = new Map(findings.map((f) => [f.file, f.fix ?? ""]));
    expect(byFile.get("data/my settings.json")).toContain("git update-index --no-skip-worktree 'data/my settings.json'");
    expect(byFile.get("data/other.json")).toMatch(/run `integrity-guard seal`/);
  });
});
