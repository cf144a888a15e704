/**
 * Red team, session 23: a `%YAML 1.1` directive behind a byte order mark. Session 20 made the
 * directive a reading the base must agree to (pr15-yaml-version.test.ts): the yaml package
 * honours it, so `audit: off` became a boolean a schema's `type: boolean` accepted, while js-yaml,
 * serde_yaml and go-yaml read the string "off". The check looked for `%YAML 1.1` at the start of
 * a line; the yaml package honours `\uFEFF%YAML 1.1` as well (YAML lets a document open with a
 * BOM, and session 22's parser skips a leading one). One BOM before the directive had the
 * pull request's YAML 1.1 reading pass again with no agreement asked.
 */
import { describe, expect, it } from "vitest";
import { baseRepos, findingsOf, prWriting, YAML_FLAGS_BASE, type Found } from "../helpers/pull-request.js";

const baseRepo = baseRepos();

const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");

describe("a %YAML 1.1 directive behind a byte order mark, added to an existing file", () => {
  for (const [name, text] of [
    ["at the start of the file", "\uFEFF%YAML 1.1\n---\naudit: off\n"],
    ["before a later document of the stream", "audit: true\n...\n\uFEFF%YAML 1.1\n---\naudit: off\n"],
  ] as const) {
    it(`${name}: \`off\` is not a boolean, the schema's error stands with a trust/reading-changed notice`, async () => {
      const repo = baseRepo(YAML_FLAGS_BASE);
      const r = await prWriting(repo, { "config/flags.yaml": text });
      const found = findingsOf(r.findingsJson).filter((f) => f.file === "config/flags.yaml");
      expect(r.code, brief(found) + r.stderr).toBe(1);
      expect(found.find((f) => f.rule === "schema/violation" && f.level === "error")?.message, brief(found)).toContain(
        'found string "off"',
      );
      expect(found.map((f) => f.rule)).toContain("trust/reading-changed");
    });
  }

  it("a new file with the mark and the directive is read as YAML 1.1 (guard)", async () => {
    const repo = baseRepo(YAML_FLAGS_BASE);
    const r = await prWriting(repo, { "config/legacy.yaml": "\uFEFF%YAML 1.1\n---\naudit: off\n" });
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it("a file whose base version has the mark and the directive keeps the YAML 1.1 reading (guard)", async () => {
    const repo = baseRepo(YAML_FLAGS_BASE);
    repo.write("config/flags.yaml", "\uFEFF%YAML 1.1\n---\naudit: yes\n");
    repo.commitAll("a YAML 1.1 file saved with a BOM");
    const r = await prWriting(repo, { "config/flags.yaml": "\uFEFF%YAML 1.1\n---\naudit: off\n" });
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
});
