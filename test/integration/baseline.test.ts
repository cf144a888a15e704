/**
 * Adopting a repository that already holds broken files: `init --baseline` / `baseline --update`
 * record them, `check` (and the hook) then pass with notices while each stays byte-for-byte as
 * recorded; an edit, a new finding, a new or renamed broken file, or a hostile baseline file
 * never passes.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { BASELINE_PATH } from "../../src/core/baseline.js";
import { withRepo, type TestRepo } from "../helpers/repo.js";

interface Report {
  code: number;
  stdout: string;
  stderr: string;
  findings: { rule: string; level: string; file?: string; line?: number; message: string }[];
  summary: Record<string, unknown>;
}

async function check(repo: TestRepo, args: string[] = []): Promise<Report> {
  const r = await repo.cli(["check", ...args, "--format", "json"]);
  return { ...r, ...(JSON.parse(r.stdout || '{"findings":[],"summary":{}}') as Pick<Report, "findings" | "summary">) };
}

/** A parser's repository: two fixtures broken on purpose, one good file, committed without the hook. */
function fixtures(repo: TestRepo): void {
  repo.write("test/fixtures/trailing-comma.json", '{"a": 1,}\n');
  repo.write("test/fixtures/tab-indent.yaml", "a:\n\t- b\n");
  repo.write("package.json", '{"name": "parser"}\n');
  repo.commitAll("fixtures");
}

const errors = (r: Report) => r.findings.filter((f) => f.level === "error");

// Each test runs init or several whole-tree checks in-process: beyond the default 60 s on a loaded machine.
vi.setConfig({ testTimeout: 240_000 });

describe("init on a repository with broken fixtures", () => {
  it("without --baseline: says how many files fail and names them, writes no baseline, exits 0", () =>
    withRepo(async (repo) => {
      fixtures(repo);
      const r = await repo.cli(["init", "--no-hook"]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/checked the whole tree: 2 file\(s\) fail now/);
      expect(r.stdout).toContain("test/fixtures/trailing-comma.json:1");
      expect(r.stdout).toContain("baseline --update");
      expect(fs.existsSync(path.join(repo.dir, BASELINE_PATH))).toBe(false);
      expect((await check(repo)).code).toBe(1);
    }));

  it("--baseline records them: check passes with notices and a summary line; the hook too", () =>
    withRepo(async (repo) => {
      fixtures(repo);
      const r = await repo.cli(["init", "--no-hook", "--baseline"]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/recorded 2 known-broken file\(s\)/);
      const written = JSON.parse(repo.read(BASELINE_PATH)) as { files: Record<string, { sha256: string; findings: { rule: string }[] }> };
      expect(Object.keys(written.files).sort()).toEqual(["test/fixtures/tab-indent.yaml", "test/fixtures/trailing-comma.json"]);
      repo.commitAll("adopt integrity-guard");

      const c = await check(repo);
      expect(c.code, c.stdout).toBe(0);
      expect(errors(c)).toEqual([]);
      const known = c.findings.filter((f) => f.file === "test/fixtures/trailing-comma.json");
      expect(known.length).toBeGreaterThan(0);
      expect(known.every((f) => f.level === "notice" && f.message.startsWith("known at baseline"))).toBe(true);
      expect(c.findings.find((f) => f.rule === "baseline/known")?.message).toMatch(/^2 file\(s\) known broken at baseline, unchanged/);
      expect(c.summary.baseline).toMatchObject({ files: 2, stale: 0 });
      const text = await repo.cli(["check"]);
      expect(text.code).toBe(0);
      expect(text.stdout + text.stderr).toMatch(/2 file\(s\) known broken at baseline, unchanged/);

      // A commit that stages a baselined file unchanged (its mode) passes the hook.
      repo.git("update-index", "--chmod=+x", "test/fixtures/trailing-comma.json");
      expect((await check(repo, ["--staged"])).code).toBe(0);
    }));
});

