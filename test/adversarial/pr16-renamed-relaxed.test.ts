/**
 * Red team, session 21: a pull request that renames a checked file to a name a reader relaxes
 * (`*.jsonc`: comments and trailing commas) and leaves a symlink under the old name, which its
 * consumer still reads. The link is checked under its own name, as strict JSON: held (guard).
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { runPullRequest } from "../e2e/action-harness.js";

let repo: TestRepo;
beforeEach(() => {
  repo = createRepo();
  repo.write("config/app.json", '{"port": 8080}\n');
  repo.commitAll("main");
});
afterEach(() => repo.cleanup());

type Found = { rule: string; level: string; file?: string; message: string };
const findingsOf = (json: string | undefined) => (JSON.parse(json ?? "{}") as { findings?: Found[] }).findings ?? [];
const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");

describe("a checked JSON file renamed to .jsonc with a trailing comma, a symlink left under the old name", () => {
  it("the old name is still read as JSON through the link, and the step fails", async () => {
    const r = await runPullRequest(repo, (x) => {
      x.git("mv", "config/app.json", "config/app.jsonc");
      x.write("config/app.jsonc", '{"port": 8080,}\n');
      fs.symlinkSync("app.jsonc", path.join(x.dir, "config/app.json"));
    });
    const found = findingsOf(r.findingsJson);
    expect(r.code, brief(found)).toBe(1);
    expect(
      found.some((f) => f.level === "error" && f.file === "config/app.json"),
      brief(found),
    ).toBe(true);
  });
});
