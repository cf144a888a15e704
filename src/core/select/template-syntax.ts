/**
 * Does a file that failed to parse (or parsed only by reading `key: {{ x }}` as a flow mapping
 * used as a key) look like a Go (Helm, gomplate) or Jinja (Ansible, Salt, cookiecutter)
 * template? Pure and linear in the text. Only template tags where the format's
 * own syntax cannot hold them count as evidence: at the start of a line, or where a YAML value
 * or sequence item starts (`key: {{ x }}`, `- {% if %}`), or anywhere outside a string in JSON.
 * Tags inside quoted scalars, comments or block scalars, and tags in the middle of a plain
 * scalar (`image: repo/{{ tag }}`, which is valid YAML that Ansible renders at run time), are
 * not evidence, and neither is a GitHub Actions expression (`${{ ... }}`): a real corruption in
 * such a file must still be reported, never waved through as "a template".
 */

/** The tags of Go templates (`{{ }}`, `{{- -}}`) and Jinja (`{{ }}`, `{% %}`, `{# #}`): opener -> closer. */
const TAGS: Record<string, string> = { "{{": "}}", "{%": "%}", "{#": "#}" };

/**
 * Where a needle next occurs at or after an offset, asked at offsets that grow: the last answer
 * is kept while it still lies ahead, so each stretch of text is searched once. Asking a fresh
 * `indexOf` (or slicing to the line's end) at every opener made a line of a hundred thousand
 * unclosed `{{ x` quadratic: about a minute for a 5 MB file a pull request can hold.
 */
function nextIndexer(text: string): (needle: string, from: number) => number {
  const memo = new Map<string, { from: number; at: number }>();
  return (needle, from) => {
    const m = memo.get(needle);
    if (m !== undefined && from >= m.from && (m.at < 0 || m.at >= from)) return m.at;
    const at = text.indexOf(needle, from);
    memo.set(needle, { from, at });
    return at;
  };
}

/**
 * A template tag opens at `i`: an opener, not `${{` (GitHub Actions), whose content does not
 * start like JSON (`{{"a": 1}}` is a doubled brace, a corruption, not a tag), closed on the same
 * line. Multi-line tags are not recognised: such a file is reported, never skipped by mistake.
 * Mustache and Handlebars also have `{{{ name }}}` (unescaped output; pulumi/examples renders a
 * kops cluster.yaml holding `configBase: {{{STATE_STORE}}}/{{{CLUSTER_NAME}}}` with mustache):
 * a tag when its content, too, does not start like JSON or a brace and `}}}` closes it on the line.
 * Handlebars' raw block `{{{{raw}}}} ... {{{{/raw}}}}` (Tauri's project templates wrap GitHub
 * workflows in it so their `${{ }}` is left alone) is the same with four braces.
 *
 * Made once per text and asked at increasing offsets: linear in the text (nextIndexer).
 */
export function tagScanner(text: string, next = nextIndexer(text)): (i: number) => boolean {
  return (i) => {
    let close = TAGS[text.slice(i, i + 2)];
    if (close === undefined || text[i - 1] === "$") return false;
    let j = i + 2;
    if (close === "}}" && text[j] === "{") {
      close = "}}}";
      j++;
      if (text[j] === "{") {
        close = "}}}}";
        j++;
      }
    }
    while (text[j] === "-" || text[j] === "+" || text[j] === "~") j++; // whitespace control: {{- x -}}, {%- x %}
    while (text[j] === " " || text[j] === "\t") j++;
    const first = text[j];
    if (first === undefined || first === '"' || first === "{" || first === "}" || first === "\n" || first === "\r") return false;
    return closedOnLine(next, j, close);
  };
}

/** Whether `close` occurs at or after `j` and ends before the line does. */
function closedOnLine(next: (needle: string, from: number) => number, j: number, close: string): boolean {
  const at = next(close, j);
  if (at < 0) return false;
  const eol = next("\n", j);
  return eol < 0 || at + close.length <= eol;
}

