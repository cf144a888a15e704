import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InvalidDataError, EnvironmentError } from "../../src/errors.js";
import { readJson, updateJson, writeJson, writeYaml } from "../../src/lib/safe-json.js";
import { DIST_DIR, makeTempDir, PROJECT_ROOT } from "../helpers/repo.js";

const LIB = path.join(DIST_DIR, "lib/index.js");
const FIXTURES = path.join(PROJECT_ROOT, "test/fixtures/safe-write");
const schema = {
  type: "object",
  required: ["seq", "data"],
  additionalProperties: false,
  properties: { seq: { type: "integer", minimum: 1 }, data: { type: "string" } },
};

let dir: string;
beforeEach(() => {
  dir = makeTempDir("ig-safe-");
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("writeJson / readJson", () => {
  it("writes valid data and reads it back strictly", async () => {
    const file = path.join(dir, "state.json");
    await writeJson(file, { seq: 1, data: "a" }, { schema });
    expect(fs.readFileSync(file, "utf8")).toBe('{\n  "seq": 1,\n  "data": "a"\n}\n');
    expect(await readJson(file, { schema })).toEqual({ seq: 1, data: "a" });
    expect(fs.readdirSync(dir)).toEqual(["state.json"]); // no temporary or lock files left
  });

  it("refuses invalid data with the pointer, leaving the old file unchanged", async () => {
    const file = path.join(dir, "state.json");
    await writeJson(file, { seq: 1, data: "a" }, { schema });
    const before = fs.readFileSync(file);
    const error = await writeJson(file, { seq: 0, data: "b" }, { schema }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDataError);
    const e = error as InvalidDataError;
    expect(e.message).toContain("/seq");
    expect(e.findings[0]).toMatchObject({ rule: "schema/violation", pointer: "/seq", line: 2 });
    expect(fs.readFileSync(file)).toEqual(before);
  });

  it("refuses NaN and Infinity, which JSON.stringify would silently write as null", async () => {
    const file = path.join(dir, "n.json");
    const error = await writeJson(file, { a: { b: Number.NaN } }, { schema: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDataError);
    expect((error as Error).message).toContain("/a/b");
    expect(fs.existsSync(file)).toBe(false);
  });

  it("uses the schema that .integrity-guard/config.yml maps to the file", async () => {
    fs.mkdirSync(path.join(dir, ".integrity-guard"));
    fs.mkdirSync(path.join(dir, "schemas"));
    fs.writeFileSync(path.join(dir, "schemas/state.schema.json"), JSON.stringify(schema));
    fs.writeFileSync(
      path.join(dir, ".integrity-guard/config.yml"),
      "version: 1\nvalidate:\n  schemas:\n    - files: ['data/*.json']\n      schema: schemas/state.schema.json\n",
    );
    fs.mkdirSync(path.join(dir, "data"));
    const file = path.join(dir, "data/s.json");
    await writeJson(file, { seq: 2, data: "ok" });
    await expect(writeJson(file, { seq: 2 })).rejects.toThrow(/missing required key "data"/);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ seq: 2, data: "ok" });
  });

  it("reports a corrupt file with line and column instead of returning garbage", async () => {
    const file = path.join(dir, "c.json");
    fs.writeFileSync(file, '{\n  "a": 1,\n}\n');
    const error = (await readJson(file).catch((e: unknown) => e)) as InvalidDataError;
    expect(error).toBeInstanceOf(InvalidDataError);
    // The trailing comma itself, at line 2 column 9.
    expect(error.findings[0]).toMatchObject({ rule: "parse/syntax", line: 2, column: 9 });
    expect(error.message).toMatch(/c\.json:2:9: trailing comma/);
  });

  it("refuses duplicate keys on read", async () => {
    const file = path.join(dir, "d.json");
    fs.writeFileSync(file, '{"a": 1, "a": 2}');
    await expect(readJson(file)).rejects.toThrow(/duplicate/i);
  });

  it("writes YAML with the same checks", async () => {
    const file = path.join(dir, "s.yaml");
    await writeYaml(file, { seq: 3, data: "y" }, { schema });
    expect(fs.readFileSync(file, "utf8")).toBe("seq: 3\ndata: y\n");
    await expect(writeYaml(file, { seq: "x", data: "y" }, { schema })).rejects.toBeInstanceOf(InvalidDataError);
  });
});

describe("updateJson", () => {
  it("starts from `initial` when the file is missing, and errors without it", async () => {
    const file = path.join(dir, "u.json");
    await expect(updateJson(file, (s: { n: number }) => ({ n: s.n + 1 }))).rejects.toThrow(/does not exist/);
    expect(await updateJson(file, (s: { n: number }) => ({ n: s.n + 1 }), { initial: { n: 0 } })).toEqual({ n: 1 });
    expect(await updateJson(file, (s: { n: number }) => void (s.n += 5))).toEqual({ n: 6 });
  });

  it("does not write over a corrupt file", async () => {
    const file = path.join(dir, "u.json");
    fs.writeFileSync(file, '{"n": 1');
    await expect(updateJson(file, () => ({ n: 2 }))).rejects.toBeInstanceOf(InvalidDataError);
    expect(fs.readFileSync(file, "utf8")).toBe('{"n": 1');
  });

  it("recovers a stale lock left by a dead process", async () => {
    const file = path.join(dir, "u.json");
    fs.writeFileSync(file, '{"n": 1}');
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    fs.writeFileSync(
      path.join(dir, ".u.json.lock"),
      JSON.stringify({ pid: Number(dead.stdout), host: (await import("node:os")).hostname(), time: Date.now() }),
    );
    expect(await updateJson(file, (s: { n: number }) => ({ n: s.n + 1 }), { lockTimeoutMs: 2000 })).toEqual({ n: 2 });
    expect(fs.existsSync(path.join(dir, ".u.json.lock"))).toBe(false);
  });

  it("four processes doing 500 locked increments each lose no update", async () => {
    const file = path.join(dir, "counter.json");
    fs.writeFileSync(file, '{"count": 0}\n');
    const runs = Array.from({ length: 4 }, () => runChild(path.join(FIXTURES, "incrementer.mjs"), [file, "500"]));
    const codes = await Promise.all(runs.map((r) => r.done));
    expect(codes).toEqual([0, 0, 0, 0]);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ count: 2000 });
  }, 400_000); // 94 s seen on a loaded machine
});

