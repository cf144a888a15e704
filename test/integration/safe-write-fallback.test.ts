import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidDataError } from "../../src/errors.js";
import { readJson } from "../../src/lib/safe-json.js";
import { makeSshKey, snapshotConfig, type SshKey } from "../helpers/keys.js";
import { withRepo } from "../helpers/repo.js";

let key: SshKey;
beforeAll(() => {
  key = makeSshKey();
});
afterAll(() => key.cleanup());

describe("readJson({ fallback: 'snapshot' })", () => {
  it("returns the newest trusted snapshot's copy of a corrupt file, says so, and leaves the file alone", async () => {
    await withRepo(async (repo) => {
      repo.write(".integrity-guard/config.yml", snapshotConfig());
      repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
      repo.write("state.json", '{"v": 1}\n');
      repo.commitAll("init");
      const env = { IG_TEST_SIGNING_KEY: key.privateKey };
      expect((await repo.cli(["snapshot", "--set", "hourly"], env)).code).toBe(0);
      repo.write("state.json", '{"v": 2}\n');
      expect((await repo.cli(["snapshot", "--set", "hourly"], env)).code).toBe(0);
      // A crash truncates the file.
      repo.write("state.json", '{"v": ');
      const seen: { snapshot: string; signature: string; rule?: string }[] = [];
      const value = await readJson(path.join(repo.dir, "state.json"), {
        fallback: "snapshot",
        onFallback: (i) => seen.push({ snapshot: i.snapshot, signature: i.signature, rule: i.findings[0]?.rule }),
      });
      expect(value).toEqual({ v: 2 });
      expect(seen).toEqual([{ snapshot: repo.git("rev-parse", "integrity-snapshots").trim(), signature: "good", rule: "parse/truncated" }]);
      expect(repo.read("state.json")).toBe('{"v": ');
    });
  });

  it("passes over a newer snapshot that is not signed by the pinned key", async () => {
    await withRepo(async (repo) => {
      repo.write(".integrity-guard/config.yml", snapshotConfig());
      repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
      repo.write("state.json", '{"v": "trusted"}\n');
      repo.commitAll("init");
      expect((await repo.cli(["snapshot", "--set", "hourly"], { IG_TEST_SIGNING_KEY: key.privateKey })).code).toBe(0);
      // An attacker (or a misconfigured job) appends a snapshot signed with another key.
      const other = makeSshKey("other@example.com");
      try {
        repo.write("state.json", '{"v": "forged"}\n');
        await repo.cli(["snapshot", "--set", "hourly"], { IG_TEST_SIGNING_KEY: other.privateKey });
      } finally {
        other.cleanup();
      }
      repo.write("state.json", "{corrupt");
      const value = await readJson(path.join(repo.dir, "state.json"), { fallback: "snapshot" });
      expect(value).toEqual({ v: "trusted" });
    });
  });

  it("throws the corruption with its position when no snapshot holds the file", async () => {
    await withRepo(async (repo) => {
      repo.write(".integrity-guard/config.yml", snapshotConfig());
      repo.write("state.json", "[1,]");
      const error = (await readJson(path.join(repo.dir, "state.json"), { fallback: "snapshot" }).catch(
        (e: unknown) => e,
      )) as InvalidDataError;
      expect(error).toBeInstanceOf(InvalidDataError);
      expect(error.findings[0]).toMatchObject({ rule: "parse/syntax", line: 1, column: 3 });
      // Why there was no fallback (here: the pinned-key file is missing) is said, not hidden.
      expect(error.message).toMatch(/no snapshot fallback: .*allowed_signers/);
      expect(fs.readFileSync(path.join(repo.dir, "state.json"), "utf8")).toBe("[1,]");
    });
  });
});
