/**
 * Issue 14, item 1: hostile file names. Every name git can store is checked or reported as a
 * `path/unsupported-name` error, never skipped silently; globbing, the manifest and snapshots
 * agree on the same names. Names are created by bytes (Linux allows any byte but `/` and NUL).
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decodeName, escapeName, nameBytes, unsupportedNameReason } from "../../src/core/names.js";
import { matcher } from "../../src/core/glob.js";
import { coveredFilter } from "../../src/core/manifest/select.js";
import { splitZ } from "../../src/io/git.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { startGitHubApi, type GitHubApi } from "../helpers/github-api.js";
import { payloads, runActionBundle } from "../e2e/action-harness.js";

const CORRUPT = '{"status": "ok",, "n": 1}\n';
/** Names that are valid UTF-8 but hostile: each must be checked like any other. */
const ODD = {
  backslash: "data/back\\slash.json",
  newline: "data/new\nline.json",
  cr: "data/cr\rname.json",
  ls: "data/ls\u2028sep.json",
  ps: "data/ps\u2029sep.json",
};
/** data/caf<0xE9>.json: Latin-1 bytes, not UTF-8. Shown escaped in findings. */
const LATIN1_BYTES = Buffer.concat([Buffer.from("data/caf"), Buffer.from([0xe9]), Buffer.from(".json")]);
const LATIN1_SHOWN = "data/caf\\xe9.json";

interface JsonReport {
  findings: { rule: string; level: string; file?: string; message: string }[];
}

function writeByBytes(repo: TestRepo, rel: Buffer, content: string): void {
  fs.mkdirSync(path.join(repo.dir, "data"), { recursive: true });
  fs.writeFileSync(Buffer.concat([Buffer.from(repo.dir + "/"), rel]), content);
}

function config(repo: TestRepo, extra = ""): void {
  repo.write(".integrity-guard/config.yml", `version: 1\nmanifest:\n  include: ["data/**"]\n${extra}`);
}

function parse(out: string): JsonReport {
  return JSON.parse(out) as JsonReport;
}

let repo: TestRepo;
beforeEach(() => {
  repo = createRepo();
});
afterEach(() => repo.cleanup());

describe("names as bytes (pure)", () => {
  it.each([
    ["latin-1", LATIN1_BYTES],
    ["overlong", Buffer.from([0x61, 0xc0, 0xaf, 0x62])],
    ["CESU surrogate", Buffer.from([0xed, 0xa0, 0x80])],
    ["truncated", Buffer.from([0x61, 0xe2, 0x82])],
    ["valid astral + stray", Buffer.from([0xf0, 0x9f, 0x92, 0x80, 0xff])],
  ])("decodes %s bytes losslessly and gives the same bytes back", (_, bytes) => {
    const name = decodeName(bytes);
    expect(nameBytes(name).equals(bytes)).toBe(true);
    expect(unsupportedNameReason(name)).toMatch(/not valid UTF-8/);
  });

  it("git -z output keeps every name: valid ones as text, others losslessly", () => {
    const out = Buffer.concat([Buffer.from(`${ODD.newline}\0${ODD.backslash}\0`), LATIN1_BYTES, Buffer.from("\0")]);
    const names = splitZ(out);
    expect(names.slice(0, 2)).toEqual([ODD.newline, ODD.backslash]);
    expect(nameBytes(names[2]!).equals(LATIN1_BYTES)).toBe(true);
    expect(escapeName(names[2]!)).toBe(LATIN1_SHOWN);
  });

  it("globs and the manifest filter match names with a newline, CR, U+2028 and U+2029", () => {
    const covered = coveredFilter({ include: ["data/**"] });
    const json = matcher(["**/*.json", "data/"]);
    for (const name of Object.values(ODD)) {
      expect(covered(name), JSON.stringify(name)).toBe(true);
      expect(json(name), JSON.stringify(name)).toBe(true);
    }
  });

  it("accepts a backslash as a character, refuses `..` between backslashes", () => {
    expect(unsupportedNameReason("data\\state.json")).toBeUndefined();
    expect(unsupportedNameReason("data/..\\x.json")).toBeDefined();
    expect(unsupportedNameReason("a\\..")).toBeDefined();
  });
});

