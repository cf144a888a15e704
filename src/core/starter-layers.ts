/**
 * Which layered configuration layout a repository uses, from its file list alone, so that `init`
 * can write `config.layers` instead of leaving every intended override to be reported as a
 * conflict. Pure: paths in, layouts out (no file is read).
 *
 * Recognised (each by the names its loader reads, lowest layer first):
 * - node-config: `<dir>/config/default.{json,yaml,yml}`, then the NODE_ENV files of that folder
 *   (common environment names; alternatives: one applies at a time), then `local.*`. `custom-environment-variables.*`
 *   maps environment variable names, not values, so it is no layer.
 * - Spring Boot: `application.{yml,yaml}`, then the profile files `application-<profile>.{yml,yaml}`
 *   beside it.
 * - Helm: `values.yaml`, then `values-<env>.yaml` / `values.<env>.yaml` beside it.
 * - Docker Compose: `docker-compose.yml` / `compose.yaml`, then `docker-compose.override.yml` /
 *   `compose.override.yaml` and `docker-compose.<env>.yml` / `compose.<env>.yaml` beside it.
 * Rails `config/environments/*` are Ruby, not YAML, so there is nothing to layer there.
 */

/** One detected layout: what `config.layers` (and `config.extensible`) should say for it. */
interface LayeredLayout {
  kind: "node-config" | "spring" | "helm" | "compose";
  /** The folder holding the files ("" for the repository root). */
  dir: string;
  /** config.layers: lowest first; a list is alternatives of one layer. */
  layers: (string | string[])[];
  /** config.extensible: pointers below which overlays may add keys (the loader merges them in). */
  extensible: string[];
  /** What was found, for the comment above the section. */
  summary: string;
  /** Why extensible says what it says (empty when it is empty). */
  extensibleWhy: string;
}

const IGNORED = /(^|\/)(node_modules|\.git|vendor|dist|build|target|\.integrity-guard)\//;

function split(p: string): { dir: string; base: string } {
  const i = p.lastIndexOf("/");
  return { dir: i < 0 ? "" : p.slice(0, i), base: p.slice(i + 1) };
}

function join(dir: string, base: string): string {
  return dir === "" ? base : `${dir}/${base}`;
}

/** The file names present in each folder. */
function byFolder(paths: readonly string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const p of paths) {
    if (IGNORED.test(p)) continue;
    const { dir, base } = split(p);
    let s = out.get(dir);
    if (!s) out.set(dir, (s = new Set()));
    s.add(base);
  }
  return out;
}

const sorted = (xs: Iterable<string>) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** One layer entry: a single glob as a string, several as a list of alternatives. */
function layer(globs: string[]): string | string[] {
  return globs.length === 1 ? globs[0]! : globs;
}

/**
 * NODE_ENV values in common use. Other files in the config folder (database.yml, a locale) are
 * not layers: only these names are taken; add others to config.layers by hand.
 */
const ENV_NAMES =
  /^(dev|development|prod|production|staging|stage|test|testing|qa|uat|ci|preview|demo|sandbox|integration|e2e|perf|beta|canary|docker)$/;

function nodeConfig(dir: string, names: ReadonlySet<string>): LayeredLayout | undefined {
  if (split(dir).base !== "config") return undefined;
  const exts = /\.(json|ya?ml)$/;
  if (!["default.json", "default.yaml", "default.yml"].some((n) => names.has(n))) return undefined;
  const envs = new Set<string>();
  let local = false;
  for (const n of names) {
    if (!exts.test(n)) continue;
    const stem = n.replace(exts, "");
    if (stem === "default" || stem === "custom-environment-variables" || stem.includes(".")) continue;
    if (stem === "local" || stem.startsWith("local-")) local = true;
    else if (ENV_NAMES.test(stem)) envs.add(stem);
  }
  if (envs.size === 0 && !local) return undefined;
  const layers: (string | string[])[] = [join(dir, "default.*")];
  if (envs.size > 0) layers.push(layer(sorted(envs).map((e) => join(dir, `${e}.*`))));
  if (local) layers.push(join(dir, "local.*"));
  return {
    kind: "node-config",
    dir,
    layers,
    extensible: [],
    summary: `node-config: ${join(dir, "default.*")}, then the NODE_ENV file (${sorted(envs).join(", ") || "none yet"})${local ? ", then local.*" : ""}`,
    extensibleWhy: "",
  };
}

function spring(dir: string, names: ReadonlySet<string>): LayeredLayout | undefined {
  const base = ["application.yml", "application.yaml"].find((n) => names.has(n));
  if (!base) return undefined;
  const profiles = sorted([...names].filter((n) => /^application-[^/]+\.ya?ml$/.test(n)));
  if (profiles.length === 0) return undefined;
  const exts = new Set(profiles.map((p) => p.slice(p.lastIndexOf("."))));
  return {
    kind: "spring",
    dir,
    layers: [join(dir, base), layer([...exts].sort().map((e) => join(dir, `application-*${e}`)))],
    // Spring profiles routinely add properties the base file does not have (a datasource, log
    // levels), and Spring binds them: reporting those as unknown keys would block valid commits.
    extensible: [""],
    summary: `Spring Boot profiles: ${join(dir, base)}, then one of ${profiles.join(", ")}`,
    extensibleWhy:
      'profiles may add any property ("" = everywhere); narrow it to the pointers your profiles add (such as /spring/datasource, /logging) to have misspelt keys reported',
  };
}

