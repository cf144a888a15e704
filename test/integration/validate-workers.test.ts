/**
 * `check`/`validate` with parse worker threads (issue 20): the findings are the same, byte for
 * byte and in the same order, with and without workers, on a corpus of every kind of file; a
 * worker that dies is an error finding on its file, never a pass; small runs (the hook) start
 * no worker at all.
 */
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { parseWorkersStarted } from "../../src/checks/parse-pool.js";
import { withRepo, type TestRepo } from "../helpers/repo.js";

const SCHEMA = JSON.stringify({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  required: ["id"],
  properties: { id: { type: "integer" }, when: { type: "string", format: "date-time" }, tags: { type: "array", uniqueItems: true } },
});

/** Every kind of file the validate check meets, under names that interleave in sorted order. */
function corpus(repo: TestRepo): void {
  repo.write(
    ".integrity-guard/config.yml",
    [
      "version: 1",
      "validate:",
      "  max_file_size: 3MiB",
      '  require_schema: ["req/**"]',
      "  schemas:",
      '    - files: ["data/**/*.json", "data/**/*.yaml"]',
      "      schema: schemas/item.schema.json",
      "",
    ].join("\n"),
  );
  repo.write("schemas/item.schema.json", SCHEMA);
  // A big file first: its worker finishes last, the order must not change.
  const items = Array.from({ length: 40_000 }, (_, i) => `{"id": ${i}, "when": "2024-05-01T12:00:00Z"}`);
  repo.write("data/a-big.json", `{"id": 1, "items": [\n${items.join(",\n")}\n], "when": "late"}\n`);
  repo.write("data/b-ok.json", '{"id": 2}\n');
  repo.write("data/c-violation.json", '{\n  "id": "seven",\n  "when": "soon",\n  "tags": [1, 1]\n}\n');
  repo.write("data/d-truncated.json", '{"id": 3, "when": "2024');
  repo.write("data/e-binary.json", Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x22, 0x7d]));
  repo.write("data/f-latin1.json", Buffer.from('{"id": 4, "name": "caf\xe9"}\n', "latin1"));
  repo.write("data/g-multi.yaml", "id: 5\n---\nid: six\n---\nwhen: x\n");
  repo.write("data/h-tags.yaml", "id: 7\nref: !Ref Thing\nodd: !unknown 3\n");
  repo.write("data/i-dupe.json", '{"id": 8, "id": 9}\n');
  repo.write("data/j-own-schema.json", '{"$schema": "../schemas/item.schema.json", "id": "x"}\n');
  repo.write("data/k-remote-schema.json", '{"$schema": "https://example.com/x.json", "id": 1}\n');
  repo.write("data/l-template.yaml", "id: {{ .Values.id }}\nname: {{ .Values.name }}\n");
  repo.write("data/m-merge.json", '{"id": 1,\n<<<<<<< HEAD\n"a": 1\n=======\n"a": 2\n>>>>>>> x\n}\n');
  repo.write("data/n-too-large.json", `{"id": 1, "pad": "${"x".repeat(3.5 * 1024 * 1024)}"}`);
  repo.write("data/o-comments.json", '{"id": 1, // no comments in JSON\n}\n');
  repo.write("data/p-empty.yaml", "");
  repo.write("data/q-deep.json", `${"[".repeat(1500)}${"]".repeat(1500)}`);
  repo.write("req/r-none.json", '{"a": 1}\n');
  repo.write("other/s-free.yaml", "a: 1\nb: [1, 2\n");
  repo.write("other/t-ok.yml", "a: 1\n");
  repo.write(".github/workflows/ci.yml", "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps: 3\n");
  repo.write("package.json", '{"name": 5}\n');
  // Matched by name, another kind of file (an Ansible task list): the catalog's root-type guard.
  repo.write("tasks/docker-compose.yml", "- name: start\n  command: docker compose up\n");
  // ARM templates (known by their $schema) are read as ARM reads them: comments and line breaks
  // inside strings; a real syntax error still fails. The workers read these themselves.
  const arm = '"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"';
  repo.write("infra/u-arm.json", `{\n  ${arm}, // a comment\n  "variables": {"script": "line one\nline two"}\n}\n`);
  repo.write("infra/v-arm-broken.json", `{\n  ${arm},\n  "variables": {"a": 1 "b": 2}\n}\n`);
  for (let i = 0; i < 150; i++) repo.write(`many/d${i % 7}/f${i}.json`, i % 11 === 0 ? `{"n": ${i},}` : `{"n": ${i}}\n`);
}

interface Run {
  code: number;
  findings: unknown[];
  checked: unknown;
}

