/**
 * `init` and the config: the starter config and the example's config validate against
 * schemas/config.schema.json; an existing config is never overwritten without --force (init then
 * installs what is missing, exit 0), and with --force the old one is kept; --dry-run, --no-hook and --hook-only do what they say.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { validateConfigText } from "../../src/config/validate-text.js";
import { CONFIG_PATH, DEFAULT_VALIDATE_FILES } from "../../src/config/types.js";
import { DEFAULT_JSONC } from "../../src/core/select/jsonc.js";
import { starterConfig } from "../../src/core/starter-config.js";
import { PROJECT_ROOT, withRepo, type TestRepo } from "../helpers/repo.js";

const EXAMPLE = path.join(PROJECT_ROOT, "examples/agent-workspace");

/** Every file under dir (relative) with its bytes, to prove a run changed nothing. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, abs);
    if (rel.startsWith(".git/objects") || rel === ".git/index") continue;
    out[rel] = fs.readFileSync(abs, "base64");
  }
  return out;
}

describe("the starter config", () => {
  it("validates against schemas/config.schema.json", () => {
    const { config, findings } = validateConfigText(starterConfig(), CONFIG_PATH);
    expect(findings).toEqual([]);
    expect(config?.version).toBe(1);
    expect(config?.validate?.files).toEqual(["**/*.json", "**/*.jsonc", "**/*.yaml", "**/*.yml"]);
    expect(config?.validate?.files).toEqual(DEFAULT_VALIDATE_FILES);
  });

  it("shows the JSONC defaults and the templates knob; its commented validate lines are valid when uncommented", () => {
    const text = starterConfig();
    const { config } = validateConfigText(text, CONFIG_PATH);
    expect(config?.validate?.jsonc).toEqual(DEFAULT_JSONC);
    expect(config?.validate?.templates).toEqual({ mode: "auto" });
    // Uncomment every sample line of the validate section (not the prose, not the MERGE placeholders).
    const validateSection = text.slice(text.indexOf("validate:"), text.indexOf("\n# MERGE(wt-report)"));
    const uncommented = validateSection
      .split("\n")
      .map((l) => (/^\s*#\s+(- |[a-z_]+:)/.test(l) && !l.includes("MERGE") ? l.replace(/# /, "") : l))
      .join("\n");
    expect(uncommented).toContain("\n    skip: [");
    expect(uncommented).toContain("\n  yaml:\n");
    expect(uncommented).toContain("\n    custom_tags:");
    expect(uncommented).toContain("\n  require_schema:");
    const full = validateConfigText(`version: 1\n${uncommented}\n`, CONFIG_PATH);
    expect(full.findings).toEqual([]);
    expect(full.config?.validate?.yaml?.custom_tags?.[0]?.tags).toEqual(["!include", "!secret"]);
    expect(full.config?.validate?.templates?.check).toEqual(["charts/app/templates/crd.yaml"]);
  });

  it("is what init writes, and loads with the real loader", async () => {
    await withRepo(async (repo) => {
      const r = await repo.cli(["init", "--no-hook"]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`wrote the starter config ${CONFIG_PATH}`);
      expect(repo.read(CONFIG_PATH)).toBe(starterConfig());
      const loaded = await loadConfig(repo.dir);
      expect(loaded.exists).toBe(true);
      expect(loaded.config.validate?.jsonc).toContain("**/tsconfig*.json");
    });
  });
});

describe("the agent-workspace example config", () => {
  it("validates and maps the seed's files", async () => {
    const { config } = await loadConfig(EXAMPLE);
    // The seed's schemas are the first entries of the workspace's own catalog (issue 19).
    expect(config.validate?.catalog).toBe(".integrity-guard/catalog.json");
    const catalog = JSON.parse(fs.readFileSync(path.join(EXAMPLE, ".integrity-guard/catalog.json"), "utf8")) as {
      schemas: { url: string }[];
    };
    const mapped = catalog.schemas.map((s) => path.posix.join(".integrity-guard", s.url));
    expect(mapped).toEqual(
      expect.arrayContaining([
        "schemas/meeting.schema.json",
        "schemas/fsm_state.schema.json",
        "schemas/contract_statuses.schema.json",
        "schemas/system.schema.json",
      ]),
    );
    for (const schema of mapped) expect(fs.existsSync(path.join(EXAMPLE, schema)), schema).toBe(true);
    expect(config.sync?.[0]).toMatchObject({
      source: { file: "logs/contract_statuses.json" },
      target: { file: "fsm_state.json", path: "/states" },
    });
    expect(config.manifest?.include).toContain("agent_workspaces/**");
    expect(config.health?.critical_files).toContain("fsm_state.json");
    expect(Object.keys(config.snapshots?.sets ?? {})).toEqual(["hourly", "daily", "weekly"]);
  });

  it("holds the seed's files, and their data satisfies the sync rule", () => {
    const read = (rel: string) =>
      JSON.parse(fs.readFileSync(path.join(EXAMPLE, rel), "utf8")) as Record<string, Record<string, Record<string, unknown>>>;
    const meeting = read("agent_workspaces/meeting/meeting.json") as unknown as Record<string, unknown>;
    expect(meeting).toMatchObject({ session_type: "captain_oversight_active" });
    const contracts = read("logs/contract_statuses.json").contracts!;
    const states = read("fsm_state.json").states!;
    for (const [id, c] of Object.entries(contracts)) {
      expect(states[id], id).toMatchObject({ status: c.status, progress_percentage: c.progress });
    }
    expect(fs.existsSync(path.join(EXAMPLE, "config/system.yaml"))).toBe(true);
  });
});

