/** Action inputs (strict, before anything runs), event payloads, command arguments, secrets, outputs. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { booleanInput, envInputs, listInput, readInputs } from "../../src/action/inputs.js";
import { readEvent } from "../../src/action/event.js";
import { commandArgs } from "../../src/action/context.js";
import { secretValues } from "../../src/action/secrets.js";
import { computeOutputs } from "../../src/action/outputs.js";
import { prRefusedFix, restoreBranchName } from "../../src/action/restore-pr.js";
import { jobMarker, stickyMarker, STICKY_MARKER } from "../../src/action/comment.js";
import { summarize } from "../../src/core/finding.js";
import type { CommandSpec } from "../../src/commands/types.js";

const get = (m: Record<string, string>) => (name: string) => (m[name] ?? "").trim();

describe("readInputs", () => {
  it("applies the defaults", () => {
    expect(readInputs(get({}))).toEqual({
      command: "check",
      token: "",
      paths: [],
      mode: "pr",
      comment: true,
      failOn: "error",
      workingDirectory: ".",
      configSource: "base",
      commentKey: "",
      scope: "changed-files",
      checkRun: true,
      keepReport: true,
      suggestions: false,
      alert: false,
    });
    expect(readInputs(get({ command: "verify" })).keepReport).toBe(false);
  });

  it("scope, suggestions and alert: accepted values, and only with the command that uses them", () => {
    expect(readInputs(get({ scope: "changed-lines" })).scope).toBe("changed-lines");
    expect(readInputs(get({ scope: "whole-tree" })).scope).toBe("whole-tree");
    expect(() => readInputs(get({ scope: "lines" }))).toThrow(
      /input `scope` is "lines", which is not accepted; accepted: changed-lines, changed-files, whole-tree/,
    );
    expect(() => readInputs(get({ command: "verify", scope: "changed-lines" }))).toThrow(/input `scope` is not used by command `verify`/);
    expect(readInputs(get({ suggestions: "true" })).suggestions).toBe(true);
    expect(() => readInputs(get({ command: "health", suggestions: "true" }))).toThrow(/input `suggestions` is not used/);
    expect(readInputs(get({ command: "health", alert: "true" })).alert).toBe(true);
    expect(() => readInputs(get({ alert: "true" }))).toThrow(/input `alert` is not used by command `check`/);
    expect(() => readInputs(get({ command: "health", alert: "yes" }))).toThrow(/input `alert` is "yes", which is not a boolean/);
    expect(readInputs(get({ "keep-report": "false" })).keepReport).toBe(false);
    expect(readInputs(get({ "check-run": "false" })).checkRun).toBe(false);
  });

  it("config-source is base or head, nothing else (a typo must not change which rules judge a pull request)", () => {
    expect(readInputs(get({ "config-source": "head" })).configSource).toBe("head");
    expect(readInputs(get({ "config-source": "base" })).configSource).toBe("base");
    for (const bad of ["Head", "pr", "true", "base,head"]) {
      expect(() => readInputs(get({ "config-source": bad }))).toThrow(/input `config-source` is .* accepted: base, head/);
    }
  });

  it("reads INPUT_* names with hyphens kept and spaces as underscores", () => {
    const g = envInputs({ "INPUT_FAIL-ON": " warning ", "INPUT_WORKING-DIRECTORY": "sub", INPUT_MY_INPUT: "x" });
    expect(g("fail-on")).toBe("warning");
    expect(g("working-directory")).toBe("sub");
    expect(g("my input")).toBe("x");
    expect(readInputs(g)).toMatchObject({ failOn: "warning", workingDirectory: "sub" });
  });

  it.each([
    [{ command: "Check" }, /input `command` is "Check", which is not accepted/],
    [{ "fail-on": "errors" }, /input `fail-on` is "errors", which is not accepted; accepted: error, warning, never/],
    [{ command: "restore", mode: "merge" }, /accepted: pr, push/],
    [{ comment: "yes" }, /`comment` is "yes", which is not a boolean/],
    [{ comment: "1" }, /not a boolean/],
    [{ paths: "a.json, ../etc/passwd" }, /input `paths` entry "\.\.\/etc\/passwd" contains "\.\."/],
    [{ paths: "/etc/passwd" }, /is absolute/],
    [{ sarif: "../x.sarif" }, /input `sarif`/],
    [{ config: "/etc/config.yml" }, /input `config` .* is absolute/],
    [{ "working-directory": "../other" }, /input `working-directory`/],
    [{ command: "snapshot", set: "hourly; rm -rf /" }, /input `set` is .* not a backup set name/],
    [{ command: "restore", snapshot: "--upload-pack=evil" }, /input `snapshot` .* not a snapshot id/],
    [{ command: "check", snapshot: "latest" }, /input `snapshot` is not used by command `check`/],
    [{ command: "check", mode: "pr" }, /input `mode` is not used by command `check`/],
    [{ command: "snapshot" }, /command `snapshot` needs input `set`/],
  ])("rejects %j", (inputs, message) => {
    expect(() => readInputs(get(inputs))).toThrow(message);
  });

  it("booleans accept exactly the YAML 1.2 core forms", () => {
    for (const t of ["true", "True", "TRUE"]) expect(booleanInput(get({ b: t }), "b", false)).toBe(true);
    for (const f of ["false", "False", "FALSE"]) expect(booleanInput(get({ b: f }), "b", true)).toBe(false);
    for (const bad of ["tRue", "on", "no", "0"])
      expect(() => booleanInput(get({ b: bad }), "b", true)).toThrow(/accepted: true, True, TRUE, false, False, FALSE/);
  });

  it("splits list inputs on commas and newlines", () => {
    expect(listInput("a.json, b/c.yaml\n\n d ,")).toEqual(["a.json", "b/c.yaml", "d"]);
    expect(readInputs(get({ command: "restore", paths: "data/\n./fsm_state.json" })).paths).toEqual(["data", "fsm_state.json"]);
  });
});

describe("readEvent", () => {
  const write = (payload: unknown) => {
    const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ig-ev-")), "event.json");
    fs.writeFileSync(f, typeof payload === "string" ? payload : JSON.stringify(payload));
    return f;
  };
  it("reads a pull_request payload", () => {
    const f = write({
      number: 3,
      pull_request: { number: 3, base: { ref: "main", sha: "a".repeat(40) }, head: { ref: "f", sha: "b".repeat(40) } },
    });
    expect(readEvent({ GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: f })).toEqual({
      kind: "pull_request",
      name: "pull_request",
      number: 3,
      baseRef: "main",
      baseSha: "a".repeat(40),
      headRef: "f",
      headSha: "b".repeat(40),
    });
  });
  it("treats push, schedule, workflow_dispatch and a local run as whole-tree runs", () => {
    for (const name of ["push", "schedule", "workflow_dispatch"])
      expect(readEvent({ GITHUB_EVENT_NAME: name })).toEqual({ kind: "tree", name });
    expect(readEvent({})).toEqual({ kind: "tree", name: "local" });
  });
  it("fails clearly on a broken payload", () => {
    expect(() => readEvent({ GITHUB_EVENT_NAME: "pull_request" })).toThrow(/GITHUB_EVENT_PATH is not set/);
    expect(() => readEvent({ GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: write("{not json") })).toThrow(
      /cannot read the event payload/,
    );
    expect(() => readEvent({ GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: write({ pull_request: { number: "3" } }) })).toThrow(
      /has no pull_request.number/,
    );
  });
});

describe("commandArgs", () => {
  const spec = (options: CommandSpec["options"], positionals = false): CommandSpec => ({
    name: "x",
    usage: "",
    options,
    ...(positionals ? { positionals: { name: "PATHS", description: "" } } : {}),
    run: async () => ({ findings: [] }),
  });
  it("restore: SNAPSHOT then PATHS", () => {
    const inputs = readInputs(get({ command: "restore", snapshot: "abc123", paths: "a,b" }));
    expect(commandArgs(inputs, spec({}, true)).positionals).toEqual(["abc123", "a", "b"]);
    expect(commandArgs(readInputs(get({ command: "restore" })), spec({}, true)).positionals).toEqual(["latest"]);
  });
  it("snapshot: --set and --push (a snapshot left on the runner is lost)", () => {
    const inputs = readInputs(get({ command: "snapshot", set: "hourly" }));
    expect(
      commandArgs(inputs, spec({ set: { type: "string", description: "" }, push: { type: "boolean", description: "" } })).options,
    ).toMatchObject({ set: "hourly", push: true });
    expect(() => commandArgs(inputs, spec({}))).toThrow(/input `set` cannot be passed to command `x`/);
  });
  it("PR files become positionals only when the command takes paths; explicit paths must be accepted", () => {
    const inputs = readInputs(get({}));
    expect(commandArgs(inputs, spec({}, true), ["a.json"]).positionals).toEqual([":(literal)a.json"]);
    expect(commandArgs(inputs, spec({}), ["a.json"]).positionals).toEqual([]);
    expect(() => commandArgs(readInputs(get({ paths: "a.json" })), spec({}))).toThrow(/input `paths` cannot be passed/);
  });
});

describe("secrets, outputs, names", () => {
  it("masks the token and every env:NAME secret the config names, multi-line keys line by line", () => {
    const env = {
      HOOK: "https://hooks.slack.com/services/T/B/XYZ",
      KEY: "-----BEGIN KEY-----\nAAAABBBBCCCCDDDD\n-----END KEY-----",
      SMTP: "smtp://u:p@host:25",
    };
    const values = secretValues(
      {
        version: 1,
        alerts: [
          { level: "ERROR", webhook: { url: "env:HOOK" } },
          { level: "ERROR", webhook: { url: "https://example.com/hook?key=literal" } },
          { level: "CRITICAL", email: { to: "a@b", smtp: "env:SMTP" } },
        ],
        snapshots: { sign: { format: "ssh", key: "env:KEY" } },
      },
      env,
      "ghs_token",
    );
    expect(values).toEqual(
      expect.arrayContaining([
        "ghs_token",
        env.HOOK,
        "https://example.com/hook?key=literal",
        env.SMTP,
        env.KEY,
        "AAAABBBBCCCCDDDD",
        "-----BEGIN KEY-----",
      ]),
    );
    expect(secretValues({ version: 1, snapshots: { sign: { format: "ssh", key: "keys/id" } } }, {}, "")).toEqual([]);
  });

  it("outputs: counts, status, health score and snapshot id", () => {
    const f = [{ rule: "parse/syntax", level: "error" as const, message: "x" }];
    expect(computeOutputs("check", { findings: f }, summarize(f), { findingsFile: "/tmp/r/findings.json", dir: "/tmp/r" }, true)).toEqual({
      errors: "1",
      warnings: "0",
      "findings-file": "/tmp/r/findings.json",
      "report-dir": "/tmp/r",
      "health-score": "",
      status: "failed",
      snapshot: "",
    });
    const health = { findings: [], json: { system_health: { overall_score: 87.5, status: "DEGRADED" } } };
    expect(computeOutputs("health", health, summarize([]), { findingsFile: "f", dir: "" }, false)).toMatchObject({
      "health-score": "87.5",
      status: "DEGRADED",
    });
    expect(
      computeOutputs("snapshot", { findings: [], summary: { snapshot_id: "abc" } }, summarize([]), { findingsFile: "f", dir: "" }, false),
    ).toMatchObject({
      snapshot: "abc",
      status: "passed",
    });
  });

  it("restore branch names are safe refs; markers are per command", () => {
    expect(restoreBranchName("hourly", "4242")).toBe("integrity-guard/restore-hourly-4242");
    expect(restoreBranchName("../x y~^:", undefined, new Date("2026-11-26T13:00:00.123Z"))).toBe(
      "integrity-guard/restore-x-y-20261126T130000",
    );
    // A re-run keeps the run id: the attempt makes its branch new (the first attempt's exists).
    expect(restoreBranchName("hourly", "4242", new Date(), "1")).toBe("integrity-guard/restore-hourly-4242");
    expect(restoreBranchName("hourly", "4242", new Date(), "2")).toBe("integrity-guard/restore-hourly-4242-2");
    expect(stickyMarker("check")).toBe(STICKY_MARKER);
    expect(stickyMarker("verify")).toBe("<!-- integrity-guard:sticky:verify -->");
    expect(stickyMarker("verify").includes(STICKY_MARKER)).toBe(false);
  });

  it("a refused restore pull request names the repository setting, not a permissions key", () => {
    const refused = Object.assign(new Error("GitHub Actions is not permitted to create or approve pull requests."), { status: 403 });
    const fix = prRefusedFix(refused, "integrity-guard/restore-x-1", "main");
    expect(fix).toContain('"Allow GitHub Actions to create and approve pull requests"');
    expect(fix).not.toContain("pull-requests: write");
    expect(fix).toContain("open a pull request from integrity-guard/restore-x-1 into main by hand");
    const other = prRefusedFix(Object.assign(new Error("Resource not accessible by integration"), { status: 403 }), "b", "main");
    expect(other).toContain("pull-requests: write");
    expect(other).toContain("Allow GitHub Actions to create and approve pull requests");
  });

  it("the job marker tells jobs apart, is stable, and cannot end the HTML comment", () => {
    const id = { workflow: "integrity", job: "check", command: "check", workingDirectory: ".", key: '{"shard":1}' };
    expect(jobMarker(id)).toBe(jobMarker({ ...id }));
    expect(jobMarker(id)).toMatch(/^<!-- integrity-guard:job:[0-9a-f]{20} -->$/);
    for (const other of [
      { key: '{"shard":2}' },
      { workflow: "nightly" },
      { job: "lint" },
      { command: "verify" },
      { workingDirectory: "sub" },
    ])
      expect(jobMarker({ ...id, ...other })).not.toBe(jobMarker(id));
    expect(jobMarker({ ...id, workflow: "x --> <b>" })).toMatch(/^<!-- integrity-guard:job:[0-9a-f]{20} -->$/);
  });
});
