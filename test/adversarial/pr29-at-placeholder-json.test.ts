/**
 * Session 29 (fb29) made an `@name@` placeholder standing for a whole JSON value template evidence
 * (src/core/select/template-syntax.ts: JSON_PLACEHOLDER), so PHP-Matcher's expected responses
 * (`"createdAt": @datetime@`) are skipped as templates. The reading is chosen by the file's own
 * content, so a pull request could ask for it by writing a bare `@name@` into an existing strict
 * data file: that must stay an error (the base's version is no template), as it does for `%s`
 * (pr26-printf-and-watch-readings.test.ts). A new file in that shape is a template.
 */
import { describe, expect, it } from "vitest";
import { baseRepos, findingsOf as findings, prWriting as pr, type Found } from "../helpers/pull-request.js";

const baseRepo = baseRepos();

const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");

const STATE = "data/state.json";

describe("a bare @name@ value written by a pull request", () => {
  it("into an existing strict JSON data file: still an error, never a template", async () => {
    const repo = baseRepo({ [STATE]: '{"status": "ok", "count": 1}\n' });
    const r = await pr(repo, { [STATE]: '{"status": @status@, "count": 1}\n' });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(
      fs.some((f) => f.level === "error" && f.file === STATE && f.rule.startsWith("parse/")),
      brief(fs),
    ).toBe(true);
    expect(
      fs.some((f) => f.rule === "validate/template"),
      brief(fs),
    ).toBe(false);
  });

  it("in a new PHP-Matcher expected response: skipped as a template with a notice", async () => {
    const repo = baseRepo({ [STATE]: '{"status": "ok"}\n' });
    const r = await pr(repo, {
      "tests/Api/Responses/admin/payment/get_payment.json": '{\n  "id": @integer@,\n  "state": "new",\n  "createdAt": @datetime@\n}\n',
    });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
    expect(
      fs.some((f) => f.rule === "validate/template"),
      brief(fs),
    ).toBe(true);
  });
});