async function validate(repo: TestRepo, workers: string, extra: NodeJS.ProcessEnv = {}): Promise<Run> {
  const saved = { ...process.env };
  Object.assign(process.env, { IG_PARSE_WORKERS: workers }, extra);
  try {
    const r = await repo.cli(["validate", "--format", "json"]);
    const report = JSON.parse(r.stdout) as { findings: unknown[]; summary: { checked: unknown } };
    return { code: r.code, findings: report.findings, checked: report.summary.checked };
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

afterEach(() => {
  delete process.env.IG_PARSE_WORKERS;
});

describe("validate with parse workers", () => {
  it("gives the same findings, in the same order, with and without workers (mixed corpus)", () =>
    withRepo(async (repo) => {
      corpus(repo);
      const inline = await validate(repo, "0");
      const before = parseWorkersStarted();
      const pooled = await validate(repo, "3");
      expect(parseWorkersStarted()).toBeGreaterThan(before); // the workers did the parsing
      const rules = new Set((inline.findings as { rule: string }[]).map((f) => f.rule));
      // The corpus reaches every path: parse errors, schema errors, templates, limits, catalog.
      for (const r of [
        "schema/violation",
        "parse/syntax",
        "parse/encoding",
        "parse/merge-conflict",
        "parse/too-large",
        "schema/missing",
        "schema/skipped",
      ])
        expect(rules).toContain(r);
      expect(inline.code).toBe(1);
      const ofFile = (f: string) => (inline.findings as { file: string; rule: string }[]).filter((x) => x.file === f);
      expect(ofFile("infra/u-arm.json")).toEqual([]);
      expect(ofFile("infra/v-arm-broken.json").map((x) => x.rule)).toContain("parse/syntax");
      expect(JSON.stringify(pooled)).toBe(JSON.stringify(inline));
      // And again with one worker, and with as many as files: the order never depends on timing.
      expect(JSON.stringify(await validate(repo, "1"))).toBe(JSON.stringify(inline));
      expect(JSON.stringify(await validate(repo, "8"))).toBe(JSON.stringify(inline));
    }));

  it("a worker that dies on a file is an error finding on that file; the other files are checked as usual", () =>
    withRepo(async (repo) => {
      corpus(repo);
      repo.write("data/crash-here.json", '{"id": 1}\n');
      const inline = await validate(repo, "0");
      // Killed from outside, as the OS or a crash would: a worker handed a task that holds this
      // file is terminated instead (production code has no switch for this).
      const post = Worker.prototype.postMessage;
      const tasksOf = (m: unknown) => ((m as { jobs?: { file: string }[] }).jobs ?? []).map((j) => j.file);
      Worker.prototype.postMessage = function (this: Worker, ...args: Parameters<typeof post>) {
        if (tasksOf(args[0]).some((f) => f.includes("crash-here"))) return void this.terminate();
        return post.apply(this, args);
      };
      let pooled: Run;
      try {
        pooled = await validate(repo, "2");
      } finally {
        Worker.prototype.postMessage = post;
      }
      expect(pooled.code).toBe(1);
      const failed = (pooled.findings as { rule: string; file: string; level: string; message: string }[]).filter(
        (f) => f.rule === "parse/worker-failed",
      );
      expect(failed.map((f) => [f.file, f.level])).toEqual([["data/crash-here.json", "error"]]);
      expect(failed[0]!.message).toContain("exited with code 1");
      // Everything else is as without workers.
      const others = (pooled.findings as { rule: string }[]).filter((f) => f.rule !== "parse/worker-failed");
      expect(JSON.stringify(others)).toBe(JSON.stringify(inline.findings));
    }));

  it("a file that makes its worker run out of memory is an error finding, never an abort or a pass", () =>
    withRepo(async (repo) => {
      repo.write(".integrity-guard/config.yml", "version: 1\n");
      repo.write("a.json", '{"a": 1}\n');
      // YAML takes 100-200 bytes of memory per byte: 6 MiB of it cannot fit in a 96 MB heap.
      const rows = Array.from({ length: 150_000 }, (_, i) => `- {k: v${i}, n: ${i}, l: [a, b, c]}`);
      repo.write("huge.yaml", `${rows.join("\n")}\n`);
      repo.write("z.json", '{"z": }\n');
      const r = await validate(repo, "2", { IG_PARSE_WORKER_HEAP_MB: "96" });
      const got = (r.findings as { rule: string; file: string; message: string }[]).map((f) => [f.rule, f.file]);
      expect(got).toEqual([
        ["parse/worker-failed", "huge.yaml"],
        ["parse/syntax", "z.json"],
      ]);
      expect(r.code).toBe(1);
      expect((r.findings as { message: string }[])[0]!.message).toContain("ran out of memory");
    }));

  it("without IG_PARSE_WORKERS (the hook, a whole-tree run) no worker starts", () =>
    withRepo(async (repo) => {
      corpus(repo);
      repo.commitAll("base");
      repo.write("data/b-ok.json", '{"id": "two"}\n');
      repo.write("data/z-new.yaml", "id: 3\n");
      repo.git("add", "data/b-ok.json", "data/z-new.yaml");
      const before = parseWorkersStarted();
      delete process.env.IG_PARSE_WORKERS;
      const r = await repo.cli(["check", "--staged"]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("data/b-ok.json");
      const whole = await repo.cli(["validate"]); // a whole-tree run: workers only when IG_PARSE_WORKERS asks
      expect(whole.code).toBe(1);
      expect(parseWorkersStarted()).toBe(before);
    }));
});