describe("what a baseline entry never exempts", () => {
  async function adopted(repo: TestRepo): Promise<void> {
    fixtures(repo);
    expect((await repo.cli(["baseline", "--update"])).code).toBe(0);
    repo.commitAll("baseline");
  }

  it("a baselined file edited into another corruption blocks (check and hook), with a stale notice", () =>
    withRepo(async (repo) => {
      await adopted(repo);
      repo.write("test/fixtures/trailing-comma.json", '{"a": 1,,}\n');
      const c = await check(repo);
      expect(c.code).toBe(1);
      expect(errors(c)).toMatchObject([{ rule: "parse/syntax", file: "test/fixtures/trailing-comma.json" }]);
      const stale = c.findings.find((f) => f.rule === "baseline/stale");
      expect(stale).toMatchObject({ level: "notice", file: "test/fixtures/trailing-comma.json" });
      repo.git("add", "-A");
      const hook = await check(repo, ["--staged"]);
      expect(hook.code).toBe(1);
      expect(errors(hook)).toMatchObject([{ rule: "parse/syntax", file: "test/fixtures/trailing-comma.json" }]);
    }));

  it("the same error at the same line after an edit elsewhere in the file still blocks (content, not position)", () =>
    withRepo(async (repo) => {
      await adopted(repo);
      repo.write("test/fixtures/trailing-comma.json", '{"a": 2,}\n');
      expect((await check(repo)).code).toBe(1);
    }));

  it("a new broken file, a copy and a rename of a baselined file all block", () =>
    withRepo(async (repo) => {
      await adopted(repo);
      repo.write("data/state.json", '{"a": 1,}\n');
      repo.write("test/fixtures/copy.json", repo.read("test/fixtures/trailing-comma.json"));
      repo.git("mv", "test/fixtures/tab-indent.yaml", "test/fixtures/renamed.yaml");
      const c = await check(repo);
      expect(c.code).toBe(1);
      expect(errors(c).map((f) => f.file)).toEqual(
        expect.arrayContaining(["data/state.json", "test/fixtures/copy.json", "test/fixtures/renamed.yaml"]),
      );
      expect(errors(c).some((f) => f.file === "test/fixtures/trailing-comma.json")).toBe(false);
    }));

  it("a new finding in an unchanged baselined file (its schema tightened later) blocks", () =>
    withRepo(async (repo) => {
      const schema = (required: string[]) =>
        JSON.stringify({ type: "object", required, properties: { id: { type: "integer" }, name: { type: "string" } } });
      repo.write(
        ".integrity-guard/config.yml",
        'version: 1\nvalidate:\n  schemas:\n    - files: ["data/item.json"]\n      schema: schemas/item.schema.json\n',
      );
      repo.write("schemas/item.schema.json", schema(["id"]));
      repo.write("data/item.json", '{"id": "x"}\n');
      repo.commitAll("item");
      expect((await repo.cli(["baseline", "--update"])).code).toBe(0);
      expect((await check(repo)).code).toBe(0);
      repo.write("schemas/item.schema.json", schema(["id", "name"]));
      const c = await check(repo);
      expect(c.code).toBe(1);
      expect(errors(c)).toMatchObject([{ rule: "schema/violation", file: "data/item.json" }]);
      expect(errors(c)[0]!.message).toMatch(/name/);
      expect(c.findings.filter((f) => f.level === "notice" && f.message.startsWith("known at baseline"))).toHaveLength(1);
    }));

  it("baseline --update drops a fixed file; baseline lists entries with their status", () =>
    withRepo(async (repo) => {
      await adopted(repo);
      repo.write("test/fixtures/tab-indent.yaml", "a:\n  - b\n");
      const shown = await repo.cli(["baseline"]);
      expect(shown.stdout).toMatch(/changed\s+test\/fixtures\/tab-indent\.yaml/);
      expect(shown.stdout).toMatch(/unchanged\s+test\/fixtures\/trailing-comma\.json/);
      const u = await repo.cli(["baseline", "--update"]);
      expect(u.stdout).toMatch(/dropped .*test\/fixtures\/tab-indent\.yaml/);
      expect(Object.keys((JSON.parse(repo.read(BASELINE_PATH)) as { files: object }).files)).toEqual(["test/fixtures/trailing-comma.json"]);
    }));
});