/**
 * Where Terraform (OpenTofu) template directives open in `text`: a test asked at increasing
 * offsets `i`, true when `%{ if ... }`, `%{ else }`, `%{ endif }`, `%{ for ... }` or
 * `%{ endfor }` (with its optional `~` strip markers) opens there, closed on the same line.
 * templatefile() renders cloud-init user data, manifests and inventories kept as .yaml/.json
 * this way (infracost's terragrunt test data holds a template.yml of `%{ for k, v in x ~}`
 * lines). YAML reads a `%` that starts a line as a directive, and no node starts with it; JSON
 * has no `%` outside a string: so where a node starts, the directive is evidence like `{% %}`.
 * Only these keywords count (a `%{` before anything else is no directive, and `%%{` is
 * Terraform's escape for a literal one): such a file is reported. The closing brace is looked
 * for once per stretch of text (the last stop found is kept while the offsets grow), so a line
 * of a hundred thousand unclosed `%{ for` is one pass, not one per opener.
 */
export function terraformDirectives(text: string): (i: number) => boolean {
  let from = 0; // the last offset searched from
  let stop = -1; // the first `}` or line break at or after `from`
  return (i) => {
    if (text[i] !== "%" || text[i + 1] !== "{" || text[i - 1] === "%") return false;
    const head = TERRAFORM_DIRECTIVE.exec(text.slice(i, i + 32));
    if (head === null) return false;
    const start = i + head[0].length;
    if (start < from || stop < start) {
      stop = start;
      while (stop < text.length && text[stop] !== "}" && text[stop] !== "\n") stop++;
    }
    from = start;
    return text[stop] === "}";
  };
}

/** `%{`, an optional `~`, blanks, the directive's keyword (its closing `}` is looked for after it). */
const TERRAFORM_DIRECTIVE = /^%\{~?[ \t]*(?:if|else|endif|for|endfor)\b/;

/**
 * True when `text` holds a template tag at a structural position (see the module comment).
 * `format` is how the file was parsed: JSON (and JSONC) have no plain scalars, so any tag
 * outside a string counts there.
 */
export function hasTemplateStructure(text: string, format: "json" | "jsonc" | "yaml"): boolean {
  return format === "yaml" ? yamlHasTags(text) : jsonHasTags(text);
}

function jsonHasTags(text: string): boolean {
  const directiveAt = terraformDirectives(text);
  const next = nextIndexer(text);
  const tagAtHere = tagScanner(text, next);
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "{" && quotedActionAt(text, i, next)) return true;
      if (c === "\\") i++;
      else if (c === '"' || c === "\n") inString = false; // a raw newline ends a (broken) string: look at the next line afresh
      continue;
    }
    if (c === '"') inString = true;
    else if ((c === "{" && tagAtHere(i)) || (c === "<" && erbTagAt(text, i, next)) || (c === "%" && directiveAt(i))) return true;
  }
  return false;
}

/**
 * A Go template or Jinja tag opens at `i`, inside a JSON string, and holds string literals of
 * its own: `"start_url": "{{ "./" | relURL }}"` (a Hugo asset rendered by
 * resources.ExecuteAsTemplate), `"{{ x | replace(" ", "_") }}"` (Jinja). The literal's quotes end
 * the JSON string, so JSON cannot hold the file until it is rendered. Required, so that strings
 * which merely hold `{{` and `}}` (`"a": "{{", "b": "}}"`) are no evidence: closed on the same
 * line, an even number of unescaped quotes, every literal standing alone (after a space, `(` or
 * the opener; before a space, `)`, `,` or the closer), and a name or pipe outside the literals.
 */