describe("crash injection", () => {
  it("a writer killed with SIGKILL at 30 different moments always leaves a valid value, at least the last one it reported written", async () => {
    const file = path.join(dir, "crash.json");
    const schemaFile = path.join(dir, "schema.json");
    fs.writeFileSync(schemaFile, JSON.stringify(schema));
    for (let run = 0; run < 30; run++) {
      // A different moment each run, decided by the writer's own progress, not by a random sleep.
      // 37 and 97 are coprime, so the 30 runs stop at 30 different writes; kept under 100 writes a
      // run because each write is fsynced twice, and CI disks can take 10 ms an fsync. Each run
      // starts a node process: on a loaded runner that alone took seconds (the 180 s limit was hit).
      const target = 1 + ((run * 37) % 97);
      const child = runChild(path.join(FIXTURES, "writer.mjs"), [file, schemaFile, "1000"]);
      await child.reached(target);
      child.proc.kill("SIGKILL");
      await child.done;
      const value = (await readJson(file, { schema })) as { seq: number; data: string };
      // Equal to one of the written values: seq in range and data exactly what seq implies, and
      // never older than a write the child had finished (and reported) before the kill.
      expect(value.seq).toBeGreaterThanOrEqual(target);
      expect(value.seq).toBeLessThanOrEqual(1000);
      expect(value.data).toBe("v".repeat((value.seq * 7919) % 20000));
    }
  }, 600_000);
});

describe("full disk and read-only file systems (a real tmpfs)", () => {
  const canMount = process.getuid?.() === 0 && spawnSync("mount", ["--version"]).status === 0;
  it.skipIf(!canMount)("ENOSPC and EROFS leave the old file intact with a clear error (needs root to mount a tmpfs)", async () => {
    const mnt = path.join(dir, "mnt");
    fs.mkdirSync(mnt);
    expect(spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mnt]).status).toBe(0);
    try {
      const file = path.join(mnt, "state.json");
      await writeJson(file, { seq: 1, data: "old" }, { schema });
      const before = fs.readFileSync(file);
      const full = (await writeJson(file, { seq: 2, data: "x".repeat(200_000) }, { schema }).catch((e: unknown) => e)) as EnvironmentError;
      expect(full).toBeInstanceOf(EnvironmentError);
      expect(full.message).toMatch(/disk is full.*previous content is unchanged/);
      expect((full as EnvironmentError & { code?: string }).code).toBe("ENOSPC");
      expect(fs.readFileSync(file)).toEqual(before);
      expect(fs.readdirSync(mnt)).toEqual(["state.json"]); // the partial temporary file is gone
      // updateJson's errors carry the errno too (its lock or its write, whichever the full disk stops).
      const updated = (await updateJson(file, () => ({ seq: 2, data: "x".repeat(200_000) }), { schema }).catch(
        (e: unknown) => e,
      )) as EnvironmentError & { code?: string };
      expect(updated).toBeInstanceOf(EnvironmentError);
      expect(updated.code).toBe("ENOSPC");
      expect(fs.readFileSync(file)).toEqual(before);
      expect(spawnSync("mount", ["-o", "remount,ro", mnt]).status).toBe(0);
      const ro = (await writeJson(file, { seq: 3, data: "new" }, { schema }).catch((e: unknown) => e)) as EnvironmentError;
      expect(ro).toBeInstanceOf(EnvironmentError);
      expect(ro.message).toMatch(/read-only/);
      expect(fs.readFileSync(file)).toEqual(before);
    } finally {
      spawnSync("umount", [mnt]);
    }
  });
});

function runChild(script: string, args: string[]) {
  const proc = spawn(process.execPath, [script, ...args], { env: { ...process.env, IG_LIB: LIB }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  proc.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    proc.stdout.on("data", (b: Buffer) => b.toString().includes("ready") && resolve());
    proc.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`child exited ${code} before ready: ${stderr}`))));
  });
  const done = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code === null ? null : code)));
  // The highest "seq N" the child has printed: that write had completed (renamed into place).
  let written = 0;
  let pending = "";
  const waiters: { n: number; resolve: () => void }[] = [];
  proc.stdout.on("data", (b: Buffer) => {
    pending += b.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const l of lines) {
      const m = /^seq (\d+)$/.exec(l);
      if (m) written = Math.max(written, Number(m[1]));
    }
    for (const w of waiters.splice(0)) (written >= w.n ? w.resolve : () => waiters.push(w))();
  });
  const reached = (n: number) =>
    new Promise<void>((resolve, reject) => {
      if (written >= n) return resolve();
      waiters.push({ n, resolve });
      void done.then(() => (written >= n ? resolve() : reject(new Error(`child exited at seq ${written} before seq ${n}: ${stderr}`))));
    });
  void done.then((c) => {
    if (c !== 0 && c !== null) console.error(stderr);
  });
  return { proc, ready, done, reached };
}
