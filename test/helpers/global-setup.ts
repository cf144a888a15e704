/**
 * End-to-end tests run the built bundles; build them once when they are missing. Also makes the
 * cache folder the real-world corpus's runs share (test/real-world/corpus.ts), for this run only.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A private folder (0700, empty at the start of the run) the corpus uses as XDG_CACHE_HOME. */
    corpusCacheHome: string;
  }
}

export default function setup(project: TestProject): () => void {
  const root = path.resolve(import.meta.dirname, "../..");
  const dist = process.env.IG_DIST ? path.resolve(process.env.IG_DIST) : path.join(root, "dist");
  const bundles = ["cli/index.js", "action/index.js"];
  if (bundles.some((b) => !fs.existsSync(path.join(dist, b)))) {
    execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
  }
  // Fresh for every run (mkdtemp: mode 0700, as the product wants a cache folder), so each
  // built-in schema the corpus meets is compiled cold once per run, never taken from an old one.
  const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), "ig-corpus-cache-"));
  project.provide("corpusCacheHome", cacheHome);
  return () => fs.rmSync(cacheHome, { recursive: true, force: true });
}