function quotedActionAt(text: string, i: number, next: (needle: string, from: number) => number): boolean {
  const close = text[i + 1] === "{" ? "}}" : text[i + 1] === "%" ? "%}" : undefined;
  if (close === undefined || text[i - 1] === "$" || !closedOnLine(next, i + 2, close)) return false;
  const end = next(close, i + 2);
  // No quote before the closer: no literal (and no slice of the stretch for each opener in it).
  const quote = next('"', i + 2);
  if (quote < 0 || quote >= end) return false;
  const inner = text
    .slice(i + 2, end)
    .replace(/^[-+~]/, "")
    .replace(/[-+~]$/, "");
  if (!inner.includes('"')) return false;
  let outside = "";
  for (let j = 0; j < inner.length; j++) {
    if (inner[j] !== '"') {
      outside += inner[j];
      continue;
    }
    if (j > 0 && !/[\s(]/.test(inner[j - 1]!)) return false;
    let k = j + 1;
    while (k < inner.length && inner[k] !== '"') k += inner[k] === "\\" ? 2 : 1;
    if (k >= inner.length) return false; // an unbalanced quote
    if (k + 1 < inner.length && !/[\s),]/.test(inner[k + 1]!)) return false;
    j = k;
    outside += " ";
  }
  return /[A-Za-z_.$|]/.test(outside);
}

/**
 * An ERB (Ruby) or EJS tag opens at `i`: `<%` (`<%=`, `<%-`, `<%#`) closed by `%>` on the same
 * line. JSON cannot hold `<` outside a string, so there it is evidence like `{{ }}`.
 */
function erbTagAt(text: string, i: number, next: (needle: string, from: number) => number): boolean {
  return text[i + 1] === "%" && closedOnLine(next, i + 2, "%>");
}

/** Characters after which a YAML scalar (and so a quote) may start on the same line. */
const SCALAR_START_AFTER = new Set(["", "-", ":", "?", "[", "{", ","]);

function yamlHasTags(text: string): boolean {
  const tags = perLine(tagScanner);
  const directives = perLine(terraformDirectives);
  const indexers = perLine(nextIndexer);
  return scanYaml(
    text,
    (line, i, lineNo) => tags(line, lineNo)(i) || (line[i] === "%" && directives(line, lineNo)(i)),
    false,
    // In a double-quoted scalar, a tag with string literals of its own ends the scalar early, as
    // in a JSON string: cilium-cli's connectivity manifests hold
    // `- "{{trimSuffix .ExternalTarget "."}}"`, which text/template renders before YAML reads it.
    (line, i, lineNo) => quotedActionAt(line, i, indexers(line, lineNo)),
  );
}

/** One scanner per line, made when the line is first asked about (lines come in order). */
function perLine<T>(make: (line: string) => T): (line: string, lineNo: number) => T {
  let at = 0;
  let scanner: T | undefined;
  return (line, lineNo) => {
    if (scanner === undefined || at !== lineNo) {
      scanner = make(line);
      at = lineNo;
    }
    return scanner;
  };
}

/** A template tag at a structural position of a YAML text (1-based line and column). */
interface YamlTag {
  line: number;
  column: number;
  /** `{{`, `{%` or `{#`. */
  opener: string;
  /** What it opens: a mapping value (`key: {{ x }}`), a sequence item (`- {{ x }}`), or a node at the line's start or elsewhere. */
  starts: "value" | "item" | "other";
}

/** Every template tag at a structural position of `text` (YAML), in text order. */
export function yamlStructuralTags(text: string): YamlTag[] {
  const out: YamlTag[] = [];
  const tags = perLine(tagScanner);
  scanYaml(text, (line, i, lineNo) => {
    if (tags(line, lineNo)(i)) {
      const before = line.slice(0, i).trimEnd();
      const starts = before.endsWith(":") ? "value" : /^\s*(?:-\s+)*-$/.test(before) ? "item" : "other";
      out.push({ line: lineNo, column: i + 1, opener: line.slice(i, i + 2), starts });
    }
    return false;
  });
  return out;
}

