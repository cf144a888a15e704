/**
 * The commented starter `.integrity-guard/config.yml` that `init` writes. Only keys that
 * schemas/config.schema.json accepts are active; the rest are comments showing the shape.
 * test/integration/init-config.test.ts validates it with the real config loader.
 */

import { DEFAULT_JSONC } from "./select/jsonc.js";
import { detectLayeredLayouts, layersSection } from "./starter-layers.js";

/** The JSONC globs as YAML list lines, one per line (the defaults, so a user sees what applies). */
function jsoncLines(): string {
  return DEFAULT_JSONC.map((g) => `    - "${g}"`).join("\n");
}

const CONFIG_SECTION = `# Config files checked together for conflicting keys; in precedence the last file wins.
# config:
#   files: ["config/*.yaml"]
#   precedence: ["config/system.yaml", "config/local.yaml"]
#   # Or, for a default + overlays layout (overrides intended; instead of precedence):
#   # layers: ["config/default.*", ["config/production.*", "config/staging.*"], "config/local.*"]`;

/**
 * The starter config text. Given the repository's files, a layered layout found among them
 * (node-config, Spring profiles, Helm values, compose overrides) becomes an active
 * `config.layers` section; otherwise the section is a commented example.
 */
export function starterConfig(files: readonly string[] = []): string {
  const config = layersSection(detectLayeredLayouts(files)) ?? CONFIG_SECTION;
  return `# integrity-guard configuration (the README describes every key; \`integrity-guard --help\`).
# Checked against schemas/config.schema.json; unknown keys are errors (a typo never turns a check off).
version: 1

validate:
  # Files that must parse (strict JSON per RFC 8259; JSONC; YAML). This is also the default; while
  # the list holds these four globs, files JSON/YAML by name are checked too (Package.resolved,
  # composer.lock, *.ipynb, .eslintrc, .clang-format...: docs/validation.md#files-selected-by-name).
  files: ["**/*.json", "**/*.jsonc", "**/*.yaml", "**/*.yml"]
  # Never checked (node_modules/** and .git/** never are, whatever this says).
  exclude: []
  # JSON files whose readers accept comments and trailing commas (JSON with comments). These are
  # the defaults (they apply when this key is absent); only .json/.jsonc names are affected, a
  # YAML file under one of these folders stays YAML. Add your own; keep strict-JSON files out.
  jsonc:
${jsoncLines()}
  # Templates are JSON/YAML only after rendering: files under templates/ beside a Chart.yaml
  # (Helm), *.j2/*.jinja/*.tmpl/*.tpl names, folders named {{cookiecutter...}}, and files that do
  # not parse because of {{ }} / {% %} tags are skipped with one validate/template notice per folder.
  # A file that parses (e.g. "{{ var }}" inside quotes) is always checked.
  templates:
    mode: auto # auto | check (validate every file as it is)
    # skip: ["deploy/*.yaml.in"]          # more files that are templates
    # check: ["charts/app/templates/crd.yaml"] # always validated as they are
  # YAML as its readers read it: << merge keys merge (as in PyYAML, Ruby, Go, compose, GitLab CI);
  # the tags of CloudFormation, Home Assistant, ESPHome, GitLab CI, Ruby, Ansible, MkDocs,
  # Compose and Symfony files are accepted there; any other tag is a warning (docs/parsing.md).
  # yaml:
  #   forbid_merge_keys: ["state/**/*.yaml"] # << is an error in these files
  #   custom_tags: # tags your files' readers understand (accepted in these files)
  #     - files: ["config/**/*.yml"]
  #       tags: ["!include", "!secret"]
  #   unknown_tags: error # other tags: an error instead of a warning
  # At most this many findings are listed per file (the most important first); the rest are
  # counted in one "and K more of rule R" line, so one broken file cannot bury the others.
  # max_findings_per_file: 50
  # Map files to JSON Schemas (draft-04 to 2020-12); a file's own "$schema" (a local
  # path) maps it too. Errors are reported at the offending value's line and column. A
  # "$schema" into node_modules/ that is not installed, or naming a missing file, is a warning
  # (schema/unavailable) unless require_schema lists the file.
  # schemas:
  #   - files: ["data/**/*.json"]
  #     schema: schemas/data.schema.json
  # Files that must have a schema; one without any is reported as schema/missing.
  # require_schema: ["data/**/*.json"]

# Files sealed by \`integrity-guard seal\` (SHA-256 manifest in .integrity-guard/manifest.json).
# manifest:
#   include: ["data/**"]
#   exclude: ["**/*.tmp"]

${config}

# Declared field mappings between state files (target field: source field).
# sync:
#   - source: { file: logs/contract_statuses.json, path: /contracts }
#     target: { file: fsm_state.json, path: /states }
#     fields: { status: status, progress_percentage: progress }

# Signed snapshot backups on an orphan branch (see \`integrity-guard snapshot --help\`).
# snapshots:
#   branch: integrity-snapshots
#   sign: { format: ssh, key: env:INTEGRITY_GUARD_SIGNING_KEY, allowed_signers: .integrity-guard/allowed_signers }
#   repository: "put-a-uuid-here" # unique to this repository (\`uuidgen\`): restore refuses other repositories' snapshots
#   sets:
#     hourly: { paths: ["data/"], keep: 24 }
`;
}
