/**
 * Preload (`node --import`) for crash tests: SIGKILLs the process right after its Nth file-system
 * change under one folder (IG_TEST_KILL_DIR, IG_TEST_KILL_AT = N, counted from 1), so that a test
 * can stop a command after each of its steps in turn, deterministically. Counts the calls that
 * change a folder's entries or a file's mode (open for writing included); reads are not counted.
 * Without both variables it changes nothing. IG_TEST_NO_HARD_LINKS=1 makes link() fail with
 * EPERM, as on file systems without hard links (some network and FAT mounts).
 */
import fs from "node:fs";
import path from "node:path";

const dir = process.env.IG_TEST_KILL_DIR ? path.resolve(process.env.IG_TEST_KILL_DIR) : undefined;
const at = Number(process.env.IG_TEST_KILL_AT ?? 0);
let n = 0;

function touches(args) {
  return args.some((a) => typeof a === "string" && (path.resolve(a) + path.sep).startsWith(dir + path.sep));
}
function counted(name, args) {
  // open() counts only when it may create or change the file.
  if (name.startsWith("open")) return typeof args[1] === "string" && /[wax+]/.test(args[1]);
  return true;
}
function step() {
  if (++n === at) process.kill(process.pid, "SIGKILL");
}

if (dir && at > 0) {
  const changes = ["open", "rename", "link", "copyFile", "symlink", "chmod", "unlink", "rm", "writeFile", "mkdir"];
  for (const name of changes) {
    const orig = fs.promises[name];
    fs.promises[name] = async function (...args) {
      const result = await orig.apply(this, args);
      if (touches(args) && counted(name, args)) step();
      return result;
    };
    const syncName = `${name}Sync`;
    const origSync = fs[syncName];
    fs[syncName] = function (...args) {
      const result = origSync.apply(this, args);
      if (touches(args) && counted(name, args)) step();
      return result;
    };
  }
}

if (process.env.IG_TEST_NO_HARD_LINKS === "1") {
  const refuse = (target) =>
    Object.assign(new Error(`EPERM: operation not permitted, link '${target}'`), { code: "EPERM", syscall: "link" });
  fs.promises.link = async (target) => {
    throw refuse(target);
  };
  fs.linkSync = (target) => {
    throw refuse(target);
  };
}
