/**
 * Files that a `.gitlab-ci.yml` includes are often named after it: `.gitlab-ci-build.yml`,
 * `.gitlab-ci.deploy.yml` (firecow/gitlab-ci-local's test cases include
 * `.gitlab-ci-issue-899-base.yml`, whose only content is `include:` and a hidden key set with
 * `!reference`, so no job key marks it). GitLab resolves `!reference` in every included file:
 * such names are GitLab CI's by path, and the tag is read there without a warning.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

const parse = (text: string, file: string) => parseDocument(Buffer.from(text), { path: file, format: "yaml" });

const BASE = "---\ninclude: .gitlab-ci-other.yml\n.common/util-image: !reference [.other/image]\n";

describe("GitLab CI include files named after .gitlab-ci.yml", () => {
  it.each([".gitlab-ci-issue-899-base.yml", "tests/.gitlab-ci-base.yml", "ci/.gitlab-ci.deploy.yaml", ".gitlab-ci_release.yml"])(
    "!reference is read in %s",
    (file) => {
      const doc = parse(BASE, file);
      expect(doc.findings).toEqual([]);
      expect(doc.value).toEqual({ include: ".gitlab-ci-other.yml", ".common/util-image": [".other/image"] });
    },
  );

  it("other names without job keys still warn", () => {
    expect(parse(BASE, "ci/base.yml").findings.map((f) => [f.rule, f.level])).toEqual([["parse/unknown-tag", "warning"]]);
    expect(parse(BASE, "my.gitlab-ci-notes/base.yml").findings.map((f) => f.rule)).toEqual(["parse/unknown-tag"]);
  });
});
