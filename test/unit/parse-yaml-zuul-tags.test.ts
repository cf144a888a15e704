/**
 * Zuul's configuration (zuul.yaml, zuul.d/, .zuul.yaml, .zuul.d/, loaded recursively) is read by
 * zuul/lib/yamlutil.py's EncryptedLoader, which constructs `!encrypted/pkcs1-oaep` (a secret's
 * ciphertext: one base64 string or a list of them), and the override controls `!inherit` and
 * `!override` (a job's `files: !inherit [...]` adds to the parent's matchers). OpenStack's
 * repositories (kolla-ansible's zuul.d/scenarios/*.yaml) use them: no unknown-tag warning there,
 * and the same tags outside Zuul's files stay warnings.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

const parse = (text: string, file: string) => parseDocument(Buffer.from(text), { path: file, format: "yaml" });

// Written after openstack/kolla-ansible zuul.d/scenarios/aio.yaml and openbao.yaml (Apache-2.0).
const JOBS = [
  "---",
  "- job:",
  "    name: example-aio-base",
  "    parent: example-base",
  "    files: !inherit",
  "      - ^ansible/post-deploy.yml",
  "      - ^roles/example-(deploy|tempest)/",
  "",
  "- job:",
  "    name: example-openbao-base",
  "    voting: false",
  "    irrelevant-files: !override",
  "      - ^doc/",
  "",
].join("\n");

const SECRET = [
  "- secret:",
  "    name: example_credentials",
  "    data:",
  "      user: ci-bot",
  "      password: !encrypted/pkcs1-oaep",
  "        - QmFzZTY0IGNpcGhlcnRleHQgb25l",
  "        - QmFzZTY0IGNpcGhlcnRleHQgdHdv",
  "      token: !encrypted/pkcs1-oaep QmFzZTY0IHRva2Vu",
  "",
].join("\n");

describe("Zuul's tags", () => {
  it.each(["zuul.d/scenarios/aio.yaml", "zuul.yaml", ".zuul.yaml", ".zuul.d/jobs.yaml", "ci/zuul.d/nested/jobs.yaml"])(
    "!inherit and !override are read in %s",
    (file) => {
      const doc = parse(JOBS, file);
      expect(doc.findings).toEqual([]);
      expect(doc.value).toEqual([
        {
          job: {
            name: "example-aio-base",
            parent: "example-base",
            files: ["^ansible/post-deploy.yml", "^roles/example-(deploy|tempest)/"],
          },
        },
        { job: { name: "example-openbao-base", voting: false, "irrelevant-files": ["^doc/"] } },
      ]);
    },
  );

  it("!encrypted/pkcs1-oaep is read in a secret, as one ciphertext or a list of chunks", () => {
    const doc = parse(SECRET, ".zuul.yaml");
    expect(doc.findings).toEqual([]);
    expect(doc.value).toMatchObject([{ secret: { data: { token: "QmFzZTY0IHRva2Vu" } } }]);
  });

  it("a file of Zuul's top-level items is recognised by its content (a tenant's extra-config-paths)", () => {
    expect(parse(JOBS, "ci/extra/jobs.yaml").findings).toEqual([]);
    expect(parse(SECRET, "ci/extra/secrets.yaml").findings).toEqual([]);
  });

  it("a ciphertext written as a mapping is an error at the tag (Zuul cannot decode it)", () => {
    const doc = parse("- secret:\n    name: s\n    data:\n      password: !encrypted/pkcs1-oaep\n        key: value\n", ".zuul.yaml");
    expect(doc.findings.map((f) => [f.rule, f.level, f.line])).toEqual([["parse/syntax", "error", 4]]);
  });

  it("the same tags outside Zuul's files stay warnings", () => {
    const text = "matchers:\n  files: !inherit\n    - a\nsecret: !encrypted/pkcs1-oaep abc\n";
    expect(parse(text, "config/matchers.yaml").findings.map((f) => [f.rule, f.level, f.line])).toEqual([
      ["parse/unknown-tag", "warning", 2],
      ["parse/unknown-tag", "warning", 4],
    ]);
  });
});
