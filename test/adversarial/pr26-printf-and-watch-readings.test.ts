/**
 * Two readings session 26 added (rw-b26), each chosen by the file's own content, so a pull request
 * could ask for them by writing that content into an existing strict data file:
 *
 * - A printf conversion standing for a whole value (`"status": %s`) makes a file a String.format
 *   template by content (src/core/select/template-syntax.ts), skipped with a notice: Spinnaker's
 *   test resources. Written into a data file the base holds as plain JSON, it must not skip the
 *   file: the base's version must be a template too.
 * - A Watcher watch's `trigger.schedule` and `actions` make a file read as Elasticsearch reads
 *   request bodies, with comments (src/core/select/jsonc-by-content.ts). Written into a data file
 *   the base holds as plain JSON, a comment that cut a value short must stay an error.
 *
 * New files, and files the base already holds in that shape, are read as their content says.
 */
import { describe, expect, it } from "vitest";
import { baseRepos, findingsOf as findings, prWriting as pr, type Found } from "../helpers/pull-request.js";

const baseRepo = baseRepos();

const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");

const STATE = "data/state.json";
const WATCH = '{\n  "trigger": {"schedule": {"interval": "1m"}},\n  "input": {"simple": {}},\n  "actions": {}\n}\n';
const WATCH_COMMENTED =
  '{\n  "trigger": {"schedule": {"interval": "5m"}}, // every five minutes\n  "input": {"simple": {}},\n  "actions": {}\n}\n';

describe("a pull request that writes a reading's content into an existing strict JSON data file", () => {
  it("a `%s` value (a String.format template): still an error, and a notice says why", async () => {
    const repo = baseRepo({ [STATE]: '{"status": "ok", "count": 1}\n' });
    const r = await pr(repo, { [STATE]: '{"status": %s, "count": 1\n' });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(
      fs.some((f) => f.level === "error" && f.file === STATE && f.rule.startsWith("parse/")),
      brief(fs),
    ).toBe(true);
    expect(
      fs.some((f) => f.rule === "validate/template"),
      brief(fs),
    ).toBe(false);
  });

  it("a Watcher watch's trigger and actions: a comment is still an error, and a notice says why", async () => {
    const repo = baseRepo({ [STATE]: '{"status": "ok"}\n' });
    const r = await pr(repo, { [STATE]: WATCH_COMMENTED });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(
      fs.some((f) => f.level === "error" && f.file === STATE && f.rule.startsWith("parse/")),
      brief(fs),
    ).toBe(true);
    expect(fs.find((f) => f.rule === "trust/reading-changed" && f.file === STATE)?.message, brief(fs)).toMatch(/Elasticsearch/);
  });
});

describe("the same readings for new files and files the base holds in that shape (no false block)", () => {
  it("a new String.format JSON template is skipped with a notice", async () => {
    const repo = baseRepo({ [STATE]: '{"status": "ok"}\n' });
    const r = await pr(repo, { "src/test/resources/list-manifest.json": '{\n  "kind": "List",\n  "items": [\n    %s,\n    %s\n  ]\n}\n' });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
    expect(
      fs.some((f) => f.rule === "validate/template"),
      brief(fs),
    ).toBe(true);
  });

  it("a watch the base holds keeps its comments, and a new one is read with them", async () => {
    const repo = baseRepo({ "watches/disk.json": WATCH });
    const r = await pr(repo, { "watches/disk.json": WATCH_COMMENTED, "watches/new.json": WATCH_COMMENTED });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
    expect(
      fs.filter((f) => f.level === "error"),
      brief(fs),
    ).toEqual([]);
  });

  it("a watch with a trailing comma is still an error (Elasticsearch's parser refuses it)", async () => {
    const repo = baseRepo({ "watches/disk.json": WATCH });
    const r = await pr(repo, { "watches/disk.json": WATCH_COMMENTED.replace('"actions": {}', '"actions": {},') });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(
      fs.some((f) => f.level === "error" && f.file === "watches/disk.json"),
      brief(fs),
    ).toBe(true);
  });
});
