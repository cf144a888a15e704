/**
 * Red team, session 22: pull requests that make an existing file qualify for a relaxation the
 * adoption work added, to get it past a check its reader cares about.
 *
 * - A template by content counted on a pull request when the base's version did not parse
 *   strictly: a Godot project's JSON (trailing commas, valid for Godot) truncated with one
 *   `{{ }}` line added was skipped unread. The base's version must be a template too.
 * - `parse/flow-dash` (a plain `-` before a flow indicator) is a warning because libyaml, go-yaml
 *   and PyYAML read it; js-yaml refuses it. A pnpm lockfile or an ESLint rc file with `[-]` passed
 *   while pnpm and ESLint cannot load it. Where the reader is js-yaml it is an error.
 */
import { describe, expect, it } from "vitest";
import { baseRepos, findingsOf as findings, prWriting as pr, type Found } from "../helpers/pull-request.js";

const baseRepo = baseRepos();

const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");

describe("a template line written into a file the base holds in a dialect", () => {
  it("a Godot project's JSON, truncated with a `{{ }}` line: checked as it is, and the step fails", async () => {
    const repo = baseRepo({ "project.godot": "[application]\n", "data/items.json": '{"items": [1, 2,],}\n' });
    const r = await pr(repo, { "data/items.json": '{"items": [1, 2,\n{{ if .extra }}\n' });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(
      fs.some((f) => f.level === "error" && f.file === "data/items.json"),
      brief(fs),
    ).toBe(true);
    expect(
      fs.some((f) => f.rule === "trust/reading-changed" && f.file === "data/items.json" && f.message.includes("template")),
      brief(fs),
    ).toBe(true);
  });

  it("a file the base holds as a template by content stays one when the pull request edits it (guard)", async () => {
    const repo = baseRepo({ "deploy/config.json": '{\n  "replicas": {{ .Values.replicas }},\n  "name": "a"\n}\n' });
    const r = await pr(repo, { "deploy/config.json": '{\n  "replicas": {{ .Values.replicas }},\n  "name": "b"\n}\n' });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
    expect(
      fs.some((f) => f.rule === "validate/template"),
      brief(fs),
    ).toBe(true);
  });
});

describe("a plain `-` in a flow sequence of a file its reader loads with js-yaml", () => {
  for (const [name, file, before, after] of [
    ["pnpm-lock.yaml", "pnpm-lock.yaml", "lockfileVersion: '9.0'\nimporters:\n  .: {}\n", "lockfileVersion: '9.0'\nimporters:\n  .: [-]\n"],
    [".eslintrc (YAML)", ".eslintrc", "rules:\n  semi: [error]\n", "rules:\n  semi: [-]\n"],
  ] as const) {
    it(`${name}: an error naming the reader, and the step fails`, async () => {
      const repo = baseRepo({ [file]: before });
      const r = await pr(repo, { [file]: after });
      const fs = findings(r.findingsJson);
      expect(r.code, brief(fs)).toBe(1);
      const dash = fs.find((f) => f.rule === "parse/flow-dash" && f.file === file);
      expect(dash?.level, brief(fs)).toBe("error");
      expect(dash?.message).toContain("js-yaml");
    });
  }

  it("a YAML file of no js-yaml reader keeps the warning (Cloud Build's `waitFor: [-]`) (guard)", async () => {
    const repo = baseRepo({ "cloudbuild.yaml": "steps:\n  - name: gcr.io/cloud-builders/docker\n    waitFor: ['-']\n" });
    const r = await pr(repo, { "cloudbuild.yaml": "steps:\n  - name: gcr.io/cloud-builders/docker\n    waitFor: [-]\n" });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
    expect(fs.find((f) => f.rule === "parse/flow-dash")?.level, brief(fs)).toBe("warning");
  });
});
