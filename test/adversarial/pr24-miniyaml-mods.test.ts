/**
 * OpenRA's MiniYaml (validate.ts, miniyaml-mods.ts): the .yaml files below a folder whose mod.yaml
 * is a MiniYaml manifest are read with OpenRA's rules, not YAML's. A pull request must not get a
 * file the base holds relaxed by adding a mod.yaml beside it; a new mod a pull request adds is
 * read as MiniYaml, and its real errors (an over-deep indent) still fail the step.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, withRepo, type TestRepo } from "../helpers/repo.js";
import { runPullRequest } from "../e2e/action-harness.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

function baseRepo(files: Record<string, string>): TestRepo {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  for (const [f, t] of Object.entries(files)) repo.write(f, t);
  repo.commitAll("base");
  return repo;
}

const pr = (repo: TestRepo, files: Record<string, string>) =>
  runPullRequest(repo, (x) => {
    for (const [f, t] of Object.entries(files)) x.write(f, t);
  });

type Found = { rule: string; level: string; file?: string; line?: number; column?: number; message: string };
const findings = (json: string | undefined) => (JSON.parse(json ?? "{}") as { findings?: Found[] }).findings ?? [];
const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""}:${f.line} ${f.message}`).join("\n");
const errorsOf = (fs: Found[], file: string) => fs.filter((f) => f.level === "error" && f.file === file);

const MANIFEST = "Metadata:\n\tTitle: Example mod\n\tVersion: {DEV_VERSION}\n\nRules:\n\tmymod|rules/infantry.yaml\n";
const RULES = "E1:\n\tInherits: ^Infantry\n\tHealth:\n\t\tHP: 5000\n\t-Crushable:\n\tTooltip:\n\t\tName: Rifle \\# 1 # comment\n";
// A config the base holds as strict YAML, broken by a tab.
const STRICT = "server:\n  port: 8080\n";
const BROKEN = "server:\n\tport: 8080\n";

describe("OpenRA mods on pull requests", () => {
  it("a mod.yaml added beside a YAML file the base holds does not make it MiniYaml: the tab stays an error", async () => {
    const repo = baseRepo({ "mymod/config.yaml": STRICT });
    const r = await pr(repo, { "mymod/mod.yaml": MANIFEST, "mymod/config.yaml": BROKEN });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(errorsOf(fs, "mymod/config.yaml").length, brief(fs)).toBeGreaterThan(0);
    expect(errorsOf(fs, "mymod/mod.yaml"), brief(fs)).toEqual([]);
  });

  it("a new mod a pull request adds is read as MiniYaml (guard)", async () => {
    const repo = baseRepo({ "README.md": "x\n" });
    const r = await pr(repo, { "mymod/mod.yaml": MANIFEST, "mymod/rules/infantry.yaml": RULES });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
    expect(
      fs.filter((f) => f.level === "error"),
      brief(fs),
    ).toEqual([]);
  });

  it("a mod the base holds keeps its MiniYaml reading, and an over-deep indent a pull request writes fails the step", async () => {
    const repo = baseRepo({ "mymod/mod.yaml": MANIFEST, "mymod/rules/infantry.yaml": RULES });
    const r = await pr(repo, { "mymod/rules/infantry.yaml": RULES.replace("\t\tHP: 5000", "\t\t\tHP: 5000") });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(
      errorsOf(fs, "mymod/rules/infantry.yaml").map((f) => [f.rule, f.line, f.column]),
      brief(fs),
    ).toEqual([["parse/syntax", 4, 4]]);
  });
});

describe("OpenRA mods in a repository (check)", () => {
  it("mod files pass; an over-deep indent is an error at line:column; tab-indented YAML outside a mod stays an error", () =>
    withRepo(async (repo) => {
      repo.write("mods/ra/mod.yaml", MANIFEST);
      repo.write("mods/ra/rules/infantry.yaml", RULES);
      repo.write("mods/ra/maps/one/rules.yaml", "World:\n\tMissionData:\n\t\tBriefing: Go.\n");
      repo.write("mods/ra/weapons/bad.yaml", "Gun:\n\tReloadDelay: 30\n\t\t\tDamage: 40\n");
      repo.write("mods/ra/conflict.yaml", "E1:\n<<<<<<< HEAD\n\tCost: 1\n=======\n\tCost: 2\n>>>>>>> other\n");
      repo.write("config/app.yaml", BROKEN);
      // A YAML mod.yaml (spaces) makes nothing MiniYaml.
      repo.write("other/mod.yaml", "Metadata:\n    Title: x\n");
      repo.write("other/data.yaml", BROKEN);
      repo.git("add", "-A");
      for (const args of [["check", "--staged"], ["check"]]) {
        const r = repo.cliBundle([...args, "--format", "json"]);
        const fs = findings(r.stdout);
        const errorFiles = [...new Set(fs.filter((f) => f.level === "error").map((f) => f.file))].sort();
        expect(errorFiles, brief(fs)).toEqual(["config/app.yaml", "mods/ra/conflict.yaml", "mods/ra/weapons/bad.yaml", "other/data.yaml"]);
        expect(errorsOf(fs, "mods/ra/weapons/bad.yaml").map((f) => [f.rule, f.line, f.column])).toEqual([["parse/syntax", 3, 4]]);
        expect(errorsOf(fs, "mods/ra/conflict.yaml").map((f) => f.rule)).toContain("parse/merge-conflict");
        expect(
          fs.filter((f) => f.file?.startsWith("mods/ra/") && f.file !== "mods/ra/conflict.yaml" && f.file !== "mods/ra/weapons/bad.yaml"),
          brief(fs),
        ).toEqual([]);
      }
    }));
});

// Session 25: a folder a mod's manifest mounts (OpenRA's mods/common) has no mod.yaml of its own.
const MOUNTING = (mounts: string) =>
  `Metadata:\n\tTitle: Red Alert\n\nFileSystem: DefaultFileSystem\n\tPackages:\n\t\t^EngineDir\n\t\t$ra: ra\n${mounts}\t\tcommon|scripts\n\nRules:\n\tra|rules/infantry.yaml\n\tcommon|rules/world.yaml\n`;
const COMMON_MOUNT = "\t\t^EngineDir|mods/common: common\n";
const WORLD = "^BaseWorld:\n\tInherits: ^Palettes\n\tTerrainLighting:\n\tActorMap:\n\t\tTrait: x # c\n";

describe("folders a mod manifest mounts (mods/common)", () => {
  it("a mounted folder's files are MiniYaml on a pull request: an edit that OpenRA reads passes", async () => {
    const repo = baseRepo({
      "mods/ra/mod.yaml": MOUNTING(COMMON_MOUNT),
      "mods/ra/rules/infantry.yaml": RULES,
      "mods/common/rules/world.yaml": WORLD,
    });
    const r = await pr(repo, { "mods/common/rules/world.yaml": WORLD + "\tScriptTriggers:\n" });
    const fs = findings(r.findingsJson);
    expect(
      fs.filter((f) => f.level === "error"),
      brief(fs),
    ).toEqual([]);
    expect(r.code, brief(fs)).toBe(0);
  });

  it("an over-deep indent in a mounted folder fails the step at its line:column", async () => {
    const repo = baseRepo({ "mods/ra/mod.yaml": MOUNTING(COMMON_MOUNT), "mods/common/rules/world.yaml": WORLD });
    const r = await pr(repo, { "mods/common/rules/world.yaml": WORLD + "\t\t\t\tDeep: 1\n" });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(errorsOf(fs, "mods/common/rules/world.yaml").map((f) => [f.rule, f.line, f.column])).toEqual([["parse/syntax", 6, 5]]);
  });

  it("a pull request that makes a manifest mount a strict folder the base holds does not relax it", async () => {
    const repo = baseRepo({ "mods/ra/mod.yaml": MOUNTING(""), "config/app.yaml": STRICT, "mods/common/settings.yaml": STRICT });
    const r = await pr(repo, {
      "mods/ra/mod.yaml": MOUNTING(COMMON_MOUNT + "\t\t^EngineDir|config: cfg\n"),
      "mods/extra/mod.yaml": MOUNTING("\t\t./config\n"),
      "config/app.yaml": BROKEN,
      "mods/common/settings.yaml": BROKEN,
    });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(errorsOf(fs, "config/app.yaml").length, brief(fs)).toBeGreaterThan(0);
    expect(errorsOf(fs, "mods/common/settings.yaml").length, brief(fs)).toBeGreaterThan(0);
    expect(
      fs
        .filter((f) => f.rule === "trust/reading-changed")
        .map((f) => f.file)
        .sort(),
      brief(fs),
    ).toEqual(["config/app.yaml", "mods/common/settings.yaml"]);
  });
});

describe("folders a mod manifest mounts, in a repository (check)", () => {
  it("mods/common passes when a MiniYaml manifest mounts it; unmounted folders, YAML manifests and paths leaving the engine folder relax nothing", () =>
    withRepo(async (repo) => {
      repo.write("mods/ra/mod.yaml", MOUNTING(COMMON_MOUNT + "\t\t~^EngineDir|../outside: o\n"));
      repo.write("mods/common/rules/world.yaml", WORLD);
      repo.write("mods/common/chrome/bad.yaml", "Container@X:\n\tChildren:\n\t\t\t\tLabel@Y:\n");
      repo.write("mods/common-content/installer.yaml", WORLD);
      // A YAML manifest (spaces) mounting a folder makes nothing MiniYaml.
      repo.write("other/mods/x/mod.yaml", "Metadata:\n    Title: x\nPackages:\n    ^EngineDir|shared: s\n");
      repo.write("other/shared/data.yaml", BROKEN);
      repo.git("add", "-A");
      for (const args of [["check", "--staged"], ["check"]]) {
        const r = repo.cliBundle([...args, "--format", "json"]);
        const fs = findings(r.stdout);
        const errorFiles = [...new Set(fs.filter((f) => f.level === "error").map((f) => f.file))].sort();
        expect(errorFiles, brief(fs)).toEqual([
          "mods/common-content/installer.yaml",
          "mods/common/chrome/bad.yaml",
          "other/shared/data.yaml",
        ]);
        expect(errorsOf(fs, "mods/common/chrome/bad.yaml").map((f) => [f.rule, f.line, f.column])).toEqual([["parse/syntax", 3, 5]]);
      }
    }));

  it("an engine kept in a subfolder (a mod SDK's engine/) mounts from there", () =>
    withRepo(async (repo) => {
      repo.write("engine/mods/ra/mod.yaml", MOUNTING(COMMON_MOUNT + "\t\t^EngineDir|mods/common-content: content\n"));
      repo.write("engine/mods/common/rules/world.yaml", WORLD);
      repo.write("engine/mods/common-content/installer.yaml", WORLD);
      repo.write("mods/common/rules/world.yaml", WORLD);
      repo.git("add", "-A");
      const r = repo.cliBundle(["check", "--format", "json"]);
      const fs = findings(r.stdout);
      const errorFiles = [...new Set(fs.filter((f) => f.level === "error").map((f) => f.file))].sort();
      expect(errorFiles, brief(fs)).toEqual(["mods/common/rules/world.yaml"]);
    }));
});
