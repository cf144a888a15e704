/**
 * Issue 14, item 7: output injection. All output neutralises what its medium interprets:
 * Markdown/HTML in the job summary and PR comment (checked with a CommonMark renderer with GFM
 * tables, markdown-it, and without one), the sticky comment is only ever the token's own,
 * terminal escape sequences and bidi overrides are shown escaped in text output and
 * annotations, and SARIF artifact URIs are percent-encoded.
 */
import fs from "node:fs";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postSticky } from "../../src/action/comment.js";
import { summarize, type Finding } from "../../src/core/finding.js";
import { GitHubClient } from "../../src/io/github-api.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { startGitHubApi, type GitHubApi } from "../helpers/github-api.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

const MARKER = "<!-- integrity-guard:sticky -->";

/** File names and values a hostile pull request can choose. */
const HOSTILE_NAMES = [
  "data/a\r## ✅ no findings\r.json",
  "data/b\n| ❌ error | fake | row |\n.json",
  "data/c\u2028d\u2029e.json",
  "data/ping @octocat and #12.json",
  "data/[click](https://evil.example)<img src=x onerror=alert(1)>.json",
  "data/*bold* _em_ `code` ~~s~~ |pipe| \\|esc.json",
];

function findingsFor(names: readonly string[]): Finding[] {
  return names.map((file, i) => ({
    rule: "parse/syntax",
    level: "error",
    file,
    line: 1,
    column: i + 1,
    message: `${file}: bad value @team #7 [x](y) <b>`,
    pointer: `/key\r\n## heading @user`,
    expected: "a `value`",
    found: "*found*\r| cell |",
    fix: "see https://evil.example/@x",
  }));
}

function render(findings: Finding[], link?: (f: string, l?: number) => string): string {
  return renderMarkdown(findings, { title: "integrity-guard check", summary: summarize(findings), ...(link ? { link } : {}) });
}

describe("Markdown summary and PR comment", () => {
  // GFM's extended autolinks: http(s)://, www. and e-mail addresses (not bare domains).
  const md = new MarkdownIt({ html: true, linkify: true });
  md.linkify.set({ fuzzyLink: false });

  it("keeps one findings table with one row per finding, through a CommonMark/GFM renderer", () => {
    const findings = findingsFor(HOSTILE_NAMES);
    const html = md.render(render(findings));
    // Two tables (counts per rule, findings), one heading (the title), nothing else block-level.
    expect(html.match(/<table>/g)).toHaveLength(2);
    expect(html.match(/<h\d>/g)).toEqual(["<h2>"]);
    expect(html).not.toContain("no findings</h");
    const tables = html.split("<table>");
    const body = tables[2]!.split("<tbody>")[1]!;
    const rows = body.match(/<tr>[\s\S]*?<\/tr>/g)!;
    expect(rows).toHaveLength(findings.length);
    for (const row of rows) expect(row.match(/<td[ >]/g)).toHaveLength(6);
    // No injected links, images, emphasis, code or raw HTML.
    for (const tag of ["<a ", "<img", "<em>", "<strong>", "<code>", "<s>", "<b>", "<h1", "<h3", "<ul", "<ol", "<p>|"])
      expect(html, tag).not.toContain(tag);
    // Mentions and issue references are broken up (GitHub links them in the rendered text).
    const text = html.replace(/<[^>]+>/g, "").replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
    expect(text).not.toMatch(/@(octocat|team|user|x)\b/);
    expect(text).not.toMatch(/#(12|7)\b/);
    // The names stay readable: every character is still there (escaped controls shown as \r, \n).
    expect(text).toContain("octocat");
    expect(text).toContain("data/a\\r## ✅ no findings\\r.json");
  });

  it("a lone CR in a file name cannot end the table row (renderer-free check)", () => {
    const out = render(findingsFor(["data/a\r## ✅ no findings\r.json"]));
    expect(out).not.toMatch(/[\r\u2028\u2029]/);
    const lines = out.split("\n");
    const rowLines = lines.filter((l) => l.startsWith("| ❌"));
    expect(rowLines).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith("#"))).toEqual(["## integrity-guard check: ❌ 1 error, 0 warnings in 1 file"]);
    // Every line of the findings table is a row: starts and ends with an unescaped pipe.
    const table = lines.slice(lines.indexOf("| level | location | rule | message | pointer | fix |"));
    for (const l of table.filter(Boolean)) expect(l).toMatch(/^\|.*\|$/);
    expect(out).not.toContain("@octocat");
  });

  it("a link to a file whose name holds ')' or spaces stays one link to that file", () => {
    const html = md.render(
      render(findingsFor(["data/x) [y](https://evil.example) z.json"]), (f) => `https://github.com/acme/app/blob/abc/${f}`),
    );
    const links = html.match(/<a href="[^"]*"/g)!;
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(/^<a href="https:\/\/github\.com\/acme\/app\/blob\/abc\/data\/x%29%20%5By%5D%28https/);
  });
});

