/**
 * Symfony YAML's merge of a list (src/core/parse/yaml-list-alias-merge.ts, checks/file-steps.ts):
 * Coolify reads its service templates with Symfony's parser, which takes `<<: *alias` of a
 * sequence (its items go in under the keys 0..n-1). Only there, only the alias form, and only
 * where the standard reading fails; everywhere else a merge of a list stays the error PyYAML,
 * Psych and the yaml package make of it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { firstParse } from "../../src/checks/file-steps.js";
import { isCoolifyTemplate } from "../../src/core/parse/yaml-list-alias-merge.js";
import { loadYamlSupport } from "../../src/core/parse/index.js";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

beforeAll(() => loadYamlSupport()); // firstParse parses through core/parse/index.ts, as validate does after loading it

const errors = (text: string, file: string, contentReadings = true) =>
  firstParse(text, file, "yaml", undefined, undefined, undefined, contentReadings).doc.findings.filter((f) => f.level === "error");

// Reduced from coollabsio/coolify (Apache-2.0), commit 379abb252621, templates/compose/langfuse.yaml.
const LANGFUSE = `# documentation: https://langfuse.com/docs
# slogan: Langfuse is an open-source LLM engineering platform.
# category: ai
# port: 3000

x-app-env: &app-env
  - NEXTAUTH_URL=\${SERVICE_URL_LANGFUSE}
  - SALT=\${SERVICE_PASSWORD_SALT}

services:
  langfuse:
    image: langfuse/langfuse:3
    environment:
      <<: *app-env
      SERVICE_URL_LANGFUSE_3000: \${SERVICE_URL_LANGFUSE_3000}
  langfuse-worker:
    image: langfuse/langfuse-worker:3
    environment:
      <<: *app-env
`;
const TEMPLATE = "templates/compose/langfuse.yaml";

describe("a Coolify service template merging a list with `<<: *alias`", () => {
  it("is read as Symfony YAML reads it: no error, the reading named for pull requests", () => {
    expect(errors(LANGFUSE, TEMPLATE)).toEqual([]);
    const parsed = firstParse(LANGFUSE, TEMPLATE, "yaml", undefined);
    expect(parsed.byContent?.reading).toMatch(/Coolify/);
    expect(parsed.doc.ok).toBe(true);
    // The keys written beside the merge are kept; the merged list's items are left out of the value.
    const value = parsed.doc.value as { services: { langfuse: { environment: Record<string, string> } } };
    expect(value.services.langfuse.environment).toEqual({ SERVICE_URL_LANGFUSE_3000: "${SERVICE_URL_LANGFUSE_3000}" });
  });

  it("stays an error where the base does not agree to the reading (contentReadings false)", () => {
    expect(errors(LANGFUSE, TEMPLATE, false).map((f) => f.rule)).toContain("parse/syntax");
  });

  it("stays an error outside templates/compose/ or without the template's header", () => {
    expect(errors(LANGFUSE, "compose.yaml").map((f) => f.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/merge key's source is a list item/)]),
    );
    const headless = LANGFUSE.replace(/^# slogan:.*\n/m, "");
    expect(errors(headless, TEMPLATE).map((f) => f.rule)).toContain("parse/syntax");
  });

  it("keeps every other merge error: an inline list of scalars, a scalar alias, a list of lists", () => {
    const header = "# documentation: https://example.com\n# slogan: x\n";
    // Symfony refuses these too ("Merge items must be arrays", "used with a scalar value").
    for (const body of ["a:\n  <<: [x, y]\n", "s: &s text\na:\n  <<: *s\n", "l: &l\n  - [1, 2]\na:\n  <<: [*l]\n"])
      expect(
        errors(header + body, TEMPLATE).map((f) => f.rule),
        body,
      ).toContain("parse/syntax");
  });

  it("still reports what is broken besides the merge (a duplicate key)", () => {
    const broken = LANGFUSE.replace("    image: langfuse/langfuse:3\n", "    image: langfuse/langfuse:3\n    image: other\n");
    expect(errors(broken, TEMPLATE).map((f) => f.rule)).toEqual(["parse/duplicate-key"]);
  });

  it("the parser's option alone: no error with listAliasMerges, the standard error without", () => {
    const body = "x: &l\n  - a\ny:\n  <<: *l\n";
    const plain = parseDocument(Buffer.from(body), { path: "a.yaml", format: "yaml" });
    expect(plain.findings.some((f) => f.level === "error")).toBe(true);
    const symfony = parseDocument(Buffer.from(body), { path: "a.yaml", format: "yaml", listAliasMerges: "Symfony YAML" });
    expect(symfony.findings.filter((f) => f.level === "error")).toEqual([]);
  });
});

describe("isCoolifyTemplate", () => {
  it("needs the path and both header comments among the leading comment lines", () => {
    expect(isCoolifyTemplate(TEMPLATE, LANGFUSE)).toBe(true);
    expect(isCoolifyTemplate("templates/compose/a.yml", "# ignore: true\n# documentation: x\n# slogan: y\nservices: {}\n")).toBe(true);
    expect(isCoolifyTemplate("compose/a.yaml", LANGFUSE)).toBe(false);
    expect(isCoolifyTemplate(TEMPLATE, "services: {}\n# documentation: x\n# slogan: y\n")).toBe(false);
    expect(isCoolifyTemplate(TEMPLATE, "")).toBe(false);
  });

  it("reads at most the first lines, in linear time, whatever the file holds", () => {
    const huge = "#".repeat(200_000) + "\n" + "# documentation: x\n".repeat(50_000) + "# slogan: y\n";
    const t0 = performance.now();
    expect(isCoolifyTemplate(TEMPLATE, huge)).toBe(false); // the slogan is past the header lines
    expect(isCoolifyTemplate(TEMPLATE, "# documentation: x\r\n# slogan: y\r\n" + "a".repeat(1_000_000))).toBe(true);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
