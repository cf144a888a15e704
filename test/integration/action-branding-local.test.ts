/**
 * `branding` in an action.yml below the repository root. GitHub's runner reads action.yml with
 * its own schema (actions/runner src/Runner.Worker/action_yaml.json), which names `name`,
 * `description`, `inputs`, `runs` and `outputs` and takes any value for other keys: it never
 * reads `branding`. Only GitHub Marketplace does, and Marketplace lists an action only from an
 * action.yml at the repository root. vectordotdev/vector's local action
 * `.github/actions/install-vrl-doc-builder/action.yml` has `icon: tool` (a Feather icon
 * Marketplace leaves out): SchemaStore's enum made it an error on a file every workflow using it
 * runs. Below the root a branding violation is now a warning saying so; at the root it stays an
 * error (a Marketplace release refuses it), and any other violation of a local action (no `runs`)
 * is still an error. Both the main thread and the parse workers (IG_PARSE_WORKERS) decide it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

type Finding = { rule: string; level: string; file?: string; message: string; pointer?: string };

async function check(
  files: Record<string, string>,
  env: Record<string, string> | undefined,
): Promise<{ code: number; findings: Finding[] }> {
  const r = createRepo();
  repo = r;
  r.write(".integrity-guard/config.yml", "version: 1\n");
  for (const [f, t] of Object.entries(files)) r.write(f, t);
  r.commitAll("files");
  const out = env ? r.cliBundle(["check", "--format", "json"], env) : await r.cli(["check", "--format", "json"]);
  const findings = (JSON.parse(out.stdout || "{}") as { findings?: Finding[] }).findings ?? [];
  r.cleanup();
  repo = undefined;
  return { code: out.code, findings };
}

const ACTION = (branding: string) =>
  [
    'name: "Install a tool"',
    'description: "Install it with caching"',
    "",
    branding,
    "",
    "runs:",
    '  using: "composite"',
    "  steps:",
    "    - run: echo hi",
    "      shell: bash",
    "",
  ].join("\n");
const TOOL = "branding:\n  icon: tool\n  color: purple";
const PINK = "branding:\n  icon: box\n  color: pink";

// In-process (main thread), then the built bundle with parse workers.
const RUNS: (Record<string, string> | undefined)[] = [undefined, { IG_PARSE_WORKERS: "2" }];

describe("branding of an action.yml below the repository root", () => {
  it("an icon or color Marketplace refuses is a warning: the runner never reads branding", async () => {
    for (const env of RUNS) {
      const { code, findings } = await check(
        {
          ".github/actions/install/action.yml": ACTION(TOOL),
          "tools/lint/action.yaml": ACTION(PINK),
        },
        env,
      );
      expect(code, JSON.stringify({ env, findings })).toBe(0);
      const mine = findings.filter((f) => f.rule === "schema/violation");
      expect(mine.map((f) => [f.file, f.pointer, f.level]).sort()).toEqual([
        [".github/actions/install/action.yml", "/branding/icon", "warning"],
        ["tools/lint/action.yaml", "/branding/color", "warning"],
      ]);
      expect(mine[0]!.message).toMatch(/Marketplace/);
    }
  });

  it("at the repository root it stays an error, and a local action without runs is still an error", async () => {
    for (const env of RUNS) {
      const root = await check({ "action.yml": ACTION(TOOL) }, env);
      expect(root.code, JSON.stringify({ env, findings: root.findings })).toBe(1);
      expect(root.findings.some((f) => f.file === "action.yml" && f.pointer === "/branding/icon" && f.level === "error")).toBe(true);
      const noRuns = await check({ ".github/actions/x/action.yml": "name: X\ndescription: x\nbranding:\n  icon: tool\n" }, env);
      expect(noRuns.code, JSON.stringify({ env, findings: noRuns.findings })).toBe(1);
      const errors = noRuns.findings.filter((f) => f.level === "error").map((f) => f.pointer);
      expect(errors).toContain("");
      expect(errors).not.toContain("/branding/icon");
    }
  });
});
