/**
 * Session 18: the default validate.files globs as extensions in any letter case, and the name a
 * Windows checkout writes (trailing dots and spaces dropped); user globs stay exact.
 */
import { describe, expect, it } from "vitest";
import { validateFilesMatcher, windowsBaseName } from "../../src/core/select/default-extensions.js";
import { formatForSelected, isDefaultJsonc } from "../../src/core/select/jsonc.js";
import { DEFAULT_VALIDATE_FILES } from "../../src/config/types.js";
import { jsoncDialectByContent } from "../../src/core/select/jsonc-by-content.js";
import { firstParse } from "../../src/checks/file-steps.js";

describe("default extensions in any letter case", () => {
  const defaults = validateFilesMatcher(DEFAULT_VALIDATE_FILES);
  it.each([
    ["state.JSON", true],
    ["a/deploy.YML", true],
    ["a/b/c.Yaml", true],
    ["x.JsonC", true],
    ["b.json.", true],
    ["b.json ", true],
    ["b.json. .", true],
    [".vscode/settings.json", true],
    ["b.json.bak", false],
    ["a.jsonx", false],
    ["json", false],
    ["a/yml/readme.md", false],
  ])("%s: %s", (p, want) => {
    expect(defaults(p)).toBe(want);
  });

  it("a user's own glob is matched as written; a default glob in a user's list is an extension", () => {
    const own = validateFilesMatcher(["data/*.json"]);
    expect(own("data/a.json")).toBe(true);
    expect(own("data/a.JSON")).toBe(false);
    const mixed = validateFilesMatcher(["**/*.yml", "conf/*.state"]);
    expect(mixed("ci/A.YML")).toBe(true);
    expect(mixed("conf/x.state")).toBe(true);
    expect(mixed("x.json")).toBe(false);
  });

  it("the format follows the extension in any case and the Windows name", () => {
    const none = () => false;
    expect(formatForSelected("a.YML", none)).toBe("yaml");
    expect(formatForSelected("a.yaml.", none, Buffer.from("{"))).toBe("yaml");
    expect(formatForSelected("b.json ", none, Buffer.from("a: 1"))).toBe("json");
    expect(formatForSelected("x.JSONC", none)).toBe("jsonc");
  });

  it("Windows base names: trailing dots and spaces go, . and .. stay", () => {
    expect(windowsBaseName("a/b.json. ")).toBe("b.json");
    expect(windowsBaseName("..")).toBe("..");
    expect(windowsBaseName("a/.")).toBe(".");
  });

  it("JSONC by folder or suffix takes the extension in any case; a reader's own file name stays exact", () => {
    expect(isDefaultJsonc(".vscode/Settings.JSON")).toBe(true);
    expect(isDefaultJsonc("tsconfig.Base.JSON")).toBe(true);
    expect(isDefaultJsonc("themes/Dark-Color-Theme.JSON")).toBe(true);
    expect(isDefaultJsonc("renovate.JSON")).toBe(false);
    expect(isDefaultJsonc("data/x.JSON")).toBe(false);
  });
});

describe("Flatpak manifests (flatpak-builder reads them with json-glib)", () => {
  const manifest = (extra: string) =>
    `{\n  "app-id": "org.example.App",\n  /* GNOME runtime */\n  "runtime": "org.gnome.Platform",\n  "sdk": "org.gnome.Sdk", // the SDK\n  "modules": [\n    { "name": "app", "buildsystem": "meson", "sources": [{ "type": "dir", "path": "." }] }${extra}\n  ]\n}\n`;
  it("comments pass; a trailing comma is an error (json-glib refuses it); other JSON with comments stays an error", () => {
    expect(jsoncDialectByContent("org.example.App.json", manifest(""))).toMatchObject({ trailingCommas: false });
    const ok = firstParse(manifest(""), "org.example.App.json", "json", undefined);
    expect(ok.dialectCandidate).toBe(true);
    expect(jsoncDialectByContent("data/x.json", '{\n  // note\n  "modules": []\n}\n')).toBeUndefined();
  });
});
