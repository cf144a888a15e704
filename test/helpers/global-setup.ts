/** End-to-end tests run the built bundles; build them once when they are missing. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, "../..");
  const dist = process.env.IG_DIST ? path.resolve(process.env.IG_DIST) : path.join(root, "dist");
  const bundles = ["cli/index.js", "action/index.js"];
  if (bundles.some((b) => !fs.existsSync(path.join(dist, b)))) {
    execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
  }
}
