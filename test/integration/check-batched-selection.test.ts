/**
 * `check` on a tree of several validate batches (issue 20: the selection is packed and taken a
 * batch at a time): every selected file is checked once, and the findings are those of the broken
 * files, in the order git lists them, wherever they fall against a batch boundary.
 */
import { describe, expect, it } from "vitest";
import { withRepo } from "../helpers/repo.js";

describe("check over several batches of files", () => {
  it("finds every broken file, at and around the batch boundaries, once and in order", async () => {
    await withRepo(async (repo) => {
      const n = 700; // three batches of 256 in the work tree
      const name = (i: number) => `data/f${String(i).padStart(4, "0")}.json`;
      const broken = new Set([0, 255, 256, 511, 512, 699]);
      for (let i = 0; i < n; i++) repo.write(name(i), broken.has(i) ? '{"id": ' + i + ",\n" : JSON.stringify({ id: i }) + "\n");
      repo.write("data/ü/é.json", "{");
      repo.commitAll("tree");
      const r = await repo.cli(["check", "--format", "json"]);
      expect(r.code, r.stderr).toBe(1);
      const report = JSON.parse(r.stdout) as { findings: { rule: string; file: string }[]; summary: { checked: number } };
      const files = report.findings.filter((f) => f.rule.startsWith("parse/")).map((f) => f.file);
      expect(files).toEqual([...[...broken].map(name), "data/ü/é.json"]);
      expect(report.summary.checked).toBe(n + 1);
    });
  });
});
