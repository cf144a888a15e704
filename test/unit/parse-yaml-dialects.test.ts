/**
 * YAML as its readers read it: real files of each dialect (test/fixtures/dialects/, each with
 * its source and license in its header, and the path it is read as) pass with the defaults, and
 * a corrupted copy of each is still reported. Plus merge keys, the 1.1 tags, tags outside their
 * dialect, quoted strings continued at the key's indent and tabs before comments.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ParseOptions } from "../../src/core/parse/index.js";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { detectDialects, YAML_DIALECTS } from "../../src/core/parse/yaml-dialects.js";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/dialects");

/** A fixture's text and the repository path it is read as (its "# Read as:" header line). */
function fixture(rel: string): { text: string; readAs: string } {
  const text = fs.readFileSync(path.join(dir, rel), "utf8");
  const readAs = /^# Read as: (.+)$/m.exec(text)?.[1];
  if (!readAs) throw new Error(`${rel} has no "# Read as:" header`);
  expect(text).toMatch(/^# Source: https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/[0-9a-f]{40}\//m);
  expect(text).toMatch(/^# License: /m);
  return { text, readAs };
}

const parse = (text: string, file: string, extra: Partial<ParseOptions> = {}) =>
  parseDocument(Buffer.from(text), { path: file, format: "yaml", ...extra });

interface Good {
  file: string;
  dialect: string;
  /** Recognised from its content alone (read under a neutral path). */
  byContent: boolean;
  /** A pointer and the value validation sees there. */
  check: [string, unknown];
}

const GOOD: Good[] = [
  {
    file: "cloudformation/CloudFront.yaml",
    dialect: "cloudformation",
    byContent: true,
    check: ["/Resources/LoggingBucket/Properties/VersioningConfiguration/Status", { Ref: "LoggingBucketVersioning" }],
  },
  {
    file: "home-assistant/configuration.yaml",
    dialect: "home-assistant",
    byContent: true,
    check: ["/homeassistant/packages", "integrations"],
  },
  { file: "home-assistant/influxdb.yaml", dialect: "home-assistant", byContent: true, check: ["/influxdb/username", "influxdb_username"] },
  {
    file: "gitlab-ci/setup.gitlab-ci.yml",
    dialect: "gitlab-ci",
    byContent: true,
    check: ["/type-check-fe-islands/cache/0", [".fe-islands-yarn-cache", "cache"]],
  },
  { file: "ruby/binaries.yml", dialect: "ruby", byContent: false, check: ["/flowers/id", 1] },
  { file: "ruby/0.3.1_cassette.yml", dialect: "ruby", byContent: false, check: ["/0/:response/code", "200"] },
  {
    file: "ansible/vault_partial.yml",
    dialect: "ansible",
    byContent: true,
    check: ["/ldap_password", expect.stringMatching(/^\$ANSIBLE_VAULT;1\.1;AES256\n/)],
  },
  { file: "mkdocs/mkdocs.yml", dialect: "mkdocs", byContent: true, check: ["/extra/analytics/property", "GOOGLE_ANALYTICS_KEY"] },
  { file: "esphome/common-base.yaml", dialect: "esphome", byContent: true, check: ["/sensor/0/update_interval", "60s"] },
  // `<<: !include common.yaml`: ESPHome merges what the tag loads (esphome/esphome had 974 false blocks).
  { file: "esphome/merge-include.yaml", dialect: "esphome", byContent: true, check: ["/substitutions/tx_pin", "GPIO17"] },
];

function at(value: unknown, pointer: string): unknown {
  let v = value;
  for (const token of pointer.split("/").slice(1)) v = (v as Record<string, unknown>)[token];
  return v;
}

describe("real files of each dialect pass with the defaults", () => {
  it.each(GOOD)("$file ($dialect)", (c) => {
    const { text, readAs } = fixture(c.file);
    expect(detectDialects(readAs, text).map((d) => d.id)).toContain(c.dialect);
    const doc = parse(text, readAs);
    expect(doc.findings).toEqual([]);
    expect(doc.ok).toBe(true);
    expect(at(doc.value, c.check[0])).toEqual(c.check[1]);
  });

  it.each(GOOD)("$file under a neutral path: accepted when its content tells, else warnings naming the dialect", (c) => {
    const { text } = fixture(c.file);
    const doc = parse(text, "x/file.yaml");
    expect(doc.ok).toBe(true);
    if (c.byContent) {
      expect(doc.findings).toEqual([]);
    } else {
      expect(doc.findings.length).toBeGreaterThan(0);
      for (const f of doc.findings) {
        expect(f).toMatchObject({ rule: "parse/unknown-tag", level: "warning" });
        expect(f.message).toContain("Ruby");
        expect(f.fix).toContain("validate.yaml.custom_tags");
      }
    }
  });
});

interface Bad {
  file: string;
  rule: string;
  level: "error" | "warning";
  line: number;
  column?: number;
  message: string;
}

const BAD: Bad[] = [
  {
    file: "cloudformation/CloudFront.corrupt.yaml",
    rule: "parse/duplicate-key",
    level: "error",
    line: 57,
    column: 7,
    message: 'duplicate key "SubnetId" on line 57, first defined on line 55',
  },
  {
    file: "home-assistant/configuration.corrupt.yaml",
    rule: "parse/syntax",
    level: "error",
    line: 19,
    column: 1,
    message: "All mapping items must start at the same column",
  },
  { file: "gitlab-ci/setup.gitlab-ci.corrupt.yml", rule: "parse/truncated", level: "error", line: 54, message: "truncated write?" },
  {
    file: "ruby/binaries.corrupt.yml",
    rule: "parse/syntax",
    level: "error",
    line: 7,
    column: 9,
    message: "!binary value is not base64 text",
  },
  {
    file: "ansible/vault_partial.corrupt.yml",
    rule: "parse/unknown-tag",
    level: "warning",
    line: 5,
    column: 16,
    message: "did you mean !vault?",
  },
  {
    file: "mkdocs/mkdocs.corrupt.yml",
    rule: "parse/syntax",
    level: "error",
    line: 27,
    column: 1,
    message: "Tabs are not allowed as indentation",
  },
  {
    file: "esphome/common-base.corrupt.yaml",
    rule: "parse/duplicate-key",
    level: "error",
    line: 41,
    column: 5,
    message: 'duplicate key "update_interval"',
  },
  {
    file: "esphome/merge-include.corrupt.yaml",
    rule: "parse/syntax",
    level: "error",
    line: 8,
    column: 5,
    message: 'the `<<` merge key\'s source is "common.yaml"',
  },
  {
    file: "merge-keys/database.corrupt.yml",
    rule: "parse/duplicate-key",
    level: "error",
    line: 25,
    column: 3,
    message: 'duplicate key "database" on line 25, first defined on line 24',
  },
];

describe("a corrupted copy of each is still reported", () => {
  it.each(BAD)("$file: $rule", (c) => {
    const { text, readAs } = fixture(c.file);
    const doc = parse(text, readAs);
    const f = doc.findings.find((x) => x.rule === c.rule)!;
    expect(f, JSON.stringify(doc.findings)).toBeDefined();
    expect(f).toMatchObject({ level: c.level, line: c.line, file: readAs, ...(c.column ? { column: c.column } : {}) });
    expect(f.message).toContain(c.message);
    expect(f.fix).toBeTruthy();
    expect(doc.ok).toBe(c.level !== "error");
  });
});

describe("merge keys", () => {
  const { text, readAs } = fixture("merge-keys/database.yml");

  it("merge by default, the merged values are what validation sees, and an overriding key is not a duplicate", () => {
    const doc = parse(text, readAs);
    expect(doc.findings).toEqual([]);
    expect(at(doc.value, "/cucumber")).toEqual({ adapter: "mysql", database: "gemcutter_cucumber", user: "root", pool: 5, timeout: 5000 });
  });

  it("a list of merges: earlier sources win over later ones, the mapping's own keys over all", () => {
    const doc = parse("a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n  z: 3\n", "c.yaml");
    expect(doc.findings).toEqual([]);
    expect(at(doc.value, "/c")).toEqual({ x: 1, y: 1, z: 3 });
  });

  it("a merge source with a tag its reader resolves (`<<: !include x`) is merged by that reader: its tag is checked, nothing else", () => {
    const esphome = "esphome:\n  name: x\n<<: [!include a.yaml, *base]\nfoo: 1\n".replace("*base", "!include b.yaml");
    const doc = parse(esphome, "device.yaml");
    expect(doc.findings).toEqual([]);
    expect(doc.value).toEqual({ esphome: { name: "x" }, foo: 1 });
    // A tag the file's reader is not known to resolve: the usual unknown-tag warning, at the tag.
    const unknown = parse("x: 1\n<<: !foo a.yaml\n", "c.yaml");
    expect(unknown.ok).toBe(true);
    expect(unknown.findings).toEqual([expect.objectContaining({ rule: "parse/unknown-tag", level: "warning", line: 2, column: 5 })]);
    expect(parse("x: 1\n<<: !foo a.yaml\n", "c.yaml", { unknownTags: "error" }).ok).toBe(false);
  });

  it("a merge source that is not a mapping is an error at that source, with the line, not a failure of the whole file", () => {
    const cases: [string, number, number, string][] = [
      ["x: 1\n<<: 5\n", 2, 5, '"5"'],
      ["a: &a {x: 1}\nc:\n  <<: [*a, 3]\n", 3, 12, 'a list item that is "3"'],
      ["a: &a 1\nc:\n  <<: *a\n", 3, 7, '"1"'],
      ["c:\n  <<:\n  y: 1\n", 2, 6, "an empty value"],
    ];
    for (const [text, line, column, found] of cases) {
      const doc = parse(text, "c.yaml");
      expect(doc.ok, text).toBe(false);
      expect(doc.findings, text).toEqual([expect.objectContaining({ rule: "parse/syntax", level: "error", line, column, found })]);
    }
  });

  it("two `<<` keys in one mapping: a duplicate key named `<<`, whose fix is one list of sources", () => {
    const doc = parse("a: &a {x: 1}\nb: &b {y: 2}\nc:\n  <<: *a\n  <<: *b\n", "c.yaml");
    expect(doc.findings).toEqual([expect.objectContaining({ rule: "parse/duplicate-key", line: 5, key: "<<" })]);
    expect(doc.findings[0]!.fix).toContain("<<: [*first, *second]");
  });

  it("forbidden (mergeKeys: false): parse/merge-key names the config key", () => {
    const doc = parse(text, readAs, { mergeKeys: false });
    expect(doc.ok).toBe(false);
    expect(doc.findings).toEqual([expect.objectContaining({ rule: "parse/merge-key", level: "error", line: 23, column: 3 })]);
    expect(doc.findings[0]!.fix).toContain("validate.yaml.forbid_merge_keys");
  });
});

describe("tags", () => {
  it("the non-specific tag ! and the YAML 1.1 types are accepted and read as plain YAML values", () => {
    const doc = parse(
      "a: ! 12\nb: !!binary aGVsbG8=\nc: !!set {x, y}\nd: !!omap [x: 1, y: 2]\ne: !!pairs [x: 1, x: 2]\nf: !!timestamp 2001-12-14t21:59:43.10-05:00\n",
      "c.yaml",
    );
    expect(doc.findings).toEqual([]);
    expect(doc.value).toEqual({
      a: "12",
      b: "aGVsbG8=",
      c: { x: null, y: null },
      d: [{ x: 1 }, { y: 2 }],
      e: [{ x: 1 }, { x: 2 }],
      f: "2001-12-14t21:59:43.10-05:00",
    });
  });

  it("a dialect's tags in a file of another kind are warnings that name the dialect (errors with unknownTags: error)", () => {
    const text = "site_name: Docs\nextra:\n  bucket: !Ref Bucket\n";
    const doc = parse(text, "mkdocs.yml");
    expect(doc.ok).toBe(true);
    expect(doc.findings).toEqual([expect.objectContaining({ rule: "parse/unknown-tag", level: "warning", line: 3, column: 11 })]);
    expect(doc.findings[0]!.message).toContain("AWS CloudFormation");
    const strict = parse(text, "mkdocs.yml", { unknownTags: "error" });
    expect(strict.ok).toBe(false);
    expect(strict.findings[0]).toMatchObject({ rule: "parse/unknown-tag", level: "error" });
  });

  it("the custom_tags line the warning proposes works, for !!python tags too", () => {
    const text = "shape: !!python/tuple [1, 2]\nname: !Upper x\n";
    const doc = parse(text, "train.yaml");
    expect(doc.findings.map((f) => f.fix)).toEqual([
      expect.stringContaining('validate.yaml.custom_tags: [{ files: ["train.yaml"], tags: ["!!python/tuple"] }]'),
      expect.stringContaining('validate.yaml.custom_tags: [{ files: ["train.yaml"], tags: ["!Upper"] }]'),
    ]);
    const allowed = parse(text, "train.yaml", { customTags: ["!!python/tuple", "!Upper"] });
    expect(allowed.findings).toEqual([]);
    expect(allowed.value).toEqual({ shape: [1, 2], name: "x" });
  });

  it("CloudFormation short forms read as the long forms CloudFormation sees, positioned at the short form", () => {
    const { text, readAs } = fixture("cloudformation/CloudFront.yaml");
    const doc = parse(text, readAs);
    const props = (doc.value as { Resources: Record<string, { Properties: Record<string, unknown> }> }).Resources;
    expect(props.LoggingBucket!.Properties.BucketName).toEqual({
      "Fn::Sub": "${AppName}-logging-${Environment}-${AWS::AccountId}-${AWS::Region}",
    });
    expect(
      at(
        doc.value,
        "/Resources/LoggingBucket/Properties/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/KMSMasterKeyID",
      ),
    ).toEqual({
      "Fn::GetAtt": ["LoggingBucketKMSKey", "Arn"],
    });
    expect(props.EC2Instance!.Properties.AvailabilityZone).toEqual({ "Fn::Select": ["0", { "Fn::GetAZs": { Ref: "AWS::Region" } }] });
    expect(props.EC2Instance!.Properties.SecurityGroupIds).toEqual([{ Ref: "EC2InstanceSG" }]);
    const line = text.split("\n").findIndex((l) => l.includes("Status: !Ref")) + 1;
    expect(doc.locate("/Resources/LoggingBucket/Properties/VersioningConfiguration/Status")).toMatchObject({ line, column: 22 });
    expect(doc.locate("/Resources/LoggingBucket/Properties/VersioningConfiguration/Status/Ref")).toMatchObject({ line, column: 22 });
    // The same tags in a file that is not CloudFormation keep their plain value.
    expect(parse("a: !Ref B\n", "c.yaml", { customTags: ["!Ref"] }).value).toEqual({ a: "B" });
  });

  it("a duplicate key inside a short form is still found, with the long-form pointer", () => {
    const doc = parse(
      "AWSTemplateFormatVersion: '2010-09-09'\nOutputs:\n  A:\n    Value: !Sub\n      - '${x}'\n      - x: 1\n        x: 2\n",
      "t.yaml",
    );
    expect(doc.findings).toEqual([
      expect.objectContaining({ rule: "parse/duplicate-key", line: 7, pointer: "/Outputs/A/Value/Fn::Sub/1/x" }),
    ]);
  });

  it("a misspelt tag in a dialect file is a warning with a did-you-mean", () => {
    const { text, readAs } = fixture("cloudformation/CloudFront.yaml");
    const doc = parse(text.replace("Status: !Ref 'LoggingBucketVersioning'", "Status: !Reff 'LoggingBucketVersioning'"), readAs);
    expect(doc.findings).toEqual([
      expect.objectContaining({ rule: "parse/unknown-tag", level: "warning", found: "!Reff", expected: "!Ref" }),
    ]);
    expect(doc.findings[0]!.message).toContain("did you mean !Ref?");
  });

  it("dialects: false turns detection off (library use)", () => {
    const { text, readAs } = fixture("gitlab-ci/setup.gitlab-ci.yml");
    expect(parse(text, readAs, { dialects: false }).findings.map((f) => f.rule)).toEqual([
      "parse/unknown-tag",
      "parse/unknown-tag",
      "parse/unknown-tag",
    ]);
  });

  it.each([
    [
      "Docker Compose",
      "compose.override.yaml",
      "services:\n  web:\n    ports: !reset []\n    environment: !override\n      A: 1\n",
      // compose-go drops a `!reset` node before it validates (loader/reset.go): no `ports` key.
      { services: { web: { environment: { A: 1 } } } },
    ],
    [
      "Symfony",
      "config/services.yaml",
      "services:\n  _defaults:\n    autowire: true\n  App\\Handler\\Chain:\n    arguments: [!tagged_iterator app.handler]\n  App\\Limits:\n    $max: !php/const PHP_INT_MAX\n",
      {
        services: {
          _defaults: { autowire: true },
          "App\\Handler\\Chain": { arguments: ["app.handler"] },
          "App\\Limits": { $max: "PHP_INT_MAX" },
        },
      },
    ],
    [
      // Reduced from Sylius/Sylius src/Sylius/Bundle/AdminBundle/Resources/config/grids/order.yml (MIT).
      "Symfony bundle",
      "src/Sylius/Bundle/AdminBundle/Resources/config/grids/order.yml",
      "sylius_grid:\n  grids:\n    sylius_admin_order:\n      filters:\n        number:\n          form_options:\n            type: !php/const Sylius\\Component\\Grid\\Filter\\StringFilter::TYPE_CONTAINS\n",
      {
        sylius_grid: {
          grids: {
            sylius_admin_order: {
              filters: { number: { form_options: { type: "Sylius\\Component\\Grid\\Filter\\StringFilter::TYPE_CONTAINS" } } },
            },
          },
        },
      },
    ],
    [
      "Home Assistant blueprint",
      "blueprints/automation/motion.yaml",
      "blueprint:\n  name: Motion\n  input:\n    light: {}\ntrigger:\n  - platform: state\n    entity_id: !input light\n",
      { blueprint: { name: "Motion", input: { light: {} } }, trigger: [{ platform: "state", entity_id: "light" }] },
    ],
  ])("%s tags in %s", (_name, file, text, value) => {
    const doc = parse(text, file);
    expect(doc.findings).toEqual([]);
    expect(doc.value).toEqual(value);
  });

  it("!php/const outside Symfony's folders (and without its keys) is still a warning", () => {
    const text = "grid:\n  type: !php/const Grid::TYPE_CONTAINS\n";
    expect(parse(text, "src/Resources/config/grid.yml").findings).toEqual([]);
    for (const file of ["grids/order.yml", "src/resources/config/grid.yml", "src/MyResources/config/grid.yml"])
      expect(
        parse(text, file).findings.map((f) => [f.rule, f.level]),
        file,
      ).toEqual([["parse/unknown-tag", "warning"]]);
  });

  it("every dialect has tags, and a path or content rule", () => {
    for (const d of YAML_DIALECTS) {
      expect(d.tags.length + (d.prefixes?.length ?? 0), d.id).toBeGreaterThan(0);
      expect(d.path ?? d.content, d.id).toBeDefined();
    }
  });
});

describe("quoted strings continued at the key's indent (PyYAML, libyaml and js-yaml read them)", () => {
  it("are a warning that says what, who rejects it and the fix; the value is read and checked", () => {
    const doc = parse('a: &a {x: 1}\nkey:\n  <<: *a\n  sub: "this is\nnot indented"\n  other: 2\n  other: 3\n', "c.yaml");
    expect(doc.findings.map((f) => [f.rule, f.level, f.line, f.column])).toEqual([
      ["parse/quoted-indent", "warning", 5, 1],
      ["parse/duplicate-key", "error", 7, 3],
    ]);
    const w = doc.findings[0]!;
    expect(w.message).toContain("double-quoted string opened at 4:8 continues on line 5");
    expect(w.message).toContain("strict YAML 1.2 parsers");
    expect(w.fix).toContain("indent line 5 so it starts at column 4 or further right");
    expect(doc.locate("/key/sub")).toMatchObject({ line: 4, column: 8 });
    const fine = parse('key:\n  sub: "this is\nnot indented"\n', "c.yaml");
    expect(fine.ok).toBe(true);
    expect(fine.value).toEqual({ key: { sub: "this is not indented" } });
  });

  it("single-quoted, several lines, several strings, in a sequence", () => {
    const doc = parse("- a: 'one\nline two\n\nline ''three'''\n- b: \"x\ny\"\n", "c.yaml");
    expect(doc.findings.map((f) => [f.rule, f.line])).toEqual([
      ["parse/quoted-indent", 2],
      ["parse/quoted-indent", 6],
    ]);
    expect(doc.value).toEqual([{ a: "one line two\nline 'three'" }, { b: "x y" }]);
  });

  it("three stay one warning each; from four on they are one warning with the count, errors beside them stay apart", () => {
    const strings = (n: number) => Array.from({ length: n }, (_, i) => `k${i}: "a\nb"\n`).join("");
    expect(parse(strings(3), "c.yaml").findings.map((f) => [f.rule, f.line])).toEqual([
      ["parse/quoted-indent", 2],
      ["parse/quoted-indent", 4],
      ["parse/quoted-indent", 6],
    ]);
    const doc = parse(`${strings(4)}k0: 1\nf: [a,\nb]\n`, "c.yaml");
    expect(doc.findings.map((f) => [f.rule, f.level, f.line, f.column])).toEqual([
      ["parse/quoted-indent", "warning", 2, 1],
      ["parse/flow-indent", "warning", 11, 1],
      ["parse/duplicate-key", "error", 9, 1],
    ]);
    const w = doc.findings[0]!;
    expect(w.message).toMatch(
      /^4 quoted strings in this file continue on lines not indented more than their key \(the first: double-quoted string opened at 1:5 continues on line 2/,
    );
    expect(w.found).toBe("4 quoted strings continued left of their key, on lines 2, 4, 6, 8");
    expect(w.related!.map((r) => [r.line, r.column])).toEqual([
      [2, 1],
      [4, 1],
      [6, 1],
      [8, 1],
    ]);
    expect(w.fix).toBe(
      "indent line 2 so it starts at column 2 or further right (the value stays the same), or write the string on one line; the same for the other 3 (their lines are under found)",
    );
    expect(parse(`${strings(4)}f: [a,\nb]\n`, "c.yaml").value).toMatchObject({ k1: "a b", k3: "a b", f: ["a", "b"] });
  });

  it("under a top-level key, where the yaml package reports no missing quote (a ''' string, community.general)", () => {
    // Reduced from ansible-collections/community.general tests/integration/targets/scaleway_user_data/defaults/main.yml
    // (GPL-3.0-or-later): the yaml package cuts the string at "#cloud-config" and reports "Implicit keys need to be
    // on a single line" at the closing quote. PyYAML (Ansible's reader) reads the value below.
    const text = "---\nscript: '''\n#cloud-config\n\nfinal: \"up\"\n'''\nregion: ams1\n";
    const doc = parse(text, "defaults/main.yml");
    expect(doc.findings.map((f) => [f.rule, f.level, f.line, f.column])).toEqual([["parse/quoted-indent", "warning", 3, 1]]);
    expect(doc.findings[0]!.message).toContain("single-quoted string opened at 2:9 continues on line 3");
    expect(doc.value).toEqual({ script: "' #cloud-config\nfinal: \"up\" '", region: "ams1" });
    // Cut short and never closed: still an error.
    expect(parse("---\nscript: '''\n#cloud-config\nfinal: \"up\"\n", "defaults/main.yml").ok).toBe(false);
  });

  it("hundreds of them in one file (generated CRDs) are all read, as PyYAML and yaml.v3 read them", () => {
    // The shape of Gateway API's experimental CRDs (traefik/traefik integration/fixtures/k8s/
    // 00-experimental-v1.5.1.yml, MIT): CEL rules folded by yaml.v3 at the sequence entry's column.
    const rule = (i: number) => `    - message: rule ${i}\n      rule: 'self.all(p, p.kind\n    == ''a'' ? true\n    : false)'\n`;
    const count = 120;
    const text = `x-kubernetes-validations:\n${Array.from({ length: count }, (_, i) => rule(i)).join("")}done: true\n`;
    const doc = parse(text, "crds.yaml");
    expect(doc.ok).toBe(true);
    expect(doc.findings.filter((f) => f.level === "error")).toEqual([]);
    // One warning for the file (session 28: it was one per string, 197 per copy of the bundle),
    // at the first string, with the count, and every string's line still named.
    const warnings = doc.findings.filter((f) => f.rule === "parse/quoted-indent");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: "warning", line: 4, column: 5 });
    expect(warnings[0]!.message).toContain(`${count} quoted strings in this file continue on lines not indented more than their key`);
    expect(warnings[0]!.message).toContain("single-quoted string opened at 3:13 continues on line 4");
    const lines = Array.from({ length: count }, (_, i) => 4 + 4 * i);
    expect(warnings[0]!.found).toBe(`${count} quoted strings continued left of their key, on lines ${lines.join(", ")}`);
    expect(warnings[0]!.related).toHaveLength(20);
    expect(warnings[0]!.related![19]).toMatchObject({ file: "crds.yaml", line: 4 + 4 * 19, column: 5 });
    expect(warnings[0]!.fix).toBe(
      `indent lines 4-5 so they start at column 8 or further right (the value stays the same), or write the string on one line; the same for the other ${count - 1} (their lines are under found)`,
    );
    const value = doc.value as { "x-kubernetes-validations": { message: string; rule: string }[]; done: boolean };
    expect(value["x-kubernetes-validations"]).toHaveLength(count);
    expect(value["x-kubernetes-validations"][count - 1]).toEqual({
      message: `rule ${count - 1}`,
      rule: "self.all(p, p.kind == 'a' ? true : false)",
    });
    expect(value.done).toBe(true);
    expect(doc.locate(`/x-kubernetes-validations/${count - 1}/rule`)).toMatchObject({ line: 3 + 4 * (count - 1), column: 13 });
    // One of them really left open at the end is still reported.
    expect(parse(`${text}y: 'open\n`, "crds.yaml").ok).toBe(false);
  });

  it("strict: true keeps the yaml package's error", () => {
    const doc = parse('key:\n  sub: "this is\nnot indented"\n', "c.yaml", { strict: true });
    expect(doc.ok).toBe(false);
    expect(doc.findings[0]).toMatchObject({ rule: "parse/syntax", level: "error" });
  });

  it.each([
    ["an unclosed quote in a truncated file", 'a: 1\nkey:\n  sub: "this is\nnot clos', "parse/truncated"],
    ["an unclosed quote closed only by the next string's quote", 'a: "abc\nb: "def"\n', "parse/syntax"],
    ["a multi-line quoted key", '"a\nb": 1\n', "parse/syntax"],
  ])("%s stays an error", (_name, text, rule) => {
    const doc = parse(text, "c.yaml");
    expect(doc.ok).toBe(false);
    expect(doc.findings.find((f) => f.level === "error")!.rule).toBe(rule);
    expect(doc.findings.some((f) => f.rule === "parse/quoted-indent")).toBe(false);
  });
});

describe("flow collections continued at the key's indent (PyYAML and libyaml ignore indentation inside [ ] and { })", () => {
  it("are a warning, and the value is read", () => {
    const doc = parse("top:\n  args: [--verbose,\n  --quiet]\n  env: {A: 1,\nB: 2}\n", "c.yaml");
    expect(doc.findings.map((f) => [f.rule, f.level, f.line, f.column])).toEqual([
      ["parse/flow-indent", "warning", 3, 3],
      ["parse/flow-indent", "warning", 5, 1],
    ]);
    expect(doc.findings[0]!.message).toContain("flow sequence [ ] opened at 2:9 continues on line 3");
    expect(doc.value).toEqual({ top: { args: ["--verbose", "--quiet"], env: { A: 1, B: 2 } } });
  });

  it.each([
    ["cut short (truncated)", "key: [a,\nb, c\n", "parse/syntax"],
    ["a line starting with a tab (PyYAML refuses it)", "- [\n\tfoo,\n foo\n ]\n", "parse/syntax"],
  ])("%s stays an error", (_name, text, rule) => {
    const doc = parse(text, "c.yaml");
    expect(doc.ok).toBe(false);
    expect(doc.findings.find((f) => f.level === "error")!.rule).toBe(rule);
  });
});

describe("a comment glued to the token before it", () => {
  it("is a warning (PyYAML, libyaml and js-yaml read it as a comment); strict keeps the error", () => {
    const text = 'key: "value"# note\nlist: [a, b]# note\n';
    const doc = parse(text, "c.yaml");
    expect(doc.findings.map((f) => [f.rule, f.level, f.line, f.column])).toEqual([
      ["parse/comment-spacing", "warning", 1, 13],
      ["parse/comment-spacing", "warning", 2, 13],
    ]);
    expect(doc.value).toEqual({ key: "value", list: ["a", "b"] });
    expect(parse(text, "c.yaml", { strict: true }).ok).toBe(false);
  });
});

describe("tabs before a comment (PyYAML rejects them)", () => {
  it("are a warning at the tab; tabs inside quoted and block scalars are left alone", () => {
    const doc = parse('a: 1\t# note\nb: "x\t# y"\nc: |\n  z\t# w\nd: [1,\t2]  \t# e\n', "c.yaml");
    expect(doc.ok).toBe(true);
    expect(doc.findings.map((f) => [f.rule, f.level, f.line, f.column])).toEqual([
      ["parse/tab-before-comment", "warning", 1, 5],
      ["parse/tab-before-comment", "warning", 5, 12],
    ]);
    expect(doc.findings[0]!.fix).toContain("spaces");
  });

  // spree/spree_i18n config/locales/zh-CN.yml:1109 (`returns: "退货"` then two tabs): Psych reads it, PyYAML stops.
  it("tabs at the end of a line (after a value, or on a blank line) are a warning at the first tab", () => {
    const doc = parse('returns: "退货"\t\t\nb: x\t\r\n\t\nc: |\n  kept\t\nd: 1\t', "c.yaml");
    expect(doc.ok).toBe(true);
    expect(doc.findings.map((f) => [f.rule, f.level, f.line, f.column])).toEqual([
      ["parse/trailing-tab", "warning", 1, 14],
      ["parse/trailing-tab", "warning", 2, 5],
      ["parse/trailing-tab", "warning", 3, 1],
      ["parse/trailing-tab", "warning", 6, 5],
    ]);
    expect(doc.findings[0]!.message).toContain("PyYAML");
    expect(doc.findings[0]!.fix).toContain("remove");
    expect(doc.value).toEqual({ returns: "退货", b: "x", c: "kept\t\n", d: 1 });
  });

  // Checked with PyYAML 6: SafeLoader refuses every case; CSafeLoader (libyaml, as Ruby's Psych
  // reads .travis.yml and Rails configs) reads a tab after a value or after spaces, and refuses a
  // blank line that starts with a tab. The message names who refuses, not "other readers accept".
  it("say which readers refuse: libyaml and Psych read a tab after a value, and refuse a blank line that starts with one", () => {
    const doc = parse("a: 1\t\nb: x\n\t\nc: 2\n  \t\nd: 3\n", "c.yaml");
    expect(doc.findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ["parse/trailing-tab", 1, 5],
      ["parse/trailing-tab", 3, 1],
      ["parse/trailing-tab", 5, 3],
    ]);
    const [afterValue, startsLine, afterSpaces] = doc.findings.map((f) => f.message);
    for (const m of [afterValue, afterSpaces]) {
      expect(m).toMatch(/PyYAML's pure-Python loader rejects it/);
      expect(m).toMatch(/libyaml-based readers \(Ruby's Psych, PyYAML's C loader\) and JavaScript's yaml read it/);
      expect(m).not.toMatch(/other readers accept/);
    }
    expect(startsLine).toMatch(/blank line that starts with a tab: PyYAML and libyaml-based readers \(Ruby's Psych/);
    expect(startsLine).toMatch(/reject it/);
  });
});

// jeecgboot/JeecgBoot's sharding.yaml (read through `jdbc:shardingsphere:classpath:sharding.yaml`
// and from Nacos): each rule a mapping tagged with its kind, as ShardingSphere's SnakeYAML reads it.
describe("Apache ShardingSphere rule tags", () => {
  const text = [
    "databaseName: sharding-db",
    "dataSources:",
    "  db_0:",
    "    jdbcUrl: jdbc:mysql://db:3306/x",
    "rules:",
    "  - !SHARDING",
    "    tables:",
    "      sys_log:",
    "        actualDataNodes: db_0.sys_log$->{0..1}",
    "  - !READWRITE_SPLITTING",
    "    dataSources: {}",
    "  - !ENCRYPT",
    "    tables: {}",
    "",
  ].join("\n");

  it("are known in a ShardingSphere config of any name, recognised by its root keys", () => {
    const doc = parse(text, "src/main/resources/sharding.yaml");
    expect(doc.findings).toEqual([]);
    expect(at(doc.value, "/rules/0/tables/sys_log/actualDataNodes")).toBe("db_0.sys_log$->{0..1}");
    const proxy = parse("rules:\n  - !AUTHORITY\n    users: []\n  - !TRANSACTION\n    defaultType: LOCAL\n", "conf/global.yaml");
    expect(proxy.findings).toEqual([]);
  });

  it("stay unknown-tag warnings in a file that is no ShardingSphere config, and a misspelt tag is still reported", () => {
    const other = parse("steps:\n  - !SHARDING\n    a: 1\n", "x/steps.yaml");
    expect(other.findings.map((f) => [f.rule, f.level, f.found])).toEqual([["parse/unknown-tag", "warning", "!SHARDING"]]);
    expect(other.findings[0]!.message).toContain("Apache ShardingSphere");
    const typo = parse(text.replace("!ENCRYPT", "!ENCRYTP"), "sharding.yaml");
    expect(typo.findings.map((f) => [f.rule, f.level, f.found])).toEqual([["parse/unknown-tag", "warning", "!ENCRYTP"]]);
  });

  it("recognise the config in one pass over thousands of near misses (linear)", () => {
    const lines = ("dataSources" + " \t".repeat(5_000) + "x\n").repeat(200) + "rules".repeat(100_000);
    const started = Date.now();
    expect(detectDialects("x.yaml", lines).map((d) => d.id)).not.toContain("shardingsphere");
    expect(detectDialects("x.yaml", lines + "\nrules:\n").map((d) => d.id)).toContain("shardingsphere");
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
