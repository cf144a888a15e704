#!/usr/bin/env node
/** Process entry of the CLI (bundled to dist/cli/index.js). */
import fs from "node:fs";
import { main } from "./cli.js";
import { enableCompileCache } from "./compile-cache.js";

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

const out = stdoutFile();
const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  ...(out ? { stdoutFile: out } : {}),
});
process.exitCode = code;