describe("validate", () => {
  it("checks files named with a backslash, newline, CR, U+2028 and U+2029, and reports a name that is not UTF-8", async () => {
    config(repo);
    for (const name of Object.values(ODD)) repo.write(name, CORRUPT);
    writeByBytes(repo, LATIN1_BYTES, CORRUPT);
    repo.commitAll("hostile names");
    const r = await repo.cli(["validate", "--format", "json"]);
    expect(r.code, r.stderr).toBe(1);
    const findings = parse(r.stdout).findings;
    for (const name of Object.values(ODD)) {
      expect(findings.filter((f) => f.file === name).map((f) => f.rule)).toEqual(["parse/syntax"]);
    }
    const bad = findings.filter((f) => f.rule === "path/unsupported-name");
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ level: "error", file: LATIN1_SHOWN });
    expect(bad[0]!.message).toContain("not valid UTF-8");
  });

  it("the hook (check --staged) blocks a staged file whose name is not UTF-8", async () => {
    config(repo);
    repo.write("data/ok.json", "{}\n");
    repo.commitAll("base");
    writeByBytes(repo, LATIN1_BYTES, CORRUPT);
    repo.git("add", "-A");
    const r = await repo.cli(["check", "--staged", "--format", "json"]);
    expect(r.code, r.stderr).toBe(1);
    expect(parse(r.stdout).findings.map((f) => [f.rule, f.file])).toContainEqual(["path/unsupported-name", LATIN1_SHOWN]);
  });
});

describe("seal and verify", () => {
  it("seal covers every hostile name that data/** matches and verify accepts what seal wrote", async () => {
    config(repo);
    repo.write("data/ok.json", "{}\n");
    for (const name of Object.values(ODD)) repo.write(name, "{}\n");
    const sealed = await repo.cli(["seal", "--format", "json"]);
    expect(sealed.code, sealed.stderr).toBe(0);
    const manifest = JSON.parse(repo.read(".integrity-guard/manifest.json")) as { entries: { path: string }[] };
    expect(manifest.entries.map((e) => e.path).sort()).toEqual(["data/ok.json", ...Object.values(ODD)].sort());

    const clean = await repo.cli(["verify", "--format", "json"]);
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);

    // Each hostile file is protected: a change to it is a finding.
    repo.write(ODD.newline, '{"changed": true}\n');
    repo.write(ODD.backslash, '{"changed": true}\n');
    const changed = await repo.cli(["verify", "--format", "json"]);
    expect(changed.code, changed.stderr).toBe(1);
    expect(
      parse(changed.stdout)
        .findings.map((f) => [f.rule, f.file])
        .sort(),
    ).toEqual([
      ["manifest/modified", ODD.backslash],
      ["manifest/modified", ODD.newline],
    ]);
  });

  it("a name that is not UTF-8 is a path/unsupported-name error in seal and verify, not a silent skip", async () => {
    config(repo);
    repo.write("data/ok.json", "{}\n");
    writeByBytes(repo, LATIN1_BYTES, CORRUPT);
    const sealed = await repo.cli(["seal", "--format", "json"]);
    expect(sealed.code, sealed.stderr).toBe(1);
    expect(parse(sealed.stdout).findings.map((f) => [f.rule, f.file])).toEqual([["path/unsupported-name", LATIN1_SHOWN]]);
    const manifest = JSON.parse(repo.read(".integrity-guard/manifest.json")) as { entries: { path: string }[] };
    expect(manifest.entries.map((e) => e.path)).toEqual(["data/ok.json"]);
    const verified = await repo.cli(["verify", "--format", "json"]);
    expect(verified.code, verified.stderr).toBe(1);
    expect(parse(verified.stdout).findings.map((f) => [f.rule, f.file])).toEqual([["path/unsupported-name", LATIN1_SHOWN]]);
  });

  it("a name seal refuses (`..` between backslashes) is a finding in seal, and refused as tampering in a manifest", async () => {
    config(repo);
    repo.write("data/ok.json", "{}\n");
    repo.write("data/..\\evil.json", "{}\n");
    const sealed = await repo.cli(["seal", "--format", "json"]);
    expect(sealed.code, sealed.stderr).toBe(1);
    expect(parse(sealed.stdout).findings.map((f) => f.rule)).toEqual(["path/unsupported-name"]);
    const verified = await repo.cli(["verify", "--format", "json"]);
    expect(verified.code).toBe(1);
  });
});

describe("snapshot", () => {
  it("backs up hostile names, reports a name that is not UTF-8 cleanly, and still takes the backup", async () => {
    config(repo, "snapshots:\n  sign: { format: none }\n  sets:\n    hourly: { paths: [data/], keep: 3 }\n");
    repo.write("data/ok.json", "{}\n");
    for (const name of Object.values(ODD)) repo.write(name, "{}\n");
    writeByBytes(repo, LATIN1_BYTES, "{}\n");
    const r = await repo.cli(["snapshot", "--set", "hourly", "--format", "json"]);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(r.code, r.stderr).toBe(1);
    expect(parse(r.stdout).findings.map((f) => [f.rule, f.file])).toEqual([["path/unsupported-name", LATIN1_SHOWN]]);
    const listed = repo.git("ls-tree", "-r", "-z", "--name-only", "integrity-snapshots").split("\0").filter(Boolean);
    expect(listed.sort()).toEqual([".integrity-snapshot/manifest.json", "data/ok.json", ...Object.values(ODD)].sort());
  });
});

