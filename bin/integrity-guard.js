#!/usr/bin/env node
// Node 22.1+ keeps V8's compiled code of the bundle between runs (src/compile-cache.ts says why
// and where: a per-user folder, never the shared temporary one); the bundle is then imported, so
// that its own compilation is cached too. Node 20 has no such API: it just runs the bundle.
// First, a whole-tree command starts again with V8's young generation capped, where node can
// replace its own process (young-generation.js says why; it returns when that does not apply).
import module from "node:module";
import os from "node:os";
import path from "node:path";
import { privateCacheFolder } from "./cache-folder.js";
import { capYoungGeneration } from "./young-generation.js";

capYoungGeneration();

if (typeof module.enableCompileCache === "function" && !process.env.NODE_COMPILE_CACHE) {
  try {
    const env = process.env;
    const base =
      process.platform === "win32"
        ? env.LOCALAPPDATA
        : env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)
          ? env.XDG_CACHE_HOME
          : undefined;
    const home = base ? undefined : os.homedir();
    const dir = base ? path.join(base, "integrity-guard") : home ? path.join(home, ".cache", "integrity-guard") : undefined;
    // Only a folder no other user can write (cache-folder.js): its entries are code this process runs.
    const cache = dir ? privateCacheFolder(path.join(dir, "node-compile-cache")) : {};
    if (cache.dir) module.enableCompileCache(cache.dir);
  } catch {
    // no home folder, or a cache folder that cannot be made: run without the cache
  }
}
await import("../dist/cli/index.js");
