/**
 * Red team, session 22: a Minecraft Bedrock pack's or a Stardew Valley (SMAPI) mod's manifest.json
 * is read with comments, known by its own keys (`format_version`, `header.uuid`, `modules`;
 * `UniqueID` with `EntryDll`). On a pull request the base's agreement was asked with the pull
 * request's text, so the base always "agreed": those keys and a comment written into an existing
 * web app manifest (parsed with JSON.parse by browsers) passed. The base is asked with its own text.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { runPullRequest } from "../e2e/action-harness.js";

let repo: TestRepo | undefined;
afterEach(() => repo?.cleanup());

type Found = { rule: string; level: string; file?: string; message: string };
const findings = (json: string | undefined) => (JSON.parse(json ?? "{}") as { findings?: Found[] }).findings ?? [];
const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");

const WEB_MANIFEST = '{\n  "name": "App",\n  "start_url": "/",\n  "display": "standalone"\n}\n';

describe("pack keys and a comment written into an existing manifest.json", () => {
  for (const [name, keys] of [
    ["Bedrock pack keys", '  "format_version": 2,\n  "header": {"uuid": "6f0c1b2e-0000-4000-8000-000000000000"},\n  "modules": [],\n'],
    ["SMAPI mod keys", '  "UniqueID": "me.app",\n  "EntryDll": "App.dll",\n'],
  ] as const) {
    it(`${name}: the comment is an error, with a notice saying why`, async () => {
      repo = createRepo();
      repo.write("public/manifest.json", WEB_MANIFEST);
      repo.commitAll("base");
      const r = await runPullRequest(repo, (x) =>
        x.write("public/manifest.json", `{\n  // generated\n${keys}  "name": "App",\n  "start_url": "/",\n  "display": "standalone"\n}\n`),
      );
      const fs = findings(r.findingsJson);
      expect(r.code, brief(fs)).toBe(1);
      expect(
        fs.some((f) => f.level === "error" && f.file === "public/manifest.json"),
        brief(fs),
      ).toBe(true);
      expect(
        fs.some((f) => f.rule === "trust/reading-changed" && f.file === "public/manifest.json"),
        brief(fs),
      ).toBe(true);
    });
  }

  it("a pack manifest the base holds keeps its comments (guard)", async () => {
    repo = createRepo();
    const pack = '{\n  "format_version": 2,\n  "header": {"uuid": "6f0c1b2e-0000-4000-8000-000000000000"},\n  "modules": []\n}\n';
    repo.write("pack/manifest.json", pack);
    repo.commitAll("base");
    const r = await runPullRequest(repo, (x) => x.write("pack/manifest.json", pack.replace("{\n", "{\n  // the resource pack\n")));
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
  });
});

// Session 30: in a Bedrock pack a member repeated with the same value is a notice (the game's
// JsonCpp reader keeps one); that reading is the pack's, so it too needs the base's pack manifest.
describe("a member repeated with the same value below a manifest.json, on a pull request", () => {
  const PACK = '{\n  "format_version": 2,\n  "header": {"uuid": "6f0c1b2e-0000-4000-8000-000000000000"},\n  "modules": []\n}\n';
  const bones = (repeat: boolean) =>
    `{\n  "bones": {\n    "bristle3": { "rotation": [0, 0, 34] }${repeat ? ',\n    "bristle3": { "rotation": [0, 0, 34] }' : ""}\n  }\n}\n`;

  it("the base holds the pack's manifest: a notice, the run passes", async () => {
    repo = createRepo();
    repo.write("pack/manifest.json", PACK);
    repo.write("pack/animations/strider.animation.json", bones(false));
    repo.commitAll("base");
    const r = await runPullRequest(repo, (x) => x.write("pack/animations/strider.animation.json", bones(true)));
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
    expect(
      fs.some((f) => f.rule === "parse/duplicate-key" && f.level === "notice" && f.file === "pack/animations/strider.animation.json"),
      brief(fs),
    ).toBe(true);
  });

  it("pack keys written into the base's web app manifest in the same pull request: the repeat is an error (guard)", async () => {
    repo = createRepo();
    repo.write("pack/manifest.json", WEB_MANIFEST);
    repo.write("pack/animations/strider.animation.json", bones(false));
    repo.commitAll("base");
    const r = await runPullRequest(repo, (x) => {
      x.write("pack/manifest.json", PACK);
      x.write("pack/animations/strider.animation.json", bones(true));
    });
    const fs = findings(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(
      fs.some((f) => f.rule === "parse/duplicate-key" && f.level === "error" && f.file === "pack/animations/strider.animation.json"),
      brief(fs),
    ).toBe(true);
  });
});
