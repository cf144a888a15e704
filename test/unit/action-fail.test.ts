/** Anything thrown fails the step (exit 1, ::error::), including values that are not Errors. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir, PROJECT_ROOT } from "../helpers/repo.js";

const tsx = path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs");
const dir = makeTempDir("ig-fail-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const src = (rel: string) => JSON.stringify(path.join(PROJECT_ROOT, rel));

/** Run a small ES module as the entry would, in its own process (setFailed sets the exit code). */
function run(body: string) {
  const file = path.join(dir, `t${Math.random().toString(36).slice(2)}.mts`);
  fs.writeFileSync(
    file,
    `import { failStep } from ${src("src/action/fail.ts")};\nimport { UsageError } from ${src("src/errors.ts")};\n${body}\n`,
  );
  const r = spawnSync(process.execPath, [tsx, file], { encoding: "utf8", env: { PATH: process.env.PATH, HOME: process.env.HOME } });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr };
}

describe("failStep (the Action's one catch site)", () => {
  it("a thrown string, undefined or number still fails the step", () => {
    const r = run(
      `Promise.reject("a string").catch(failStep);\nPromise.reject(undefined).catch(failStep);\nPromise.reject(42).catch(failStep);`,
    );
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout.split("\n")).toEqual([
      "::error::integrity-guard: internal error: a non-Error value was thrown: a string",
      "::error::integrity-guard: internal error: a non-Error value was thrown: undefined",
      "::error::integrity-guard: internal error: a non-Error value was thrown: 42",
    ]);
  });

  it("a GuardError shows its message and fix on one escaped line", () => {
    const r = run(`failStep(new UsageError("bad input", { fix: "do this" }));`);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toBe("::error::integrity-guard: bad input%0A  fix: do this");
  });
});
