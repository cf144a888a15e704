/**
 * Red team, session 21: `.gitattributes` `ident`. On checkout git expands `$Id$`, and any
 * `$Id: ... $` on one line, to `$Id: <blob id> $`; on `git add` it collapses them back. A pull
 * request can so commit a blob its readers refuse whose checkout is valid: stage
 * `{"on": "$Id:",broken"$"}` first (git keeps an id with a space inside as another tool's), then add `config.json ident` to .gitattributes. The
 * Action read the checkout (`"$Id: <id> $"`, a string) and passed; GitHub reads a workflow,
 * action.yml or dependabot.yml from the blob, as do raw URLs, the contents API and programs that
 * read git objects (go-git, dulwich, libgit2 without filters), and refuse it. A file whose
 * checkout differs from its blob by `ident` alone is checked as git stores it.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo } from "../helpers/repo.js";
import { payloads, runActionBundle } from "../e2e/action-harness.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

type Found = { rule: string; level: string; file?: string; message: string };
const findings = (json: string | undefined) => (JSON.parse(json ?? "{}") as { findings: Found[] }).findings;
const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");

/** A base commit with `file` valid, then a pull request that stores `blob` and gives the file `ident`. */
async function identPr(file: string, good: string, blob: string) {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write(file, good);
  repo.commitAll("base");
  const base = repo.git("rev-parse", "HEAD").trim();
  repo.git("switch", "-q", "-c", "feature");
  repo.write(file, blob);
  repo.git("add", file); // stored as written: no ident yet
  repo.write(".gitattributes", `${file} ident\n`);
  repo.git("add", ".gitattributes");
  repo.git("commit", "-q", "--no-verify", "-m", "pr");
  const head = repo.git("rev-parse", "HEAD").trim();
  // As actions/checkout leaves it: the work tree checked out under the pull request's attributes.
  fs.rmSync(path.join(repo.dir, file));
  repo.git("checkout", "-q", "--", file);
  expect(repo.git("cat-file", "-p", `${head}:${file}`)).toBe(blob);
  expect(repo.read(file)).not.toBe(blob);
  const r = await runActionBundle({
    repo,
    eventName: "pull_request",
    payload: payloads.pullRequest(5, { ref: "main", sha: base }, { ref: "feature", sha: head }),
    inputs: { comment: "false", token: "" },
  });
  return { r, found: findings(r.findingsJson) };
}

describe("a pull request whose blob is broken and whose `ident` checkout is valid", () => {
  it("a JSON file: its parse error, as its blob holds it", async () => {
    const { r, found } = await identPr("config/app.json", '{"name": "app"}\n', '{"name": "$Id:",broken"$"}\n');
    expect(r.code, brief(found)).toBe(1);
    expect(
      found.some((f) => f.level === "error" && f.file === "config/app.json" && f.rule.startsWith("parse/")),
      brief(found),
    ).toBe(true);
  });

  it("a workflow GitHub reads from the blob: its schema error", async () => {
    const wf = ".github/workflows/deploy.yml";
    const { r, found } = await identPr(
      wf,
      "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n",
      "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps: [{run: '$Id:'}]x[{a:'$'}]\n",
    );
    expect(r.code, brief(found)).toBe(1);
    expect(
      found.some((f) => f.level === "error" && f.file === wf),
      brief(found),
    ).toBe(true);
  });

  it("a valid blob with `$Id$` in a string is valid in both forms (guard)", async () => {
    const { r, found } = await identPr("config/app.json", '{"name": "app"}\n', '{"name": "app", "rev": "$Id$"}\n');
    expect(r.code, brief(found)).toBe(0);
  });
});
