/**
 * Two runs of the same writing command at once, in one work tree (two processes, from src):
 * each finishes (one waits for the other) or stops with exit 2 saying what holds it and the
 * fix; neither corrupts what the other wrote. Before, two restores of different snapshots ran
 * side by side with no lock: each read "no journal", each wrote its journal over the other's,
 * and their renames interleaved, leaving data/ part one snapshot and part the other, with the
 * journal settled by whichever finished first (a kill of the other then left no record).
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createRepo, GIT_ENV, PROJECT_ROOT, type TestRepo } from "../helpers/repo.js";
import { makeSshKey, snapshotConfig, type SshKey } from "../helpers/keys.js";

// From source (tsx), as the other crash tests: what is tested is src, whatever dist holds.
const TSX = path.join(PROJECT_ROOT, "node_modules/tsx/dist/esm/index.mjs");
const MAIN = path.join(PROJECT_ROOT, "src/main.ts");

let key: SshKey;
beforeAll(() => {
  key = makeSshKey();
});
afterAll(() => key.cleanup());

interface Run {
  code: number | null;
  out: string;
}

function start(repo: TestRepo, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const child = spawn(process.execPath, ["--import", TSX, MAIN, ...args], {
    cwd: repo.dir,
    env: { ...process.env, ...GIT_ENV, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (b: Buffer) => (out += b.toString()));
  child.stderr.on("data", (b: Buffer) => (out += b.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, out })));
}

const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex").slice(0, 16);

function tree(repo: TestRepo): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of fs.readdirSync(path.join(repo.dir, "data")).sort()) out[n] = sha(fs.readFileSync(path.join(repo.dir, "data", n)));
  return out;
}

function fill(repo: TestRepo, byte: number): Record<string, string> {
  fs.rmSync(path.join(repo.dir, "data"), { recursive: true, force: true });
  for (let i = 0; i < 60; i++) repo.write(`data/f${String(i).padStart(2, "0")}.json`, Buffer.alloc(128 << 10, byte + (i % 7)));
  return tree(repo);
}

/** A run that did not finish must have stopped clearly: exit 2, the lock or the other run named, and a fix. */
function finishedOrRefused(r: Run): void {
  expect([0, 2], r.out).toContain(r.code);
  if (r.code === 2) expect(r.out, r.out).toMatch(/another restore|could not take the lock[\s\S]*fix:/);
}

it("two restores of different snapshots at once: data/ is one snapshot whole, never a mix; the journal is settled", async () => {
  const repo = createRepo();
  const env = { IG_TEST_SIGNING_KEY: key.privateKey };
  try {
    repo.write(".integrity-guard/config.yml", snapshotConfig());
    repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
    repo.write("state.json", '{"v":1}\n');
    const a = fill(repo, 0x41);
    repo.commitAll("a");
    expect((await start(repo, ["snapshot", "--set", "hourly"], env)).code).toBe(0);
    const snapA = repo.git("rev-parse", "integrity-snapshots").trim();
    const b = fill(repo, 0x61);
    expect((await start(repo, ["snapshot", "--set", "hourly"], env)).code).toBe(0);
    const snapB = repo.git("rev-parse", "integrity-snapshots").trim();
    expect(snapB).not.toBe(snapA);
    for (let round = 0; round < 3; round++) {
      fill(repo, 0x30);
      const [ra, rb] = await Promise.all([start(repo, ["restore", snapA], env), start(repo, ["restore", snapB], env)]);
      finishedOrRefused(ra);
      finishedOrRefused(rb);
      expect(ra.code === 0 || rb.code === 0, `${ra.out}\n----\n${rb.out}`).toBe(true);
      const now = tree(repo);
      expect([a, b], `round ${round}: data/ is a mix of the two snapshots\n${ra.out}\n----\n${rb.out}`).toContainEqual(now);
      expect(fs.existsSync(path.join(repo.dir, ".git/integrity-guard/restore-journal.json")), `round ${round}: journal left`).toBe(false);
    }
  } finally {
    repo.cleanup();
  }
}, 600_000);

it("two sync --fix and two seals at once: both finish or one refuses clearly; the results are whole", async () => {
  const repo = createRepo();
  try {
    repo.write(
      ".integrity-guard/config.yml",
      [
        "version: 1",
        'manifest: { include: ["*.yaml"] }',
        "sync:",
        "  - name: ports",
        "    source: { file: src.yaml, path: /services }",
        "    target: { file: dst.yaml, path: /services }",
        "    fields: { port: port }",
      ].join("\n") + "\n",
    );
    const src = ["services:", ...Array.from({ length: 200 }, (_, i) => `  s${i}: { port: ${1000 + i} }`)].join("\n") + "\n";
    const dst = ["services:", ...Array.from({ length: 200 }, (_, i) => `  s${i}: { port: ${i} } # keep`)].join("\n") + "\n";
    repo.write("src.yaml", src);
    repo.write("dst.yaml", dst);
    repo.commitAll("init");
    const [s1, s2] = await Promise.all([start(repo, ["sync", "--fix"], {}), start(repo, ["sync", "--fix"], {})]);
    for (const r of [s1, s2]) expect([0, 2], r.out).toContain(r.code);
    const fixed = fs.readFileSync(path.join(repo.dir, "dst.yaml"), "utf8");
    expect(fixed).toBe(dst.replace(/port: (\d+) } # keep/g, (_m, n: string) => `port: ${1000 + Number(n)} } # keep`));
    expect((await start(repo, ["sync"], {})).code).toBe(0);
    expect(fs.readdirSync(repo.dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);

    const [e1, e2] = await Promise.all([start(repo, ["seal"], {}), start(repo, ["seal"], {})]);
    for (const r of [e1, e2]) expect([0, 2], r.out).toContain(r.code);
    expect(e1.code === 0 || e2.code === 0).toBe(true);
    const verify = await start(repo, ["verify"], {});
    expect(verify.code, verify.out).toBe(0);
  } finally {
    repo.cleanup();
  }
}, 300_000);