/**
 * Visits every structural position of a YAML text (where a node may start, outside quotes,
 * comments and block scalars) with its line and 1-based line number; stops at the first visit
 * that returns true, and returns true then. With `flowItems`, the start of each item of a flow
 * collection (`[%s, %s]`: after its `[`, `{` or `,`) is one too; a flow collection may span lines.
 * `inDoubleQuotes`, when given, is asked at each `{` inside a double-quoted scalar, and a true
 * answer stops the scan as a visit's does.
 */
function scanYaml(
  text: string,
  visit: (line: string, i: number, lineNo: number) => boolean,
  flowItems = false,
  inDoubleQuotes?: (line: string, i: number, lineNo: number) => boolean,
): boolean {
  let lineNo = 0;
  let blockIndent = -1; // inside a block scalar (| or >): lines indented deeper than this are its content
  let quote: string | undefined; // a quoted scalar continued from an earlier line
  let flow = 0; // the flow collections open here (with flowItems)
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    lineNo++;
    let i = 0;
    while (i < line.length && (line[i] === " " || line[i] === "\t")) i++;
    const indent = i;
    if (blockIndent >= 0) {
      if (i === line.length || indent > blockIndent) continue;
      blockIndent = -1;
    }
    let structural = quote === undefined; // the first token of a line is at a structural position
    let prev = ""; // the last non-blank character outside quotes on this line
    for (; i < line.length; i++) {
      const c = line[i]!;
      if (quote !== undefined) {
        if (quote === '"' && c === "{" && inDoubleQuotes?.(line, i, lineNo)) return true;
        if (quote === '"' && c === "\\") i++;
        else if (c === quote) {
          if (quote === "'" && line[i + 1] === "'") i++;
          else quote = undefined;
        }
        continue;
      }
      if (c === " " || c === "\t") continue;
      if (c === "#" && (i === 0 || line[i - 1] === " " || line[i - 1] === "\t")) break; // a comment
      if (structural && visit(line, i, lineNo)) return true;
      if ((c === '"' || c === "'") && SCALAR_START_AFTER.has(prev)) {
        quote = c;
        structural = false;
        prev = c;
        continue;
      }
      // A `[` or `{` where a node starts opens a flow collection; inside one, `,` and the
      // brackets are indicators (a plain scalar there cannot hold them), so the next item starts.
      if (flowItems && (c === "[" || c === "{") && (structural || flow > 0)) {
        flow++;
        structural = true;
        prev = c;
        continue;
      }
      if (flowItems && flow > 0 && (c === "," || c === "]" || c === "}")) {
        if (c !== ",") flow--;
        structural = c === ",";
        prev = c;
        continue;
      }
      if ((c === "|" || c === ">") && (prev === ":" || prev === "-" || prev === "") && /^[|>][-+0-9]*\s*(#.*)?$/.test(line.slice(i))) {
        blockIndent = indent;
        break;
      }
      // After "- " or "? " at a node's start, or after "key: ", a new node starts; anywhere else we are inside a plain scalar.
      const next = line[i + 1];
      const spaced = next === undefined || next === " " || next === "\t";
      structural = spaced && (c === ":" || ((c === "-" || c === "?") && structural));
      prev = c;
    }
  }
  return false;
}

/**
 * A substitution placeholder at the start of a string: `{NAME}` (a capital, then letters, digits, `_`: linkerd2's
 * dual-stack test strings.ReplaceAll's `{IPv6}` in `cidr: {IPv6}/128`), `@name@`, or `@@name@@` (the
 * doubled form: VSCodium's AppImage recipe.yml holds `app: @@NAME@@`, which its build.sh fills
 * with `sed -i "s|@@NAME@@|...|g"`); the `@` on both sides must match (`@@name@` is no placeholder).
 * Also `%NAME%`, `%%NAME%%` or `%%%NAME%%%` (OpenStack-Helm's values overrides hold
 * `cidr: %%%REPLACE_API_ADDR%%%/32`, which `helm osh get-values-overrides` fills with sed), upper
 * case and at least two characters, so that strftime formats (`%Y-%m-%d`, `%Y%m%d`) are none.
 * Also a printf conversion `%s` or `%d` (`%1$s` numbered) standing for a whole value (placeholderAt
 * asks that the scalar end after it): Spinnaker's rosco tests fill expected_template.yaml's
 * `foo: %s` with Java's String.format before reading it as YAML. Only these two, never a named
 * one: `format: %(asctime)s - %(message)s` unquoted is a logging config YAML itself refuses.
 */
