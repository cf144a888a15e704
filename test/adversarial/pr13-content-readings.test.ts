/**
 * How an existing file is read, changed by the file's own new content. Session 17 made readings
 * that OTHER files decide (a tsconfig's extends, a Chart.yaml) and template tags need the base
 * commit's agreement on pull requests; readings a file's content asks for by a marker were left
 * to the pull request. A marker costs one line: a `// ruleid: x` comment (a Semgrep test target:
 * comments and trailing commas), a Rush Stack `$schema` URL (JSON5), an ARM template `$schema`
 * (comments), `"transformers_version"` or a Trainer state's members (NaN/Infinity as warnings), `"class": "File"` (a CWL job
 * order: read as YAML), `"provider_installation"` (an HCL 1 CLI config: a repeated object merges).
 * Written into an existing data file together with the corruption, each made that corruption
 * pass, although the file's reader (JSON.parse in the application) fails on it.
 *
 * Now such a reading counts for a file the base commit holds only when the base's version of the
 * file asks for it too (src/checks/base-readings.ts); a new file is read as its content says.
 */
import { describe, expect, it } from "vitest";
import { baseRepos, findingsOf as findings, prWriting as pr } from "../helpers/pull-request.js";

const baseRepo = baseRepos();

const STATE = "data/state.json";
const RUSH_SCHEMA = "https://developer.microsoft.com/json-schemas/rush/v5/command-line.schema.json";
const ARM_SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

const attacks: { name: string; change: string; reading: RegExp }[] = [
  {
    name: "a `// ruleid:` comment line (Semgrep test target): a trailing comma",
    change: '// ruleid: x\n{"status": "ok",}\n',
    reading: /Semgrep/,
  },
  {
    name: "a Rush Stack `$schema` (JSON5): unquoted keys and single quotes",
    change: `{"$schema": "${RUSH_SCHEMA}", status: 'ok'}\n`,
    reading: /Rush Stack/,
  },
  {
    name: "an ARM deployment template `$schema` (comments): a comment",
    change: `{"$schema": "${ARM_SCHEMA}", "status": "ok" // cut here\n}\n`,
    reading: /Azure Resource Manager/,
  },
  {
    name: '`"transformers_version"` (json.loads): NaN',
    change: '{"transformers_version": "4.0", "status": NaN}\n',
    reading: /Hugging Face/,
  },
  {
    name: '`"log_history"` and `"is_world_process_zero"` (a Trainer state, json.loads): NaN',
    change: '{"is_world_process_zero": true, "log_history": [], "status": NaN}\n',
    reading: /Trainer state/,
  },
  {
    name: '`"eval_runtime"` and `"eval_samples_per_second"` (Trainer metrics, json.load): NaN',
    change: '{"eval_runtime": 1.0, "eval_samples_per_second": 2.0, "status": NaN}\n',
    reading: /Trainer metrics/,
  },
  {
    name: '`"class": "File"` (a CWL job order, read as YAML): a single-quoted string',
    change: '{"input": {"class": "File"}, "status": \'ok\'}\n',
    reading: /cwltool/,
  },
  {
    name: "a vcrpy cassette's first and last lines (read as YAML): a YAML mapping where JSON was",
    change: "interactions:\n- request:\n    uri: x\n  response: {}\nstatus: ok\nversion: 1\n",
    reading: /vcrpy/,
  },
  {
    name: '`"provider_installation"` (HCL 1 CLI config): a repeated object, one of them lost to JSON.parse',
    change: '{"provider_installation": {}, "limits": {"max": 1}, "limits": {"min": 0}}\n',
    reading: /HCL/,
  },
  {
    name: "a DocFX build section (a docfx config of any name): a comment",
    change: '{"build": {"content": [{"files": ["*.md"]}], "dest": "_site"}, "status": "ok" // cut here\n}\n',
    reading: /DocFX/,
  },
  {
    name: "DocFX's document meta-schema as `$schema` (a template's schema): a trailing comma",
    change: '{"$schema": "https://dotnet.github.io/docfx/schemas/v1.0/schema.json#", "status": "ok",}\n',
    reading: /DocFX/,
  },
];

