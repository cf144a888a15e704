/**
 * `check` on a work tree where git checked files out in another form than the commit holds:
 * symlinks as plain files holding their target (`core.symlinks=false`, Git for Windows), UTF-16
 * files stored as UTF-8 (`working-tree-encoding`), a submodule named like a data file. Each was
 * a false block: the link's target path read as JSON, the UTF-16 BOM as an encoding error, the
 * submodule folder as an unreadable file. Corruption in those files is still reported.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

const CONFIG = 'version: 1\nvalidate:\n  schemas:\n    - files: ["data/**/*.json"]\n      schema: schemas/data.schema.json\n';
const SCHEMA = '{"type":"object","required":["n"],"properties":{"n":{"type":"integer","minimum":0}}}\n';

function repo(): TestRepo {
  const r = createRepo();
  repos.push(r);
  r.write(".integrity-guard/config.yml", CONFIG);
  r.write("schemas/data.schema.json", SCHEMA);
  r.write("data/a.json", '{"n":1}\n');
  return r;
}

/** Rule and file of each finding of the built CLI's `check`. */
function check(r: TestRepo): { code: number; findings: string[] } {
  const out = r.cliBundle(["check", "--format", "json"]);
  const report = JSON.parse(out.stdout || "{}") as { findings?: { rule: string; file?: string }[] };
  return { code: out.code, findings: (report.findings ?? []).map((f) => `${f.rule} ${f.file ?? ""}`).sort() };
}

/** UTF-16LE with a BOM, as git writes a `working-tree-encoding=UTF-16LE-BOM` file. */
function utf16(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

describe("a work tree checked out in another form than the commit", () => {
  it("core.symlinks=false: a link checked out as a plain file is a link, not data", () => {
    const r = repo();
    r.write("data/b.json", '{"n":-1}\n');
    r.commitAll("initial");
    r.git("config", "core.symlinks", "false");
    // A tracked link data/l.json -> a.json, checked out by git as a plain file holding "a.json".
    r.write("tmp-target", "a.json");
    const target = r.git("hash-object", "-w", "tmp-target").trim();
    fs.rmSync(path.join(r.dir, "tmp-target"));
    r.git("update-index", "--add", "--cacheinfo", `120000,${target},data/l.json`);
    r.git("commit", "-q", "--no-verify", "-m", "link");
    r.git("checkout", "--", "data/l.json");
    expect(fs.lstatSync(path.join(r.dir, "data/l.json")).isFile()).toBe(true);
    expect(r.read("data/l.json")).toBe("a.json");
    expect(check(r)).toEqual({ code: 1, findings: ["schema/violation data/b.json"] });
  });

  it("working-tree-encoding=UTF-16: the file is checked as git stores it (UTF-8)", () => {
    const r = repo();
    r.write(".gitattributes", "data/*.json working-tree-encoding=UTF-16LE-BOM text\n");
    r.write("data/u.json", utf16('{"n":2}\n'));
    r.write("data/bad.json", utf16('{"n":-2}\n'));
    r.commitAll("initial");
    expect(r.git("cat-file", "-p", ":data/u.json")).toBe('{"n":2}\n');
    expect(check(r)).toEqual({ code: 1, findings: ["schema/violation data/bad.json"] });
    // Without the attribute, UTF-16 stays an encoding error.
    r.write(".gitattributes", "");
    expect(check(r).findings).toContain("parse/encoding data/u.json");
  });

  it("a submodule named like a data file is left out, as in the index", () => {
    const sub = createRepo();
    repos.push(sub);
    sub.write("x.txt", "x\n");
    sub.commitAll("sub");
    const r = repo();
    r.commitAll("initial");
    r.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", sub.dir, "data/vendor.json");
    r.git("commit", "-q", "--no-verify", "-m", "submodule");
    expect(fs.statSync(path.join(r.dir, "data/vendor.json")).isDirectory()).toBe(true);
    expect(check(r)).toEqual({ code: 0, findings: [] });
  });
});
