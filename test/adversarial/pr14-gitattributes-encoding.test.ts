/**
 * A pull request's `.gitattributes` re-encoding an existing file on checkout. A work-tree file
 * with `working-tree-encoding` is read decoded, as git stores it (io/checkout-forms.ts, for
 * Windows tools that want UTF-16). On a pull request those attributes are the pull request's: one
 * that adds `data/state.json working-tree-encoding=UTF-16LE-BOM` changes no blob, yet every
 * checkout of the merged change (a deploy job, a service reading its config from the checkout)
 * holds the file in UTF-16, which JSON.parse, YAML loaders and this tool's own rule refuse; the
 * Action decoded it and passed, and did not even look at the file (the pull request does not
 * change it). As for `filter=lfs`, the base's .gitattributes must now give the encoding too:
 * otherwise the file is read as checked out (parse/encoding), with a trust/reading-changed notice.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { runPullRequest } from "../e2e/action-harness.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

type Found = { rule: string; level: string; file?: string; message: string };
const findings = (json: string | undefined): Found[] => (JSON.parse(json ?? "{}") as { findings: Found[] }).findings;
const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""}`);

const STATE = "data/state.json";
const UTF16 = `${STATE} working-tree-encoding=UTF-16LE-BOM text\n`;

function baseRepo(files: Record<string, string>): TestRepo {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  for (const [f, t] of Object.entries(files)) repo.write(f, t);
  repo.commitAll("base");
  return repo;
}

/** Write `text` as a Windows tool does under the attribute: UTF-16LE with a BOM. */
function writeUtf16(r: TestRepo, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(r.dir, file)), { recursive: true });
  fs.writeFileSync(path.join(r.dir, file), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
}

/** Check the file out again, as actions/checkout writes it under the current .gitattributes. */
function checkoutAgain(r: TestRepo, file: string): void {
  r.git("add", ".gitattributes");
  fs.rmSync(path.join(r.dir, file));
  r.git("checkout", "--", file);
}

describe("a pull request whose .gitattributes re-encode an existing JSON file", () => {
  it("adding only the attribute (no blob changes): the file is checked as checked out, UTF-16, and the step fails", async () => {
    const repo = baseRepo({ [STATE]: '{"replicas": 3}\n' });
    const r = await runPullRequest(repo, (x) => {
      x.write(".gitattributes", UTF16);
      checkoutAgain(x, STATE);
      expect(fs.readFileSync(path.join(x.dir, STATE)).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    });
    expect(repo.git("diff", "--name-only", "main", "HEAD").trim()).toBe(".gitattributes");
    const fs_ = findings(r.findingsJson);
    expect(r.code, brief(fs_).join("\n")).toBe(1);
    expect(brief(fs_)).toContain(`error parse/encoding ${STATE}`);
    expect(fs_.find((f) => f.rule === "trust/reading-changed" && f.file === STATE)?.message).toMatch(/UTF-16LE-BOM/);
  });

  it("with the file changed too: the same", async () => {
    const repo = baseRepo({ [STATE]: '{"replicas": 3}\n' });
    const r = await runPullRequest(repo, (x) => {
      x.write(".gitattributes", UTF16);
      writeUtf16(x, STATE, '{"replicas": 4}\n');
      x.git("add", STATE);
      expect(x.git("cat-file", "-p", `:${STATE}`)).toBe('{"replicas": 4}\n');
    });
    expect(brief(findings(r.findingsJson))).toContain(`error parse/encoding ${STATE}`);
    expect(r.code).toBe(1);
  });

  it("a file the base already re-encodes is read decoded as before, its corruption still found", async () => {
    const repo = baseRepo({ ".gitattributes": UTF16 });
    writeUtf16(repo, STATE, '{"replicas": 3}\n');
    repo.commitAll("state");
    const ok = await runPullRequest(repo, (x) => {
      x.write(".gitattributes", UTF16 + "*.md text\n");
      writeUtf16(x, STATE, '{"replicas": 4}\n');
    });
    expect(ok.code, brief(findings(ok.findingsJson)).join("\n")).toBe(0);
    repo.git("switch", "-q", "main");
    repo.git("branch", "-q", "-D", "feature");
    const bad = await runPullRequest(repo, (x) => {
      x.write(".gitattributes", UTF16 + "*.md text\n");
      writeUtf16(x, STATE, '{"replicas": 4,}\n');
    });
    expect(brief(findings(bad.findingsJson))).toContain(`error parse/syntax ${STATE}`);
  });

  it("a new file the pull request adds with the attribute is read decoded (its own choice)", async () => {
    const repo = baseRepo({ [STATE]: '{"replicas": 3}\n' });
    const r = await runPullRequest(repo, (x) => {
      x.write(".gitattributes", "data/win.json working-tree-encoding=UTF-16LE-BOM text\n");
      writeUtf16(x, "data/win.json", '{"replicas": 1}\n');
    });
    expect(r.code, brief(findings(r.findingsJson)).join("\n")).toBe(0);
  });
});
