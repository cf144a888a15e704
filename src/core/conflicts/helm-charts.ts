/**
 * Helm's rule for which top-level keys a chart's values files may set beyond its own defaults:
 * the values of a dependency live under the dependency's name (or its alias) and their defaults
 * in the subchart (charts/<name>/ or a downloaded .tgz), and `global` is shared by a chart and
 * all its subcharts (https://helm.sh/docs/chart_template_guide/subcharts_and_globals/). An
 * overlay such as values-nomaria.yaml setting `wordpress.mariadb.enabled` is therefore valid
 * although values.yaml has no `wordpress` key; so are a dependency's `condition` paths and `tags`,
 * which Helm reads from the parent's values. Read from the chart itself (Chart.yaml, or
 * requirements.yaml for Helm 2 charts), so hand-written config.layers get it as well as the
 * ones `init` writes. Pure: paths and parsed documents in, pointers out.
 */
import { escapeToken } from "../pointer.js";

/** A Helm values file: values.yaml, values-prod.yaml, values.prod.yml (not values.schema.json). */
const VALUES_FILE = /^values(?:[-.][^/]+)?\.ya?ml$/;

function dirOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}

/**
 * The chart files that may declare dependencies for the values files among `paths`:
 * `<dir>/Chart.yaml` and `<dir>/requirements.yaml` for each folder holding a values file,
 * in path order. Whether a folder is a chart at all is known only once Chart.yaml is read.
 */
export function chartFilesFor(paths: readonly string[]): { dir: string; chart: string; requirements: string; values: string }[] {
  const dirs = new Set<string>();
  for (const p of paths) {
    const dir = dirOf(p);
    if (VALUES_FILE.test(p.slice(dir === "" ? 0 : dir.length + 1))) dirs.add(dir);
  }
  return [...dirs].sort().map((dir) => {
    const prefix = dir === "" ? "" : `${dir}/`;
    return { dir, chart: `${prefix}Chart.yaml`, requirements: `${prefix}requirements.yaml`, values: `${prefix}values.yaml` };
  });
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * The values pointers a parsed Chart.yaml or requirements.yaml gives its dependencies: each
 * entry's `name` and `alias` (Helm reads the subchart's values under the alias when one is set;
 * the name is kept as well, as the same chart is often depended on under both), the paths of its
 * `condition` (comma-separated dotted paths into the parent's values, `wordpress.enabled`), and
 * `/tags` when it has `tags` (values.yaml `tags: {front-end: false}` switches those off). Anything
 * that is not a list of maps with string fields gives nothing: a malformed entry opens no key.
 */
export function dependencyPointers(doc: unknown): string[] {
  if (!isMap(doc) || !Array.isArray(doc.dependencies)) return [];
  const out: string[] = [];
  for (const dep of doc.dependencies) {
    if (!isMap(dep)) continue;
    for (const k of [dep.name, dep.alias]) if (typeof k === "string" && k !== "") out.push("/" + escapeToken(k));
    if (typeof dep.condition === "string") {
      for (const path of dep.condition.split(",")) {
        const parts = path.trim().split(".");
        if (parts.every((t) => t !== "")) out.push(parts.map((t) => "/" + escapeToken(t)).join(""));
      }
    }
    if (Array.isArray(dep.tags) && dep.tags.some((t) => typeof t === "string" && t !== "")) out.push("/tags");
  }
  return out;
}

/**
 * The config.extensible pointers a chart adds to the layered analysis of its values files:
 * `/global` and the pointers of its dependencies (dependencyPointers). `chart` is the parsed Chart.yaml (undefined when
 * absent or unparsable: then no chart, nothing opens), `requirements` the parsed
 * requirements.yaml, if any.
 */
export function chartOpenPointers(chart: unknown, requirements: unknown): string[] {
  // A Chart.yaml that is not a map is no chart Helm would load: it changes nothing.
  if (!isMap(chart)) return [];
  return [...new Set(["/global", ...dependencyPointers(chart), ...dependencyPointers(requirements)])];
}

/** A field chain off the values object in a Go template: `.Values.server.port`, `$.Values.x`. */
const VALUES_READ = /\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g;

/** Sprig's functions that write a value out whole (every key below it ends up in the output). */
const SERIALIZE = new Set(["toYaml", "toJson", "toPrettyJson", "toRawJson", "toToml", "mustToJson", "mustToPrettyJson", "mustToRawJson"]);
/** Sprig's deep copies: `$values := deepCopy .Values` still holds the whole values. */
const DEEP_COPY = new Set(["deepCopy", "mustDeepCopy"]);
/** The whole values object: `.Values`, `$.Values`, `$root.Values`, not `.Values.x` (one token of templateTokens). */
const WHOLE_VALUES = /^(?:\$[A-Za-z0-9_]*)?\.Values$/;

/**
 * Go template comments (`{{/* ... *\/}}`, `{{- /* ... *\/ -}}`; text/template: they may span lines
 * and start and end at the delimiters) render nothing: `toYaml .Values` or `.Values.x` inside one
 * neither writes nor reads the values (one comment line had every overlay key open).
 */
function withoutComments(text: string): string {
  if (!text.includes("{{") || !text.includes("/*")) return text;
  // One pass: each comment runs to the first `*/}}` (or `*/ -}}`) after its opening, and a search
  // that finds no end finds none for any later opening either. (A lazy regular expression scanned
  // to the end again from each of thousands of unclosed `{{/*` a pull request's template held:
  // 80 KB took 6 s, and it grows with the square of the size.)
  let out = "";
  let from = 0;
  for (let open = text.indexOf("{{"); open >= 0; open = text.indexOf("{{", open + 2)) {
    const body = text.startsWith("/*", open + 2) ? open + 4 : text.startsWith("- /*", open + 2) ? open + 6 : -1;
    if (body < 0) continue;
    const plain = text.indexOf("*/}}", body);
    const trimmed = text.indexOf("*/ -}}", body);
    const end = trimmed >= 0 && (plain < 0 || trimmed < plain) ? trimmed + 6 : plain >= 0 ? plain + 4 : -1;
    if (end < 0) break;
    out += text.slice(from, open);
    from = end;
    open = end - 2;
  }
  return out + text.slice(from);
}

/** A token of a template's text: a word, a `$variable` or `.field` chain, `:=`, or one other character; `spaced` when blanks came before it. */
interface Token {
  text: string;
  spaced: boolean;
}

/** ASCII letters, digits and `_`. */
function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * Every token of `text`, in one pass that reads each character once. A template's text is the
 * pull request's: the patterns rendersWholeValues looks for, as regular expressions, backtracked
 * without end on `toYaml` followed by a long run of blanks (60 KB: 21 s) and grew with the square
 * of the count of `$v := .Values` bindings (each bound name one more alternative tried everywhere).
 */
function templateTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let spaced = false;
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) {
      spaced = true;
      i++;
      continue;
    }
    let j = i + 1;
    // `$name`, `.field` and words, with the `.field` chain after them (`$root.Values`, `.Values.x`).
    if (c === 36 || c === 46 || isWordCode(c)) while (j < text.length && (isWordCode(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) j++;
    else if (c === 58 && text.charCodeAt(j) === 61) j++; // `:=`
    tokens.push({ text: text.slice(i, j), spaced });
    spaced = false;
    i = j;
  }
  return tokens;
}

