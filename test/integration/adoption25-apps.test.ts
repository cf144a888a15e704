/**
 * Session 25, applications and platforms (rw-a25): files of application repositories read as
 * their readers read them.
 *
 * - Ocelot, the .NET API gateway: `ocelot.json` is loaded with AddJsonFile (the appsettings
 *   reader: comments, trailing commas, a BOM skipped) and the `ocelot.*.json` files AddOcelot
 *   merges into it are read with File.ReadAllText and Json.NET (ThreeMammals/Ocelot's own samples
 *   have `//` comments and BOMs there: 10 false blocks). .NET's configuration rules come with the
 *   reader: a setting given twice in any case is still an error, and so is broken JSON.
 * - A tsconfig that holds only a comment (grafana/grafana-plugin-examples keeps one so editors
 *   find a project at the root): TypeScript reads a config with no value as {} without an error,
 *   so it is a warning; a whitespace-only tsconfig, what a cut write leaves, stays an error.
 */
import { describe, expect, it } from "vitest";
import { withRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

const BOM = "\uFEFF";

const seen = (stdout: string) =>
  (JSON.parse(stdout) as { findings: Finding[] }).findings.map((f) => `${f.level} ${f.rule} ${f.file}:${f.line ?? ""}`).sort();

describe("Ocelot's ocelot.json and ocelot.*.json", () => {
  it("take comments, trailing commas and a BOM; a setting given twice and broken JSON stay errors", () =>
    withRepo((repo) => {
      const routes = [
        "{",
        '  "Routes": [',
        "    {",
        '      "DownstreamPathTemplate": "/api/{everything}", // the service path',
        '      "UpstreamHttpMethod": [ "Get", "Post", ],',
        "    },",
        "  ],",
        "  /* global settings live in ocelot.global.json */",
        "}",
        "",
      ].join("\n");
      repo.write("gateway/ocelot.json", BOM + routes);
      repo.write(
        "gateway/ocelot.global.json",
        `${BOM}{\n  // merged by AddOcelot\n  "GlobalConfiguration": { "BaseUrl": "https://api.example.com" }\n}\n`,
      );
      repo.write("gateway/ocelot.Development.json", '{ "Routes": [], }\n');
      // .NET's configuration refuses a setting given twice (keys are case-insensitive).
      repo.write("dup/ocelot.json", '{\n  "GlobalConfiguration": { "BaseUrl": "a" },\n  "globalconfiguration": { "BaseUrl": "b" }\n}\n');
      repo.write("cut/ocelot.json", '{\n  "Routes": [\n');
      // Not Ocelot's names: strict JSON as before.
      repo.write("other/myocelot.json", '{ "a": 1, // no\n}\n');
      // A Postman export saved beside them is Postman's (strict JSON), not Ocelot's.
      repo.write("gateway/ocelot.postman_collection.json", '{ "info": {}, // no\n "item": [] }\n');
      repo.git("add", "-A");
      for (const args of [["check", "--staged"], ["check"]]) {
        const r = repo.cliBundle([...args, "--format", "json"]);
        const got = seen(r.stdout);
        expect(
          got.filter((f) => f.includes("gateway/") && !f.includes("postman")),
          got.join("\n"),
        ).toEqual([]);
        expect(got.some((f) => f.startsWith("error parse/syntax gateway/ocelot.postman_collection.json"))).toBe(true);
        expect(got.some((f) => f.startsWith("error parse/duplicate-key dup/ocelot.json:3"))).toBe(true);
        expect(got.some((f) => f.startsWith("error parse/truncated cut/ocelot.json"))).toBe(true);
        expect(got.some((f) => f.startsWith("error parse/syntax other/myocelot.json"))).toBe(true);
        expect(r.code).toBe(1);
      }
    }));

  it("reads a comment-heavy ocelot.json in linear time", () =>
    withRepo((repo) => {
      const many = "  // a note\n".repeat(20000) + "  /* x */".repeat(20000);
      repo.write("ocelot.json", `{\n${many}\n  "Routes": []\n}\n`);
      repo.git("add", "-A");
      const started = Date.now();
      const r = repo.cliBundle(["check", "--staged", "--format", "json"]);
      expect(seen(r.stdout)).toEqual([]);
      expect(r.code).toBe(0);
      expect(Date.now() - started).toBeLessThan(20000);
    }));
});

describe("a tsconfig that holds only comments", () => {
  it("is a warning naming TypeScript; a whitespace-only tsconfig and comment-only JSONC of other names stay errors", () =>
    withRepo((repo) => {
      repo.write("tsconfig.json", "// This file exists so opening the entire repo in VS Code finds a project\n");
      repo.write("web/jsconfig.json", "/* no options: the defaults */\n");
      repo.write("cut/tsconfig.json", "\n  \n");
      repo.write(".eslintrc.json", "// rules to come\n"); // ESLint: JSON.parse(stripComments(text)) throws
      repo.git("add", "-A");
      for (const args of [["check", "--staged"], ["check"]]) {
        const r = repo.cliBundle([...args, "--format", "json"]);
        const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
        expect(seen(r.stdout)).toEqual([
          "error parse/empty .eslintrc.json:1",
          "error parse/empty cut/tsconfig.json:1",
          "warning parse/empty tsconfig.json:1",
          "warning parse/empty web/jsconfig.json:1",
        ]);
        expect(findings.find((f) => f.file === "tsconfig.json")?.message).toMatch(/only comments.*TypeScript/);
        expect(findings.find((f) => f.file === "cut/tsconfig.json")?.message).toMatch(/only whitespace/);
        expect(r.code).toBe(1);
      }
    }));

  it("is an error when the commit it starts from held options in it: a write cut after the leading comment", () =>
    withRepo(async (repo) => {
      repo.write("tsconfig.json", '// shared options\n{\n  "compilerOptions": { "strict": true }\n}\n');
      repo.write("web/tsconfig.json", "// kept for editors\n");
      repo.commitAll("start");
      repo.write("tsconfig.json", "// shared options\n");
      repo.write("web/tsconfig.json", "// kept for editors, still\n");
      repo.git("add", "-A");
      for (const args of [["check", "--staged"], ["check"]]) {
        const r = await repo.cli([...args, "--format", "json"]);
        const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
        expect(seen(r.stdout)).toEqual(["error parse/empty tsconfig.json:1", "warning parse/empty web/tsconfig.json:1"]);
        expect(findings[0]?.message).toMatch(
          /HEAD holds data in it \(a mapping of 1 key\), and its reader would fall back to its defaults/,
        );
        expect(r.code).toBe(1);
      }
    }));
});
