/**
 * Recyclarr's configuration (recyclarr.yml, and any YAML under its configs/ folder, whose root
 * keys are the services `sonarr:` and `radarr:`) substitutes values with two tags of its own:
 * `!secret <key>` (from secrets.yml) and `!env_var NAME [default]` (since v4.3.0; recyclarr.dev,
 * Reference > Configuration > Value Substitution). They are the Recyclarr dialect, not a Home
 * Assistant file the detection missed.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { detectDialects } from "../../src/core/parse/yaml-dialects.js";

const CONFIG = [
  "---",
  "sonarr:",
  "  sonarr:",
  "    base_url: http://sonarr.default.svc.cluster.local",
  "    api_key: !env_var SONARR_API_KEY",
  "    delete_old_custom_formats: true",
  "radarr:",
  "  movies:",
  "    base_url: !secret radarr_url",
  "    api_key: !env_var RADARR_API_KEY fallback-key",
  "",
].join("\n");

const parse = (text: string, file: string) => parseDocument(Buffer.from(text), { path: file, format: "yaml" });

describe("Recyclarr's !secret and !env_var", () => {
  it.each(["kubernetes/apps/default/recyclarr/app/resources/recyclarr.yml", "config/configs/anime.yaml"])(
    "%s: its tags are known, no warning, the values read as strings",
    (file) => {
      expect(detectDialects(file, CONFIG).map((d) => d.id)).toContain("recyclarr");
      const doc = parse(CONFIG, file);
      expect(doc.findings).toEqual([]);
      expect(doc.value).toMatchObject({ radarr: { movies: { base_url: "radarr_url", api_key: "RADARR_API_KEY fallback-key" } } });
    },
  );

  it("a tag its readers do not take is still an error, and another tag a warning", () => {
    const file = "recyclarr.yml";
    const empty = parse(CONFIG.replace("!secret radarr_url", "!secret"), file);
    expect(empty.findings).toEqual([expect.objectContaining({ level: "error", line: 9 })]);
    const other = parse(CONFIG.replace("!secret radarr_url", "!include radarr.yml"), file);
    expect(other.findings).toEqual([expect.objectContaining({ rule: "parse/unknown-tag", level: "warning", line: 9 })]);
  });
});
