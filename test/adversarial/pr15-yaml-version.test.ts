/**
 * Red team round 15: a `%YAML 1.1` directive a pull request writes above an existing YAML file.
 * The yaml package honours the directive, so the file was read with YAML 1.1's types: `off`,
 * `no`, `n` became booleans and passed a schema's `type: boolean`. Most readers do not switch on
 * the directive: js-yaml and serde_yaml read `enabled: off` as the string "off" (true in a
 * condition, a type error in Rust), go-yaml v3 as a string too unless the field is a bool. Like
 * the other readers' markers a change writes into an existing file (session 18), the directive
 * now counts only when the base's version carries it too: the file is read as YAML 1.2, its
 * error explained by a trust/reading-changed notice. A new file is read as its directive says.
 */
import { describe, expect, it } from "vitest";
import { baseRepos, findingsOf, prWriting, YAML_FLAGS_BASE } from "../helpers/pull-request.js";

const baseRepo = baseRepos();

describe("a %YAML 1.1 directive a pull request adds to an existing file", () => {
  it("does not make `off` a boolean: the schema's error stands, with a trust/reading-changed notice", async () => {
    const repo = baseRepo(YAML_FLAGS_BASE);
    const r = await prWriting(repo, { "config/flags.yaml": "%YAML 1.1\n---\naudit: off\n" });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const found = findingsOf(r.findingsJson).filter((f) => f.file === "config/flags.yaml");
    expect(found.find((f) => f.rule === "schema/violation")?.message).toContain('found string "off"');
    expect(found.map((f) => f.rule)).toContain("trust/reading-changed");
  });

  it("a new file is read as its directive says (guard)", async () => {
    const repo = baseRepo(YAML_FLAGS_BASE);
    const r = await prWriting(repo, { "config/legacy.yaml": "%YAML 1.1\n---\naudit: off\n" });
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it("a file whose base version has the directive keeps the YAML 1.1 reading (guard)", async () => {
    const repo = baseRepo(YAML_FLAGS_BASE);
    repo.write("config/flags.yaml", "%YAML 1.1\n---\naudit: yes\n");
    repo.commitAll("a YAML 1.1 file");
    const r = await prWriting(repo, { "config/flags.yaml": "%YAML 1.1\n---\naudit: off\n" });
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
});
