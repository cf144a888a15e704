// Safe writes (issue 8): throughput of writeJson (validate + temp file + fsync + rename + fsync
// folder) and updateJson (the same under a cross-process lock, plus a strict read) against plain
// fs.writeFile of the same data. The ratio is the cost of safety.
import fs from "node:fs";
import path from "node:path";
import { DIST, SCALE, WORK, header, mkdirClean } from "./lib.mjs";

const lib = await import(path.join(DIST, "lib/index.js"));
const dir = mkdirClean(path.join(WORK, "safe-write"));
const n = Math.max(50, Math.round(1000 * SCALE));
const schema = { type: "object", required: ["states"], properties: { states: { type: "object" } } };
const value = { states: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`c${i}`, { status: "active", progress_percentage: i }])) };
const bytes = JSON.stringify(value, null, 2).length;

async function rate(label, fn) {
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn(i);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  return { label, ms, perSec: (n / ms) * 1000 };
}

header(`safe writes: ${n} writes of a ${bytes}-byte state file`);
const plain = await rate("fs.writeFile (no fsync, not atomic)", (i) =>
  fs.promises.writeFile(path.join(dir, "plain.json"), JSON.stringify({ ...value, i }, null, 2)),
);
const plainSync = await rate("fs.writeFile + fsync (not atomic)", async (i) => {
  const fh = await fs.promises.open(path.join(dir, "plainsync.json"), "w");
  await fh.writeFile(JSON.stringify({ ...value, i }, null, 2));
  await fh.sync();
  await fh.close();
});
const safe = await rate("writeJson (schema, atomic, fsync)", (i) =>
  lib.writeJson(path.join(dir, "safe.json"), { ...value, i }, { schema }),
);
await lib.writeJson(path.join(dir, "upd.json"), value, { schema });
const upd = await rate("updateJson (lock, strict read, schema, atomic)", () =>
  lib.updateJson(path.join(dir, "upd.json"), (s) => void (s.states.c1.progress_percentage += 1), { schema }),
);
for (const r of [plain, plainSync, safe, upd]) {
  console.log(
    `  ${r.label}: ${r.perSec.toFixed(0)} writes/s (${(r.ms / n).toFixed(3)} ms each), ${(plain.perSec / r.perSec).toFixed(2)}x the time of fs.writeFile`,
  );
}
console.log(
  `  writeJson vs fs.writeFile+fsync: ${(plainSync.perSec / safe.perSec).toFixed(2)}x the time (the extra cost beyond durability: validation, rename, folder fsync)`,
);
fs.rmSync(dir, { recursive: true, force: true });
