/**
 * A manifest checked out by git with CRLF line ends: `core.autocrlf=true` (Git for Windows'
 * default, and the Windows runners') or a `*.json text eol=crlf` attribute convert every line
 * of `.integrity-guard/manifest.json` and of each shard on checkout. git stores (and the hook
 * reads) the LF bytes seal wrote; only the work-tree copy differs. `verify` and `check` reported
 * every such file as `manifest/noncanonical` ("reformatted by hand or by a tool"), in every clone,
 * and `seal` removed the warnings only until the next checkout. A uniform CRLF form is now read
 * as the canonical text; a real reformatting (or CRLF on some lines only) still warns.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function track(r: TestRepo): TestRepo {
  repos.push(r);
  return r;
}

async function findings(r: TestRepo): Promise<{ code: number; rules: string[] }> {
  const out = await r.cli(["verify", "--format", "json"]);
  const report = JSON.parse(out.stdout || '{"findings":[]}') as { findings: { rule: string; file?: string }[] };
  return { code: out.code, rules: report.findings.map((f) => `${f.rule} ${f.file ?? ""}`) };
}

/** A sealed, committed repository of `files` data files, cloned with core.autocrlf=true. */
async function crlfClone(files: number): Promise<TestRepo> {
  const origin = track(createRepo());
  origin.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
  for (let i = 0; i < files; i++) origin.write(`data/f${i}.json`, `{"i":${i}}\n`);
  expect((await origin.cli(["seal"])).code).toBe(0);
  origin.commitAll("sealed");
  const dir = path.join(makeTempDir("ig-crlf-"), "clone");
  origin.git("-c", "core.autocrlf=true", "clone", "-q", "--config", "core.autocrlf=true", origin.dir, dir);
  const clone = track(createRepo({ dir }));
  clone.git("config", "core.autocrlf", "true"); // createRepo sets it false
  expect(fs.readFileSync(path.join(dir, ".integrity-guard/manifest.json"), "utf8")).toContain("\r\n");
  return clone;
}

describe("a manifest that git checked out with CRLF line ends", () => {
  it("single file: verify finds nothing", async () => {
    const clone = await crlfClone(3);
    expect(await findings(clone)).toEqual({ code: 0, rules: [] });
  });

  it("sharded (root and shards): verify finds nothing", async () => {
    const clone = await crlfClone(4200);
    expect(fs.readdirSync(path.join(clone.dir, ".integrity-guard/manifest.d")).length).toBeGreaterThan(1);
    expect(await findings(clone)).toEqual({ code: 0, rules: [] });
  }, 120_000);

  it("CRLF on some lines only, or an indented manifest, is still noncanonical", async () => {
    const clone = await crlfClone(3);
    const file = path.join(clone.dir, ".integrity-guard/manifest.json");
    const lf = fs.readFileSync(file, "utf8").replaceAll("\r\n", "\n");
    const lines = lf.split("\n");
    fs.writeFileSync(file, lines[0] + "\r\n" + lines.slice(1).join("\n"));
    expect(await findings(clone)).toEqual({ code: 0, rules: ["manifest/noncanonical .integrity-guard/manifest.json"] });
    fs.writeFileSync(file, JSON.stringify(JSON.parse(lf), null, 2) + "\n");
    expect(await findings(clone)).toEqual({ code: 0, rules: ["manifest/noncanonical .integrity-guard/manifest.json"] });
  });
});
