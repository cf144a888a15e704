// npm run bench: builds the bundles, then runs every scripts/bench/*.bench.mjs in turn.
// Figures are ratios against peers (sha256sum, git, ajv-cli, restic, fs.writeFile) run here.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
execFileSync(process.execPath, [path.join(root, "scripts/build.mjs")], { stdio: "inherit" });
const only = process.argv.slice(2);
const files = fs
  .readdirSync(path.join(root, "scripts/bench"))
  .filter((f) => f.endsWith(".bench.mjs") && (only.length === 0 || only.some((o) => f.includes(o))))
  // BENCH_PROFILE=scale: the issue-20 table at 10k-500k files (scale.bench.mjs) and nothing else.
  .filter((f) => process.env.BENCH_PROFILE !== "scale" || f === "scale.bench.mjs")
  .sort();
console.log(
  `# integrity-guard bench (node ${process.version}, ${(await import("node:os")).cpus().length} cores, BENCH_SCALE=${process.env.BENCH_SCALE ?? "1"})`,
);
for (const f of files) execFileSync(process.execPath, [path.join(root, "scripts/bench", f)], { stdio: "inherit" });
