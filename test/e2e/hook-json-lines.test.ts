/**
 * Session 18: JSON Lines (`.jsonl`, `.ndjson`, `.jsonlines`) was never checked: a dataset with a
 * truncated last line passed. Real commits through the hook `init` installs, running the BUILT
 * CLI: each bad line is named; valid files (CRLF, no final newline) are committed; a schema mapped
 * to a JSON Lines file checks every record at its line.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import { commit, expectBlocked, expectCommitted, head, hookRepo } from "./hook-fixture.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

describe("JSON Lines at commit (built hook)", () => {
  it.each([
    ["train.jsonl", '{"q":"a","n":1}\n{"q":"b","n":2}\n{"q":"c","n":', /train\.jsonl:3:\d+ .*last line \(3\) ends inside an object/],
    ["bulk/load.NDJSON", '{"index":{"_index":"x"}}\r\n{"a":1}\r\n{"a":1,"a":2}\r\n', /bulk\/load\.NDJSON:3:\d+ .*duplicate key/],
    ["logs/run.jsonlines", '{"t":1}\n{"t":2} trailing\n', /logs\/run\.jsonlines:2:\d+/],
  ])("%s: blocked at the line; committed once fixed", (file, bad, at) => {
    repo = hookRepo();
    const before = head(repo);
    repo.write(file, bad);
    repo.git("add", file);
    expectBlocked(repo, before, commit(repo), at);
    repo.write(file, '{"q":"a","n":1}\r\n{"q":"b","n":2}');
    repo.git("add", file);
    expectCommitted(repo, before, commit(repo));
  });

  it("a schema mapped to a JSON Lines file checks each record, at its line", () => {
    repo = hookRepo();
    repo.write(
      ".integrity-guard/config.yml",
      'version: 1\nvalidate:\n  schemas:\n    - files: ["data/**/*.json", "data/**/*.jsonl"]\n      schema: schemas/data.schema.json\n',
    );
    repo.git("add", ".integrity-guard/config.yml");
    repo.git("commit", "-q", "--no-verify", "-m", "map jsonl");
    const before = head(repo);
    repo.write("data/rows.jsonl", '{"id":"abc","count":1}\n\n{"id":"def","count":-2}\n');
    repo.git("add", "data/rows.jsonl");
    const r = commit(repo);
    expectBlocked(repo, before, r, /data\/rows\.jsonl:3:\d+ .*count/);
    expect(r.out).toContain("schema/violation");
    repo.write("data/rows.jsonl", '{"id":"abc","count":1}\n\n{"id":"def","count":2}\n');
    repo.git("add", "data/rows.jsonl");
    expectCommitted(repo, before, commit(repo));
  });

  it("check (whole tree): a truncated .jsonl is exit 1 at its last line", () => {
    repo = hookRepo({ install: false });
    repo.write("datasets/test.jsonl", '{"a":1}\n{"a":');
    repo.commitAll("dataset");
    const r = repo.cliBundle(["check", "--format", "json"]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const findings = (JSON.parse(r.stdout) as { findings: { file: string; rule: string; line: number }[] }).findings;
    expect(findings.map((f) => [f.file, f.rule, f.line])).toEqual([["datasets/test.jsonl", "parse/truncated", 2]]);
  });
});
