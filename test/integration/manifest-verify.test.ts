import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { positionOf } from "../helpers/position.js";
import type { TestRepo } from "../helpers/repo.js";
import { MANIFEST_PATH } from "../../src/config/types.js";
import {
  CONFIG,
  ageTree,
  parseReport,
  rulesOf,
  sealedRepoFixture,
  settleCtimes,
  statCacheFile,
  waitPastIndexWrite,
} from "./manifest-helpers.js";

let repo: TestRepo;
afterEach(() => repo?.cleanup());

describe("seal and verify", () => {
  it("seals tracked, untracked and ignored covered files, and verify finds no drift", async () => {
    repo = sealedRepoFixture();
    const seal = await repo.cli(["seal"]);
    expect(seal.code, seal.stderr).toBe(0);
    const m = JSON.parse(repo.read(MANIFEST_PATH)) as { entries: { path: string }[] };
    expect(m.entries.map((e) => e.path)).toEqual([
      "agent_workspaces/meeting/meeting.json",
      "data/a.json",
      "data/live/state.json",
      "data/run.log",
      "data/sub/b.json",
      "data/untracked.json",
      "fsm_state.json",
    ]);
    const v = await repo.cli(["verify", "--format", "json"]);
    expect(v.code, v.stdout + v.stderr).toBe(0);
    expect(parseReport(v.stdout).findings).toEqual([]);
  });

  it("reseal of unchanged content leaves the manifest byte-identical and untouched", async () => {
    repo = sealedRepoFixture();
    expect((await repo.cli(["seal"])).code).toBe(0);
    const abs = path.join(repo.dir, MANIFEST_PATH);
    const before = fs.readFileSync(abs);
    const mtime = fs.statSync(abs, { bigint: true }).mtimeNs;
    const again = await repo.cli(["seal", "--no-cache"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^unchanged/);
    expect(fs.readFileSync(abs).equals(before)).toBe(true);
    expect(fs.statSync(abs, { bigint: true }).mtimeNs).toBe(mtime);
  });

  it("an include that matches nothing seals an empty manifest that verifies", async () => {
    repo = sealedRepoFixture(`version: 1\nmanifest:\n  include: ["nothing-here/**"]\n`);
    expect((await repo.cli(["seal"])).code).toBe(0);
    expect(repo.read(MANIFEST_PATH)).toContain('"entries":[]');
    const v = await repo.cli(["verify"]);
    expect(v.code).toBe(0);
    repo.write("nothing-here/x.json", "{}");
    const v2 = await repo.cli(["verify", "--format", "json"]);
    expect(v2.code).toBe(1);
    expect(rulesOf(parseReport(v2.stdout))).toEqual(["manifest/added nothing-here/x.json"]);
  });

  it("reports each drift kind, exit 1", async () => {
    repo = sealedRepoFixture();
    expect((await repo.cli(["seal"])).code).toBe(0);
    repo.write("data/a.json", '{"a":2}\n'); // modified (tracked)
    repo.write("data/live/state.json", '{"live":2}\n'); // modified (ignored)
    fs.rmSync(path.join(repo.dir, "fsm_state.json")); // missing
    fs.renameSync(path.join(repo.dir, "data/sub/b.json"), path.join(repo.dir, "data/sub/b2.json")); // renamed
    repo.write("agent_workspaces/new.json", "{}\n"); // added
    repo.write("data/ignored-by-exclude.tmp", "x"); // excluded: nothing
    const v = await repo.cli(["verify", "--format", "json"]);
    expect(v.code).toBe(1);
    const r = parseReport(v.stdout);
    expect(rulesOf(r)).toEqual([
      "manifest/added agent_workspaces/new.json",
      "manifest/missing fsm_state.json",
      "manifest/modified data/a.json",
      "manifest/modified data/live/state.json",
      "manifest/renamed data/sub/b2.json",
    ]);
    expect(r.findings.every((f) => f.level === "error")).toBe(true);
    // Text output names the file, the manifest line and the fix.
    const text = await repo.cli(["verify"]);
    expect(text.stdout).toMatch(/data\/a\.json changed since it was sealed/);
    // ...at the line of its entry in the manifest, found here in the manifest's own text.
    const entryLine = positionOf(repo.read(MANIFEST_PATH), '"data/a.json"').split(":")[0]!;
    const block = text.stdout.slice(text.stdout.indexOf("data/a.json changed since it was sealed")).split("\n").slice(0, 4).join("\n");
    expect(block).toMatch(new RegExp(`\\n {6}see \\.integrity-guard/manifest\\.json:${entryLine}  sealed here$`));
    expect(text.stdout).toMatch(/integrity-guard seal/);
  });

  it("manifest.modified_level: warning makes edits warnings (exit 0) but missing stays an error", async () => {
    repo = sealedRepoFixture(CONFIG + "  modified_level: warning\n");
    expect((await repo.cli(["seal"])).code).toBe(0);
    repo.write("data/a.json", '{"a":3}\n');
    const v = await repo.cli(["verify", "--format", "json"]);
    expect(v.code).toBe(0);
    expect(parseReport(v.stdout).findings).toEqual([expect.objectContaining({ rule: "manifest/modified", level: "warning" })]);
    fs.rmSync(path.join(repo.dir, "data/a.json"));
    expect((await repo.cli(["verify"])).code).toBe(1);
  });

  it("does not trust git for an assume-unchanged file", async () => {
    repo = sealedRepoFixture();
    expect((await repo.cli(["seal"])).code).toBe(0);
    expect((await repo.cli(["verify"])).code).toBe(0); // warm the caches
    repo.git("update-index", "--assume-unchanged", "data/a.json");
    repo.write("data/a.json", '{"a":9}\n');
    const v = await repo.cli(["verify", "--format", "json"]);
    expect(rulesOf(parseReport(v.stdout))).toEqual(["manifest/modified data/a.json"]);
  });

  it("uses the caches on a warm run and re-reads everything with --no-cache", async () => {
    repo = sealedRepoFixture();
    expect((await repo.cli(["seal"])).code).toBe(0);
    const warm = parseReport((await repo.cli(["verify", "--format", "json"])).stdout).summary;
    expect(warm.hashed).toBe(0);
    expect((warm.trusted_git as number) + (warm.trusted_cache as number)).toBe(7);
    expect(warm.trusted_git).toBeGreaterThanOrEqual(4);
    const cold = parseReport((await repo.cli(["verify", "--no-cache", "--format", "json"])).stdout).summary;
    expect(cold.hashed).toBe(7);
  });

  it("verify --no-cache on a tree that matches its seal neither needs nor rewrites the stat cache", async () => {
    repo = sealedRepoFixture();
    expect((await repo.cli(["seal"])).code).toBe(0);
    const cacheFile = statCacheFile(repo)!;
    // A damaged cache: read, it would be dropped and every file recorded again (a rewrite).
    fs.writeFileSync(cacheFile, "{damaged");
    const clean = await repo.cli(["verify", "--no-cache", "--format", "json"]);
    expect(clean.code).toBe(0);
    expect(parseReport(clean.stdout).summary.hashed).toBe(7);
    expect(fs.readFileSync(cacheFile, "utf8")).toBe("{damaged");
    // A file that differs is still found, and the cache is consulted (and rewritten) for it.
    repo.write("data/a.json", '{"a":9}\n');
    const drift = await repo.cli(["verify", "--no-cache", "--format", "json"]);
    expect(rulesOf(parseReport(drift.stdout))).toEqual(["manifest/modified data/a.json"]);
    expect(fs.readFileSync(cacheFile, "utf8")).not.toBe("{damaged");
  });

  it("records a symlink to /etc as a link and never follows it", async () => {
    repo = sealedRepoFixture();
    fs.symlinkSync("/etc", path.join(repo.dir, "data/etc-link"));
    fs.symlinkSync("/etc/hostname", path.join(repo.dir, "data/host-link"));
    expect((await repo.cli(["seal"])).code).toBe(0);
    const m = JSON.parse(repo.read(MANIFEST_PATH)) as { entries: { path: string; link?: string; size: number }[] };
    expect(m.entries.find((e) => e.path === "data/etc-link")).toMatchObject({ link: "/etc", size: 4 });
    expect(m.entries.find((e) => e.path === "data/host-link")).toMatchObject({ link: "/etc/hostname", size: 13 });
    // Nothing below /etc was listed.
    expect(m.entries.some((e) => e.path.startsWith("data/etc-link/"))).toBe(false);
    fs.rmSync(path.join(repo.dir, "data/host-link"));
    fs.symlinkSync("/etc/passwd", path.join(repo.dir, "data/host-link"));
    const v = await repo.cli(["verify", "--format", "json"]);
    const r = parseReport(v.stdout);
    expect(rulesOf(r)).toEqual(["manifest/modified data/host-link"]);
    expect(r.findings[0]!.found).toBe("symlink -> /etc/passwd");
  });

  it("a covered folder that is a symlink out of the tree is not walked", async () => {
    repo = sealedRepoFixture(`version: 1\nmanifest:\n  include: ["state/**"]\n`);
    fs.symlinkSync("/etc", path.join(repo.dir, "state"));
    expect((await repo.cli(["seal"])).code).toBe(0);
    // Recorded as the link it is; nothing below /etc is listed.
    expect(JSON.parse(repo.read(MANIFEST_PATH)).entries).toEqual([expect.objectContaining({ path: "state", link: "/etc" })]);
  });

  it("a FIFO in a covered folder is reported, never blocks, and seal refuses to write", async () => {
    repo = sealedRepoFixture();
    expect((await repo.cli(["seal"])).code).toBe(0);
    const before = repo.read(MANIFEST_PATH);
    expect(spawnSync("mkfifo", [path.join(repo.dir, "data/pipe")]).status).toBe(0);
    const v = await repo.cli(["verify", "--format", "json"]);
    expect(v.code).toBe(1);
    expect(rulesOf(parseReport(v.stdout))).toEqual(["manifest/unreadable data/pipe"]);
    const s = await repo.cli(["seal"]);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/data\/pipe.*not a regular file/);
    // Not a permission problem: the fix says what it is and what to do.
    expect(s.stderr).toContain("a FIFO (named pipe), socket or device file is not data that can be sealed: remove it");
    expect(s.stderr).not.toContain("fix the permissions");
    expect(repo.read(MANIFEST_PATH)).toBe(before);
  });

  it("verify without a manifest is a manifest/unsealed error; seal without include is exit 2", async () => {
    repo = sealedRepoFixture();
    const v = await repo.cli(["verify", "--format", "json"]);
    expect(v.code).toBe(1);
    expect(rulesOf(parseReport(v.stdout))).toEqual(["manifest/unsealed .integrity-guard/manifest.json"]);
    repo.write(".integrity-guard/config.yml", "version: 1\n");
    const s = await repo.cli(["seal"]);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/manifest\.include/);
  });

  it("seal --format sha256sum prints lines that sha256sum -c accepts", async () => {
    repo = sealedRepoFixture();
    const s = await repo.cli(["seal", "--format", "sha256sum"]);
    expect(s.code).toBe(0);
    expect(s.stdout.trim().split("\n")).toHaveLength(7);
    fs.writeFileSync(path.join(repo.dir, "SUMS"), s.stdout);
    const ok = spawnSync("sha256sum", ["-c", "--strict", "SUMS"], { cwd: repo.dir, encoding: "utf8" });
    expect(ok.status, ok.stderr).toBe(0);
    repo.write("data/a.json", "changed");
    expect(spawnSync("sha256sum", ["-c", "SUMS"], { cwd: repo.dir }).status).toBe(1);
  });
});

