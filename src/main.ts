#!/usr/bin/env node
/** Process entry of the CLI (bundled to dist/cli/index.js). */
import fs from "node:fs";
import { main } from "./cli.js";
import { enableCompileCache } from "./compile-cache.js";
import { describeError, EnvironmentError, exitCodeFor, type ExitCode } from "./errors.js";

// Before any command's chunk loads (Node 22.1+; nothing on Node 20): see compile-cache.ts.
enableCompileCache();

/** stdout's device and inode when it is a regular file (a report redirected into a file). */
function stdoutFile(): { dev: number; ino: number } | undefined {
  try {
    const st = fs.fstatSync(1);
    return st.isFile() ? { dev: st.dev, ino: st.ino } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A failed write to stdout arrives as an 'error' event, which Node turns into a crash with a
 * stack trace when nobody listens. A reader that went away (`check | head`) is normal: stop
 * writing, say nothing, keep the verdict's exit code (as git does under SIGPIPE, minus the
 * signal). Any other failure (a full disk under `check > report.json`) means the report is cut
 * short: exit 2 naming the cause, so a partial report is never taken for a whole one.
 */
let stdoutClosed = false;
let stdoutFailure: ExitCode | undefined;
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (stdoutClosed) return;
  stdoutClosed = true;
  if (err.code === "EPIPE") return;
  const error = new EnvironmentError(`could not write the report to standard output: ${err.message}`, {
    fix: "free space on (or choose another) destination of the redirect and run again; the report written so far is incomplete",
  });
  process.stderr.write(`integrity-guard: ${describeError(error)}\n`);
  stdoutFailure = exitCodeFor(error);
  process.exitCode = stdoutFailure;
});

const out = stdoutFile();
const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (s) => {
    if (!stdoutClosed) process.stdout.write(s);
  },
  stderr: (s) => process.stderr.write(s),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  ...(out ? { stdoutFile: out } : {}),
});
process.exitCode = stdoutFailure ?? code;
