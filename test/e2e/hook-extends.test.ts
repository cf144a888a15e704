/**
 * The pre-commit hook (built bundle) on a shared config whose extender is already committed: the
 * hook sees only the staged file, and reads the committed tsconfig (or the Heft project's
 * package.json) from the index to know how the file is read. Corruption is still blocked.
 */
import { afterEach, describe, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import { commit, expectBlocked, expectCommitted, head, hookRepo } from "./hook-fixture.js";

const SHARED = '{\n  "compilerOptions": {\n    // strict everywhere\n    "strict": true,\n  },\n}\n';

describe("hook: configs read through extends or a Heft project", () => {
  let repo: TestRepo | undefined;
  afterEach(() => {
    repo?.cleanup();
    repo = undefined;
  });

  function setUp(): TestRepo {
    return hookRepo({
      before: (r) => {
        r.write("packages/app/tsconfig.json", '{ "extends": "../../configs/base.json" }\n');
        r.write("configs/base.json", '{ "compilerOptions": { "strict": false } }\n');
        r.write("packages/lib/package.json", '{ "name": "lib", "devDependencies": { "@rushstack/heft": "1.0.0" } }\n');
        r.write("packages/lib/config/typescript.json", '{ "staticAssetsToCopy": {} }\n');
        r.git("add", "-A");
        r.git("commit", "-q", "--no-verify", "-m", "configs");
      },
    });
  }

  it("commits a staged shared config with comments and trailing commas that a committed tsconfig extends", () => {
    repo = setUp();
    const before = head(repo);
    repo.write("configs/base.json", SHARED);
    repo.git("add", "configs/base.json");
    expectCommitted(repo, before, commit(repo));
  });

  it("commits a Heft project's config/typescript.json with comments", () => {
    repo = setUp();
    const before = head(repo);
    repo.write(
      "packages/lib/config/typescript.json",
      '{\n  // copy the .resx files\n  "staticAssetsToCopy": { "fileExtensions": [".resx"], },\n}\n',
    );
    repo.git("add", "packages/lib/config/typescript.json");
    expectCommitted(repo, before, commit(repo));
  });

  it("blocks the same shared config cut short, and one no committed config extends", () => {
    repo = setUp();
    const before = head(repo);
    repo.write("configs/base.json", SHARED.slice(0, 40));
    repo.git("add", "configs/base.json");
    expectBlocked(repo, before, commit(repo), /configs\/base\.json:\d+:\d+/);
    repo.git("reset", "-q", "configs/base.json");
    repo.write("configs/other.json", SHARED);
    repo.git("add", "configs/other.json");
    expectBlocked(repo, before, commit(repo), /configs\/other\.json:3:5/);
  });
});
