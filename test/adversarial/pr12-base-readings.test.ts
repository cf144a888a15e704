/**
 * How an existing file is read, changed by the pull request that corrupts it. Three ways a PR
 * had its own corruption pass under the base branch's rules, with no error:
 *
 * - A reading another file decides: a tsconfig that `extends` a file makes it JSONC, a
 *   `config/rig.json` makes `config/*.json` JSON5 (Heft), a VS Code extension's package.json
 *   makes its theme files JSONC, a Chart.yaml makes `templates/` Helm templates (skipped
 *   unread). Added beside an existing data file, the trailing comma, comment or truncation passed.
 * - sops: ciphertext values are not judged by the schema. Fake `ENC[...]` values and a `sops:`
 *   block written into a plaintext data file passed any schema.
 * - Size: a file over validate.max_yaml_size (8 MiB) is a warning, not parsed. Growing an
 *   existing YAML file past it with a comment let a broken first line pass.
 *
 * Now a file the base commit holds is read that way only when the base commit reads it so too
 * (src/checks/base-readings.ts); a file the pull request adds is read as its own files say.
 */
import { describe, expect, it } from "vitest";
import { baseRepos, findingsOf as findings, prWriting as pr } from "../helpers/pull-request.js";

const baseRepo = baseRepos();

const CHART = "apiVersion: v2\nname: app\nversion: 1.0.0\n";
const THEME_EXTENSION = JSON.stringify({
  name: "theme",
  engines: { vscode: "^1.80.0" },
  contributes: { themes: [{ label: "Dark", uiTheme: "vs-dark", path: "./themes/dark.json" }] },
});

describe("a pull request that adds the file deciding how an existing data file is read", () => {
  const attacks: { name: string; base: Record<string, string>; change: Record<string, string>; file: string; reading: RegExp }[] = [
    {
      name: "a tsconfig that extends it (JSONC): a trailing comma",
      base: { "data/state.json": '{"status": "ok"}\n' },
      change: { "data/state.json": '{"status": "ok",}\n', "tsconfig.json": '{"extends": "./data/state.json"}\n' },
      file: "data/state.json",
      reading: /as TypeScript/,
    },
    {
      name: "an empty config/rig.json (Heft, JSON5): unquoted keys and single quotes",
      base: { "config/production.json": '{"db": "primary"}\n' },
      change: { "config/production.json": "{db: 'replica',}\n", "config/rig.json": "{}\n" },
      file: "config/production.json",
      reading: /as Heft/,
    },
    {
      name: "a VS Code extension package.json contributing it (JSONC): a comment",
      base: { "themes/dark.json": '{"colors": {}}\n' },
      change: { "themes/dark.json": '{"colors": {} // x\n}\n', "package.json": THEME_EXTENSION },
      file: "themes/dark.json",
      reading: /as JSONC/,
    },
    {
      name: "a Chart.yaml above its templates/ folder (skipped unread): a truncated file",
      base: { "deploy/templates/state.json": '{"replicas": 2}\n' },
      change: { "deploy/templates/state.json": '{"replicas": \n', "deploy/Chart.yaml": CHART },
      file: "deploy/templates/state.json",
      reading: /as a Helm template/,
    },
  ];
  for (const a of attacks) {
    it(`${a.name}: still an error, and a notice says why`, async () => {
      const repo = baseRepo(a.base);
      const r = await pr(repo, a.change);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const found = findings(r.findingsJson);
      expect(found.some((f) => f.rule.startsWith("parse/") && f.level === "error" && f.file === a.file)).toBe(true);
      const notice = found.find((f) => f.rule === "trust/reading-changed");
      expect(notice?.file).toBe(a.file);
      expect(notice?.message).toMatch(a.reading);
      expect(r.outputs.status).toBe("failed");
    });
  }
});

