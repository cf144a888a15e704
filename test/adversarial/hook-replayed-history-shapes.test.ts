/**
 * History shapes met when real histories were replayed through the hook
 * (scripts/replay-history.mjs, test/fixtures/history-replay/REVIEW.md), each committed with the
 * hook init installs, running the built CLI: a values file turned into a symlink and back
 * (bjw-s-labs/helm-charts), a mode-only change (argo-rollouts, click_that_hood), a .gitattributes
 * change, a config file moved and edited in one commit (khuedoan/homelab), a submodule bump
 * (umpirsky/country-list). None may block a valid commit. A broken file recorded in the baseline
 * stays exempt through a mode-only change (its content is what the baseline records), and an edit
 * of it still blocks (geekofweek/homeassistant's customize.yaml).
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import { commit, expectBlocked, expectCommitted, head, hookRepo } from "../e2e/hook-fixture.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

function withValues(): TestRepo {
  return hookRepo({
    before: (r) => {
      r.write("charts/app/values.yaml", "replicas: 2\nimage:\n  tag: v1\n");
      r.write("charts/app/ci/full-values.yaml", "replicas: 3\n");
      r.write("config/app.json", '{"name": "app"}\n');
      r.commitAll("charts");
    },
  });
}

describe("valid commits of shapes found in real histories pass the hook", () => {
  it("a values file replaced by a symlink to a sibling, then by a file again", () => {
    repo = withValues();
    fs.rmSync(path.join(repo.dir, "charts/app/ci/full-values.yaml"));
    fs.symlinkSync("../values.yaml", path.join(repo.dir, "charts/app/ci/full-values.yaml"));
    repo.git("add", "-A");
    let before = head(repo);
    expectCommitted(repo, before, commit(repo));
    expect(repo.git("ls-files", "-s", "charts/app/ci/full-values.yaml")).toMatch(/^120000 /);
    fs.rmSync(path.join(repo.dir, "charts/app/ci/full-values.yaml"));
    repo.write("charts/app/ci/full-values.yaml", "replicas: 4\n");
    repo.git("add", "-A");
    before = head(repo);
    expectCommitted(repo, before, commit(repo));
  });

  it("a mode-only change (644 to 755) of JSON and YAML files", () => {
    repo = withValues();
    fs.chmodSync(path.join(repo.dir, "config/app.json"), 0o755);
    fs.chmodSync(path.join(repo.dir, "charts/app/values.yaml"), 0o755);
    repo.git("add", "-A");
    expect(repo.git("diff", "--cached", "--raw")).toMatch(/100644 100755/);
    expectCommitted(repo, head(repo), commit(repo));
  });

  it("a .gitattributes that marks the JSON files generated, binary for diff, and LF", () => {
    repo = withValues();
    repo.write(".gitattributes", "*.json linguist-generated -diff text eol=lf\n*.yaml text eol=lf\n");
    repo.git("add", "-A");
    expectCommitted(repo, head(repo), commit(repo));
  });

  it("a config file moved to another folder and edited in the same commit", () => {
    repo = withValues();
    fs.mkdirSync(path.join(repo.dir, "platform/app"), { recursive: true });
    repo.git("mv", "charts/app/values.yaml", "platform/app/values.yaml");
    repo.write("platform/app/values.yaml", "replicas: 2\nimage:\n  tag: v2\n");
    repo.git("add", "-A");
    expect(repo.git("diff", "--cached", "-M", "--name-status")).toMatch(/^R\d+\tcharts\/app\/values\.yaml\tplatform\/app\/values\.yaml/m);
    expectCommitted(repo, head(repo), commit(repo));
  });

  it("a submodule bump (the gitlink changes) beside a JSON edit", () => {
    repo = withValues();
    // A gitlink names a commit of another repository: git does not need it here.
    const sub = (n: number) => String(n).repeat(40);
    repo.write(".gitmodules", '[submodule "vendor/lib"]\n\tpath = vendor/lib\n\turl = https://example.com/lib.git\n');
    repo.git("update-index", "--add", "--cacheinfo", `160000,${sub(1)},vendor/lib`);
    repo.git("add", ".gitmodules");
    expectCommitted(repo, head(repo), commit(repo));
    repo.git("update-index", "--cacheinfo", `160000,${sub(2)},vendor/lib`);
    repo.write("config/app.json", '{"name": "app", "lib": 2}\n');
    repo.git("add", "config/app.json");
    expect(repo.git("diff", "--cached", "--raw")).toMatch(/160000 160000 .*vendor\/lib/);
    expectCommitted(repo, head(repo), commit(repo));
  });
});

describe("a broken file recorded in the baseline", () => {
  it("stays exempt through a mode-only change; an edit of it still blocks", () => {
    repo = hookRepo({
      before: (r) => {
        r.write("customize.yaml", "light.kitchen:\n  icon: mdi:lamp\nlight.kitchen:\n  icon: mdi:ceiling-light\n");
        r.commitAll("customize (committed before adoption)");
      },
    });
    const recorded = repo.cliBundle(["baseline", "--update"]);
    expect(recorded.code, recorded.stdout + recorded.stderr).toBe(0);
    repo.git("add", "-A");
    expectCommitted(repo, head(repo), commit(repo));
    fs.chmodSync(path.join(repo.dir, "customize.yaml"), 0o755);
    repo.git("add", "-A");
    expectCommitted(repo, head(repo), commit(repo));
    repo.write("customize.yaml", repo.read("customize.yaml") + "light.hall:\n  icon: mdi:lamp\n");
    repo.git("add", "-A");
    expectBlocked(repo, head(repo), commit(repo), /customize\.yaml:3:1.*duplicate key "light\.kitchen"/);
  });
});
