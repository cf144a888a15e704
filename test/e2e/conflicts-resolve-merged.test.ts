/**
 * `conflicts --resolve > merged.yaml` through the built CLI and a real shell redirect: stdout is
 * the merged configuration alone (valid YAML), findings go to stderr; and the merge equals what
 * node-config's documented order gives for the same files (default, then the NODE_ENV file;
 * maps merged deeply, arrays and scalars replaced), computed here independently.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { CLI_BUNDLE, GIT_ENV, PROJECT_ROOT, withRepo, type TestRepo } from "../helpers/repo.js";

const FIXTURE = path.join(PROJECT_ROOT, "test/fixtures/layered/node-config/config");
const MASK = "***";
/** The fixture's keys that look secret (a map under one is masked whole): masked whatever their value. */
const SECRETS = [["mongodb", "password"], ["email", "transport", "auth"], ["basicAuth"], ["webPageTest", "key"]];

type Value = unknown;
const isObject = (v: Value): v is Record<string, Value> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * node-config's merge (https://github.com/node-config/node-config/wiki/Configuration-Files):
 * files are applied in order, each one's objects merged key by key into the result, anything
 * else (arrays, scalars, null) replacing what was there.
 */
function nodeConfigMerge(target: Record<string, Value>, source: Record<string, Value>): Record<string, Value> {
  for (const [key, value] of Object.entries(source)) {
    if (isObject(value) && isObject(target[key])) nodeConfigMerge(target[key], value);
    else target[key] = structuredClone(value);
  }
  return target;
}

function setPath(obj: Record<string, Value>, tokens: string[], value: Value): void {
  let cur = obj;
  for (const t of tokens.slice(0, -1)) cur = cur[t] as Record<string, Value>;
  cur[tokens[tokens.length - 1]!] = value;
}

function setup(repo: TestRepo): void {
  for (const f of fs.readdirSync(FIXTURE)) repo.write(`config/${f}`, fs.readFileSync(path.join(FIXTURE, f)));
  repo.write(
    ".integrity-guard/config.yml",
    'version: 1\nconfig:\n  layers: ["config/default.*", ["config/test.*", "config/production.*"]]\n',
  );
  repo.write("config/production.yaml", "verbose: false\n");
}

/** The shell's `integrity-guard conflicts --resolve --layer test > merged.yaml`, in the repository. */
function resolveInto(repo: TestRepo, file: string): { code: number; stderr: string; merged: string } {
  const r = spawnSync("sh", ["-c", `"${process.execPath}" "${CLI_BUNDLE}" conflicts --resolve --layer test > ${file}`], {
    cwd: repo.dir,
    env: { ...process.env, ...GIT_ENV },
    encoding: "utf8",
  });
  return { code: r.status ?? -1, stderr: r.stderr, merged: repo.read(file) };
}

describe("conflicts --resolve > merged.yaml", () => {
  it("is valid YAML equal to node-config's merge of default.yaml and test.yaml (secrets masked)", async () => {
    await withRepo(async (repo) => {
      setup(repo);
      // A list in the overlay, to tell node-config's rule (lists replaced) from a concatenation.
      repo.write("config/test.yaml", repo.read("config/test.yaml") + "\nplugins:\n  - ./plugins/console\n");
      const { code, stderr, merged } = resolveInto(repo, "merged.yaml");
      expect(stderr).toBe("");
      expect(code).toBe(0);
      const parsed = YAML.parse(merged) as Record<string, Value>;
      const expected = nodeConfigMerge(
        nodeConfigMerge({}, YAML.parse(repo.read("config/default.yaml")) as Record<string, Value>),
        YAML.parse(repo.read("config/test.yaml")) as Record<string, Value>,
      );
      // Secret-looking keys are masked in every output; the rest is node-config's result.
      for (const secret of SECRETS) setPath(expected, secret, MASK);
      expect(parsed).toEqual(expected);
      // The parts that tell the two merge rules apart: maps merged key by key, lists replaced.
      expect(parsed.mongodb).toEqual({
        server: "localhost",
        database: "uptime-test",
        user: "root",
        password: MASK,
        connectionString: null,
      });
      expect(parsed.plugins).toEqual(["./plugins/console"]);
      expect(merged).not.toContain("password: password");
    });
  });

  it("keeps findings on stderr, so the redirected file still parses", async () => {
    await withRepo(async (repo) => {
      setup(repo);
      // A dead override (notice) and a type change (error): both reported, neither in the file.
      repo.write("config/test.yaml", repo.read("config/test.yaml") + "autoStartMonitor: true\nmonitor:\n  timeout: '5000'\n");
      const { code, stderr, merged } = resolveInto(repo, "merged.yaml");
      expect(stderr).toContain("config/shadowed");
      expect(stderr).toContain("config/type-change");
      expect(stderr).toContain("config/test.yaml:");
      expect(code).toBe(1);
      expect(merged).not.toContain("config/shadowed");
      const parsed = YAML.parse(merged) as { autoStartMonitor: boolean; monitor: { timeout: string } };
      expect(parsed.autoStartMonitor).toBe(true);
      expect(parsed.monitor.timeout).toBe("5000");
    });
  });
});
