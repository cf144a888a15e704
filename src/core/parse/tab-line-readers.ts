/**
 * Files whose name says which YAML reader loads them, where that reader refuses a blank line that
 * starts with a tab outside a flow collection (yaml.ts reports such a line as `parse/trailing-tab`:
 * an error for these files, a warning for any other, since JavaScript's js-yaml and yaml read it).
 *
 * Who refuses it (checked session 27): libyaml, whose scanner skips a tab only in a flow collection
 * or after content on its line (yaml_parser_scan_to_next_token), so a tab opening a line in block
 * context "cannot start any token", and after a plain value it "violates indentation": Ruby's Psych
 * and PyYAML's C loader wrap it; go-yaml v2 and v3 are ports of it with the same loop (scannerc.go);
 * PyYAML's pure-Python scanner and SnakeYAML (2.5 tried) skip only spaces, in flow collections too.
 * js-yaml 4 and the yaml package read the line as blank. Pure: looks at the name, and for the
 * readers below it, the text.
 */

import { RENDERED } from "../select/ansible-vars.js";
import { isPlaybook } from "../select/ansible.js";

/** Names (a path's last part) and their reader. */
const BY_NAME = new Map<string, string>([
  // travis-yml parses with Psych::Parser (lib/travis/yml/support/yaml.rb).
  [".travis.yml", "Travis CI (travis-yml: Psych, libyaml)"],
  // GitLab loads CI config with YAML.safe_load (Gitlab::Config::Loader::Yaml): Psych.
  [".gitlab-ci.yml", "GitLab CI (Psych, libyaml)"],
  // RuboCop's ConfigLoader: YAML.safe_load (Psych).
  [".rubocop.yml", "RuboCop (Psych, libyaml)"],
  [".rubocop_todo.yml", "RuboCop (Psych, libyaml)"],
  // pre-commit: yaml.load with CSafeLoader when PyYAML has libyaml, else SafeLoader: both refuse it.
  [".pre-commit-config.yaml", "pre-commit (PyYAML)"],
  [".pre-commit-hooks.yaml", "pre-commit (PyYAML)"],
  // MkDocs loads its config with a yaml.SafeLoader subclass (PyYAML's pure-Python scanner).
  ["mkdocs.yml", "MkDocs (PyYAML)"],
  ["mkdocs.yaml", "MkDocs (PyYAML)"],
  // PyYAML's readers of names without extension (well-known-names.ts): yamllint, ansible-lint, MLflow (MLproject, MLmodel).
  [".yamllint", "yamllint (PyYAML)"],
  [".ansible-lint", "ansible-lint (PyYAML safe_load)"],
  ["MLproject", "MLflow (PyYAML)"],
  ["MLmodel", "MLflow model (PyYAML safe_load)"],
  // Helm reads Chart.yaml with sigs.k8s.io/yaml, a go-yaml v2 fork.
  ["Chart.yaml", "Helm (sigs.k8s.io/yaml: go-yaml)"],
]);

/** A Compose file (compose.yaml, docker-compose.yml and their overlays), as conflicts/layers.ts knows them. */
const COMPOSE_FILE = /(^|\/)(?:docker-)?compose(?:\.[^/]+)?\.ya?ml$/;
/** Rails' own config files, rendered with ERB and loaded with Psych (ActiveSupport::ConfigurationFile). */
const RAILS_CONFIG = /(^|\/)config\/(?:database|storage|cable)\.yml$/;

/**
 * Readers known by content or folder (session 28). Ansible loads playbooks, a role's files and
 * inventory variables with PyYAML (AnsibleLoader: the C parser when libyaml is there, else the
 * pure-Python one; both refuse the line, tried with PyYAML 6). Kubernetes' own API groups are
 * read by kubectl, Helm, Argo CD and Flux through sigs.k8s.io/yaml (a go-yaml v2 fork) or
 * kustomize's kyaml (go-yaml v3): libyaml's loop. Left a warning, where a reader may take it:
 * GitHub workflows (the service's parser is not public; YamlDotNet, which its runner uses, skips
 * a blank line's white space in its newer scanner, and actions/languageservices reads with
 * `yaml`), CloudFormation (the service's parser is not public), and Kubernetes-shaped files of
 * other groups (Backstage's `backstage.io/` catalog files are read with the yaml package).
 */
/** A role's task, handler, default, variable and meta files, and inventory variables. */
const ANSIBLE_FILE =
  /(^|\/)roles\/[^/]+\/(?:tasks|handlers|defaults|vars|meta)\/[^/]*\.ya?ml$|(^|\/)(?:group_vars|host_vars)\/[^/]*\.ya?ml$/;
/** Kubernetes' own API groups: the core group (`v1`), apps, batch, policy, autoscaling and `*.k8s.io`. */
const KUBERNETES_API =
  /^apiVersion:[ \t]*["']?(?:v1|(?:apps|batch|policy|autoscaling)\/v\w+|[a-z0-9.-]+\.k8s\.io\/v\w+)["']?[ \t]*(?:#.*)?\r?$/m;
const KIND = /^kind:[ \t]*["']?[A-Z]\w*["']?[ \t]*(?:#.*)?\r?$/m;

/**
 * The reader of `file` (repo-relative, with its `text`) when it refuses a blank line that starts
 * with a tab, else undefined.
 */
export function tabLineRefusedBy(file: string, text = ""): string | undefined {
  const named = BY_NAME.get(file.slice(file.lastIndexOf("/") + 1));
  if (named) return named;
  if (COMPOSE_FILE.test(file)) return "Docker Compose (compose-go: go-yaml v3)";
  if (RAILS_CONFIG.test(file)) return "Rails (Psych, libyaml)";
  if (!RENDERED.test(file) && (ANSIBLE_FILE.test(file) || isPlaybook(text))) return "Ansible (PyYAML)";
  if (KUBERNETES_API.test(text) && KIND.test(text)) return "Kubernetes (kubectl, Helm: sigs.k8s.io/yaml, go-yaml)";
  return undefined;
}