describe("tampered and corrupt manifests", () => {
  async function tamper(paths: string[]): Promise<void> {
    const { buildManifest, renderManifest } = await import("../../src/core/manifest/serialize.js");
    const m = buildManifest(paths.map((p) => ({ path: p, sha256: "0".repeat(64), size: 1 })));
    repo.write(MANIFEST_PATH, renderManifest(m));
  }

  it.each([["../outside/secret.json"], ["/etc/passwd"], ["data/../../x"]])(
    "refuses the entry %j with exit 2 and reads nothing",
    async (bad) => {
      repo = sealedRepoFixture();
      await tamper(["data/a.json", bad]);
      const v = await repo.cli(["verify"]);
      expect(v.code).toBe(2);
      expect(v.stderr).toContain(JSON.stringify(bad));
      expect(v.stderr).toMatch(/manifest entry \d \(/);
      expect(v.stdout).toBe("");
      // Nothing was hashed: no stat cache was written.
      expect(statCacheFile(repo)).toBeUndefined();
    },
  );

  it("refuses an entry that lies beyond a symlink to /etc with exit 2, naming it", async () => {
    repo = sealedRepoFixture();
    fs.symlinkSync("/etc", path.join(repo.dir, "data/etc-link"));
    await tamper(["data/a.json", "data/etc-link/passwd"]);
    const v = await repo.cli(["verify"]);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/manifest entry 1 \("data\/etc-link\/passwd"\) lies beyond the symlink "data\/etc-link"/);
    expect(v.stdout).toBe("");
  });

  it("a damaged manifest is manifest/corrupt (exit 1), with the fix", async () => {
    repo = sealedRepoFixture();
    expect((await repo.cli(["seal"])).code).toBe(0);
    const text = repo.read(MANIFEST_PATH);
    repo.write(MANIFEST_PATH, text.slice(0, text.length / 2));
    const v = await repo.cli(["verify", "--format", "json"]);
    expect(v.code).toBe(1);
    const r = parseReport(v.stdout);
    expect(r.findings.map((f) => f.rule)).toContain("manifest/corrupt");
    // A hand edit that keeps valid JSON is caught by the root digest.
    repo.write(MANIFEST_PATH, text.replace(/"size":8/, '"size":9'));
    const v2 = await repo.cli(["verify", "--format", "json"]);
    expect(v2.code).toBe(1);
    expect(parseReport(v2.stdout).findings[0]!.message).toMatch(/root digest/);
  });
});

