/**
 * Session 27 (rt-pr22): YAML tag dialects known by a file's content or name
 * (core/parse/yaml-dialects.ts) do more than silence `parse/unknown-tag` warnings. Docker Compose
 * drops `key: !reset ...` and `- !reset ...` before it validates, so a pull request that wrote
 * `services:` at the top of a schema-mapped file had `audit: !reset "yes"` vanish from its
 * schema's view; and under `validate.yaml.unknown_tags: error` a CloudFormation marker turned the
 * tag error off. On a pull request such a dialect now counts only when the base's version of the
 * file (or, for a new mapped file, a peer of its mapping) is of that dialect too.
 */
import { describe, expect, it } from "vitest";
import { baseRepos, findingsOf, prWriting, YAML_FLAGS_BASE, type Found } from "../helpers/pull-request.js";

const baseRepo = baseRepos();
const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");
const errorsIn = (fs: Found[], file: string) => fs.filter((f) => f.level === "error" && f.file === file);

/** A base that maps `deploy/*.yaml` (Compose files by content) to a schema refusing `build: null`. */
const COMPOSE_BASE: Record<string, string> = {
  ".integrity-guard/config.yml":
    'version: 1\nvalidate:\n  schemas:\n    - files: ["deploy/*.yaml"]\n      schema: schemas/compose.schema.json\n',
  "schemas/compose.schema.json": JSON.stringify({
    type: "object",
    required: ["services"],
    properties: {
      services: {
        type: "object",
        additionalProperties: {
          type: "object",
          properties: { build: { type: "string" }, ports: { type: "array", items: { type: "string" } } },
        },
      },
    },
  }),
  "deploy/base.yaml": 'services:\n  web:\n    build: .\n    ports: ["8080:80"]\n',
};

/** A base whose `config/*.yaml` may hold any keys, with every unknown tag an error. */
const STRICT_TAGS_BASE: Record<string, string> = {
  ".integrity-guard/config.yml":
    'version: 1\nvalidate:\n  yaml:\n    unknown_tags: error\n  schemas:\n    - files: ["config/*.yaml"]\n      schema: schemas/any.schema.json\n',
  "schemas/any.schema.json": JSON.stringify({ type: "object" }),
  "config/app.yaml": "name: app\n",
};

describe("a content-chosen YAML dialect in a schema-mapped file the pull request writes", () => {
  it("an existing mapped file given `services:` and `audit: !reset` keeps its schema error", async () => {
    const r = await prWriting(baseRepo(YAML_FLAGS_BASE), { "config/flags.yaml": 'services: {}\naudit: !reset "yes"\n' });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(
      errorsIn(fs, "config/flags.yaml").some((f) => f.rule === "schema/violation"),
      brief(fs),
    ).toBe(true);
    const notice = fs.find((f) => f.rule === "trust/reading-changed" && f.file === "config/flags.yaml");
    expect(notice?.message, brief(fs)).toMatch(/Docker Compose|compose/i);
  });

  it("a new mapped file given `services:` and `audit: !reset` keeps its schema error", async () => {
    const r = await prWriting(baseRepo(YAML_FLAGS_BASE), { "config/new.yaml": 'services: {}\naudit: !reset "yes"\n' });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(errorsIn(fs, "config/new.yaml").length, brief(fs)).toBeGreaterThan(0);
  });

  it("a new mapped file named compose.yaml gets no `!reset` drop from its name", async () => {
    const r = await prWriting(baseRepo(YAML_FLAGS_BASE), { "config/compose.yaml": 'audit: !reset "yes"\n' });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(errorsIn(fs, "config/compose.yaml").length, brief(fs)).toBeGreaterThan(0);
  });

  it("a CloudFormation marker written into an existing file does not turn unknown_tags: error off", async () => {
    const r = await prWriting(baseRepo(STRICT_TAGS_BASE), {
      "config/app.yaml": 'AWSTemplateFormatVersion: "2010-09-09"\nname: !Sub app\n',
    });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(
      errorsIn(fs, "config/app.yaml").some((f) => f.rule === "parse/unknown-tag"),
      brief(fs),
    ).toBe(true);
  });
});

describe("dialects the base already reads keep their reading (guards)", () => {
  it("a Compose overlay's `!reset` in an existing Compose file passes", async () => {
    const r = await prWriting(baseRepo(COMPOSE_BASE), {
      "deploy/base.yaml": "services:\n  web:\n    build: !reset null\n    ports: !reset []\n",
    });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
  });

  it("a new Compose overlay beside Compose peers keeps its `!reset`", async () => {
    const r = await prWriting(baseRepo(COMPOSE_BASE), {
      "deploy/override.yaml": 'services:\n  web:\n    build: !reset null\n    ports:\n      - !reset "8080:80"\n',
    });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
  });

  it("an existing CloudFormation template keeps its tags under unknown_tags: error", async () => {
    const r = await prWriting(
      baseRepo({
        ...STRICT_TAGS_BASE,
        "config/stack.yaml": 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n',
      }),
      {
        "config/stack.yaml":
          'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "${AWS::StackName}-b"\n',
      },
    );
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
  });

  it("a new CloudFormation template no mapping names keeps its tags", async () => {
    const r = await prWriting(baseRepo(STRICT_TAGS_BASE), {
      "stacks/new.yaml": 'AWSTemplateFormatVersion: "2010-09-09"\nOutputs:\n  A:\n    Value: !Ref B\n',
    });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
  });
});