/**
 * Whether a template writes the whole values object into its output: `toYaml .Values`,
 * `.Values | toJson`, or a variable bound to (a deep copy of) `.Values` written the same way, as
 * linkerd2's control-plane chart does in templates/config.yaml (`$values := deepCopy .Values`,
 * a few keys unset, `toYaml $values` into the linkerd-config ConfigMap that its CLI reads back).
 * Copying `.Values` without writing it out (`$v.replicas` only) is no such write.
 */
function rendersWholeValues(text: string): boolean {
  if (!text.includes(".Values")) return false;
  const tokens = templateTokens(text);
  const at = (i: number): string => tokens[i]?.text ?? "";
  // `$name := [deepCopy] [(] .Values` (or `=`): names that hold the whole values.
  const bound = new Set<string>();
  for (let i = 0; i + 2 < tokens.length; i++) {
    const name = at(i);
    if (name.length < 2 || name[0] !== "$" || name.includes(".") || (at(i + 1) !== ":=" && at(i + 1) !== "=")) continue;
    let k = i + 2;
    if (DEEP_COPY.has(at(k)) && tokens[k + 1]?.spaced) k++;
    if (at(k) === "(") k++;
    if (WHOLE_VALUES.test(at(k))) bound.add(name);
  }
  const whole = (t: string) => WHOLE_VALUES.test(t) || bound.has(t);
  for (let i = 0; i < tokens.length; i++) {
    const t = at(i);
    // `toYaml [(] .Values`, a blank after the function's name.
    if (SERIALIZE.has(t) && tokens[i + 1]?.spaced && (whole(at(i + 1)) || (at(i + 1) === "(" && whole(at(i + 2))))) return true;
    // `.Values | toYaml`.
    if (whole(t) && at(i + 1) === "|" && SERIALIZE.has(at(i + 2))) return true;
  }
  return false;
}

/**
 * The pointers a chart's templates read that its values.yaml leaves out, each cut at the first
 * missing key: `.Values.server.readinessProbe.path` opens `/server/readinessProbe/path` when
 * values.yaml has `server.readinessProbe` without `path` (charts often show such optional keys
 * only in a comment). Helm renders the templates with the merged values, so an overlay setting
 * that key changes what the chart renders: it is no unknown key. A chain that values.yaml defines
 * all along opens nothing, so reading a whole map (`with .Values.server`) keeps the check on the
 * keys below it. `values` is the parsed values.yaml: undefined (absent, unparsable) opens nothing;
 * null (an empty file) is an empty map. Chains through `index`, or relative to `with`, are not
 * followed: they open nothing. A template that writes the whole values object out (rendersWholeValues)
 * puts every key an overlay sets into what Helm renders: it opens "" (every key).
 */
export function templateReadPointers(templates: readonly string[], values: unknown): string[] {
  if (values === undefined || (values !== null && !isMap(values))) return [];
  const root: Record<string, unknown> = values ?? {};
  const out = new Set<string>();
  for (const template of templates) {
    const text = withoutComments(template);
    if (rendersWholeValues(text)) return [""];
    for (const m of text.matchAll(VALUES_READ)) {
      const keys = m[1]!.slice(1).split(".");
      let cur: unknown = root;
      for (let i = 0; i < keys.length && isMap(cur); i++) {
        if (!Object.hasOwn(cur, keys[i]!)) {
          out.add(
            keys
              .slice(0, i + 1)
              .map((k) => "/" + escapeToken(k))
              .join(""),
          );
          break;
        }
        cur = cur[keys[i]!];
      }
    }
  }
  return [...out];
}