describe("stat cache", () => {
  it("re-hashes a file whose stat matches the cache but whose mtime is racy", async () => {
    repo = sealedRepoFixture();
    expect((await repo.cli(["seal"])).code).toBe(0);
    const cacheFile = statCacheFile(repo)!;
    // Edit an untracked file keeping its size, then make the cache claim the new stat is the
    // one it hashed (what a coarse-timestamp file system produces for an edit in the same tick).
    const rel = "data/untracked.json";
    repo.write(rel, '{"u":2}\n');
    const st = fs.statSync(path.join(repo.dir, rel), { bigint: true });
    const cache = JSON.parse(fs.readFileSync(cacheFile, "utf8"));
    const rec = cache.files[rel];
    cache.files[rel] = [String(st.size), String(st.mtimeNs), String(st.ino), String(st.ctimeNs), rec[4], rec[5]];
    // Racy: the cache was written in the same second as the edit.
    cache.stamp = String(st.mtimeNs + 500_000_000n);
    // The forged file is the whole cache: no journal of incremental saves replayed over it.
    fs.rmSync(`${cacheFile}.journal`, { force: true });
    fs.writeFileSync(cacheFile, JSON.stringify(cache));
    const v = await repo.cli(["verify", "--format", "json"]);
    expect(rulesOf(parseReport(v.stdout))).toEqual(["manifest/modified data/untracked.json"]);
    // Control: the same cache written long after the edit is trusted (which is why the racy rule matters).
    cache.stamp = String(st.mtimeNs + 10_000_000_000n);
    fs.rmSync(`${cacheFile}.journal`, { force: true });
    fs.writeFileSync(cacheFile, JSON.stringify(cache));
    repo.write(MANIFEST_PATH, repo.read(MANIFEST_PATH)); // unchanged content
    const v2 = await repo.cli(["verify", "--format", "json"]);
    expect(parseReport(v2.stdout).findings).toEqual([]);
  });

  it("reports bit rot: content changed while size, mtime, inode and ctime did not (--no-cache)", async () => {
    repo = sealedRepoFixture();
    expect((await repo.cli(["seal"])).code).toBe(0);
    const rel = "data/live/state.json";
    const abs = path.join(repo.dir, rel);
    const old = fs.statSync(abs);
    // Flip a byte in place, restore the mtime, and let the cache agree with the new ctime (a disk
    // error changes no metadata at all).
    const buf = fs.readFileSync(abs);
    buf[3] = buf[3]! ^ 0x01;
    fs.writeFileSync(abs, buf);
    fs.utimesSync(abs, old.atime, old.mtime);
    const st = fs.statSync(abs, { bigint: true });
    const cacheFile = statCacheFile(repo)!;
    const cache = JSON.parse(fs.readFileSync(cacheFile, "utf8"));
    cache.files[rel][3] = String(st.ctimeNs);
    // Bit rot changes no metadata: the record was hashed well after its ctime. A ctime within the
    // racy window of the cache's stamp is racy, and the file would just be re-hashed as modified.
    settleCtimes();
    cache.stamp = String(BigInt(Date.now()) * 1_000_000n);
    fs.writeFileSync(cacheFile, JSON.stringify(cache));
    const warm = await repo.cli(["verify", "--format", "json"]);
    expect(parseReport(warm.stdout).findings).toEqual([]); // a stat-only check cannot see it...
    const full = await repo.cli(["verify", "--no-cache", "--format", "json"]);
    expect(full.code).toBe(1);
    const r = parseReport(full.stdout);
    expect(r.findings).toEqual([expect.objectContaining({ rule: "manifest/bitrot", level: "error", file: rel })]);
    // ...and bit rot is an error even where edits are warnings; seal refuses to bless it.
    repo.write(".integrity-guard/config.yml", CONFIG + "  modified_level: warning\n");
    const s = await repo.cli(["seal", "--no-cache", "--format", "json"]);
    expect(s.code).toBe(1);
    expect(rulesOf(parseReport(s.stdout))).toEqual([`manifest/bitrot ${rel}`]);
  });
});