describe("a pull request that writes a reader's marker into an existing strict JSON data file", () => {
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
      expect(r.outputs.status).toBe("failed");
    });
  }
});

describe("readings the base's version of the file asks for too, or of new files (no false block)", () => {
  for (const a of attacks) {
    it(`${a.name}: passes in a new file`, async () => {
      const repo = baseRepo({ [STATE]: '{"status": "ok"}\n' });
      const r = await pr(repo, { "data/new.json": a.change });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(findings(r.findingsJson).filter((f) => f.rule === "trust/reading-changed")).toEqual([]);
    });
  }

  it("an ARM template the base holds with its `$schema` keeps its comments", async () => {
    const repo = baseRepo({ "deploy/main.json": `{"$schema": "${ARM_SCHEMA}", "resources": []}\n` });
    const r = await pr(repo, { "deploy/main.json": `{\n  "$schema": "${ARM_SCHEMA}",\n  // none yet\n  "resources": []\n}\n` });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(findings(r.findingsJson).filter((f) => f.level !== "notice")).toEqual([]);
  });

  it("a Semgrep test target the base holds keeps its comments and trailing commas", async () => {
    const repo = baseRepo({ "rules/x.json": '// ruleid: x\n{"a": 1}\n' });
    const r = await pr(repo, { "rules/x.json": '// ruleid: x\n{"a": 1,\n// ok: x\n"b": 2,}\n' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(findings(r.findingsJson).filter((f) => f.level !== "notice")).toEqual([]);
  });

  it("a Hugging Face config the base holds keeps NaN as a warning", async () => {
    const repo = baseRepo({ "model/config.json": '{"transformers_version": "4.0", "limit": 1}\n' });
    const r = await pr(repo, { "model/config.json": '{"transformers_version": "4.1", "limit": Infinity}\n' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(findings(r.findingsJson).filter((f) => f.level === "error")).toEqual([]);
  });
});

describe("a pull request that makes an existing file one its reader's format check leaves unread", () => {
  it("a `#` line in a renv.lock the base reads: its trailing comma is still an error, and a notice says why", async () => {
    const repo = baseRepo({ "renv.lock": '{"R": {"Version": "4.3.0"}}\n' });
    const r = await pr(repo, { "renv.lock": '# pinned\n{"R": {"Version": "4.3.0"},}\n' });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const found = findings(r.findingsJson);
    expect(found.some((f) => f.rule.startsWith("parse/") && f.level === "error" && f.file === "renv.lock")).toBe(true);
    expect(found.find((f) => f.rule === "trust/reading-changed")?.message).toMatch(/as left unread/);
  });

  it("a Yarn 2 yarn.lock without its `__metadata`: a broken line is still an error", async () => {
    const repo = baseRepo({ "yarn.lock": '__metadata:\n  version: 6\n\n"a@npm:1.0.0":\n  version: 1.0.0\n' });
    const r = await pr(repo, { "yarn.lock": '"a@npm:1.0.0":\n  version: [1.0.0\n' });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(findings(r.findingsJson).some((f) => f.level === "error" && f.file === "yarn.lock")).toBe(true);
  });

  it("a renv.lock the base already holds with a `#` line, and a new one, stay unread (no false block)", async () => {
    const repo = baseRepo({ "renv.lock": '# pinned\n{"R": {"Version": "4.3.0"}}\n' });
    const r = await pr(repo, { "renv.lock": '# pinned\n{"R": {"Version": "4.4.0"}}\n', "sub/renv.lock": '# new\n{"R": {}}\n' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(findings(r.findingsJson).filter((f) => f.level !== "notice")).toEqual([]);
  });
});