export const PLACEHOLDER =
  /^(?:\{[A-Z][A-Za-z0-9_]*\}|(@@?)[A-Za-z_][A-Za-z0-9_.-]*\1(?!@)|(%{1,3})[A-Z][A-Z0-9_]+\2(?!%)|%(?:[1-9]\$)?[sd](?![\w%$]))/;

/**
 * The length of a substitution placeholder standing for a whole JSON value at offset `i`, or 0:
 * a printf conversion (`%s`, `%d`, `%1$s`), a `%NAME%` placeholder (one to three `%` on each
 * side, upper case: PLACEHOLDER) or an `@name@` one (JSON_PLACEHOLDER), after a value's start (`[`, `,`, `:` or a line's start, blanks
 * aside) and before its end (`,`, `]`, `}` or the line's end). Spinnaker's clouddriver tests fill
 * list-manifest.json's `"items": [%s, %s]` with String.format before parsing it; OpenAddresses'
 * scripts/si/Makefile fills countrywide-template.json's `"year": %YYYY%` with sed. JSON has no `%`
 * or `@` outside a string, so such a file never parses as it is. Each blank stretch around a `%` is
 * looked at from its two ends only, so a scan that asks at every `%` stays linear.
 */
export function jsonPlaceholderValueAt(text: string, i: number): number {
  const m = JSON_PLACEHOLDER.exec(text.slice(i, i + 64));
  if (m === null) return 0;
  let after = i + m[0].length;
  while (text[after] === " " || text[after] === "\t" || text[after] === "\r") after++;
  if (after < text.length && !",]}\n".includes(text[after]!)) return 0;
  let before = i - 1;
  while (before >= 0 && (text[before] === " " || text[before] === "\t")) before--;
  return before < 0 || "[,:\n".includes(text[before]!) ? m[0].length : 0;
}

/**
 * `%s`, `%d`, `%1$s`; or `%NAME%`, `%%NAME%%`, `%%%NAME%%%` (as in PLACEHOLDER; strftime's `%Y` is
 * none); or `@name@`, `@@name@@` (as in PLACEHOLDER). JSON has no `@` outside a string either:
 * PHP-Matcher's patterns (coduo/php-matcher's JsonMatcher quotes each bare `@name@` before
 * json_decode, so Sylius's expected API responses hold `"createdAt": @datetime@`), and the
 * `@NAME@` of autoconf, CMake's configure_file and Maven filtering, stand for a whole value.
 */
const JSON_PLACEHOLDER = /^(?:%(?:[1-9]\$)?[sd]|(%{1,3})[A-Z][A-Z0-9_]+\1(?!%)|(@@?)[A-Za-z_][A-Za-z0-9_.-]*\2(?!@))/;

/**
 * A placeholder of a text substitution (sed, envsubst-like scripts, Maven or autoconf filtering)
 * starts at `i`: `{NAME}` (a capital letter, then letters, digits, `_`) with more text after it on the line, which
 * YAML reads as a flow mapping run into text, a syntax error (`clusterIP: {PREFIX}.16`); or
 * `@name@` or `@@name@@` (letters, digits, `_`, `.`, `-`) as a whole value, since no YAML node
 * starts with the reserved `@`; `%NAME%` (one to three `%` on each side) with anything after it,
 * since no node starts with the `%` indicator either; or `${NAME}` as a whole line
 * (wholeLinePlaceholderAt).
 * A lone `{NAME}` is a valid flow mapping, so it is no evidence (and such a file parses anyway).
 */
