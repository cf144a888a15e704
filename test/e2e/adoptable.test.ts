/**
 * The BUILT CLI and Action on what real repositories hold. Real `git commit`s through the hook:
 * a Helm chart with thousands of template lines commits (one notice, no error) while a broken
 * values.yaml in it is blocked; a biome.json whose $schema points into a node_modules/ that is
 * not installed commits with a warning. The Action on a push checks the chart's tree without a
 * crash: one notice annotation, no error.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { startGitHubApi } from "../helpers/github-api.js";
import { payloads, runActionBundle } from "./action-harness.js";
import { commit, expectBlocked, expectCommitted, head, hookRepo } from "./hook-fixture.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

function template(i: number): string {
  const lines = [
    `{{- if .Values.t${i}.enabled }}`,
    "apiVersion: v1",
    "kind: ConfigMap",
    "metadata:",
    `  name: {{ .Release.Name }}-t${i}`,
    "data:",
  ];
  for (let k = 0; k < 200; k++) lines.push(`  {{- with .Values.t${i}.k${k} }}`, `  k${k}: {{ . | quote }}`, "  {{- end }}");
  return [...lines, "{{- end }}", ""].join("\n");
}

describe("the hook on a Helm chart", () => {
  it("thousands of template lines commit with one notice; a broken values.yaml is blocked", () => {
    repo = hookRepo();
    repo.write("deploy/chart/Chart.yaml", "apiVersion: v2\nname: app\nversion: 0.1.0\n");
    repo.write("deploy/chart/values.yaml", "t0:\n  enabled: true\n");
    for (let i = 0; i < 10; i++) repo.write(`deploy/chart/templates/cm${i}.yaml`, template(i));
    repo.git("add", "-A");
    const before = head(repo);
    const r = commit(repo);
    expectCommitted(repo, before, r);
    expect(r.out).not.toContain("parse/");

    repo.write("deploy/chart/values.yaml", "t0:\n  enabled: true\n   broken: indent\n");
    repo.write("deploy/chart/templates/cm0.yaml", template(99));
    repo.git("add", "-A");
    const after = head(repo);
    const blocked = commit(repo);
    expectBlocked(repo, after, blocked, /deploy\/chart\/values\.yaml:\d+:\d+/);
    expect(blocked.out).not.toMatch(/templates\/cm0\.yaml:\d+/);
  });
});

describe("the hook on a $schema into node_modules/", () => {
  it("not installed: the commit goes through with a warning that never says git add node_modules", () => {
    repo = hookRepo();
    repo.write("biome.json", '{\n  "$schema": "./node_modules/@biomejs/biome/configuration_schema.json"\n}\n');
    repo.git("add", "biome.json");
    const before = head(repo);
    const r = commit(repo);
    expectCommitted(repo, before, r);
    expect(r.out).not.toMatch(/git add\S* node_modules/);
  });
});

describe("the Action on a Helm chart", () => {
  it("push: the whole tree is checked, one notice annotation for the templates, no error", async () => {
    repo = createRepo();
    repo.write("deploy/chart/Chart.yaml", "apiVersion: v2\nname: app\nversion: 0.1.0\n");
    repo.write("deploy/chart/values.yaml", "t0:\n  enabled: true\n");
    for (let i = 0; i < 10; i++) repo.write(`deploy/chart/templates/cm${i}.yaml`, template(i));
    repo.commitAll("chart");
    const sha = repo.git("rev-parse", "HEAD").trim();
    const api = await startGitHubApi();
    try {
      const run = await runActionBundle({ repo, apiUrl: api.url, eventName: "push", payload: payloads.push("0".repeat(40), sha) });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.annotations).toHaveLength(1);
      expect(run.annotations[0]).toMatch(/^::notice .*title=validate\/template::10 Helm templates under deploy\/chart\/templates\//);
      expect(run.outputs).toMatchObject({ errors: "0" });
    } finally {
      await api.close();
    }
  });
});
