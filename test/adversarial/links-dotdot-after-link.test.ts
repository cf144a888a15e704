/**
 * A symlink's text with `..` after another link (`../lnk/../store/state.txt`, `lnk/..`): the
 * operating system takes that `..` from where `lnk` led, but Node's JavaScript `fs.realpathSync`
 * resolves a link's text lexically, dropping `lnk/..` before looking at `lnk`. Every "where does
 * this lead" question (outside the repository? which file does a data link reach?) now asks the
 * system's realpath(3), so the answer is the file a reader actually gets:
 * - a data file linked that way to a broken file was skipped ("0 files checked", exit 0);
 * - a folder link `schemas -> lnk/..` with `lnk -> /outside` was judged inside the repository,
 *   and the schema under it was read from outside (the marker reached the output).
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";

const MARKER = "SECRET-MARKER-d07d";
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

function repoWith(): TestRepo {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  return repo;
}

function link(repo: TestRepo, rel: string, target: string): void {
  fs.mkdirSync(path.dirname(path.join(repo.dir, rel)), { recursive: true });
  fs.symlinkSync(target, path.join(repo.dir, rel));
}

describe("`..` after a link in a symlink's text", () => {
  it("a data file linked through `lnk/..` to a broken file is checked under its name (was skipped)", async () => {
    const repo = repoWith();
    repo.write("deep/a/.keep", "");
    repo.write("deep/store/state.txt", '{"count": 1,}\n');
    link(repo, "lnk", "deep/a");
    link(repo, "data/state.json", "../lnk/../store/state.txt");
    // Where the OS lands: deep/a/../store = deep/store; lexically it would be store/ (absent).
    expect(fs.readFileSync(path.join(repo.dir, "data/state.json"), "utf8")).toContain('"count": 1,');
    repo.commitAll();
    const r = await repo.cli(["check", "--format", "json"]);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).findings as { file: string; rule: string }[];
    expect(findings.some((f) => f.file === "data/state.json" && f.rule === "parse/syntax")).toBe(true);
    const explicit = await repo.cli(["check", "--format", "json", "data/state.json"]);
    expect(explicit.code).toBe(1);
  });

  it("the same link to a valid file passes (guard)", async () => {
    const repo = repoWith();
    repo.write("deep/a/.keep", "");
    repo.write("deep/store/state.txt", '{"count": 1}\n');
    link(repo, "lnk", "deep/a");
    link(repo, "data/state.json", "../lnk/../store/state.txt");
    repo.commitAll();
    const r = await repo.cli(["check", "--format", "json"]);
    expect(r.code).toBe(0);
  });

  it("a schema folder linked as `lnk/..` with `lnk` leading outside is refused by name, unread", async () => {
    const repo = repoWith();
    const outside = makeTempDir("ig-outside-");
    cleanup.push(() => fs.rmSync(outside, { recursive: true, force: true }));
    fs.mkdirSync(path.join(outside, "inner"));
    fs.writeFileSync(path.join(outside, "state.schema.json"), `{"${MARKER}": "root:$6$hash:19000",\n`);
    repo.write(
      ".integrity-guard/config.yml",
      `version: 1\nvalidate:\n  schemas:\n    - files: ["data/*.json"]\n      schema: schemas/state.schema.json\n`,
    );
    repo.write("data/state.json", '{"count": 1}\n');
    link(repo, "lnk", path.join(outside, "inner"));
    link(repo, "schemas", "lnk/..");
    const r = await repo.cli(["check", "--format", "json"]);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain("is reached through schemas, a symlink that leads outside the repository");
    expect(r.stdout + r.stderr).not.toContain(MARKER);
    expect(r.stdout + r.stderr).not.toContain("root:$6$");
  });
});
