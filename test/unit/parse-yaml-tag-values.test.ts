/**
 * A dialect tag is accepted in its dialect's files, but its reader also needs a value of the
 * right shape: Home Assistant's `!secret` looks up a name (a mapping under it is a TypeError at
 * load), PyYAML's `!!python/name:mod.fn` takes an empty value, GitLab's `!reference` a list.
 * A line indented one step too far turns the next key into the tag's value, and a write cut
 * after `!secret` leaves valid YAML with no name: both parse, both fail in the reader. Shapes
 * every reader of the tag accepts stay accepted (ESPHome's `!include {file, vars}`).
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

const parse = (file: string, text: string, customTags?: string[]) =>
  parseDocument(Buffer.from(text), { path: file, format: "yaml", ...(customTags ? { customTags } : {}) });

const errors = (file: string, text: string, customTags?: string[]) =>
  parse(file, text, customTags).findings.filter((f) => f.level === "error");

describe("dialect tags with the value shape their readers take are accepted", () => {
  const good: [string, string][] = [
    [
      "configuration.yaml",
      "homeassistant:\n  name: x\nhttp:\n  api_password: !secret http_password\nsensor: !include_dir_merge_list sensors/\n",
    ],
    ["configuration.yaml", "homeassistant:\n  allowlist_external_dirs: !env_var HA_DIRS /config\n"],
    ["blueprints/automation/x.yaml", "blueprint:\n  name: x\ntriggers:\n  - trigger: state\n    entity_id: !input motion\n"],
    [
      "esphome/dev.yaml",
      "esphome:\n  name: x\npackages:\n  board: !include { file: board.yaml, vars: { pin: 4 } }\n  wifi: !include wifi.yaml\n",
    ],
    [
      "esphome/dev.yaml",
      "esphome:\n  name: x\nsensor:\n  - platform: template\n    lambda: !lambda |-\n      return 1;\n  - id: !extend t\n  - id: !remove u\nwifi: !remove\n",
    ],
    [".gitlab-ci.yml", "test:\n  script:\n    - !reference [.setup, script]\n"],
    [
      "mkdocs.yml",
      "site_name: x\nsite_url: !ENV [SITE_URL, 'http://localhost']\ndev_addr: !ENV ADDR\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n      emoji_generator: !!python/name:material.extensions.emoji.to_svg ''\n  - pymdownx.snippets:\n      base_path: !relative $config_dir\n  - toc:\n      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n",
    ],
    ["group_vars/all.yml", "db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6231\nitems: !unsafe ['{{ a }}']\n"],
  ];
  it.each(good)("%s", (file, text) => {
    expect(errors(file, text)).toEqual([]);
  });
});

describe("a dialect tag whose value its reader refuses is an error at the tag", () => {
  it("a key indented under !!python/name: becomes its value (mkdocs: expected the empty value)", () => {
    const text =
      "site_name: X\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n       emoji_generator: !!python/name:material.extensions.emoji.to_svg\n";
    const found = errors("mkdocs.yml", text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: "parse/syntax",
      line: 4,
      column: 20,
      pointer: "/markdown_extensions/0/pymdownx.emoji/emoji_index",
    });
    expect(found[0]!.message).toContain("!!python/name:material.extensions.emoji.twemoji");
    expect(found[0]!.message).toContain("a mapping");
    expect(found[0]!.fix).toMatch(/indent/);
  });

  it("!!python/name: with a text value (PyYAML wants it empty: the name is in the tag)", () => {
    const found = errors("mkdocs.yml", "site_name: X\nx: !!python/name:mod.fn mod.fn\n");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: "parse/syntax", line: 2, column: 4, found: '"mod.fn"' });
  });

  it("!secret with a mapping under it, and !secret with nothing after it (a cut write)", () => {
    const text = "homeassistant:\n  name: x\nhttp:\n  api_password: !secret\n    port: 8123\nmqtt:\n  password: !secret\n";
    const found = errors("configuration.yaml", text);
    expect(found.map((f) => [f.line, f.column, f.pointer])).toEqual([
      [4, 17, "/http/api_password"],
      [7, 13, "/mqtt/password"],
    ]);
    expect(found[1]!.message).toMatch(/empty/);
  });

  it("!include and !env_var with no value, !input with a list", () => {
    const text =
      "blueprint:\n  name: x\ntriggers:\n  - trigger: state\n    entity_id: !input\n      - a\nsensor: !include\nx: !env_var ''\n";
    const found = errors("blueprints/automation/x.yaml", text);
    expect(found.map((f) => f.line)).toEqual([5, 7, 8]);
  });

  it("!reference with a plain name instead of [job, key] (GitLab: the tag takes a list)", () => {
    const found = errors(".gitlab-ci.yml", "test:\n  script:\n    - !reference .setup\n");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: "parse/syntax", line: 3, column: 7, expected: expect.stringContaining("list") });
  });

  it("!vault with a mapping, !lambda with a list, !ENV with a mapping, !relative with a list", () => {
    expect(errors("group_vars/all.yml", "pw: !vault\n  a: 1\n").map((f) => f.line)).toEqual([1]);
    expect(errors("esphome/x.yaml", "esphome:\n  name: x\nsensor:\n  - lambda: !lambda\n      - a\n").map((f) => f.line)).toEqual([4]);
    expect(errors("mkdocs.yml", "site_name: x\nsite_url: !ENV {a: 1}\nb: !relative [a]\n").map((f) => f.line)).toEqual([2, 3]);
  });

  it("a tag the config allows (custom_tags) is the user's own: its value is not judged", () => {
    expect(errors("configuration.yaml", "homeassistant:\n  name: x\nhttp:\n  a: !secret\n    b: 1\n", ["!secret"])).toEqual([]);
  });

  it("a dialect tag in a file not of that dialect stays a warning only (no shape error added)", () => {
    const found = parse("notes/x.yaml", "a: !secret\n  b: 1\n").findings;
    expect(found.map((f) => [f.rule, f.level])).toEqual([["parse/unknown-tag", "warning"]]);
  });
});
