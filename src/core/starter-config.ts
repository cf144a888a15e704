/**
 * The commented starter `.integrity-guard/config.yml` that `init` writes. Only keys that
 * schemas/config.schema.json accepts are active; the rest are comments showing the shape.
 * test/integration/init-config.test.ts validates it with the real config loader.
 */

/** The starter config text. */
export function starterConfig(): string {
  return `# integrity-guard configuration (the README describes every key; \`integrity-guard --help\`).
# Checked against schemas/config.schema.json; unknown keys are errors (a typo never turns a check off).
version: 1

validate:
  # Files that must parse (strict JSON per RFC 8259; YAML). This is also the default.
  files: ["**/*.json", "**/*.yaml", "**/*.yml"]
  # Never checked (node_modules/** and .git/** never are, whatever this says).
  exclude: []
  # JSON files in which comments and trailing commas are allowed (JSON with comments).
  jsonc: ["**/tsconfig*.json", "**/jsconfig*.json", ".vscode/**", ".devcontainer/**"]
  # Map files to JSON Schemas (draft-07, 2019-09, 2020-12); a file's own "$schema" (a local
  # path) maps it too. Errors are reported at the offending value's line and column.
  # schemas:
  #   - files: ["data/**/*.json"]
  #     schema: schemas/data.schema.json
  # Files that must have a schema; one without any is reported as schema/missing.
  # require_schema: ["data/**/*.json"]

# Files sealed by \`integrity-guard seal\` (SHA-256 manifest in .integrity-guard/manifest.json).
# manifest:
#   include: ["data/**"]
#   exclude: ["**/*.tmp"]

# Config files checked together for conflicting keys; in precedence the last file wins.
# config:
#   files: ["config/*.yaml"]
#   precedence: ["config/system.yaml", "config/local.yaml"]

# Declared field mappings between state files (target field: source field).
# sync:
#   - source: { file: logs/contract_statuses.json, path: /contracts }
#     target: { file: fsm_state.json, path: /states }
#     fields: { status: status, progress_percentage: progress }

# Signed snapshot backups on an orphan branch (see \`integrity-guard snapshot --help\`).
# snapshots:
#   branch: integrity-snapshots
#   sign: { format: ssh, key: env:INTEGRITY_GUARD_SIGNING_KEY, allowed_signers: .integrity-guard/allowed_signers }
#   sets:
#     hourly: { paths: ["data/"], keep: 24 }
`;
}
