/**
 * Which paths Ansible loads as YAML although they have no extension (its host_group_vars
 * plugin's variable files, a role's `main` files), for the default selection (well-known-names.ts). Kept apart from
 * ansible.ts, which needs the template scanner: the hook loads this with every selection. Pure.
 */

/** Rendered, not loaded (the template module's folder), or a cookiecutter/copier path that is itself a template. */
export const RENDERED = /(^|\/)templates?\/|\{\{|\{%/;

/**
 * An inventory variable file without extension: Ansible's host_group_vars plugin looks for
 * `group_vars/NAME` and `host_vars/NAME` with the extensions '' (tried first), `.yml`, `.yaml`
 * and `.json`, and in a folder of that name loads every file without extension or with one of
 * those, at any depth, skipping names that start with `.` or end with `~`; each is YAML
 * (DataLoader.find_vars_files, _get_dir_vars_files). The `.yml`/`.yaml`/`.json` ones are selected
 * by extension already. At the top level the name is looked up as the inventory spells it, with
 * '' first: `host_vars/db.example.com` is the host `db.example.com`'s file, loaded whatever its
 * "extension" (the valid_extensions rule applies only to files in a folder). So a top-level
 * host_vars name shaped as a host name (an IPv4 address, or labels of letters, digits, `-` and
 * `_` whose last one starts with a letter) is selected, unless its last label is a file
 * extension no host ends in (HOST_NOT) or an earlier one is `.yml`/`.yaml`/`.json` (a renamed
 * variable file: `web1.yml.bak`). group_vars holds no such name: Ansible turns a dot in a group
 * name into `_`. An INI inventory (`inventory/hosts`) is no variable file and is never selected.
 */
const VARS_FILE = /(?:^|\/)(?:group_vars|host_vars)\/(?:[^/]+\/)*([^/]+)$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** True when `file` is an Ansible group_vars/host_vars file without extension (see VARS_FILE). */
export function ansibleVarsFile(file: string): boolean {
  const m = VARS_FILE.exec(file);
  if (!m || RENDERED.test(file)) return false;
  const base = m[1]!;
  if (base.startsWith(".") || base.endsWith("~")) return false;
  // The folder named for the group or host may hold dots (a host's name); Ansible walks a folder
  // below it only when its name has no extension, and skips hidden ones and backups.
  const inside = m[0].replace(/^\//, "").split("/").slice(1, -1);
  if (inside.some((d, i) => d.startsWith(".") || d.endsWith("~") || (i > 0 && d.includes(".")))) return false;
  if (!base.includes(".")) return true;
  return inside.length === 0 && /(?:^|\/)host_vars\/[^/]+$/.test(file) && hostName(base);
}

/** A host name as an inventory writes it: dotted labels (an FQDN) or an IPv4 address. */
const FQDN = /^[A-Za-z0-9_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*\.[A-Za-z][A-Za-z0-9-]*$/;
/**
 * Last labels that are a file's extension, not a top-level domain a host is named in: documents,
 * templates, backups and keys kept next to the variable files. (`.md` and `.sh` are country
 * domains too, but a host_vars/README.md is documentation; the inventory would be needed to tell.)
 */
const HOST_NOT =
  /\.(?:md|markdown|rst|txt|adoc|j2|jinja2?|tpl|tmpl|template|example|sample|dist|bak|backup|orig|old|save|swp|tmp|disabled|off|ini|cfg|conf|toml|xml|csv|sh|py|ps1|pem|crt|cer|key|pub|csr|gpg|asc|age|enc|vault|log|lock|retry|png|jpe?g|gif|svg|zip|gz|tgz|bz2|xz)$/i;

function hostName(base: string): boolean {
  if (IPV4.test(base)) return true;
  return FQDN.test(base) && !HOST_NOT.test(base) && !/\.(?:ya?ml|json)\./i.test(base);
}

/**
 * A role's file without extension that its loader reads as YAML: `roles/R/{tasks,handlers,vars,
 * defaults,meta}/main` (Role._load_role_yaml tries `main` with `.yml`, `.yaml`, `.json`, then
 * ''), and for vars and defaults, which may be a folder (allow_dir), the files without extension
 * below `main/` (DataLoader._get_dir_vars_files: not hidden, not ending in `~`, folders without an
 * extension). Only under `roles/` (a collection's too): a bare `tasks/main` elsewhere says nothing.
 */
const ROLE_FILE = /(?:^|\/)roles\/[^/]+\/(?:(?:tasks|handlers|vars|defaults|meta)\/main|(?:vars|defaults)\/main\/((?:[^/]+\/)*[^/]+))$/;

/** True when `file` is an Ansible role file without extension (see ROLE_FILE). */
export function ansibleRoleFile(file: string): boolean {
  const m = ROLE_FILE.exec(file);
  if (!m || RENDERED.test(file)) return false;
  if (m[1] === undefined) return true;
  return m[1].split("/").every((part) => !part.startsWith(".") && !part.endsWith("~") && !part.includes("."));
}