function helm(dir: string, names: ReadonlySet<string>): LayeredLayout | undefined {
  if (!names.has("values.yaml")) return undefined;
  const overlays = sorted([...names].filter((n) => /^values[-.][^/]+\.ya?ml$/.test(n) && !/^values\.schema\./.test(n)));
  if (overlays.length === 0) return undefined;
  const globs = new Set(overlays.map((n) => `values${n[6]}*${n.slice(n.lastIndexOf("."))}`));
  return {
    kind: "helm",
    dir,
    layers: [join(dir, "values.yaml"), layer(sorted(globs).map((g) => join(dir, g)))],
    extensible: [],
    summary: `Helm values: ${join(dir, "values.yaml")}, then one of ${overlays.join(", ")} (helm -f)`,
    extensibleWhy: "",
  };
}

function compose(dir: string, names: ReadonlySet<string>): LayeredLayout | undefined {
  for (const stem of ["compose", "docker-compose"]) {
    const base = [".yaml", ".yml"].map((e) => stem + e).find((n) => names.has(n));
    if (!base) continue;
    const overlays = sorted(
      [...names].filter((n) => n.startsWith(stem + ".") && /\.ya?ml$/.test(n) && n !== base && n.split(".").length === 3),
    );
    if (overlays.length === 0) continue;
    const override = overlays.filter((n) => n.startsWith(`${stem}.override.`));
    const others = overlays.filter((n) => !override.includes(n));
    const layers: (string | string[])[] = [join(dir, base)];
    if (others.length > 0) layers.push(layer(others.map((n) => join(dir, n))));
    if (override.length > 0) layers.push(layer(override.map((n) => join(dir, n))));
    return {
      kind: "compose",
      dir,
      layers,
      // An override file adds ports, environment and whole services: that is what it is for. At
      // the top level the spec allows version, name, include and x-* extension fields in any
      // file (x-* anchors are common in overlays), and `docker compose` and the built-in compose
      // schema reject a misspelt key (`servics:`), so no typo there silently does nothing.
      extensible: [""],
      summary: `Docker Compose: ${join(dir, base)}, then ${overlays.join(", ")} (docker compose -f ... -f ...)`,
      extensibleWhy:
        "override files add services, ports, environment entries, version/name and x-* fields (compose itself rejects a misspelt key); write both files in the same syntax (depends_on, environment and command as lists or maps in both), or the change of type is reported",
    };
  }
  return undefined;
}

/**
 * The layered layouts found among `paths` (repository-relative, `/`-separated), in the order
 * node-config, Spring, Helm, Compose, then by folder.
 */
export function detectLayeredLayouts(paths: readonly string[]): LayeredLayout[] {
  const folders = byFolder(paths);
  const found: LayeredLayout[] = [];
  const dirs = sorted(folders.keys());
  for (const detect of [nodeConfig, spring, helm, compose]) {
    for (const dir of dirs) {
      const l = detect(dir, folders.get(dir)!);
      if (l) found.push(l);
    }
  }
  return found;
}

function yamlList(layers: readonly (string | readonly string[])[], indent: string): string {
  return layers
    .map((l) => `${indent}- ${typeof l === "string" ? JSON.stringify(l) : `[${l.map((g) => JSON.stringify(g)).join(", ")}]`}`)
    .join("\n");
}

/**
 * The `config:` section for the detected layouts: the first active, the others as comments (one
 * configuration set is one layered stack: layouts of different folders must not be mixed in it).
 * Undefined when nothing was detected.
 */
export function layersSection(layouts: readonly LayeredLayout[]): string | undefined {
  const [first, ...rest] = layouts;
  if (!first) return undefined;
  const lines = [
    `# Layered configuration detected: ${first.summary}.`,
    "# Overrides in a higher layer are intended, never conflicts. Reported: an overlay changing a",
    "# value's type, an overlay key that no lower layer defines (a typo does nothing), files of one",
    "# layer that disagree, and overrides equal to the value below (docs/conflicts.md).",
    "# `integrity-guard conflicts --explain server.port` shows where a value comes from;",
    "# `integrity-guard conflicts --resolve --layer NAME > merged.yaml` prints one merged result.",
    "config:",
    "  layers: # lowest first; [a, b] are alternatives of one layer (one applies at a time)",
    yamlList(first.layers, "    "),
  ];
  if (first.extensible.length > 0) {
    lines.push(`  # ${first.extensibleWhy}`);
    lines.push(`  extensible: [${first.extensible.map((p) => JSON.stringify(p)).join(", ")}]`);
  }
  for (const l of rest) {
    lines.push(`# Also found (${l.summary}); one config.layers stack at a time:`);
    lines.push("#   layers:");
    lines.push(yamlList(l.layers, "#     "));
    if (l.extensible.length > 0) lines.push(`#   extensible: [${l.extensible.map((p) => JSON.stringify(p)).join(", ")}]`);
  }
  return lines.join("\n");
}
