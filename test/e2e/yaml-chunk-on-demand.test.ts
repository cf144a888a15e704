/**
 * The pre-commit hook's speed promise: a commit with no YAML file in play never loads the YAML
 * parser (the `yaml` package and src/core/parse/yaml.ts, a third of the CLI bundle). Watched in a
 * copy of the built bundle where every file that holds the parser (found from the source maps,
 * not from a hard-coded chunk number) records its own loading; the control case, a staged YAML
 * file, shows the recording works.
 */
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepo, DIST_DIR, GIT_ENV, makeTempDir, type TestRepo } from "../helpers/repo.js";

const YAML_SOURCE = /(^|\/)node_modules\/yaml\/|(^|\/)src\/core\/parse\/yaml\.ts$/;

let bundleDir: string;
let yamlFiles: string[];

/** Copy dist/cli and make every bundle file holding the YAML parser append its name to $IG_TEST_TRACE when evaluated. */
function tracedBundle(): { dir: string; files: string[] } {
  const dir = makeTempDir("ig-traced-cli-");
  fs.cpSync(path.join(DIST_DIR, "cli"), dir, { recursive: true });
  const files: string[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith(".js.map")) continue;
    // A worker thread's own bundle (parse-worker.js) runs only when a worker pool starts
    // (IG_PARSE_WORKERS): it is not what the hook loads.
    if (name.endsWith("-worker.js.map")) continue;
    const { sources } = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as { sources: string[] };
    if (!sources.some((s) => YAML_SOURCE.test(s))) continue;
    const js = path.join(dir, name.slice(0, -".map".length));
    const text = fs.readFileSync(js, "utf8");
    const shebang = text.startsWith("#!") ? text.slice(0, text.indexOf("\n") + 1) : "";
    const trace = `import { appendFileSync as __igTrace } from "node:fs"; __igTrace(process.env.IG_TEST_TRACE, ${JSON.stringify(path.basename(js) + "\n")});\n`;
    fs.writeFileSync(js, shebang + trace + text.slice(shebang.length));
    files.push(path.basename(js));
  }
  return { dir, files };
}

/** Run the traced CLI; returns the exit code and the bundle files of the YAML parser it loaded. */
function run(repo: TestRepo, args: string[]): { code: number; stdout: string; stderr: string; loaded: string[] } {
  const trace = path.join(repo.dir, ".git", "yaml-trace");
  fs.writeFileSync(trace, "");
  const r = spawnSync(process.execPath, [path.join(bundleDir, "index.js"), ...args], {
    cwd: repo.dir,
    env: { ...process.env, ...GIT_ENV, IG_TEST_TRACE: trace },
    encoding: "utf8",
  });
  const loaded = fs.readFileSync(trace, "utf8").split("\n").filter(Boolean).sort();
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, loaded };
}

function setup(): TestRepo {
  const repo = createRepo();
  repo.write(
    ".integrity-guard/config.yml",
    'version: 1\nvalidate:\n  schemas:\n    - files: ["data/*.json"]\n      schema: schemas/item.schema.json\n',
  );
  repo.write("schemas/item.schema.json", '{"type": "object", "required": ["id"]}\n');
  repo.write("data/a.json", '{"id": 1}\n');
  repo.write("notes/b.yaml", "k: v\n");
  repo.commitAll("base");
  return repo;
}

beforeAll(() => {
  ({ dir: bundleDir, files: yamlFiles } = tracedBundle());
});
afterAll(() => fs.rmSync(bundleDir, { recursive: true, force: true }));

describe("the hook loads the YAML parser only when a YAML file is in play (built bundle)", () => {
  it("finds the bundle files that hold the parser, and none of them is the entry", () => {
    expect(yamlFiles.length).toBeGreaterThan(0);
    expect(yamlFiles).not.toContain("index.js");
  });

  it("a JSON-only staged check does not load it; a staged YAML file does", () => {
    const repo = setup();
    try {
      // The first run parses the (YAML) config and caches it; the hook's runs after that read the cache.
      expect(run(repo, ["check", "--staged"]).code).toBe(0);

      repo.write("data/a.json", '{"id": 2}\n');
      repo.git("add", "data/a.json");
      const json = run(repo, ["check", "--staged", "--format", "json"]);
      expect(json.stderr).toBe("");
      expect(json.code).toBe(0);
      expect(json.loaded).toEqual([]);

      repo.write("data/a.json", '{"no-id": 2}\n');
      repo.git("add", "data/a.json");
      const bad = run(repo, ["check", "--staged", "--format", "json"]);
      expect(bad.code).toBe(1);
      expect(bad.loaded).toEqual([]);

      repo.git("reset", "-q");
      repo.write("notes/b.yaml", "k: v\nk: w\n");
      repo.git("add", "notes/b.yaml");
      const yaml = run(repo, ["check", "--staged", "--format", "json"]);
      expect(yaml.code).toBe(1);
      expect((JSON.parse(yaml.stdout) as { findings: { rule: string; file: string; line: number; column: number }[] }).findings).toEqual([
        expect.objectContaining({ rule: "parse/duplicate-key", file: "notes/b.yaml", line: 2, column: 1 }),
      ]);
      expect(yaml.loaded).toEqual(yamlFiles);
    } finally {
      repo.cleanup();
    }
  });
});
