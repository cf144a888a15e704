/**
 * The readings session 24 added by content (core/select/jsonc-by-content.ts: an oxlint/oxfmt
 * `$schema`, Windows Terminal settings, an XAML Styler config) each take comments and trailing
 * commas. Written by a pull request into an existing strict JSON data file together with the
 * corruption, the marker must not make that corruption pass: the base's version of the file has
 * to ask for the reading too (checks/base-readings.ts). A new file is read as its content says.
 */
import { describe, expect, it } from "vitest";
import { baseRepos, findingsOf as findings, prWriting as pr } from "../helpers/pull-request.js";

const baseRepo = baseRepos();

const STATE = "data/state.json";

const attacks: { name: string; change: string; reading: RegExp }[] = [
  {
    name: "oxlint's `$schema`: a trailing comma",
    change: '{"$schema": "./node_modules/oxlint/configuration_schema.json", "status": "ok",}\n',
    reading: /oxlint/,
  },
  {
    name: "Windows Terminal's `$schema`: a comment",
    change: '{"$schema": "https://aka.ms/terminal-profiles-schema", "status": "ok" // cut here\n}\n',
    reading: /Windows Terminal/,
  },
  {
    name: "an XAML Styler option name: a trailing comma",
    change: '{"AttributesTolerance": 2, "status": "ok",}\n',
    reading: /XAML Styler/,
  },
];

describe("a pull request that writes a tool config's marker into an existing strict JSON data file", () => {
  for (const a of attacks) {
    it(`${a.name}: still an error, and a notice says why`, async () => {
      const repo = baseRepo({ [STATE]: '{"status": "ok"}\n' });
      const r = await pr(repo, { [STATE]: a.change });
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const found = findings(r.findingsJson);
      expect(
        found.some((f) => f.rule.startsWith("parse/") && f.level === "error" && f.file === STATE),
        JSON.stringify(found),
      ).toBe(true);
      const notice = found.find((f) => f.rule === "trust/reading-changed");
      expect(notice?.file).toBe(STATE);
      expect(notice?.message).toMatch(a.reading);
    });
  }
});

describe("the same readings in a new file, or one the base already reads so (no false block)", () => {
  for (const a of attacks) {
    it(`${a.name}: passes in a new file`, async () => {
      const repo = baseRepo({ [STATE]: '{"status": "ok"}\n' });
      const r = await pr(repo, { "data/new.json": a.change });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(findings(r.findingsJson).filter((f) => f.rule === "trust/reading-changed")).toEqual([]);
    });
  }

  it("Windows Terminal settings the base holds keep their comments and trailing commas", async () => {
    const base = '{\n  "$schema": "https://aka.ms/terminal-profiles-schema",\n  "profiles": {"list": []}\n}\n';
    const repo = baseRepo({ "terminal/settings.json": base });
    const r = await pr(repo, {
      "terminal/settings.json": '{\n  "$schema": "https://aka.ms/terminal-profiles-schema",\n  // mine\n  "profiles": {"list": [],},\n}\n',
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(findings(r.findingsJson).filter((f) => f.level !== "notice")).toEqual([]);
  });
});
