/**
 * Red team round 11 (leftover of round 10): invisible characters in names a pull request
 * chooses. The Markdown report writes a zero-width space, joiner, word joiner, soft hyphen or
 * Hangul filler out as `\u200b`, but displayText (text output, the Action's log lines,
 * annotation messages, SARIF messages, check-run text) left them as they are: the annotation of a
 * PR that adds a broken `data/state<U+200B>.json` read "data/state.json matches manifest.include
 * but is not sealed", the name of a file the PR did not add. Every output now escapes them the
 * same way (core/names.ts). An annotation's `file=` property keeps the real name: GitHub places
 * the annotation by it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { displayText, escapeName } from "../../src/core/names.js";
import { annotationLine } from "../../src/report/github.js";
import { codeSpan, escapeCell } from "../../src/report/markdown.js";
import { renderText } from "../../src/report/text.js";
import { summarize, type Finding } from "../../src/core/finding.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { runPullRequest } from "../e2e/action-harness.js";

const INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\u180e", "\u3164", "\uffa0", "\u115f", "\u1160", "\u034f"];
const ANY_INVISIBLE = /[\u034f\u00ad\u115f\u1160\u180e\u200b-\u200d\u2060-\u2064\u3164\uffa0]/u;

const finding = (file: string): Finding => ({
  rule: "manifest/added",
  level: "error",
  file,
  message: `${file} matches manifest.include but is not sealed`,
  fix: `git restore -- ${file}`,
});

describe("displayText writes invisible characters out, as the Markdown report does", () => {
  it("each one becomes \\uXXXX, in displayText and escapeName", () => {
    for (const c of INVISIBLE) {
      const hex = c.codePointAt(0)!.toString(16).padStart(4, "0");
      expect(displayText(`a${c}b`), hex).toBe(`a\\u${hex}b`);
      expect(escapeName(`a${c}b`), hex).toBe(`a\\u${hex}b`);
    }
  });

  it("a backslash typed in a name stays distinct from an escaped character", () => {
    expect(displayText("a\\u200b\u200b")).toBe("a\\\\u200b\\u200b");
  });

  it("text output names data/state\\u200b.json, never data/state.json", () => {
    const f = finding("data/state\u200b.json");
    const text = renderText([f], summarize([f]), { color: false });
    expect(text).toContain("data/state\\u200b.json matches");
    expect(text).not.toMatch(ANY_INVISIBLE);
  });

  it("an annotation's message is escaped; its file property keeps the real name", () => {
    const line = annotationLine(finding("data/state\u2060.json"));
    const [props, message] = [line.slice(0, line.indexOf("::", 2)), line.slice(line.indexOf("::", 2) + 2)];
    expect(props).toContain("file=data/state\u2060.json");
    expect(message).toContain("data/state\\u2060.json matches");
    expect(message).not.toMatch(ANY_INVISIBLE);
  });

  it("the Markdown report is unchanged (guard)", () => {
    expect(escapeCell("a\u200bb")).toBe("a&#92;u200bb");
    expect(codeSpan("a\u00adb")).toBe("`a\\u00adb`");
    expect(escapeCell("@octocat")).toBe("&#64;\u200boctocat");
  });

  it("visible text is unchanged (guard)", () => {
    for (const s of ["données/état.json", "データ/状態.json", "a\\b", "👍 ok"]) expect(displayText(s)).toBe(s);
  });
});

describe("the built Action on a pull request that adds data/state<U+200B>.json", () => {
  let repo: TestRepo | undefined;
  afterEach(() => repo?.cleanup());

  it("no log line or annotation message shows the name as data/state.json", async () => {
    repo = createRepo();
    repo.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
    repo.write("data/state.json", '{"a": 1}\n');
    repo.commitAll("base");
    const sealed = await repo.cli(["seal"]);
    expect(sealed.code, sealed.stdout + sealed.stderr).toBe(0);
    repo.commitAll("seal");
    const run = await runPullRequest(repo, (r) => r.write("data/state\u200b.json", '{"a": '));
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.annotations.some((l) => l.includes("data/state\\u200b.json matches manifest.include"))).toBe(true);
    // The only place the raw name may stand is an annotation's file property (where GitHub places it).
    const shown = run.stdout.replace(/^(::\w+ )file=[^,:]*/gm, "$1");
    expect(shown).not.toMatch(ANY_INVISIBLE);
  }, 240_000);
});