describe("restore", () => {
  it("restores files named with a backslash or a newline byte for byte, and removes extras by their exact name", async () => {
    config(repo, "snapshots:\n  sign: { format: none }\n  sets:\n    hourly: { paths: [data/], keep: 3 }\n");
    repo.write("data/ok.json", "{}\n");
    repo.write(ODD.backslash, '{"v": 1}\n');
    repo.write(ODD.newline, '{"v": 1}\n');
    const taken = await repo.cli(["snapshot", "--set", "hourly"]);
    expect(taken.code, taken.stdout + taken.stderr).toBe(0);
    repo.write(ODD.backslash, '{"v": 2}\n');
    repo.write(ODD.newline, '{"v": 2}\n');
    repo.write("data/extra\\x.json", "{}\n");
    const r = await repo.cli(["restore", "latest", "--allow-unsigned"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(repo.read(ODD.backslash)).toBe('{"v": 1}\n');
    expect(repo.read(ODD.newline)).toBe('{"v": 1}\n');
    // Removed by its exact name; a restore that read `\` as a separator would touch data/extra/x.json.
    expect(fs.existsSync(path.join(repo.dir, "data/extra\\x.json"))).toBe(false);
    expect(fs.existsSync(path.join(repo.dir, "data/extra"))).toBe(false);
    expect(fs.existsSync(path.join(repo.dir, "data/back"))).toBe(false);
  });
});

describe("the Action", () => {
  let api: GitHubApi;
  beforeEach(async () => {
    api = await startGitHubApi();
  });
  afterEach(async () => {
    await api.close();
  });

  it("on pull_request, checks a PR file named data\\state.json (not 0 changed files)", async () => {
    repo.write("data/ok.json", "{}\n");
    repo.commitAll("base");
    const base = repo.git("rev-parse", "HEAD").trim();
    repo.git("switch", "-q", "-c", "feature");
    repo.write("data\\state.json", CORRUPT);
    repo.commitAll("corrupt");
    const head = repo.git("rev-parse", "HEAD").trim();
    api.setPullFiles(7, ["data\\state.json"]);
    const run = await runActionBundle({
      repo,
      apiUrl: api.url,
      eventName: "pull_request",
      payload: payloads.pullRequest(7, { ref: "main", sha: base }, { ref: "feature", sha: head }),
      inputs: { comment: "false" },
    });
    expect(run.stdout).toContain("checking 1 changed file(s)");
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.annotations, run.stdout).toHaveLength(1);
    expect(run.annotations[0]).toMatch(/^::error file=data\\state\.json,line=1,.*title=parse\/syntax::/);
  });

  it("on pull_request, a PR file whose name is not UTF-8 (listed by the API with U+FFFD) is reported, not dropped", async () => {
    repo.write("data/ok.json", "{}\n");
    repo.commitAll("base");
    const base = repo.git("rev-parse", "HEAD").trim();
    repo.git("switch", "-q", "-c", "feature");
    writeByBytes(repo, LATIN1_BYTES, CORRUPT);
    repo.commitAll("latin-1 name");
    const head = repo.git("rev-parse", "HEAD").trim();
    api.setPullFiles(7, ["data/caf\uFFFD.json"]);
    const run = await runActionBundle({
      repo,
      apiUrl: api.url,
      eventName: "pull_request",
      payload: payloads.pullRequest(7, { ref: "main", sha: base }, { ref: "feature", sha: head }),
      inputs: { comment: "false" },
    });
    expect(run.stdout).toContain("not UTF-8; checking the whole tree");
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = JSON.parse(run.findingsJson!) as JsonReport;
    expect(report.findings.map((f) => [f.rule, f.file])).toContainEqual(["path/unsupported-name", LATIN1_SHOWN]);
  });

  it("on push, fails on a corrupt file whose name is not UTF-8 (was green)", async () => {
    repo.write("data/ok.json", "{}\n");
    writeByBytes(repo, LATIN1_BYTES, CORRUPT);
    repo.commitAll("latin-1 name");
    const sha = repo.git("rev-parse", "HEAD").trim();
    const run = await runActionBundle({ repo, apiUrl: api.url, eventName: "push", payload: payloads.push(sha, sha) });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = JSON.parse(run.findingsJson!) as JsonReport;
    expect(report.findings.map((f) => [f.rule, f.file])).toContainEqual(["path/unsupported-name", LATIN1_SHOWN]);
    expect(run.summary).toContain("path/unsupported-name");
  });
});
