/**
 * YAML dialects: application tags that a well-known reader understands, accepted only in files
 * of that reader's kind. Pure data plus two small functions; the parser asks for a file's
 * dialects only when it meets a tag that is neither core YAML nor allowed by the config, so
 * files without such tags (almost all) pay nothing for the detection.
 *
 * Tags are compared as the yaml package reports them: local tags as written (`!Ref`), `!!x`
 * expanded to `tag:yaml.org,2002:x` (so `!!python/name:m.f` is `tag:yaml.org,2002:python/name:m.f`).
 */

/** One reader's tag set and how to recognise its files. */
export interface YamlDialect {
  /** Stable id (docs, messages). */
  id: string;
  /** Human name, as used in messages. */
  name: string;
  /** Exact tags this reader resolves. */
  tags: readonly string[];
  /** Tag prefixes this reader resolves (`!ruby/` covers `!ruby/object:Foo`). */
  prefixes?: readonly string[];
  /** Repository-relative paths of this kind (forward slashes). */
  path?: RegExp;
  /** Text that only files of this kind contain (tested only when a tag needs it). */
  content?: RegExp;
}

const PY = "tag:yaml.org,2002:python/";

/** The dialect table (docs/parsing.md describes each row and why). */
export const YAML_DIALECTS: readonly YamlDialect[] = [
  {
    id: "cloudformation",
    name: "AWS CloudFormation (also SAM and the Serverless Framework)",
    // Short forms of the intrinsic functions, condition functions, rule functions and the
    // AWS::LanguageExtensions functions.
    tags: [
      "!Ref",
      "!Sub",
      "!GetAtt",
      "!Join",
      "!Select",
      "!Split",
      "!If",
      "!Equals",
      "!Not",
      "!And",
      "!Or",
      "!FindInMap",
      "!Base64",
      "!Cidr",
      "!GetAZs",
      "!ImportValue",
      "!Condition",
      "!Transform",
      "!Contains",
      "!EachMemberEquals",
      "!EachMemberIn",
      "!RefAll",
      "!ValueOf",
      "!ValueOfAll",
      "!ToJsonString",
      "!Length",
    ],
    // AWS Copilot passes addons.parameters.yml's values, intrinsic functions and all, to its
    // addons stack (internal/pkg/addon/addons.go finds the file by that name): no `AWS::` in it.
    path: /(^|\/)(serverless|addons\.parameters)\.ya?ml$/,
    // The Serverless Framework also takes a service file of any name (`--config`) and reads the
    // tags in every file it pulls in with `${file(...)}`: a `provider:` block naming aws, or the
    // framework's own variables (`${self:x}`, `${opt:x}`, `${sls:x}`, `${file(...)}`), mark them.
    content:
      /\bAWSTemplateFormatVersion\s*:|\bType\s*:\s*["']?AWS::[A-Za-z0-9]+::|\bTransform\s*:\s*["']?AWS::|^provider[ \t]*:[ \t]*\r?\n(?:[ \t]+\S[^\n]*\n|[ \t]*\r?\n)*?[ \t]+name[ \t]*:[ \t]*["']?aws\b|\$\{(?:self|opt|sls):|\$\{file\(/m,
  },
  {
    id: "home-assistant",
    name: "Home Assistant",
    tags: [
      "!include",
      "!include_dir_list",
      "!include_dir_named",
      "!include_dir_merge_list",
      "!include_dir_merge_named",
      "!secret",
      "!input",
      "!env_var",
    ],
    path: /(^|\/)(configuration|secrets|automations|scripts|scenes|customize|groups|ui-lovelace)\.ya?ml$|(^|\/)(packages|blueprints|lovelace|dashboards|automations|scripts|integrations)\//,
    // Top-level integration keys of configuration.yaml and its packages, or the keys of
    // automations, scripts and entity configs that an included file holds; `views` is a
    // YAML-mode dashboard's list (`lovelace: dashboards: x: {mode: yaml, filename: any.yaml}`).
    content:
      /^(homeassistant|default_config|automation|script|scene|sensor|binary_sensor|template|group|input_(boolean|number|select|text|datetime|button)|light|switch|frontend|lovelace|recorder|logger|http|zone|person|notify|mqtt|blueprint|climate|cover|media_player|device_tracker|homekit|google_assistant|alexa|utility_meter|shell_command|rest_command|influxdb|views)\s*:|^\s*-?\s*(entity_id|platform|service|action|trigger|triggers|condition|conditions|unique_id)\s*:/m,
  },
  {
    id: "esphome",
    name: "ESPHome",
    tags: [
      "!secret",
      "!include",
      "!lambda",
      "!extend",
      "!remove",
      "!include_dir_list",
      "!include_dir_named",
      "!include_dir_merge_list",
      "!include_dir_merge_named",
      "!env_var",
    ],
    path: /(^|\/)esphome\//,
    // A device file made only of packages (the packages component's top-level `packages:`; Home
    // Assistant's sit under `homeassistant:`) and a `<<: !include x.yaml` merge (ESPHome's loader
    // merges what the tag loads; PyYAML's, Home Assistant's included, refuses a scalar source) are ESPHome's too.
    content:
      /^(esphome|esp32|esp8266|rp2040|bk72xx|rtl87xx|libretiny|substitutions|packages)\s*:|^\s+(lambda|on_press|on_boot|on_value|on_turn_on|on_turn_off)\s*:|^[ \t]*(- )?<<[ \t]*:[ \t]*!include\b/m,
  },
  {
    id: "recyclarr",
    name: "Recyclarr",
    // Value substitution (recyclarr.dev, Value Substitution): `!secret <key>` from secrets.yml and
    // `!env_var NAME [default]`. Its config is recyclarr.yml or any YAML under configs/, whose root
    // keys are the services it syncs.
    tags: ["!secret", "!env_var"],
    path: /(^|\/)recyclarr\.ya?ml$/,
    content: /^(sonarr|radarr)\s*:\s*$/m,
  },
  {
    id: "gitlab-ci",
    name: "GitLab CI",
    tags: ["!reference"],
    // .gitlab-ci.yml, files named *.gitlab-ci.yml or .gitlab-ci-*.yml (.gitlab-ci.*.yml) that it
    // includes, and anything under .gitlab/ or gitlab-ci/.
    path: /(^|[/.])gitlab-ci\.ya?ml$|(^|\/)\.gitlab-ci[-_.][^/]*\.ya?ml$|(^|\/)\.?gitlab(-ci)?\//,
    content: /^\s+(script|before_script|after_script|extends|stage)\s*:/m,
  },
  {
    id: "ruby",
    name: "Ruby (Psych: RuboCop, Rails, VCR cassettes, serialised objects)",
    // Psych also decodes the YAML 1.0 private forms !binary, !str and !float.
    tags: ["!binary", "!str", "!float"],
    prefixes: ["!ruby/", "tag:ruby.yaml.org,2002:"],
    path: /(^|\/)\.rubocop[^/]*\.ya?ml$|(^|\/)(config|db|test\/fixtures|spec\/fixtures|spec\/cassettes|spec\/vcr|fixtures\/vcr_cassettes|locales?)\//,
    content: /^(AllCops|inherit_from|inherit_gem|http_interactions|recorded_with)\s*:|<%=?|^--- !ruby\//m,
  },
  {
    id: "ansible",
    name: "Ansible",
    tags: ["!vault", "!unsafe"],
    path: /(^|\/)(group_vars|host_vars|roles|playbooks?|inventor(y|ies)|tasks|handlers|vars|defaults|molecule)\/|(^|\/)(site|playbook)\.ya?ml$/,
    content:
      /\$ANSIBLE_VAULT;|^\s*-?\s*(hosts|tasks|gather_facts|become|import_playbook|include_tasks|import_tasks)\s*:|\bansible_\w+\s*:/m,
  },
  {
    id: "mkdocs",
    name: "MkDocs",
    // PyYAML's python tags that mkdocs loads (Material's emoji and slug functions), !ENV and !relative.
    tags: ["!ENV", "!relative"],
    prefixes: [`${PY}name:`, `${PY}object/apply:`],
    path: /(^|\/)mkdocs[^/]*\.ya?ml$/,
    content: /^site_name\s*:/m,
  },
  {
    id: "compose",
    name: "Docker Compose",
    tags: ["!reset", "!override"],
    path: /(^|\/)(docker-)?compose[^/]*\.ya?ml$/,
    content: /^services\s*:/m,
  },
  {
    id: "symfony",
    name: "Symfony",
    tags: [
      "!tagged_iterator",
      "!tagged_locator",
      "!tagged",
      "!service",
      "!service_closure",
      "!service_locator",
      "!iterator",
      "!closure",
      "!abstract",
    ],
    prefixes: ["!php/"],
    // An application's config/, and a bundle's Resources/config/ (services, routing, workflows,
    // grids: Symfony's loaders read all of it; Sylius has 281 `!php/const` there).
    path: /(^|\/)config\/(services|packages|routes)(\/|[^/]*\.ya?ml$)|(^|\/)Resources\/config\//,
    content: /^\s+(_defaults|_instanceof|autowire|autoconfigure)\s*:/m,
  },
  {
    id: "zuul",
    name: "Zuul",
    // zuul/lib/yamlutil.py's EncryptedLoader: a secret's `!encrypted/pkcs1-oaep` ciphertext and the
    // override controls `!inherit`/`!override` (`files: !inherit [...]` extends the parent job's
    // matchers). Zuul reads zuul.yaml, zuul.d/, .zuul.yaml and .zuul.d/ (recursively), and a
    // tenant's extra-config-paths, whose files are lists of `- job:`, `- project:`... items.
    tags: ["!encrypted/pkcs1-oaep", "!inherit", "!override"],
    path: /(^|\/)\.?zuul\.ya?ml$|(^|\/)\.?zuul\.d\//,
    content: /^- (job|project|project-template|secret|nodeset|semaphore|pipeline|queue|pragma|image|flavor|label|section|provider)\s*:/m,
  },
  {
    id: "haskell-yaml-include",
    name: "Stack / hpack (Haskell's Data.Yaml.Include)",
    // Stack (src/Stack/Config.hs) and hpack (Hpack.Yaml) decode with Data.Yaml.Include, which
    // resolves `!include <file>` anywhere, a `<<:` merge of an included mapping too. Stack takes
    // any project file with --stack-yaml (stack-ghc-9.6.yaml): a root `snapshot:`/`resolver:` is one.
    tags: ["!include"],
    path: /(^|\/)(stack[^/]*|package)\.yaml$/,
    content: /^(snapshot|resolver)\s*:/m,
  },
  {
    id: "copier",
    name: "Copier (copier.yml)",
    // Copier's load_template_config reads copier.yml/copier.yaml (and the files they include) with
    // a PyYAML SafeLoader that adds `!include <glob>`, a multi-document stream whose documents
    // are merged. Its own settings are the root keys that start with `_` (copier/_template.py).
    tags: ["!include"],
    path: /(^|\/)copier\.ya?ml$/,
    content:
      /^_(subdirectory|templates_suffix|exclude|skip_if_exists|tasks|migrations|answers_file|jinja_extensions|envops|min_copier_version|message_(before|after)_(copy|update)|secret_questions|preserve_symlinks|external_data|skip_tasks)\s*:/m,
  },
  {
    id: "lm-eval",
    name: "EleutherAI's lm-evaluation-harness",
    // Task configs are loaded with a PyYAML loader that adds `!function` (lm_eval/tasks/_yaml_loader.py:
    // construct_scalar, then the named function is imported from the module beside the file). Its own
    // tasks live in lm_eval/tasks/; users pass theirs with --include_path (any folder), known by a task
    // config's root keys (quoted in the generated BBH configs).
    tags: ["!function"],
    path: /(^|\/)lm_eval\/tasks\//,
    content: /^["']?(task|dataset_path|dataset_name|output_type|doc_to_text|process_docs|test_split|filter_list|metric_list)["']?\s*:/m,
  },
  {
    id: "shardingsphere",
    name: "Apache ShardingSphere",
    // Each rule of a ShardingSphere-JDBC or -Proxy config is a mapping tagged with its kind
    // (`rules: - !SHARDING ...`): its SnakeYAML loader registers one tag per YAML rule swapper
    // (yaml-config/rules in its manual; !REPLICA_QUERY and !DB_DISCOVERY in 5.0-5.3). The file has
    // no fixed name (`jdbc:shardingsphere:classpath:sharding.yaml`, a Nacos data id, the Proxy's
    // config-*.yaml and global.yaml), so its root keys mark it.
    tags: [
      "!SHARDING",
      "!READWRITE_SPLITTING",
      "!ENCRYPT",
      "!SHADOW",
      "!MASK",
      "!BROADCAST",
      "!SINGLE",
      "!AUTHORITY",
      "!TRANSACTION",
      "!SQL_PARSER",
      "!SQL_FEDERATION",
      "!SQL_TRANSLATOR",
      "!GLOBAL_CLOCK",
      "!LOGGING",
      "!TRAFFIC",
      "!DB_DISCOVERY",
      "!REPLICA_QUERY",
      "!COMPATIBLE_ENCRYPT",
    ],
    content: /^(?:databaseName|schemaName|dataSources?|rules)[ \t]*:/m,
  },
  {
    id: "unity",
    name: "Unity (its text serialization of assets)",
    // `%TAG !u! tag:unity3d.com,2011:` makes every `--- !u!114 &11400000` a class tag of Unity's
    // (114 is MonoBehaviour): each object of a scene, prefab or ProjectSettings asset has one.
    tags: [],
    prefixes: ["tag:unity3d.com,2011:"],
    content: /^%TAG !u! tag:unity3d\.com,2011:\r?$/m,
  },
];

/** A node's kind as a tag's reader sees it. */
export type TagValueKind = "scalar" | "seq" | "map";

/**
 * The value a dialect tag's readers take. Checked only for a tag accepted because of the file's
 * dialect (never for one the config allows). Each rule is the union over every reader of that
 * tag in YAML_DIALECTS and the other loaders known to use it, so it refuses only what none reads.
 */
interface TagValueRule {
  kinds: readonly TagValueKind[];
  /** A scalar value must name something (`!secret` with nothing after it), or must be empty (the name is in the tag). */
  scalar?: "name" | "none";
  /** What the value is for, in messages: "a secret's name". */
  takes: string;
}

const NAME: TagValueRule = { kinds: ["scalar"], scalar: "name", takes: "" };

/**
 * Per tag: what its readers do with a value of another shape. Home Assistant and ESPHome use
 * `node.value` as a name or path (a mapping there is a TypeError at load, an empty one an
 * undefined secret or a folder opened as a file); ESPHome's `!include` also takes
 * `{file, vars}` and pyyaml-include a list of arguments, so `!include` takes any shape, and
 * ESPHome drops whatever `!remove` holds (`wifi: !remove` removes the component); Ansible
 * constructs `!vault` with construct_scalar; GitLab resolves `!reference` from a list; mkdocs'
 * `!ENV` (pyyaml_env_tag) takes a name or a list of names and a default, `!relative` a
 * placeholder; Zuul base64-decodes `!encrypted/pkcs1-oaep` from a string or a list of strings; PyYAML's `python/name:` wants an empty value ("expected the empty value") and
 * `python/object/apply:` a list or a mapping of arguments.
 */
const TAG_VALUES: ReadonlyMap<string, TagValueRule> = new Map([
  ["!secret", { ...NAME, takes: "the secret's name" }],
  ["!include", { kinds: ["scalar", "seq", "map"], scalar: "name", takes: "the path of the file to include" }],
  ["!include_dir_list", { ...NAME, takes: "a folder path" }],
  ["!include_dir_named", { ...NAME, takes: "a folder path" }],
  ["!include_dir_merge_list", { ...NAME, takes: "a folder path" }],
  ["!include_dir_merge_named", { ...NAME, takes: "a folder path" }],
  ["!env_var", { ...NAME, takes: "an environment variable's name (and an optional default)" }],
  ["!input", { ...NAME, takes: "a blueprint input's name" }],
  ["!extend", { ...NAME, takes: "the id of the component to extend" }],
  ["!lambda", { kinds: ["scalar"], takes: "C++ code" }],
  ["!vault", { ...NAME, takes: "the encrypted text ($ANSIBLE_VAULT;1.1;AES256 and hex lines)" }],
  ["!reference", { kinds: ["seq"], takes: "a list naming a job and its keys, [.job, key]" }],
  ["!encrypted/pkcs1-oaep", { kinds: ["scalar", "seq"], scalar: "name", takes: "the base64 ciphertext (one string or a list of chunks)" }],
  ["!ENV", { kinds: ["scalar", "seq"], takes: "a variable's name, or a list of names and a default" }],
  ["!relative", { kinds: ["scalar"], takes: "a placeholder such as $config_dir, or nothing" }],
  ["!function", { ...NAME, takes: "a function's dotted name (module.function)" }],
]);

const PY_NAME: TagValueRule = { kinds: ["scalar"], scalar: "none", takes: "an empty value (the name is in the tag)" };
const PY_APPLY: TagValueRule = { kinds: ["seq", "map"], takes: "a list of arguments, or a mapping with args/kwds" };

/** The value rule of a dialect tag, or undefined when its readers take any value. */
export function tagValueRule(tag: string): TagValueRule | undefined {
  if (tag.startsWith(`${PY}name:`)) return PY_NAME;
  if (tag.startsWith(`${PY}object/apply:`)) return PY_APPLY;
  return TAG_VALUES.get(tag);
}

/** True when `dialect` resolves `tag`. */
export function dialectHasTag(dialect: YamlDialect, tag: string): boolean {
  return dialect.tags.includes(tag) || (dialect.prefixes ?? []).some((p) => tag.startsWith(p));
}

/** The dialects `path` / `text` belong to (a file can be of several, e.g. Home Assistant and ESPHome). */
export function detectDialects(path: string, text: string): YamlDialect[] {
  return YAML_DIALECTS.filter((d) => (d.path !== undefined && d.path.test(path)) || (d.content !== undefined && d.content.test(text)));
}

/** Every dialect that knows `tag` (to name it when the file is not of that kind). */
export function dialectsOfTag(tag: string): YamlDialect[] {
  return YAML_DIALECTS.filter((d) => dialectHasTag(d, tag));
}

/**
 * A dialect tag close to `tag` (a typo such as `!Reff` or `!getatt`), or undefined. Only exact
 * tags are proposed, never prefixes.
 */
export function suggestTag(tag: string, dialects: readonly YamlDialect[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const d of dialects) {
    for (const candidate of d.tags) {
      if (candidate.toLowerCase() === tag.toLowerCase()) return candidate;
      const distance = editDistance(tag, candidate, bestDistance);
      if (distance < bestDistance && distance <= Math.floor(candidate.length / 3)) {
        best = candidate;
        bestDistance = distance;
      }
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot be below `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= limit) return limit;
    prev = row;
  }
  return Math.min(prev[b.length]!, limit);
}
