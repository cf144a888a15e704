/**
 * devenv.lock (cachix/devenv) is a Nix flake lock file: devenv loads it with Nix's LockFile
 * parser (devenv-nix-backend load_lock_file: LockFile::parse; older devenv handed it to
 * `nix --reference-lock-file`), which reads strict JSON. It has no `.json` extension, so the
 * default selection must know the name: a cut or conflicted devenv.lock stops every `devenv
 * shell`, and it used to pass `check` unread.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

const LOCK = `{
  "nodes": {
    "nixpkgs": {
      "locked": {
        "lastModified": 1767714506,
        "narHash": "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "owner": "cachix",
        "repo": "devenv-nixpkgs",
        "rev": "0123456789abcdef0123456789abcdef01234567",
        "type": "github"
      },
      "original": { "owner": "cachix", "ref": "rolling", "repo": "devenv-nixpkgs", "type": "github" }
    },
    "root": { "inputs": { "nixpkgs": "nixpkgs" } }
  },
  "root": "root",
  "version": 7
}
`;

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

async function check(files: Record<string, string>) {
  repo = createRepo();
  for (const [rel, text] of Object.entries(files)) repo.write(rel, text);
  repo.commitAll("devenv");
  const r = await repo.cli(["check", "--format", "json"]);
  const out = JSON.parse(r.stdout) as {
    findings: { rule: string; file: string; line?: number; level?: string }[];
    summary: { checked: number };
  };
  return { code: r.code, out };
}

describe("devenv.lock is read as Nix reads a flake lock (strict JSON)", () => {
  it("a valid devenv.lock is checked and passes", async () => {
    const { code, out } = await check({
      "devenv.lock": LOCK,
      "devenv.yaml": "inputs:\n  nixpkgs:\n    url: github:cachix/devenv-nixpkgs/rolling\n",
    });
    expect(out.findings).toEqual([]);
    expect(out.summary.checked).toBe(2);
    expect(code).toBe(0);
  });

  it("a truncated devenv.lock (also in a subproject) is reported as truncated", async () => {
    const cut = LOCK.slice(0, LOCK.indexOf('"root": "root"'));
    const { code, out } = await check({ "devenv.lock": cut, "examples/rust/devenv.lock": cut });
    expect(out.findings.map((f) => [f.file, f.rule])).toEqual([
      ["devenv.lock", "parse/truncated"],
      ["examples/rust/devenv.lock", "parse/truncated"],
    ]);
    expect(code).toBe(1);
  });

  it("a comment or a trailing comma, which Nix's JSON parser refuses, is an error", async () => {
    const { code, out } = await check({
      "a/devenv.lock": LOCK.replace('"root": "root",', '"root": "root", // pinned\n'),
      "b/devenv.lock": LOCK.replace('"version": 7', '"version": 7,'),
    });
    expect(out.findings.map((f) => [f.file, f.rule])).toEqual([
      ["a/devenv.lock", "parse/syntax"],
      ["b/devenv.lock", "parse/syntax"],
    ]);
    expect(code).toBe(1);
  });
});
