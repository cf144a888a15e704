/**
 * A GitHub pull request template is Markdown, whatever its extension: GitHub takes any file named
 * `pull_request_template.*` (root, docs/, .github/, or a PULL_REQUEST_TEMPLATE/ folder there) and
 * pastes its text into a new pull request's body. openfoodfacts/smooth-app keeps its template as
 * `.github/pull_request_template.yml`, which gave fifteen parse/syntax errors (a false block). Gitea
 * and Forgejo read the same names as a YAML template form (name, about, body...), so a file with
 * those keys stays checked, and what is not at one of GitHub's places stays checked too.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function run(repo: TestRepo, args: string[]): Promise<{ code: number; findings: Finding[] }> {
  const r = await repo.cli([...args, "--format", "json"]);
  return { code: r.code, findings: (JSON.parse(r.stdout || "{}") as { findings?: Finding[] }).findings ?? [] };
}
const errors = (findings: Finding[]) =>
  findings
    .filter((f) => f.level === "error")
    .map((f): [string, string] => [f.rule, f.file ?? ""])
    .filter((e, i, all) => all.findIndex((o) => o[0] === e[0] && o[1] === e[1]) === i)
    .sort((a, b) => a[1].localeCompare(b[1]));

// Reduced from openfoodfacts/smooth-app (Apache-2.0), .github/pull_request_template.yml.
const MARKDOWN =
  "### What\n<!-- description of the PR -->\n- <!-- Changed x to achieve y -->\n<!--\nPlease name your pull request following this scheme: `type: What you did`\nFollowing `type`s are allowed:\n  - `feat`, for Features\n  - `fix`, for Bug Fixes\n-->\n### Fixes bug(s)\n- Fixes: <!-- #1 Note: you can also use Closes: -->\n";
// A Gitea pull request template form, cut inside its body list (a real corruption to Gitea).
const GITEA_FORM_CUT = 'name: Pull request\nabout: Describe the change\nbody:\n  - type: textarea\n    attributes:\n      label: "What\n';

describe("GitHub pull request templates are Markdown, Gitea template forms YAML", () => {
  it("skips a Markdown template at GitHub's places with a notice, in check and check --staged", () =>
    withRepo(async (repo) => {
      repo.write(".github/pull_request_template.yml", MARKDOWN);
      repo.write("docs/PULL_REQUEST_TEMPLATE.yaml", MARKDOWN);
      repo.write("PULL_REQUEST_TEMPLATE/feature.yml", MARKDOWN);
      repo.write(".github/PULL_REQUEST_TEMPLATE/fix.json", MARKDOWN);
      repo.git("add", "-A");
      for (const args of [["check"], ["check", "--staged"]]) {
        const r = await run(repo, args);
        expect(errors(r.findings), args.join(" ")).toEqual([]);
        expect(r.code).toBe(0);
        const notices = r.findings.filter((f) => f.rule === "validate/template").map((f) => f.message);
        expect(notices.join("\n")).toMatch(/GitHub pull request template/);
      }
    }));

  it("checks a Gitea form and the same Markdown elsewhere than GitHub's places", () =>
    withRepo(async (repo) => {
      repo.write(".github/pull_request_template.yml", GITEA_FORM_CUT);
      repo.write("ci/pull_request_template.yml", MARKDOWN);
      repo.write(".github/workflows/pull_request_template.yml", MARKDOWN);
      repo.write("docs/notes.yml", MARKDOWN);
      repo.git("add", "-A");
      const r = await run(repo, ["check"]);
      expect(errors(r.findings).map(([, file]) => file)).toEqual([
        ".github/pull_request_template.yml",
        ".github/workflows/pull_request_template.yml",
        "ci/pull_request_template.yml",
        "docs/notes.yml",
      ]);
      expect(r.code).toBe(1);
    }));
});
