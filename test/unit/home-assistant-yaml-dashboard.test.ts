/**
 * A Home Assistant dashboard in YAML mode under a name of its own. `lovelace: dashboards:
 * <url>: {mode: yaml, filename: lovelace-mushroom-showcase.yaml}` points Home Assistant at any
 * file name (only `ui-lovelace.yaml`, the default dashboard, was known by its path), and Home
 * Assistant loads it with its YAML loader, so its views may be `- !include views/x.yaml`
 * (piitaya/lovelace-mushroom's .hass_dev dashboard had 16 unknown-tag warnings). A dashboard says
 * what it is by its top-level `views:` list. A tag Home Assistant does not have stays unknown,
 * and a `!secret` given a mapping (it takes a secret's name) is still reported.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

const parse = (text: string, file: string) => parseDocument(Buffer.from(text), { path: file, format: "yaml" });
const rules = (text: string, file: string) => parse(text, file).findings.map((f) => `${f.rule}:${f.line}`);

const DASHBOARD = "title: Mushroom Showcase\nviews:\n  - !include views/light-view.yaml\n  - !include views/cover-view.yaml\n";

describe("a Home Assistant YAML-mode dashboard of any name", () => {
  it("its `!include`d views are Home Assistant's tags (no unknown-tag warning)", () => {
    expect(rules(DASHBOARD, ".hass_dev/lovelace-mushroom-showcase.yaml")).toEqual([]);
  });

  it("a tag Home Assistant does not have, and `!secret` given a mapping, are still reported", () => {
    expect(rules(`${DASHBOARD}  - !Ref Views\n`, "dash.yaml")).toEqual(["parse/unknown-tag:5"]);
    const wrong = parse("views:\n  - title: Home\n    cards: !secret {name: cards}\n", "dash.yaml").findings;
    expect(wrong.map((f) => [f.rule, f.line, f.pointer])).toEqual([["parse/syntax", 3, "/views/0/cards"]]);
    expect(wrong[0]?.message).toMatch(/!secret holds a mapping/);
  });
});
