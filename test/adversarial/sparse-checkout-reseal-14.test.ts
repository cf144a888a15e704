/**
 * A sparse checkout whose cone leaves `.integrity-guard/` out: the hook blocks an unsealed change
 * and says "run `integrity-guard seal && git add .integrity-guard/manifest.json`". seal writes the
 * manifest (outside the cone), but git refuses to stage a path outside the cone without
 * `--sparse` ("paths ... outside of your sparse-checkout definition ... will not be updated in
 * the index", exit 1): the fix as printed fails. In a sparse checkout it now says
 * `git add --sparse`, and doing exactly that lets the commit through.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

interface Report {
  findings: { rule: string; file?: string; fix?: string }[];
}

async function staged(r: TestRepo): Promise<{ code: number; report: Report }> {
  const out = await r.cli(["check", "--staged", "--format", "json"]);
  return { code: out.code, report: JSON.parse(out.stdout || '{"findings":[]}') as Report };
}

/** The shell command the fix names between backquotes, run word by word (the names hold no spaces). */
function runFix(r: TestRepo, fix: string): Promise<void> {
  const command = /`([^`]+)`/.exec(fix)?.[1] ?? "";
  const steps = command.split(" && ");
  expect(steps[0]).toBe("integrity-guard seal");
  return (async () => {
    const sealed = await r.cli(["seal"]);
    expect(sealed.code, sealed.stderr).toBe(0);
    for (const step of steps.slice(1)) {
      const [tool, ...args] = step.split(" ");
      expect(tool).toBe("git");
      const res = r.tryGit(...args);
      expect(res.status, `${step}: ${res.stderr}`).toBe(0);
    }
  })();
}

describe("a sparse checkout that leaves the manifest out of the work tree", () => {
  it("the unsealed-change fix stages the manifest with --sparse, and following it lets the commit through", async () => {
    const r = createRepo();
    repo = r;
    r.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
    r.write("data/a.json", '{"a":1}\n');
    r.write("other/x.txt", "x\n");
    expect((await r.cli(["seal"])).code).toBe(0);
    r.commitAll("sealed");
    r.git("sparse-checkout", "set", "data");
    r.write("data/a.json", '{"a":2}\n');
    r.git("add", "data/a.json");

    const blocked = await staged(r);
    expect(blocked.code).toBe(1);
    const finding = blocked.report.findings.find((f) => f.rule === "manifest/unsealed-change");
    expect(finding?.fix).toContain("git add --sparse .integrity-guard/manifest.json");
    // The plain form is what git refuses here.
    expect(r.tryGit("add", ".integrity-guard/manifest.json").status).not.toBe(0);

    await runFix(r, finding!.fix!);
    expect(await staged(r)).toEqual({ code: 0, report: expect.objectContaining({ findings: [] }) as Report });
  });

  it("outside a sparse checkout the fix stays plain `git add`", async () => {
    const r = createRepo();
    repo = r;
    r.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
    r.write("data/a.json", '{"a":1}\n');
    expect((await r.cli(["seal"])).code).toBe(0);
    r.commitAll("sealed");
    r.write("data/a.json", '{"a":2}\n');
    r.git("add", "data/a.json");
    const blocked = await staged(r);
    expect(blocked.code).toBe(1);
    const fix = blocked.report.findings.find((f) => f.rule === "manifest/unsealed-change")?.fix ?? "";
    expect(fix).toContain("git add .integrity-guard/manifest.json");
    expect(fix).not.toContain("--sparse");
  });
});