describe("init never clobbers a config", () => {
  const custom = 'version: 1\nvalidate:\n  files: ["data/**/*.json"]\n';

  it("on a repository with a config, installs what is missing and leaves the config alone (exit 0), every time", async () => {
    await withRepo(async (repo) => {
      repo.write(CONFIG_PATH, custom + "snapshots:\n  sign: { format: none }\n  sets:\n    hourly: { paths: [state.json] }\n");
      const config = repo.read(CONFIG_PATH);
      const r = await repo.cli(["init"]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`${CONFIG_PATH} exists: left as it is`);
      expect(repo.read(CONFIG_PATH)).toBe(config);
      expect(fs.existsSync(path.join(repo.dir, ".git/hooks/pre-commit"))).toBe(true);
      expect(JSON.parse((await repo.cli(["init", "--format", "json"])).stdout).config.action).toBe("kept");

      // After editing the config: --workflows adds the workflows, the config stays.
      const { WORKFLOW_DIR } = await import("../../src/io/workflows.js");
      const wf = await repo.cli(["init", "--workflows"]);
      expect(wf.code, wf.stderr).toBe(0);
      expect(repo.read(CONFIG_PATH)).toBe(config);
      expect(repo.read(`${WORKFLOW_DIR}/integrity-snapshot.yml`)).toContain("set: hourly");
      const before = tree(repo.dir);
      const again = await repo.cli(["init", "--workflows"]);
      expect(again.code, again.stderr).toBe(0);
      expect(tree(repo.dir)).toEqual(before); // idempotent
    });
  });

  it("says so when the config it leaves alone does not validate", async () => {
    await withRepo(async (repo) => {
      repo.write(CONFIG_PATH, "version: 1\nvalidate: [oops\n");
      const r = await repo.cli(["init"]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`warning: ${CONFIG_PATH} does not validate`);
      expect(r.stdout).toContain("integrity-guard init --force");
      expect(repo.read(CONFIG_PATH)).toBe("version: 1\nvalidate: [oops\n");
    });
  });

  it("--hook-only installs the hook and leaves the config alone", async () => {
    await withRepo(async (repo) => {
      repo.write(CONFIG_PATH, custom);
      const r = await repo.cli(["init", "--hook-only"]);
      expect(r.code, r.stderr).toBe(0);
      expect(repo.read(CONFIG_PATH)).toBe(custom);
      expect(fs.existsSync(path.join(repo.dir, ".git/hooks/pre-commit"))).toBe(true);
    });
  });

  it("--force replaces it and keeps the old one as a .bak", async () => {
    await withRepo(async (repo) => {
      repo.write(CONFIG_PATH, custom);
      const r = await repo.cli(["init", "--force", "--no-hook"]);
      expect(r.code, r.stderr).toBe(0);
      expect(repo.read(CONFIG_PATH)).toBe(starterConfig());
      const backups = fs.readdirSync(path.join(repo.dir, ".integrity-guard")).filter((f) => f.endsWith(".bak"));
      expect(backups).toHaveLength(1);
      expect(backups[0]).toMatch(/^config\.yml\..+\.bak$/);
      expect(repo.read(`.integrity-guard/${backups[0]}`)).toBe(custom);
      expect(r.stdout).toContain(backups[0]);
    });
  });

  it("a broken config does not stop init: --hook-only leaves it, --force replaces it (kept as .bak)", async () => {
    await withRepo(async (repo) => {
      const broken = "version: 1\nvalidate: [oops\n";
      repo.write(CONFIG_PATH, broken);
      const hookOnly = await repo.cli(["init", "--hook-only"]);
      expect(hookOnly.code, hookOnly.stderr).toBe(0);
      expect(repo.read(CONFIG_PATH)).toBe(broken);
      const forced = await repo.cli(["init", "--force", "--no-hook"]);
      expect(forced.code, forced.stderr).toBe(0);
      expect(repo.read(CONFIG_PATH)).toBe(starterConfig());
      const bak = fs.readdirSync(path.join(repo.dir, ".integrity-guard")).find((f) => f.endsWith(".bak"));
      expect(repo.read(`.integrity-guard/${bak}`)).toBe(broken);
    });
  });

  it("a second init is a no-op when the config is still the starter", async () => {
    await withRepo(async (repo) => {
      expect((await repo.cli(["init"])).code).toBe(0);
      const before = tree(repo.dir);
      const r = await repo.cli(["init"]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain("unchanged");
      expect(tree(repo.dir)).toEqual(before);
    });
  });
});

describe("init options", () => {
  it("--dry-run prints what it would write and writes nothing", async () => {
    await withRepo(async (repo: TestRepo) => {
      const before = tree(repo.dir);
      const r = await repo.cli(["init", "--dry-run"]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain("dry run: nothing was written");
      expect(r.stdout).toContain(`would write the starter config ${CONFIG_PATH}`);
      expect(r.stdout).toContain("would create the git pre-commit hook .git/hooks/pre-commit");
      expect(r.stdout).toContain("  | version: 1"); // the config's content
      expect(r.stdout).toContain("  | #!/bin/sh"); // the hook's content
      expect(tree(repo.dir)).toEqual(before);
    });
  });

  it("--no-hook and --hook-only together are a usage error", async () => {
    await withRepo(async (repo) => {
      const r = await repo.cli(["init", "--no-hook", "--hook-only"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--no-hook and --hook-only contradict each other");
      expect(fs.existsSync(path.join(repo.dir, CONFIG_PATH))).toBe(false);
    });
  });

  it("--format json reports what was done", async () => {
    await withRepo(async (repo) => {
      const r = await repo.cli(["init", "--format", "json"]);
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as {
        config: { action: string; path: string };
        hook: { mode: string; path: string; action: string };
      };
      expect(out.config).toMatchObject({ action: "created", path: CONFIG_PATH });
      expect(out.hook).toMatchObject({ mode: "git", path: ".git/hooks/pre-commit", action: "created" });
    });
  });

  it("refuses to write the config through a symlink that leaves the repository", async () => {
    await withRepo(async (repo) => {
      const outside = fs.mkdtempSync(path.join(path.dirname(repo.dir), "ig-outside-"));
      try {
        fs.symlinkSync(outside, path.join(repo.dir, ".integrity-guard"));
        const r = await repo.cli(["init", "--no-hook"]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/outside the repository/);
        expect(fs.readdirSync(outside)).toEqual([]);
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
      }
    });
  });
});

describe("init --workflows (the call into src/io/workflows.ts)", () => {
  it("--dry-run lists the workflow files and writes nothing", async () => {
    const { WORKFLOW_DIR, WORKFLOW_FILES } = await import("../../src/io/workflows.js");
    await withRepo(async (repo) => {
      const before = tree(repo.dir);
      const r = await repo.cli(["init", "--workflows", "--dry-run"]);
      expect(r.code, r.stderr).toBe(0);
      // The check workflow always; the snapshot ones only when the config has snapshots.sets.
      expect(r.stdout).toContain(`would write ${WORKFLOW_DIR}/${WORKFLOW_FILES[0]}`);
      expect(tree(repo.dir)).toEqual(before);
    });
  });

  it("writes the workflows next to the config and the hook", async () => {
    const { WORKFLOW_DIR, WORKFLOW_FILES } = await import("../../src/io/workflows.js");
    await withRepo(async (repo) => {
      const r = await repo.cli(["init", "--workflows"]);
      expect(r.code, r.stderr).toBe(0);
      expect(fs.existsSync(path.join(repo.dir, WORKFLOW_DIR, WORKFLOW_FILES[0]))).toBe(true);
      const wrote = [...r.stdout.matchAll(/^- wrote (\.github\/\S+)$/gm)].map((m) => m[1]!);
      expect(wrote).toContain(`${WORKFLOW_DIR}/${WORKFLOW_FILES[0]}`);
      for (const f of wrote) expect(fs.existsSync(path.join(repo.dir, f)), f).toBe(true);
      expect(fs.existsSync(path.join(repo.dir, CONFIG_PATH))).toBe(true);
      expect(fs.existsSync(path.join(repo.dir, ".git/hooks/pre-commit"))).toBe(true);
    });
  });

  it("keeps a workflow that differs, with a warning, and writes the missing ones", async () => {
    const { WORKFLOW_DIR, WORKFLOW_FILES } = await import("../../src/io/workflows.js");
    await withRepo(async (repo) => {
      repo.write(`${WORKFLOW_DIR}/${WORKFLOW_FILES[0]}`, "name: mine\n");
      const r = await repo.cli(["init", "--workflows"]);
      expect(r.code, r.stderr).toBe(0);
      expect(repo.read(`${WORKFLOW_DIR}/${WORKFLOW_FILES[0]}`)).toBe("name: mine\n");
      expect(r.stdout).toContain(`warning: kept ${WORKFLOW_DIR}/${WORKFLOW_FILES[0]}`);
      expect(r.stdout).toContain("integrity-guard init --hook-only --workflows --force");
      expect(fs.existsSync(path.join(repo.dir, CONFIG_PATH))).toBe(true);
    });
  });
});