describe("readings the base commit gives too, or of files the pull request adds (no false block)", () => {
  it("an existing file a base tsconfig already extends keeps its comments and trailing commas", async () => {
    const repo = baseRepo({ "configs/base.json": '{"compilerOptions": {}}\n', "tsconfig.json": '{"extends": "./configs/base.json"}\n' });
    const r = await pr(repo, { "configs/base.json": '{\n  // strict mode\n  "compilerOptions": {"strict": true,},\n}\n' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(findings(r.findingsJson).filter((f) => f.level !== "notice")).toEqual([]);
  });

  it("a new Heft project's config/*.json (new files) is read as JSON5", async () => {
    const repo = baseRepo({ "README.md": "x\n" });
    const r = await pr(repo, {
      "apps/web/package.json": JSON.stringify({ name: "web", devDependencies: { "@rushstack/heft": "^0.66.0" } }),
      "apps/web/config/build-settings.json": "{\n  // shared preset\n  outFolder: 'lib',\n}\n",
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(findings(r.findingsJson).filter((f) => f.level !== "notice")).toEqual([]);
  });

  it("a template under a chart the base already has stays skipped", async () => {
    const repo = baseRepo({ "deploy/Chart.yaml": CHART, "deploy/templates/cm.yaml": "kind: ConfigMap\n" });
    const r = await pr(repo, { "deploy/templates/cm.yaml": "kind: ConfigMap\ndata:\n{{- toYaml .Values.data | nindent 2 }}\n" });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(findings(r.findingsJson).some((f) => f.rule === "validate/template")).toBe(true);
  });
});

const SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  additionalProperties: false,
  required: ["count"],
  properties: { count: { type: "integer", minimum: 0 } },
};
const MAPPED = "version: 1\nvalidate:\n  schemas:\n    - files: ['data/*.json']\n      schema: schemas/state.schema.json\n";
const enc = (data: string, type: string) => `ENC[AES256_GCM,data:${data},iv:${"A".repeat(43)}=,tag:${"A".repeat(22)}==,type:${type}]`;
const sopsFile = (count: string) =>
  JSON.stringify({ count, sops: { mac: enc("bWFj", "str"), version: "3.8.1", lastmodified: "2026-01-01T00:00:00Z" } }) + "\n";

describe("a pull request that turns an existing plaintext data file into a sops file", () => {
  it("fake ciphertext in place of a value the schema checks: still a schema/violation, and a notice says why", async () => {
    const repo = baseRepo({
      "data/state.json": '{"count": 1}\n',
      "schemas/state.schema.json": JSON.stringify(SCHEMA),
      ".integrity-guard/config.yml": MAPPED,
    });
    const r = await pr(repo, { "data/state.json": sopsFile(enc("LTE=", "int")) });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const found = findings(r.findingsJson);
    expect(found.filter((f) => f.rule === "schema/violation" && f.file === "data/state.json").length).toBeGreaterThan(0);
    expect(found.find((f) => f.rule === "trust/reading-changed")?.message).toMatch(/as a sops-encrypted file/);
  });

  it("a file the base already holds encrypted, re-encrypted, still passes (no false block)", async () => {
    const repo = baseRepo({
      "data/state.json": sopsFile(enc("MQ==", "int")),
      "schemas/state.schema.json": JSON.stringify(SCHEMA),
      ".integrity-guard/config.yml": MAPPED,
    });
    const r = await pr(repo, { "data/state.json": sopsFile(enc("Mg==", "int")) });
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it("a new encrypted file passes (no false block)", async () => {
    const repo = baseRepo({
      "data/state.json": '{"count": 1}\n',
      "schemas/state.schema.json": JSON.stringify(SCHEMA),
      ".integrity-guard/config.yml": MAPPED,
    });
    const r = await pr(repo, { "data/other.json": sopsFile(enc("Mg==", "int")) });
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
});

/** A YAML file over the default validate.max_yaml_size (8 MiB): `first` then 9 MiB of comment lines. */
const bigYaml = (first: string) => first + ("#" + "x".repeat(1023) + "\n").repeat(9 * 1024);

describe("a pull request that grows an existing file past the size limit", () => {
  it("a broken first line behind 9 MiB of comments: the too-large finding is an error", async () => {
    const repo = baseRepo({ "config/app.yaml": "replicas: 2\n" });
    const r = await pr(repo, { "config/app.yaml": bigYaml("replicas: [2\n") });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const f = findings(r.findingsJson).find((x) => x.rule === "parse/too-large");
    expect(f?.level).toBe("error");
    expect(f?.message).toMatch(/the pull request's base holds it at 12 bytes, within the limit/);
  });

  it("a new file over the limit, or one the base already holds over it, stays a warning (no false block)", async () => {
    const repo = baseRepo({ "fixtures/big.yaml": bigYaml("a: 1\n") });
    const r = await pr(repo, { "fixtures/big.yaml": bigYaml("a: 2\n"), "fixtures/new.yaml": bigYaml("b: 1\n") });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const levels = findings(r.findingsJson)
      .filter((x) => x.rule === "parse/too-large")
      .map((x) => [x.file, x.level]);
    expect(levels.sort()).toEqual([
      ["fixtures/big.yaml", "warning"],
      ["fixtures/new.yaml", "warning"],
    ]);
  });
});

describe("a pull request that writes template tags into an existing data file", () => {
  it("a `{{ }}` line and a truncation in a JSON file the base holds as valid JSON: still a parse error, and a notice says why", async () => {
    const repo = baseRepo({ "data/state.json": '{"count": 1}\n' });
    const r = await pr(repo, { "data/state.json": '{{ .Values.header }}\n{"count": \n' });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const found = findings(r.findingsJson);
    expect(found.some((f) => f.rule.startsWith("parse/") && f.level === "error" && f.file === "data/state.json")).toBe(true);
    expect(found.find((f) => f.rule === "trust/reading-changed")?.message).toMatch(/as a template/);
  });

  it("a file the base already holds as a template, and a new template file, stay skipped (no false block)", async () => {
    const repo = baseRepo({ "deploy/values.json": '{\n  "image": {{ .Values.image | quote }}\n}\n' });
    const r = await pr(repo, {
      "deploy/values.json": '{\n  "image": {{ .Values.image | quote }},\n  "tag": {{ .Values.tag | quote }}\n}\n',
      "deploy/extra.json": '{\n  "replicas": {{ .Values.replicas }}\n}\n',
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(findings(r.findingsJson).filter((f) => f.level !== "notice")).toEqual([]);
    expect(findings(r.findingsJson).some((f) => f.rule === "validate/template")).toBe(true);
  });
});
