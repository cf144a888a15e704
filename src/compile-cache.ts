/**
 * V8's compiled code of the bundle, kept between runs (Node 22.1+ `module.enableCompileCache`):
 * every run of the CLI, the pre-commit hook's above all, otherwise compiles the same bundle
 * chunks afresh. Measured on Node 24 (`check --staged`, 10 staged files, a 20,000-file
 * repository; medians of 21 interleaved runs): 126 -> 120 ms of CPU per run. Node 20 has no such
 * API for ES modules: there this does nothing.
 *
 * The cache is per user (`$XDG_CACHE_HOME` or ~/.cache, %LOCALAPPDATA% on Windows), not Node's
 * default os.tmpdir(): compiled code read from a folder another user of the machine can write
 * would be code that user runs as you. NODE_COMPILE_CACHE (a folder of the user's choosing)
 * takes precedence, and NODE_DISABLE_COMPILE_CACHE=1 turns it off; Node itself honours both.
 * Any failure (no home folder, a read-only one) leaves the cache off and the run unchanged, and so
 * does a folder another local user could write (bin/cache-folder.js: `XDG_CACHE_HOME` pointed at
 * a shared folder, a planted symlink): V8 would run the code it finds there.
 * bin/integrity-guard.js does the same before it loads the bundle (it cannot import this file).
 */
import module from "node:module";
import os from "node:os";
import path from "node:path";
import { privateCacheFolder } from "../bin/cache-folder.js";

/** A CI runner or the Action (`GITHUB_ACTIONS`, or `CI` set to anything but "", "false", "0"): no per-user state is trusted or expected there. */
export function onCiRunner(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_ACTIONS === "true" || (env.CI !== undefined && env.CI !== "" && env.CI !== "false" && env.CI !== "0");
}

/** The per-user folder of the cache, or undefined when there is no home to put it in. */
export function compileCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | undefined {
  const base = userCacheDir(env, platform);
  return base ? path.join(base, "node-compile-cache") : undefined;
}

/**
 * integrity-guard's folder in the user's cache folder (`$XDG_CACHE_HOME` or ~/.cache,
 * %LOCALAPPDATA% on Windows), or undefined when there is no home to put it in. Also where the
 * compiled code of the built-in schemas is shared between clones (src/io/schema-cache.ts).
 */
export function userCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | undefined {
  const base =
    platform === "win32" ? env.LOCALAPPDATA : env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : undefined;
  if (base) return path.join(base, "integrity-guard");
  try {
    const home = os.homedir();
    return home ? path.join(home, ".cache", "integrity-guard") : undefined;
  } catch {
    return undefined; // no home folder (a user without a passwd entry)
  }
}

/** Turn the compile cache on where Node has it (feature-detected); never throws. */
export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): void {
  const enable = (module as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache;
  if (typeof enable !== "function") return;
  try {
    // Node reads NODE_COMPILE_CACHE itself (the cache is then on already) and NODE_DISABLE_COMPILE_CACHE.
    if (env.NODE_COMPILE_CACHE) return;
    const dir = compileCacheDir(env);
    const cache = dir ? privateCacheFolder(dir) : {};
    if (cache.dir) enable(cache.dir);
  } catch {
    // os.homedir() without a home, or a cache folder that cannot be made: run without the cache.
  }
}
