// Conflicts bench (issue 4): 200 config files with 5,000 keys each, 1% of the keys in conflict.
// Targets: `integrity-guard conflicts` under 1 s, and within 3x of a node process that only
// reads and parses the same files (JSON.parse / yaml.parse), both started as fresh processes.
// The layered figure (issue 16): the same size under config.layers, one default and 199
// overlays (alternatives of one layer) overriding every key, 1% of the keys unknown (typos).
// BENCH_SCALE scales the file count. Ratios are peer time / our time (>1: we are faster).
import fs from "node:fs";
import path from "node:path";
import { CLI, DIST, GIT_ENV, ROOT, SCALE, WORK, compare, header, run, mkdirClean, timeIt } from "./lib.mjs";

const node = process.execPath;
const git = (cwd, ...args) => run("git", args, { cwd, env: GIT_ENV });

/**
 * File i: 4,950 keys shared by every file with equal values (common.s0..s49.k0..k98) and 50 keys
 * shared with one partner file with a different value (pair.p<i/2>.c0..c49): 1% in conflict.
 */
function fileData(i) {
  const common = {};
  for (let s = 0; s < 50; s++) {
    const sec = (common[`s${s}`] = {});
    for (let k = 0; k < 99; k++) sec[`k${k}`] = k % 3 === 0 ? `value-${s}-${k}` : k % 3 === 1 ? s * 1000 + k : k % 2 === 0;
  }
  const pair = {};
  for (let c = 0; c < 50; c++) pair[`c${c}`] = `file-${i}-${c}`;
  return { common, pair: { [`p${Math.floor(i / 2)}`]: pair } };
}

/**
 * Layered file i: file 0 is the default; every other file overrides all of its 4,950 keys with
 * another value of the same type (intended: no finding) and sets 50 keys the default does not
 * define (common.s0.x0..x49: config/unknown-key), 1% of its keys.
 */
function layeredData(i) {
  const common = {};
  for (let s = 0; s < 50; s++) {
    const sec = (common[`s${s}`] = {});
    for (let k = 0; k < 99; k++)
      sec[`k${k}`] = k % 3 === 0 ? `value-${s}-${k}-${i}` : k % 3 === 1 ? s * 1000 + k + i : (k % 2 === 0) === (i === 0);
  }
  // Typos land inside a known section, so each is its own finding (a whole unknown map is one).
  if (i > 0) for (let c = 0; c < 50; c++) common.s0[`x${c}`] = `file-${i}-${c}`;
  return { common };
}

function corpus(name, count, ext, stringify, data = fileData, section = `  files: ["config/*.${ext}"]\n`) {
  const dir = path.join(WORK, name);
  mkdirClean(dir);
  git(dir, "init", "-q", "-b", "main");
  fs.mkdirSync(path.join(dir, ".integrity-guard"));
  fs.writeFileSync(path.join(dir, ".integrity-guard/config.yml"), `version: 1\nconfig:\n${section}`);
  fs.mkdirSync(path.join(dir, "config"));
  for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `config/f${String(i).padStart(4, "0")}.${ext}`), stringify(data(i)));
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "corpus");
  return dir;
}

const yamlEntry = path.join(ROOT, "node_modules/yaml/dist/index.js");
const parseOnly = (dir, ext) => `
const fs = require("fs"), path = require("path");
const parse = ${ext === "json" ? "JSON.parse" : `require(${JSON.stringify(yamlEntry)}).parse`};
const d = path.join(${JSON.stringify(dir)}, "config");
let n = 0;
for (const f of fs.readdirSync(d)) { parse(fs.readFileSync(path.join(d, f), "utf8")); n++; }
if (n === 0) process.exit(3);
`;

