/**
 * Two spellings of one name in one change (`data/state.json` and `data/STATE.json`) were told
 * apart on pull requests only (case-twins.ts): the hook (`check --staged`, what `git commit`
 * runs) let a commit add `data/STATE.json` beside the mapped `data/state.json` with a value its
 * schema refuses, or rename the mapped file to another letter case, unchecked. A macOS or Windows
 * teammate's checkout keeps one file under the name its readers open. The hook now tells new
 * names by HEAD, as a pull request tells them by its base.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

const CONFIG = 'version: 1\nvalidate:\n  schemas:\n    - files: ["data/state.json"]\n      schema: schemas/state.json\n';
const SCHEMA = JSON.stringify({ type: "object", required: ["port"], properties: { port: { type: "integer" } } });

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

function repoWith(files: Record<string, string>): TestRepo {
  const r = createRepo();
  cleanup.push(() => r.cleanup());
  r.write(".integrity-guard/config.yml", CONFIG);
  r.write("schemas/state.json", SCHEMA);
  for (const [p, c] of Object.entries(files)) r.write(p, c);
  r.commitAll("base");
  return r;
}

async function staged(r: TestRepo): Promise<{ code: number; found: string[] }> {
  const run = await r.cli(["check", "--staged", "--format", "json"]);
  const found = (JSON.parse(run.stdout) as { findings: { rule: string; level: string; file?: string }[] }).findings
    .filter((f) => f.level === "error")
    .map((f) => `${f.rule} ${f.file ?? ""}`);
  return { code: run.code, found };
}

/** `staged`, with git's calls logged by a git on PATH: how many listed a whole tree (`ls-tree -r`). */
async function loggedStaged(r: TestRepo): Promise<{ run: { code: number; found: string[] }; recursiveListings: number }> {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), "ig-git-log-"));
  cleanup.push(() => fs.rmSync(bin, { recursive: true, force: true }));
  const log = path.join(bin, "calls.log");
  const real = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
  fs.writeFileSync(path.join(bin, "git"), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
  // In process (r.cli), git's children take this process's PATH.
  const before = process.env.PATH;
  process.env.PATH = `${bin}${path.delimiter}${before ?? ""}`;
  const run = await staged(r).finally(() => (process.env.PATH = before));
  const calls = fs.existsSync(log) ? fs.readFileSync(log, "utf8").split("\n") : [];
  expect(
    calls.some((l) => /(^| )ls-tree /.test(l)),
    "git was called through the logging wrapper",
  ).toBe(true);
  return { run, recursiveListings: calls.filter((l) => /(^| )ls-tree .*-r /.test(l)).length };
}

describe("the hook and two spellings of a mapped name", () => {
  it("two new spellings in one commit: the one the mapping does not name is checked against it", async () => {
    const r = repoWith({ "README.md": "x\n" });
    r.write("data/state.json", '{"port": 1}\n');
    r.write("data/STATE.json", '{"port": "x"}\n');
    r.git("add", "-A");
    expect(await staged(r)).toEqual({ code: 1, found: ["schema/violation data/STATE.json"] });
  });

  it("a new spelling beside the mapped file HEAD holds is checked against its mapping", async () => {
    const r = repoWith({ "data/state.json": '{"port": 1}\n' });
    r.write("data/State.json", '{"port": "x"}\n');
    r.git("add", "-A");
    expect(await staged(r)).toEqual({ code: 1, found: ["schema/violation data/State.json"] });
  });

  it("a new spelling in other folders' case is found without listing HEAD's whole tree", async () => {
    const many: Record<string, string> = { "data/state.json": '{"port": 1}\n' };
    for (let i = 0; i < 50; i++) many[`other/f${i}.json`] = "{}\n";
    // The same commit's cost without a new name: what the hook lists anyway (its links: head-links.ts).
    const plain = repoWith(many);
    plain.write("other/f1.json", '{"a": 1}\n');
    plain.git("add", "-A");
    const without = await loggedStaged(plain);
    expect(without.run).toEqual({ code: 0, found: [] });

    const r = repoWith(many);
    r.write("Data/State.json", '{"port": "x"}\n');
    r.git("add", "-A");
    const twin = await loggedStaged(r);
    expect(twin.run).toEqual({ code: 1, found: ["schema/violation Data/State.json"] });
    // The twin was read folder by folder: no recursive listing of HEAD beyond the plain commit's
    // (a monorepo's 500,000 names would make every commit adding a file pay for them).
    expect(twin.recursiveListings).toBe(without.recursiveListings);
  });

  it("before the first commit, two new spellings are still told apart", async () => {
    const r = createRepo();
    cleanup.push(() => r.cleanup());
    r.write(".integrity-guard/config.yml", CONFIG);
    r.write("schemas/state.json", SCHEMA);
    r.write("data/state.json", '{"port": 1}\n');
    r.write("data/STATE.json", '{"port": "x"}\n');
    r.git("add", "-A");
    expect(await staged(r)).toEqual({ code: 1, found: ["schema/violation data/STATE.json"] });
  });
});

describe("spellings that stay valid (guards)", () => {
  it("two new spellings both valid pass", async () => {
    const r = repoWith({ "README.md": "x\n" });
    r.write("data/state.json", '{"port": 1}\n');
    r.write("data/STATE.json", '{"port": 2}\n');
    r.git("add", "-A");
    expect(await staged(r)).toEqual({ code: 0, found: [] });
  });

  it("two spellings of a name no mapping names have no schema", async () => {
    const r = repoWith({ "README.md": "x\n" });
    r.write("data/other.json", '{"port": "x"}\n');
    r.write("data/OTHER.json", '{"port": "y"}\n');
    r.git("add", "-A");
    expect(await staged(r)).toEqual({ code: 0, found: [] });
  });
});
