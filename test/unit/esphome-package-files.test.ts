/**
 * ESPHome files that say what they are only by how they include others. A device file made of
 * packages (`packages:` at the top level, ESPHome's packages component; Home Assistant keeps its
 * packages under `homeassistant:`) and a file that is a single `<<: !include other.yaml` (ESPHome's
 * loader merges what `!include` loads; PyYAML's, and so Home Assistant's, refuses a scalar merge
 * source) were not recognised as ESPHome, so their `!include` tags were parse/unknown-tag warnings
 * (Blackymas/NSPanel_HA_Blueprint: 56 in 26 files; esphome/home-assistant-voice-pe's voice-kit.yaml).
 * The texts below are written for this test in those files' shapes.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { detectDialects } from "../../src/core/parse/yaml-dialects.js";

const parse = (text: string, file: string) => parseDocument(Buffer.from(text), { path: file, format: "yaml" });
const ids = (file: string, text: string) => detectDialects(file, text).map((d) => d.id);

const PACKAGES_ONLY =
  "---\npackages:\n  core_package: !include esphome/panel_core.yaml  # the display\n  climate: !include ../addons/panel_climate.yaml\n...\n";
const MERGE_ONLY = "# File moved to device.yaml\n# kept for older adopted configs\n\n<<: !include device.yaml\n";

describe("ESPHome files known by their includes", () => {
  it("a top-level packages: key makes a file ESPHome, and its !include tags are read", () => {
    expect(ids("panel.yaml", PACKAGES_ONLY)).toContain("esphome");
    const doc = parse(PACKAGES_ONLY, ".test/panel_basic.yaml");
    expect(doc.findings).toEqual([]);
    expect(doc.value).toEqual({ packages: { core_package: "esphome/panel_core.yaml", climate: "../addons/panel_climate.yaml" } });
  });

  it("a <<: !include merge makes a file ESPHome, and the merge is read", () => {
    expect(ids("voice-kit.yaml", MERGE_ONLY)).toContain("esphome");
    const doc = parse(MERGE_ONLY, "voice-kit.yaml");
    expect(doc.findings).toEqual([]);
  });

  it("an indented packages: key (Home Assistant's homeassistant: packages:) or a packages: list without tags says nothing of ESPHome", () => {
    expect(ids("x.yaml", "homeassistant:\n  packages: !include_dir_named pkgs\n")).not.toContain("esphome");
    expect(ids("x.yaml", "tools:\n  packages: !include list.yaml\n")).not.toContain("esphome");
    // Outside ESPHome's shapes the tag is still a warning.
    expect(parse("tools:\n  packages: !include list.yaml\n", "x.yaml").findings.map((f) => [f.rule, f.level])).toEqual([
      ["parse/unknown-tag", "warning"],
    ]);
  });

  it("the ESPHome-only tags in a packages file are checked as ESPHome checks them", () => {
    // `!secret` with a mapping under it (a key indented one step too far): an error at the tag.
    const bad = "packages:\n  base: !include base.yaml\napi:\n  encryption:\n    key: !secret\n      name: k\n";
    expect(parse(bad, "device.yaml").findings.map((f) => [f.rule, f.level, f.line])).toEqual([["parse/syntax", "error", 5]]);
    const good = "packages:\n  base: !include base.yaml\nwifi: !remove\nsensor:\n  - id: !extend temp\n    filters: []\n";
    expect(parse(good, "device.yaml").findings).toEqual([]);
  });
});
