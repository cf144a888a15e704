/**
 * Session 27 (names27): the by-name readings added for local.settings.json and tsdoc.json
 * (core/select/well-known-names.ts) fall under the peer rule (checks/mapped-peers.ts) as
 * session 26's did: on a pull request, a new file of such a name under a schema mapping of the
 * trusted config is read by the mapping's consumers, so its comments count only when a base file
 * of that mapping is read so.
 */
import { describe, expect, it } from "vitest";
import { baseRepos, findingsOf, prWriting, type Found } from "../helpers/pull-request.js";

const baseRepo = baseRepos();
const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");

const SCHEMA = JSON.stringify({ type: "object", required: ["port"], properties: { port: { type: "integer" } } });
const JSON_BASE = {
  ".integrity-guard/config.yml":
    'version: 1\nvalidate:\n  schemas:\n    - files: ["config/*.json"]\n      schema: schemas/app.schema.json\n',
  "schemas/app.schema.json": SCHEMA,
  "config/app.json": '{"port": 8080}\n',
};
/** A comment, no trailing comma: what both readers take. */
const COMMENTED = '{\n  // cut short\n  "port": 80\n}\n';

describe("a new mapped local.settings.json or tsdoc.json gets no comments from its name", () => {
  for (const name of ["local.settings.json", "tsdoc.json"]) {
    it(`config/${name} beside strict peers is held`, async () => {
      const r = await prWriting(baseRepo(JSON_BASE), { [`config/${name}`]: COMMENTED });
      const fs = findingsOf(r.findingsJson);
      expect(r.code, brief(fs)).toBe(1);
      expect(
        fs.some((f) => f.level === "error" && f.file === `config/${name}`),
        brief(fs),
      ).toBe(true);
      const notice = fs.find((f) => f.rule === "trust/reading-changed" && f.file === `config/${name}`);
      expect(notice?.message, brief(fs)).toMatch(/is new and the trusted config maps a schema to it/);
    });

    it(`a new ${name} no mapping names passes with its comment`, async () => {
      const r = await prWriting(baseRepo(JSON_BASE), { [`tools/${name}`]: COMMENTED });
      const fs = findingsOf(r.findingsJson);
      expect(r.code, brief(fs)).toBe(0);
    });
  }
});
