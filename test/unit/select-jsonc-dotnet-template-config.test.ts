/**
 * `dotnet new` template configuration: the template engine (dotnet/templating, JExtensions'
 * ReadJObjectFromIFile) reads `.template.config/template.json`, the host files beside it
 * (dotnetcli.host.json, ide.host.json) and `localize/templatestrings.*.json` with Json.NET's
 * JObject.Load, and since its move to System.Text.Json with CommentHandling.Skip and
 * AllowTrailingCommas, after a BOM-detecting StreamReader: JSON with comments.
 * dotnet/dotnet-template-samples comments its first sample's template.json (`"shortName": "x", // ...`).
 */
import { describe, expect, it } from "vitest";
import { formatForSelected, jsoncMatcher } from "../../src/core/select/jsonc.js";
import { parseDocument } from "../../src/core/parse/index.js";

const TEMPLATE_JSON = `{
  "$schema": "http://json.schemastore.org/template",
  "identity": "MyProject.01.Sample.CSharp",
  "shortName": "sample01",                    // You can create the project using this short name.
  "tags": {
    "language": "C#",                         // Specify that this template is in C#.
    "type":"project",
  },
  "sourceName": "MyProject.Con",
}
`;

describe("dotnet new templates: .template.config/*.json is JSONC", () => {
  const jsonc = jsoncMatcher(undefined);

  it.each([
    ".template.config/template.json",
    "01-basic-template/MyProject.Con/.template.config/template.json",
    "templates/web/.template.config/dotnetcli.host.json",
    "templates/web/.template.config/ide.host.json",
    "content/.template.config/localize/templatestrings.de.json",
  ])("%s is read as JSONC", (file) => {
    expect(jsonc(file)).toBe(true);
    expect(formatForSelected(file, jsonc)).toBe("jsonc");
  });

  it.each([".template.config.json", "template.config/template.json", "src/template.json", ".template.config/template.yaml"])(
    "%s is not",
    (file) => {
      expect(formatForSelected(file, jsonc)).not.toBe("jsonc");
    },
  );

  it("a commented template.json with trailing commas parses there, and a broken one is still an error", () => {
    const file = "MyProject.Con/.template.config/template.json";
    const doc = parseDocument(Buffer.from(TEMPLATE_JSON), { path: file, format: formatForSelected(file, jsonc) });
    expect(doc.findings).toEqual([]);
    expect(doc.value).toEqual(expect.objectContaining({ shortName: "sample01", sourceName: "MyProject.Con" }));
    const broken = parseDocument(Buffer.from(TEMPLATE_JSON.replace('"sourceName"', "sourceName")), {
      path: file,
      format: formatForSelected(file, jsonc),
    });
    expect(broken.ok).toBe(false);
  });
});
