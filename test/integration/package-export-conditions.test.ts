/**
 * package.json `exports`/`imports` condition names, through the built CLI (vendor patch
 * package-condition-names-with-digits): Node takes any condition name that does not start with
 * `.` and is not an array index, so the Angular Package Format's `esm2022` is valid, while a
 * numeric key (ERR_INVALID_PACKAGE_CONFIG in Node's resolver) is still reported.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

type Finding = { rule: string; level: string; file?: string; message: string };

function checkPackage(pkg: unknown): { code: number; findings: Finding[] } {
  const r = createRepo();
  repo = r;
  r.write(".integrity-guard/config.yml", "version: 1\n");
  r.write("package.json", JSON.stringify(pkg, null, 2) + "\n");
  r.commitAll("pkg");
  const out = r.cliBundle(["check", "--format", "json"]);
  return { code: out.code, findings: (JSON.parse(out.stdout || "{}") as { findings?: Finding[] }).findings ?? [] };
}

describe("package.json condition names", () => {
  it("takes conditions with digits (esm2022, es2015) in exports and imports", () => {
    const result = checkPackage({
      name: "@acme/lib",
      version: "1.0.0",
      exports: { ".": { types: "./index.d.ts", esm2022: "./esm2022/lib.mjs", es2015: "./es2015/lib.mjs", default: "./lib.mjs" } },
      imports: { "#internal": { esm2022: "./esm2022/internal.mjs", default: "./internal.mjs" } },
    });
    expect(result).toEqual({ code: 0, findings: [] });
  });

  it("still reports a numeric condition key, which Node's resolver refuses", () => {
    const { findings } = checkPackage({ name: "lib", version: "1.0.0", exports: { ".": { "0": "./a.js", default: "./b.js" } } });
    const own = findings.filter((f) => f.file === "package.json" && f.rule === "schema/violation");
    expect(own.length).toBeGreaterThan(0);
  });
});
