/**
 * Red team, session 23: readings a pull request's content asks for, granted to a file the base
 * commit holds through a symlink. "Does the base hold this file?" was asked of the base's regular
 * files only; a path the base holds as a link (`data/state.json -> ../store/state.txt`), or under
 * a symlinked folder, counted as a file the pull request adds, whose content decides its reading.
 * The link's readers read what the pull request writes into the target, and the check reads it
 * under the link's name: a Firebase rules marker (comments, trailing commas) or a `%YAML 1.1`
 * line written there with the corruption had it pass, where the same change to a regular file
 * fails. The base now holds such a path where its links lead inside the commit, and its
 * version there is what must agree.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { runPullRequest } from "../e2e/action-harness.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

/** A base commit with `files` and `links` (path -> link text). */
function baseRepo(files: Record<string, string>, links: Record<string, string>): TestRepo {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  for (const [f, t] of Object.entries(files)) repo.write(f, t);
  for (const [l, to] of Object.entries(links)) {
    fs.mkdirSync(path.dirname(path.join(repo.dir, l)), { recursive: true });
    fs.symlinkSync(to, path.join(repo.dir, l));
  }
  repo.commitAll("base");
  return repo;
}

type Found = { rule: string; level: string; file?: string; message: string };
const findingsOf = (json: string | undefined) => (JSON.parse(json ?? "{}") as { findings?: Found[] }).findings ?? [];
const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");

const RULES_WITH_COMMA = '{"rules": {".read": true, ".write": false,}}\n';
const FLAGS_CONFIG = 'version: 1\nvalidate:\n  schemas:\n    - files: ["data/*.yaml"]\n      schema: schemas/flags.schema.json\n';
const FLAGS_SCHEMA = JSON.stringify({ type: "object", properties: { audit: { type: "boolean" } } });

describe("a reading the pull request's content asks for, in a file the base holds through a symlink", () => {
  it("Firebase rules with a trailing comma written behind data/state.json -> ../store/state.txt: an error on the link", async () => {
    const repo = baseRepo({ "store/state.txt": '{"status": "ok"}\n' }, { "data/state.json": "../store/state.txt" });
    const r = await runPullRequest(repo, (x) => x.write("store/state.txt", RULES_WITH_COMMA));
    const found = findingsOf(r.findingsJson);
    expect(r.code, brief(found) + r.stderr).toBe(1);
    expect(found.filter((f) => f.level === "error" && f.file === "data/state.json").map((f) => f.rule)).toContain("parse/syntax");
    expect(found.find((f) => f.rule === "trust/reading-changed" && f.file === "data/state.json")?.message).toMatch(
      /Firebase Realtime Database/,
    );
  });

  it("through a chain of links (live/state.json -> ../mid.txt -> store/state.txt)", async () => {
    const repo = baseRepo({ "store/state.txt": '{"status": "ok"}\n' }, { "live/state.json": "../mid.txt", "mid.txt": "store/state.txt" });
    const r = await runPullRequest(repo, (x) => x.write("store/state.txt", RULES_WITH_COMMA));
    const found = findingsOf(r.findingsJson);
    expect(r.code, brief(found) + r.stderr).toBe(1);
    expect(
      found.some((f) => f.level === "error" && f.file === "live/state.json"),
      brief(found),
    ).toBe(true);
  });

  it("under a symlinked folder (data -> store, store/ left out of validation): an error on data/state.json", async () => {
    const repo = baseRepo(
      { ".integrity-guard/config.yml": 'version: 1\nvalidate:\n  exclude: ["store/**"]\n', "store/state.json": '{"status": "ok"}\n' },
      { data: "store" },
    );
    const r = await runPullRequest(repo, (x) => x.write("store/state.json", RULES_WITH_COMMA));
    const found = findingsOf(r.findingsJson);
    expect(r.code, brief(found) + r.stderr).toBe(1);
    expect(found.filter((f) => f.level === "error" && f.file === "data/state.json").map((f) => f.rule)).toContain("parse/syntax");
  });

  it("a `%YAML 1.1` directive written behind data/flags.yaml -> ../store/flags.txt: `off` is no boolean", async () => {
    const repo = baseRepo(
      { ".integrity-guard/config.yml": FLAGS_CONFIG, "schemas/flags.schema.json": FLAGS_SCHEMA, "store/flags.txt": "audit: true\n" },
      { "data/flags.yaml": "../store/flags.txt" },
    );
    const r = await runPullRequest(repo, (x) => x.write("store/flags.txt", "%YAML 1.1\n---\naudit: off\n"));
    const found = findingsOf(r.findingsJson).filter((f) => f.file === "data/flags.yaml");
    expect(r.code, brief(found) + r.stderr).toBe(1);
    expect(found.find((f) => f.rule === "schema/violation")?.message, brief(found)).toContain('found string "off"');
    expect(found.map((f) => f.rule)).toContain("trust/reading-changed");
  });
});

describe("links whose base version asks for the reading too, and links the pull request adds (guards)", () => {
  it("rules the base already holds behind the link keep their trailing commas", async () => {
    const repo = baseRepo({ "store/rules.txt": RULES_WITH_COMMA }, { "database.rules.json": "store/rules.txt" });
    const r = await runPullRequest(repo, (x) => x.write("store/rules.txt", '{"rules": {".read": false, ".write": false,}}\n'));
    expect(r.code, brief(findingsOf(r.findingsJson)) + r.stderr).toBe(0);
  });

  it("a new link to new rules is read as its content says", async () => {
    const repo = baseRepo({ "README.md": "x\n" }, {});
    const r = await runPullRequest(repo, (x) => {
      x.write("store/rules.txt", RULES_WITH_COMMA);
      fs.symlinkSync("store/rules.txt", path.join(x.dir, "database.rules.json"));
    });
    expect(r.code, brief(findingsOf(r.findingsJson)) + r.stderr).toBe(0);
  });

  it("a link the base holds that leads out of the repository is not held: a new file's reading (no false block)", async () => {
    const repo = baseRepo({ "README.md": "x\n" }, { "database.rules.json": "../outside/rules.json" });
    const r = await runPullRequest(repo, (x) => {
      fs.rmSync(path.join(x.dir, "database.rules.json"));
      x.write("store/rules.txt", RULES_WITH_COMMA);
      fs.symlinkSync("store/rules.txt", path.join(x.dir, "database.rules.json"));
    });
    expect(r.code, brief(findingsOf(r.findingsJson)) + r.stderr).toBe(0);
  });
});