export function placeholderAt(line: string, i: number): boolean {
  if (line[i] === "$") return wholeLinePlaceholderAt(line, i);
  const m = PLACEHOLDER.exec(line.slice(i));
  if (!m) return false;
  const rest = line.slice(i + m[0].length);
  const scalarEnds = /^\s*(?:#.*)?$/.test(rest) || /^\s*[,\]}]/.test(rest);
  // `@name@` must be the whole scalar (`@user@example.com` is a broken value, not a placeholder);
  // `{NAME}` must run into text (alone it is a valid flow mapping); no YAML node starts with `%`,
  // so `%NAME%` is evidence whatever follows it; a printf `%s` only as a whole value (`%s-%d`
  // run into text is as likely a format string left unquoted, which YAML refuses).
  if (line[i] === "%") return m[2] !== undefined || scalarEnds;
  return line[i] === "@" ? scalarEnds : !scalarEnds;
}

/**
 * `${NAME}` (upper case, digits, `_`) standing alone on its line, a comment aside: a text
 * substitution fills it with a block of lines before anything reads the file as YAML (grafana/loki's
 * operator tests strings.Replace `${STORAGE_STRUCTURED_METADATA}` in schemas-template.yaml with
 * indented keys; envsubst templates do the same), and inside a block mapping YAML cannot hold it (a
 * key without `:`). `key: ${NAME}` and `- ${NAME}` are valid YAML that Compose or the OpenTelemetry
 * Collector interpolate after parsing: no evidence, and neither is `${NAME}` with text after it.
 */
function wholeLinePlaceholderAt(line: string, i: number): boolean {
  return line.slice(0, i).trim() === "" && WHOLE_LINE_PLACEHOLDER.test(line.slice(i));
}

/**
 * `${NAME}`, or a template function call `${fn(...)}` (Garden resolves the template strings of a
 * generateFiles source in its text, so `${indent(yamlEncode(var.env), 12)}` alone on a line becomes
 * indented lines), each alone on its line, a comment aside.
 */
const WHOLE_LINE_PLACEHOLDER = /^\$\{(?:[A-Z_][A-Z0-9_]*|[A-Za-z_][\w.]*\([^{}]*\))\}\s*(?:#.*)?$/;

/**
 * The 1-based lines of a YAML text where a substitution placeholder stands where YAML cannot
 * hold it (placeholderAt, at a structural position: a value, an item or a line's start).
 * Placeholders in quoted scalars, comments, block scalars or inside a plain scalar
 * (`url: http://{HOST}/x`, valid YAML) are not counted. ERB tags are counted by erbTagLines.
 */
export function yamlPlaceholderLines(text: string): Set<number> {
  const lines = new Set<number>();
  scanYaml(
    text,
    (line, i, lineNo) => {
      if (placeholderAt(line, i)) lines.add(lineNo);
      return false;
    },
    true,
  );
  return lines;
}

/**
 * The 1-based lines of a text that an ERB (or EJS) tag covers, from its `<%` to the `%>` that
 * closes it (a tag may span lines). Rails renders its YAML fixtures and config (database.yml,
 * storage.yml, config_for files) with ERB before Psych reads them, and a tag may stand anywhere,
 * so every line it covers is YAML only after rendering. An `<%` never closed covers nothing.
 */
export function erbTagLines(text: string): Set<number> {
  const lines = new Set<number>();
  let line = 1;
  let counted = 0; // text before this offset is counted in `line`
  for (let open = text.indexOf("<%"); open >= 0; open = text.indexOf("<%", open + 2)) {
    const close = text.indexOf("%>", open + 2);
    if (close < 0) break;
    for (; counted < open; counted++) if (text.charCodeAt(counted) === 10) line++;
    lines.add(line);
    for (; counted < close; counted++) {
      if (text.charCodeAt(counted) === 10) lines.add(++line);
    }
    open = close;
  }
  return lines;
}