describe("a malformed or hostile baseline exempts nothing and says so (exit 2, never a crash)", () => {
  const sha = "0".repeat(64);
  const cases: [string, (repo: TestRepo, good: string) => void, RegExp][] = [
    ["not JSON", (r) => r.write(BASELINE_PATH, "{nope"), /is not valid JSON/],
    ["wrong types", (r) => r.write(BASELINE_PATH, '{"version": 1, "files": {"a.json": {"sha256": 5, "findings": []}}}'), /sha256/],
    [
      "a ../ path",
      (r) =>
        r.write(
          BASELINE_PATH,
          JSON.stringify({ version: 1, files: { "../x.json": { sha256: sha, findings: [{ rule: "parse/syntax" }] } } }),
        ),
      /`\.\.` segment/,
    ],
    [
      "a rule that cannot be baselined",
      (r) =>
        r.write(
          BASELINE_PATH,
          JSON.stringify({ version: 1, files: { "x.json": { sha256: sha, findings: [{ rule: "manifest/modified" }] } } }),
        ),
      /cannot be baselined/,
    ],
    [
      "a duplicate key",
      (r, good) => r.write(BASELINE_PATH, good.replace('"version": 1,', '"version": 1, "version": 1,')),
      /not valid JSON/,
    ],
    [
      "a symlink to a good baseline",
      (r, good) => {
        r.write(".integrity-guard/real.json", good);
        fs.rmSync(path.join(r.dir, BASELINE_PATH));
        fs.symlinkSync("real.json", path.join(r.dir, BASELINE_PATH));
      },
      /is a symlink/,
    ],
    [
      "huge",
      (r) => {
        const fd = fs.openSync(path.join(r.dir, BASELINE_PATH), "w");
        fs.ftruncateSync(fd, 33 * 1024 * 1024);
        fs.closeSync(fd);
      },
      /over the limit/,
    ],
  ];
  for (const [name, spoil, message] of cases) {
    it(name, () =>
      withRepo(async (repo) => {
        fixtures(repo);
        expect((await repo.cli(["baseline", "--update"])).code).toBe(0);
        const good = repo.read(BASELINE_PATH);
        spoil(repo, good);
        const c = await check(repo);
        expect(c.code).toBe(2);
        // (The file itself is also validated like any JSON file: a parse error of its own may come first.)
        const invalid = c.findings.find((f) => f.rule === "baseline/invalid");
        expect(invalid).toMatchObject({ level: "error", file: BASELINE_PATH });
        expect(invalid!.message).toMatch(message);
        // Nothing exempted: the fixtures are errors again.
        expect(errors(c).filter((f) => f.file?.startsWith("test/fixtures/")).length).toBeGreaterThanOrEqual(2);
      }),
    );
  }

  it("a hash that does not match exempts nothing (an entry is not a path exclusion)", () =>
    withRepo(async (repo) => {
      fixtures(repo);
      repo.write(
        BASELINE_PATH,
        JSON.stringify({
          version: 1,
          files: { "test/fixtures/trailing-comma.json": { sha256: sha, findings: [{ rule: "parse/syntax", line: 1 }] } },
        }),
      );
      const c = await check(repo, ["test/fixtures/trailing-comma.json"]);
      expect(c.code).toBe(1);
      expect(c.findings.some((f) => f.rule === "baseline/stale")).toBe(true);
    }));

  it("the hook reads the staged baseline, not an unstaged edit of it", () =>
    withRepo(async (repo) => {
      fixtures(repo);
      repo.write(".integrity-guard/config.yml", "version: 1\n");
      repo.commitAll("config");
      repo.write("data/new.json", '{"a": 1,}\n');
      expect((await repo.cli(["baseline", "--update"])).code).toBe(0); // records data/new.json too, not staged
      repo.git("add", "data/new.json");
      const hook = await check(repo, ["--staged"]);
      // The baseline is untracked: used as written (init's case). Stage a version without the new file:
      expect(hook.code).toBe(0);
      const withNew = repo.read(BASELINE_PATH);
      const parsed = JSON.parse(withNew) as { files: Record<string, unknown> };
      delete parsed.files["data/new.json"];
      repo.write(BASELINE_PATH, JSON.stringify(parsed));
      repo.git("add", BASELINE_PATH);
      repo.write(BASELINE_PATH, withNew);
      expect((await check(repo, ["--staged"])).code).toBe(1);
    }));
});

describe("health honours the baseline as check does", () => {
  type Health = { system_health: { components: { schemas: { detail: { total: number; valid: number; invalid: { file: string }[] } } } } };
  const schemas = async (repo: TestRepo) => {
    const r = await repo.cli(["health", "--format", "json", "--fail-on", "never", "--no-record"]);
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as Health).system_health.components.schemas.detail;
  };

  it("files known broken at baseline and unchanged count as valid; once edited they count as invalid again", () =>
    withRepo(async (repo) => {
      fixtures(repo);
      expect((await repo.cli(["init", "--no-hook", "--baseline"])).code).toBe(0);
      repo.commitAll("adopt");
      const known = await schemas(repo);
      expect(known.invalid).toEqual([]);
      expect(known.valid).toBe(known.total);

      repo.write("test/fixtures/trailing-comma.json", '{"a": 2,}\n');
      const edited = await schemas(repo);
      expect(edited.invalid.map((i) => i.file)).toEqual(["test/fixtures/trailing-comma.json"]);
      expect(edited.valid).toBe(edited.total - 1);
    }));
});
