/**
 * An `@name@` placeholder standing for a whole JSON value is template evidence, as `%s` and
 * `%NAME%` are (src/core/select/template-syntax.ts: jsonPlaceholderValueAt;
 * src/checks/validate-select.ts: placeholderHoldsJsonError). Sylius's expected API responses
 * (tests/Api/Responses/**.json) are read by PHP-Matcher (coduo/php-matcher's JsonMatcher, through
 * lchrusciel/api-test-case), which wraps every bare `@name@` pattern in quotes before
 * json_decode(): `"createdAt": @datetime@` is valid for it. autoconf, CMake's configure_file and
 * Maven filtering fill the same `@NAME@` before anything parses the file. JSON has no `@` outside
 * a string, so such a file never parses as it is; the whole text must parse once the
 * placeholders read as values, so a broken comma or a truncation is still reported, and `@` run
 * into text (`@user@example.com`) or unmatched (`@@name@`) is no placeholder.
 */
import { describe, expect, it } from "vitest";
import { isTemplateByContent } from "../../src/checks/validate-select.js";
import { parseDocument } from "../../src/core/parse/index.js";
import { jsonPlaceholderValueAt } from "../../src/core/select/template-syntax.js";

function template(text: string): boolean {
  const doc = parseDocument(text, { path: "x.json", format: "json" });
  return isTemplateByContent(doc, text, "json");
}

// Written after Sylius/Sylius tests/Api/Responses/admin/payment/patch_complete_payment_response.json (MIT).
const SYLIUS = [
  "{",
  '    "@context": "\\/api\\/v2\\/contexts\\/Payment",',
  '    "@id": "\\/api\\/v2\\/admin\\/payments\\/@integer@",',
  '    "@type": "Payment",',
  '    "id": @integer@,',
  '    "state": "completed",',
  '    "amount": 1000,',
  '    "createdAt": @string@,',
  '    "updatedAt": @string@',
  "}",
  "",
].join("\n");

describe("an @name@ placeholder standing for a whole JSON value", () => {
  it("Sylius's PHP-Matcher expected response does not parse as JSON, and is a template", () => {
    expect(parseDocument(SYLIUS, { path: "x.json", format: "json" }).ok).toBe(false);
    expect(template(SYLIUS)).toBe(true);
  });

  it.each([
    ["a PHP-Matcher pattern in a list", '{"ids": [@integer@, @integer@], "a": 1}'],
    ["a value alone on its line", '{\n  "updatedAt":\n    @datetime@\n}'],
    ["a configure_file @NAME@ with dots and dashes", '{"version": @PROJECT_VERSION@, "build": @build.number-id@}'],
    ["a doubled @@NAME@@ (VSCodium's recipe form)", '{"name": @@NAME@@}'],
  ])("%s is evidence", (_name, text) => {
    expect(template(text)).toBe(true);
  });

  it.each([
    ["a missing comma after a placeholder", '{"createdAt": @datetime@\n "updatedAt": @datetime@}'],
    ["a missing comma before the first placeholder", '{"id": 1\n "createdAt": @datetime@}'],
    ["a file cut short after a placeholder", '{"createdAt": @datetime@,\n "state": "new"'],
    ["an address run into text", '{"email": @user@example.com}'],
    ["unmatched @ signs", '{"a": @@name@}'],
    ["a pattern with an expander (PHP-Matcher refuses it unquoted too)", '{"a": @string@.contains("x")}'],
    ["a lone @", '{"a": @}'],
    ["a placeholder only inside a string, and a real error", '{"id": "@integer@",, "a": 1}'],
    ["a placeholder as a key", "{@name@: 1}"],
  ])("%s is still reported", (_name, text) => {
    expect(parseDocument(text, { path: "x.json", format: "json" }).ok).toBe(false);
    expect(template(text)).toBe(false);
  });

  it("measures the placeholder only at a value's start and up to a value's end", () => {
    const text = '{"a": @integer@, "b": [@x@], "c": @y@z}';
    expect(jsonPlaceholderValueAt(text, text.indexOf("@integer@"))).toBe("@integer@".length);
    expect(jsonPlaceholderValueAt(text, text.indexOf("@x@"))).toBe(3);
    expect(jsonPlaceholderValueAt(text, text.indexOf("@y@"))).toBe(0);
  });
});
