/**
 * The hook on a staged pnpm-lock.yaml, which is read with js-yaml first as pnpm reads it
 * (src/core/parse/yaml-lockfile.ts): a clean lockfile passes, and a broken one is still blocked
 * with the full reading's finding, line and column, the same as the same text under another name.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";

const LOCKFILE = [
  "lockfileVersion: '9.0'",
  "",
  "importers:",
  "  .:",
  "    dependencies:",
  "      left-pad:",
  "        specifier: ^1.3.0",
  "        version: 1.3.0",
  "",
  "packages:",
  "  left-pad@1.3.0:",
  "    resolution: {integrity: sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQ9gVkGAVOn0tGWFqTn8ZqX1Xb8E4xSu6jsS4bJqc8aSBkgQ==}",
  "",
].join("\n");

interface Finding {
  rule: string;
  file: string;
  line?: number;
  column?: number;
  message: string;
}

async function staged(repo: TestRepo): Promise<{ code: number; findings: Finding[] }> {
  const r = await repo.cli(["check", "--staged", "--format", "json"]);
  return { code: r.code, findings: (JSON.parse(r.stdout || '{"findings":[]}') as { findings: Finding[] }).findings };
}

describe("the hook on a staged pnpm-lock.yaml", () => {
  it("a clean lockfile passes; a broken one is blocked with line and column, as under another name", () =>
    withRepo(async (repo) => {
      repo.write("package.json", '{"name":"app"}\n');
      repo.commitAll("base");
      repo.write("pnpm-lock.yaml", LOCKFILE);
      repo.git("add", "pnpm-lock.yaml");
      expect(await staged(repo)).toEqual({ code: 0, findings: [] });

      const broken = LOCKFILE.replace("        version: 1.3.0\n", "        version: 1.3.0\n        version: 1.3.1\n");
      repo.write("pnpm-lock.yaml", broken);
      repo.write("copy.yaml", broken);
      repo.git("add", "pnpm-lock.yaml", "copy.yaml");
      const out = await staged(repo);
      expect(out.code).toBe(1);
      const lock = out.findings.filter((f) => f.file === "pnpm-lock.yaml");
      expect(lock).toMatchObject([{ rule: "parse/duplicate-key", line: 9, column: 9 }]);
      const copy = out.findings.filter((f) => f.file === "copy.yaml");
      expect(lock.map(({ file: _f, ...f }) => ({ ...f, related: undefined }))).toEqual(
        copy.map(({ file: _f, ...f }) => ({ ...f, related: undefined })),
      );
    }));
});
