// Measure the built-in catalog of well-known files (issue 19) on real files: every file of the
// bare git mirrors under --mirrors (default $IG_MIRRORS or /work/.mirror) that a built-in
// entry's fileMatch selects is copied, at its mirror's HEAD, into a scratch repository per
// mirror, and the built CLI (`bin/integrity-guard.js check`, defaults: run `npm run build`
// first) checks it. Prints counts per entry (files, files with errors, errors, warnings,
// root-type skips) and writes every catalog finding to --out/findings.json for review by hand;
// test/fixtures/well-known/MEASURED.md records the reviewed results.
//
//   node scripts/measure-catalog.mjs [--mirrors DIR] [--out DIR] [--max-per-entry N] [--cli BIN] [--only A+B,C+D]
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import picomatch from "picomatch";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const args = process.argv.slice(2);
const flag = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const mirrors = path.resolve(flag("--mirrors", process.env.IG_MIRRORS ?? "/work/.mirror"));
const out = path.resolve(flag("--out", "/tmp/ig-measure-catalog"));
const maxPerEntry = Number(flag("--max-per-entry", "200"));
// Another build to measure (an unpacked older release: its bin/, dist/ and vendor/), for before/after.
// Only these mirrors (comma-separated OWNER+NAME), e.g. those with findings in an earlier run.
const only = flag("--only", "").split(",").filter(Boolean);
const cli = path.resolve(flag("--cli", path.join(root, "bin/integrity-guard.js")));
const catalog = JSON.parse(fs.readFileSync(path.join(root, "vendor/schemastore/catalog.json"), "utf8"));
const entries = catalog.schemas.map((e) => ({
  id: e.id,
  match: picomatch(
    e.fileMatch.map((g) => (g.includes("/") ? g : `**/${g}`)),
    { dot: true },
  ),
}));
const entryOf = (p) => entries.find((e) => e.match(p))?.id;

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const stats = Object.fromEntries(entries.map((e) => [e.id, { files: 0, filesWithErrors: 0, errors: 0, warnings: 0, notices: 0 }]));
const all = [];
for (const name of fs.readdirSync(mirrors).sort()) {
  const gitDir = path.join(mirrors, name, "repo");
  if (!fs.existsSync(gitDir) || (only.length && !only.includes(name))) continue;
  let listing;
  try {
    // Regular files only: a symlink's blob is its target path, not the file a checkout shows.
    listing = execFileSync("git", ["--git-dir", gitDir, "ls-tree", "-r", "-z", "HEAD"], { maxBuffer: 1 << 28 })
      .toString("utf8")
      .split("\0")
      .filter((l) => l.startsWith("100"))
      .map((l) => l.slice(l.indexOf("\t") + 1));
  } catch {
    continue;
  }
  const perEntry = {};
  const picked = listing.filter((p) => {
    if (/(^|\/)node_modules\//.test(p)) return false;
    const id = entryOf(p);
    if (!id) return false;
    perEntry[id] = (perEntry[id] ?? 0) + 1;
    return perEntry[id] <= maxPerEntry;
  });
  if (!picked.length) continue;
  const dir = path.join(out, name);
  fs.mkdirSync(dir, { recursive: true });
  execFileSync("git", ["init", "-q", dir]);
  for (const p of picked) {
    const bytes = spawnSync("git", ["--git-dir", gitDir, "cat-file", "blob", `HEAD:${p}`], { maxBuffer: 1 << 28 }).stdout;
    if (!bytes || bytes.length > 1 << 20) continue;
    fs.mkdirSync(path.join(dir, path.dirname(p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), bytes);
    stats[entryOf(p)].files++;
  }
  const r = spawnSync(process.execPath, [cli, "check", "--format", "json"], {
    cwd: dir,
    maxBuffer: 1 << 28,
    encoding: "utf8",
  });
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    console.error(`${name}: no JSON report (exit ${r.status}): ${r.stderr.slice(0, 300)}`);
    continue;
  }
  const withErrors = new Set();
  for (const f of report.findings ?? []) {
    if (!f.file) continue;
    const id = entryOf(f.file);
    if (!id) continue;
    const catalogFinding = /built-in (schema|entry)/.test(`${f.message} ${f.fix ?? ""}`) || f.rule.startsWith("catalog/");
    if (!catalogFinding) continue;
    const s = stats[id];
    if (f.level === "error") {
      s.errors++;
      withErrors.add(f.file);
    } else if (f.level === "warning") s.warnings++;
    else s.notices++;
    all.push({ repo: name, entry: id, ...f });
  }
  for (const f of withErrors) stats[entryOf(f)].filesWithErrors++;
}
fs.writeFileSync(path.join(out, "findings.json"), JSON.stringify(all, null, 2));
console.log("| entry | files | files with errors | errors | warnings | notices |");
console.log("|---|---|---|---|---|---|");
for (const [id, s] of Object.entries(stats))
  console.log(`| ${id} | ${s.files} | ${s.filesWithErrors} | ${s.errors} | ${s.warnings} | ${s.notices} |`);
console.log(`findings: ${path.join(out, "findings.json")}`);