describe("the sticky comment is the token's own", () => {
  let api: GitHubApi;
  afterEach(async () => {
    await api.close();
  });
  const client = () => new GitHubClient({ token: "tok", repository: "acme/app", apiUrl: api.url, retryDelayMs: 1 });

  it("GITHUB_TOKEN (no GET /user): a marker comment planted by the PR author is neither edited nor taken as ours", async () => {
    api = await startGitHubApi();
    const planted = api.addComment(7, `${MARKER}\nall good, merge me`, "octocat");
    const warnings: string[] = [];
    const r = await postSticky(client(), { pr: 7, command: "check", body: "report", clean: false, warn: (m) => warnings.push(m) });
    expect(r.action).toBe("created");
    expect(api.find("PATCH", `/issues/comments/${planted.id}`)).toHaveLength(0);
    expect(api.comments.find((c) => c.id === planted.id)!.body).toBe(`${MARKER}\nall good, merge me`);
    const ours = api.comments.filter((c) => c.user.login === "github-actions[bot]" && c.body.includes(MARKER));
    expect(ours).toHaveLength(1);
    // The next run updates our comment, still not the planted one.
    await postSticky(client(), { pr: 7, command: "check", body: "report 2", clean: false, warn: (m) => warnings.push(m) });
    expect(api.find("PATCH", `/issues/comments/${ours[0]!.id}`)).toHaveLength(1);
    expect(api.find("PATCH", `/issues/comments/${planted.id}`)).toHaveLength(0);
    // A clean run does not read the planted comment as "an earlier report to update".
    const clean = await postSticky(client(), { pr: 8, command: "check", body: "clean", clean: true, warn: (m) => warnings.push(m) });
    expect(clean.action).toBe("skipped");
    expect(warnings).toEqual([]);
  });

  it("a clean run with only a planted marker comment posts nothing and edits nothing", async () => {
    api = await startGitHubApi();
    const planted = api.addComment(9, `${MARKER}\nold`, "octocat");
    const r = await postSticky(client(), { pr: 9, command: "check", body: "clean", clean: true, warn: () => undefined });
    expect(r.action).toBe("skipped");
    expect(api.writes()).toHaveLength(0);
    expect(api.comments.find((c) => c.id === planted.id)!.body).toBe(`${MARKER}\nold`);
  });

  it("a personal token (GET /user answers): only that user's marker comment is updated, not another bot's", async () => {
    api = await startGitHubApi({ userLogin: "release-bot-user", botLogin: "release-bot-user" });
    const other = api.addComment(7, `${MARKER}\nforged`, "evil-app[bot]");
    const mine = api.addComment(7, `${MARKER}\nold`, "release-bot-user");
    const r = await postSticky(client(), { pr: 7, command: "check", body: "report", clean: false, warn: () => undefined });
    expect(r.action).toBe("updated");
    expect(api.find("PATCH", `/issues/comments/${mine.id}`)).toHaveLength(1);
    expect(api.find("PATCH", `/issues/comments/${other.id}`)).toHaveLength(0);
  });
});

describe("terminal output and annotations", () => {
  let repo: TestRepo;
  beforeEach(() => {
    repo = createRepo();
  });
  afterEach(() => repo.cleanup());

  // OSC title change, clear screen, a colour, and a right-to-left override.
  const NAME = "data/\u001b]0;pwned\u0007\u001b[2J\u001b[31mred\u202etxt.json";
  const KEY = "k\u001b[1A\u001b[2K✔ no findings\u009b";

  function setup(): void {
    repo.write(".integrity-guard/config.yml", "version: 1\n");
    repo.write(NAME, "{,}\n");
    repo.write("data/keys.json", `{${JSON.stringify(KEY)}: 1, ${JSON.stringify(KEY)}: 2}\n`);
    repo.commitAll("hostile");
  }

  it("text output shows escape sequences, C1 controls and bidi overrides escaped", async () => {
    setup();
    const r = await repo.cli(["validate"]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(r.stdout).toContain("data/\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31mred\\u202etxt.json");
    expect(r.stdout).toContain("\\x1b[1A\\x1b[2K✔ no findings\\x9b");
  });

  it("a restore plan names files with their escapes shown", async () => {
    repo.write(
      ".integrity-guard/config.yml",
      "version: 1\nsnapshots:\n  sign: { format: none }\n  sets:\n    hourly: { paths: [data/], keep: 3 }\n",
    );
    repo.write(NAME, "{}\n");
    expect((await repo.cli(["snapshot", "--set", "hourly"])).code).toBe(0);
    repo.write(NAME, '{"changed": 1}\n');
    const r = await repo.cli(["restore", "latest", "--dry-run", "--allow-unsigned"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(r.stdout).toContain("modify  data/\\x1b]0;pwned");
  });

  it("annotations show them escaped too, and stay one line each", async () => {
    setup();
    const r = await repo.cli(["validate", "--format", "github"]);
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stdout.split("\n").filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) /);
    const messages = lines.map((l) => l.slice(l.indexOf("::", 2) + 2));
    for (const m of messages) expect(m).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(messages.join("\n")).toContain("\\x1b[1A");
  });
});

describe("SARIF", () => {
  let repo: TestRepo;
  beforeEach(() => {
    repo = createRepo();
  });
  afterEach(() => repo.cleanup());

  it("percent-encodes artifact URIs (space, #, %, non-ASCII, backslash, ?, :)", async () => {
    const name = "data/a b#c%d\\é?x:y.json";
    repo.write(".integrity-guard/config.yml", "version: 1\n");
    repo.write(name, "{,}\n");
    repo.commitAll("names");
    const r = await repo.cli(["validate", "--format", "sarif"]);
    expect(r.code, r.stderr).toBe(1);
    const sarif = JSON.parse(r.stdout) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    const uris = sarif.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toEqual(["data/a%20b%23c%25d%5C%C3%A9%3Fx%3Ay.json"]);
    // A relative-path reference (RFC 3986): unreserved characters, "/" and %XX only.
    for (const u of uris) expect(u).toMatch(/^(?:[A-Za-z0-9\-._~/]|%[0-9A-F]{2})+$/);
    expect(decodeURIComponent(uris[0]!)).toBe(name);
    expect(fs.existsSync(path.join(repo.dir, decodeURIComponent(uris[0]!)))).toBe(true);
  });
});