/** CPU seconds (user + system) of a command, best of `runs`, via GNU time; undefined without it. */
function cpuMs(cmd, args, cwd, okCodes, runs = 3) {
  if (!fs.existsSync("/usr/bin/time")) return undefined;
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const r = run("/usr/bin/time", ["-f", "%U %S", cmd, ...args], { cwd, okCodes });
    const [u, s] = r.stderr.trim().split("\n").pop().split(" ").map(Number);
    best = Math.min(best, (u + s) * 1000);
  }
  return best;
}

/** A node process that reads the files and parses them with the project's strict parser (positions, duplicate keys). */
const strictParseOnly = (dir) => `
const fs = require("fs"), path = require("path");
import(${JSON.stringify(path.join(DIST, "lib/index.js"))}).then(({ parseDocument }) => {
  const d = path.join(${JSON.stringify(dir)}, "config");
  for (const f of fs.readdirSync(d)) { const doc = parseDocument(fs.readFileSync(path.join(d, f)), { path: f }); if (!doc.ok) process.exit(3); }
});
`;

function measure(label, dir, ext, count, targets, rule = "config/conflict", expected = (count >> 1) * 50) {
  const out = run(node, [CLI, "conflicts", "--format", "json"], { cwd: dir, okCodes: [1] });
  const findings = JSON.parse(out.stdout).findings;
  const found = findings.filter((f) => f.rule === rule).length;
  if (found !== expected || found !== findings.length)
    throw new Error(`${label}: expected ${expected} ${rule} findings and no other, found ${found} of ${findings.length}`);
  const ours = timeIt(() => run(node, [CLI, "conflicts", "--format", "json"], { cwd: dir, okCodes: [1] }), 3);
  const peer = timeIt(() => run(node, ["-e", parseOnly(dir, ext)], { cwd: dir }), 3);
  compare(
    `${label}: ${count} files x 5,000 keys, ${found} ${rule}`,
    ours,
    `node read+${ext === "json" ? "JSON.parse" : "yaml.parse"} only`,
    peer,
    targets.ratio,
  );
  if (targets.ms !== undefined)
    console.log(`    ours ${ours.toFixed(0)} ms vs target < ${targets.ms} ms: ${ours < targets.ms ? "OK" : "ABOVE TARGET"}`);
  // Wall time suffers from whatever else the machine runs; CPU time (user + sys) less so.
  const oursCpu = cpuMs(node, [CLI, "conflicts", "--format", "json"], dir, [1]);
  const peerCpu = cpuMs(node, ["-e", parseOnly(dir, ext)], dir, [0]);
  if (oursCpu !== undefined && peerCpu !== undefined)
    compare(`${label} CPU time (user+sys)`, oursCpu, "parse only", peerCpu, targets.ratio);
  if (fs.existsSync(path.join(DIST, "lib/index.js"))) {
    const strict = timeIt(() => run(node, ["-e", strictParseOnly(dir)], { cwd: dir }), 3);
    compare(`${label} vs the project's strict parser`, ours, "node read+parseDocument only", strict);
  }
}

header(`conflicts (BENCH_SCALE=${SCALE})`);
const count = Math.max(4, Math.round(200 * SCALE));
const jsonDir = corpus("conflicts-json", count, "json", (v) => JSON.stringify(v, null, 2) + "\n");
measure("JSON", jsonDir, "json", count, { ratio: 1 / 3, ms: 1000 });
const layeredDir = corpus(
  "conflicts-layered",
  count,
  "json",
  (v) => JSON.stringify(v, null, 2) + "\n",
  layeredData,
  '  layers: ["config/f0000.json", "config/f*.json"]\n',
);
measure("JSON layered", layeredDir, "json", count, { ratio: 1 / 3, ms: 1000 }, "config/unknown-key", (count - 1) * 50);
// YAML for information: the `yaml` package parses far slower than JSON.parse, so fewer files.
const yamlCount = Math.max(4, Math.round(20 * SCALE));
const { stringify } = await import(yamlEntry);
const yamlDir = corpus("conflicts-yaml", yamlCount, "yaml", (v) => stringify(v));
measure("YAML", yamlDir, "yaml", yamlCount, { ratio: 1 / 3 });