describe("shards", () => {
  it("verify --shard K/N covers every entry exactly once, and --merge folds the reports", async () => {
    repo = sealedRepoFixture();
    for (let i = 0; i < 30; i++) repo.write(`data/many/f${i}.json`, `{"i":${i}}\n`);
    expect((await repo.cli(["seal"])).code).toBe(0);
    const total = (JSON.parse(repo.read(MANIFEST_PATH)) as { entries: unknown[] }).entries.length;
    // Change every sealed file so each shows up as a finding in exactly one shard.
    for (const e of JSON.parse(repo.read(MANIFEST_PATH)).entries as { path: string }[]) fs.appendFileSync(path.join(repo.dir, e.path), " ");
    const n = 3;
    const seen: string[] = [];
    const files: string[] = [];
    for (let k = 1; k <= n; k++) {
      const v = await repo.cli(["verify", "--shard", `${k}/${n}`, "--format", "json"]);
      const r = parseReport(v.stdout);
      expect(r.summary.shard).toBe(`${k}/${n}`);
      seen.push(...r.findings.map((f) => f.file!));
      const f = path.join(repo.dir, `shard-${k}.json`);
      fs.writeFileSync(f, v.stdout);
      files.push(f);
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const merged = await repo.cli(["verify", "--merge", ...files, "--format", "json"]);
    expect(merged.code).toBe(1);
    const m = parseReport(merged.stdout);
    expect(m.findings).toHaveLength(total);
    expect(m.summary.entries).toBe(total);
    const partial = await repo.cli(["verify", "--merge", files[0]!, files[1]!]);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toMatch(/3\/3 missing/);
    expect((await repo.cli(["verify", "--shard", "4/3"])).code).toBe(2);
  });
});

describe("clean-run verdict (the warm fast path)", () => {
  async function cleanTwice(): Promise<void> {
    repo = sealedRepoFixture();
    fs.symlinkSync("/etc/hostname", path.join(repo.dir, "data/host-link"));
    expect((await repo.cli(["seal"])).code).toBe(0);
    expect((await repo.cli(["verify"])).code).toBe(0); // full run: records the verdict
    // A later second than the index entries' ctimes: the refresh below then records every tracked
    // file's new ctime (within the same second git compares equal and keeps the old entry, and
    // the files would be vouched for by the stat cache, not git: safe, but not what this counts).
    await waitPastIndexWrite(repo);
    ageTree(repo.dir); // new stats, older than the racy window
    repo.git("update-index", "-q", "--refresh"); // tracked files clean in git's eyes again
    await waitPastIndexWrite(repo); // a verdict recorded in the index's second is not trusted
    expect((await repo.cli(["verify"])).code).toBe(0);
    expect((await repo.cli(["verify"])).code).toBe(0);
    const fast = parseReport((await repo.cli(["verify", "--format", "json"])).stdout);
    expect(fast.summary.clean_run_verdict).toBe(true);
    // Only the files git does not track were re-checked by stat; git vouched for the rest.
    expect(fast.summary.trusted_cache).toBe(4); // live/state.json, run.log, untracked.json, host-link
  }

  it.each([
    ["a tracked file edited", (r: TestRepo) => r.write("data/a.json", '{"a":"x"}\n'), "manifest/modified data/a.json"],
    ["an ignored file edited", (r: TestRepo) => r.write("data/live/state.json", '{"live":9}\n'), "manifest/modified data/live/state.json"],
    [
      "an untracked file removed",
      (r: TestRepo) => fs.rmSync(path.join(r.dir, "data/untracked.json")),
      "manifest/missing data/untracked.json",
    ],
    ["a file added", (r: TestRepo) => r.write("data/new.json", "{}\n"), "manifest/added data/new.json"],
    [
      "a link retargeted",
      (r: TestRepo) => {
        fs.rmSync(path.join(r.dir, "data/host-link"));
        fs.symlinkSync("/etc/passwd", path.join(r.dir, "data/host-link"));
      },
      "manifest/modified data/host-link",
    ],
    [
      "a tracked file edited and staged (index rewritten)",
      (r: TestRepo) => {
        r.write("fsm_state.json", '{"states":{"x":1}}\n');
        r.git("add", "fsm_state.json");
      },
      "manifest/modified fsm_state.json",
    ],
    [
      "a tracked file flagged assume-unchanged, then edited",
      (r: TestRepo) => {
        r.git("update-index", "--assume-unchanged", "data/sub/b.json");
        r.write("data/sub/b.json", '{"b":7}\n');
      },
      "manifest/modified data/sub/b.json",
    ],
  ])("is not used when %s", async (_name, change, expected) => {
    await cleanTwice();
    change(repo);
    const v = await repo.cli(["verify", "--format", "json"]);
    const r = parseReport(v.stdout);
    expect(r.summary.clean_run_verdict).toBeUndefined();
    expect(rulesOf(r)).toEqual([expected]);
    expect(v.code).toBe(1);
  });
});
