/**
 * The config (or a schema) marked intent-to-add (`git add -N .integrity-guard/config.yml`, or a
 * `git add -N .` before `git add -p`) while the repository adopts integrity-guard. The index
 * then holds the empty blob for it, and `git commit` leaves it out. The hook read that empty
 * blob as the staged config and blocked a valid commit with exit 2 ("invalid config ... as
 * staged: missing required key version"). An intent-to-add config is no part of the commit:
 * the work tree's is used, as for a config git does not track yet (so its rules still apply).
 * An intent-to-add schema is not in the commit either: "not in the git index (is it staged?)",
 * not "does not parse: file is empty ... often a truncated write".
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

async function staged(r: TestRepo): Promise<{ code: number; findings: string[]; stderr: string }> {
  const out = await r.cli(["check", "--staged", "--format", "json"]);
  const report = JSON.parse(out.stdout || '{"findings":[]}') as { findings: { rule: string; file?: string; level: string }[] };
  return {
    code: out.code,
    findings: report.findings.filter((f) => f.level === "error").map((f) => `${f.rule} ${f.file ?? ""}`),
    stderr: out.stderr,
  };
}

/** A repository adopting integrity-guard: a first commit without it, then the config written and marked intent-to-add. */
function adopting(): TestRepo {
  const r = createRepo();
  repo = r;
  r.write("README.md", "x\n");
  r.commitAll("before integrity-guard");
  r.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  schemas:\n    - { files: ["data/*.json"], schema: schemas/d.json }\n');
  r.write("schemas/d.json", '{"type":"object","required":["id"]}\n');
  r.git("add", "schemas/d.json");
  r.git("add", "-N", ".integrity-guard/config.yml");
  return r;
}

describe("an intent-to-add config", () => {
  it("does not block a valid commit (exit 0), and its rules still apply to a broken one", async () => {
    const r = adopting();
    r.write("data/a.json", '{"id":"a"}\n');
    r.git("add", "data/a.json");
    const ok = await staged(r);
    expect(ok.stderr).not.toContain("invalid config");
    expect(ok).toMatchObject({ code: 0, findings: [] });

    r.write("data/a.json", '{"x":1}\n');
    r.git("add", "data/a.json");
    expect(await staged(r)).toMatchObject({ code: 1, findings: ["schema/violation data/a.json"] });
  });

  it("a config really staged empty is still an invalid config (exit 2)", async () => {
    const r = adopting();
    r.write(".integrity-guard/config.yml", "");
    r.git("add", ".integrity-guard/config.yml");
    r.write(".integrity-guard/config.yml", "version: 1\n");
    const out = await staged(r);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("as staged");
  });

  it("an intent-to-add schema is reported as not staged, not as an empty (truncated) file", async () => {
    const r = createRepo();
    repo = r;
    r.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  schemas:\n    - { files: ["data/*.json"], schema: schemas/d.json }\n');
    r.write("README.md", "x\n");
    r.commitAll("config");
    r.write("schemas/d.json", '{"type":"object","required":["id"]}\n');
    r.write("data/a.json", '{"id":"a"}\n');
    r.git("add", "data/a.json");
    r.git("add", "-N", "schemas/d.json");
    const out = await r.cli(["check", "--staged"]);
    expect(out.code).toBe(2);
    expect(out.stdout + out.stderr).toContain("schemas/d.json does not exist in the git index");
    expect(out.stdout + out.stderr).not.toContain("file is empty");
  });
});
