/**
 * The package as a user installs it: `npm pack` of this repository, installed into an empty
 * project with engine-strict=true and no network. It must bring nothing but itself (the bundles
 * carry their dependencies), and the CLI, the library through `import` and `require`, and the
 * type declarations must all work from there.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GIT_ENV, makeTempDir, PROJECT_ROOT } from "../helpers/repo.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
let work: string;
let project: string;

function run(cmd: string, args: string[], cwd = project) {
  return spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, ...GIT_ENV, npm_config_update_notifier: "false" } });
}

beforeAll(() => {
  work = makeTempDir("ig-pack-");
  const packed = execFileSync(npm, ["pack", "--json", "--pack-destination", work], { cwd: PROJECT_ROOT, encoding: "utf8" });
  const tarball = path.join(work, (JSON.parse(packed) as { filename: string }[])[0]!.filename);
  project = path.join(work, "consumer");
  fs.mkdirSync(project);
  fs.writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }),
  );
  fs.writeFileSync(path.join(project, ".npmrc"), "engine-strict=true\nfund=false\naudit=false\n");
  const install = run(npm, ["install", "--offline", tarball]);
  if (install.status !== 0) throw new Error(`npm install of the packed tarball failed:\n${install.stdout}\n${install.stderr}`);
}, 180_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe("the npm package installed into an empty project", () => {
  it("installs no other package (the bundles carry their dependencies)", () => {
    const installed = fs.readdirSync(path.join(project, "node_modules")).filter((n) => !n.startsWith("."));
    expect(installed).toEqual(["integrity-guard"]);
  });

  it("ships the docs and the bundled licenses the README and --help point at", () => {
    const pkg = path.join(project, "node_modules/integrity-guard");
    for (const f of [
      "docs/parsing.md",
      "docs/action.md",
      "examples",
      "dist/cli/licenses.txt",
      "dist/lib/licenses.txt",
      "vendor/schemastore/LICENSE",
      "vendor/schemastore/SOURCES.md",
    ]) {
      expect(fs.existsSync(path.join(pkg, f)), f).toBe(true);
    }
    const meta = JSON.parse(fs.readFileSync(path.join(pkg, "package.json"), "utf8")) as { repository?: unknown; dependencies?: unknown };
    expect(meta.repository).toBeTruthy();
    expect(meta.dependencies).toBeUndefined();
  });

  it("runs the CLI: a corrupt file in a git repository is exit 1 with file:line:column", () => {
    run("git", ["init", "-q", "-b", "main"]);
    fs.writeFileSync(path.join(project, "state.json"), '{\n  "a": 1,\n  "a": 2\n}\n');
    const r = run(path.join(project, "node_modules/.bin/integrity-guard"), ["validate", "state.json"]);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain("state.json:3:3");
    expect(r.stdout).toContain("parse/duplicate-key");
  });

  it("loads the library through import and through require", () => {
    fs.writeFileSync(path.join(project, "ok.json"), '{"n": 1}\n');
    const esm = run(process.execPath, [
      "--input-type=module",
      "-e",
      "import { readJson } from 'integrity-guard'; console.log((await readJson('ok.json', { schema: false })).n);",
    ]);
    expect(esm.stderr).toBe("");
    expect(esm.stdout.trim()).toBe("1");
    const cjs = run(process.execPath, [
      "--input-type=commonjs",
      "-e",
      "const { readJson } = require('integrity-guard'); readJson('ok.json', { schema: false }).then((v) => console.log(v.n));",
    ]);
    expect(cjs.stderr).toBe("");
    expect(cjs.stdout.trim()).toBe("1");
  });

  it("type-checks a typed use (readJson<T>) with @types/node alone (no bundled package's types), and rejects a wrong one", () => {
    const tsc = path.join(PROJECT_ROOT, "node_modules/typescript/bin/tsc");
    // A Node project has @types/node (the API takes Buffers); nothing else of ours is there.
    const typeRoots = [path.join(PROJECT_ROOT, "node_modules/@types")];
    const options = {
      module: "nodenext",
      moduleResolution: "nodenext",
      target: "es2022",
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      typeRoots,
      types: ["node"],
    };
    fs.writeFileSync(path.join(project, "tsconfig.json"), JSON.stringify({ compilerOptions: options, files: ["use.ts"] }));
    const typed = `import { readJson, writeJson, type Finding } from "integrity-guard";
interface State { n: number }
const state = await readJson<State>("ok.json");
const n: number = state.n;
await writeJson("out.json", { n: n + 1 }, { schema: false });
export const first: Finding | undefined = undefined;
`;
    fs.writeFileSync(path.join(project, "use.ts"), typed);
    const ok = run(process.execPath, [tsc, "-p", "tsconfig.json"]);
    expect(ok.stdout + ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    fs.writeFileSync(path.join(project, "use.ts"), typed.replace("const n: number = state.n;", "const n: string = state.n;"));
    const bad = run(process.execPath, [tsc, "-p", "tsconfig.json"]);
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toContain("TS2322");
  });

  it("validates a well-known file with the vendored catalog (issue 19): a workflow with a misspelt key is exit 1 at its line", () => {
    run("git", ["init", "-q", "-b", "main"]);
    fs.mkdirSync(path.join(project, ".github/workflows"), { recursive: true });
    fs.writeFileSync(
      path.join(project, ".github/workflows/ci.yml"),
      "on: [push]\njobs:\n  test:\n    runs-onn: ubuntu-latest\n    steps:\n      - run: echo\n",
    );
    const r = run(path.join(project, "node_modules/.bin/integrity-guard"), ["validate", ".github/workflows/ci.yml"]);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/\.github\/workflows\/ci\.yml:4:5 .*built-in schema github-workflow/);
  });
});
