/**
 * Which paths Ansible loads as variable files although they have no extension (its
 * host_group_vars plugin), for the default selection (well-known-names.ts). Kept apart from
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
 * by extension already. A top-level file named for a host with dots (`host_vars/db.example.com`)
 * is left out (`.com` reads as an extension without the inventory to tell), except an IPv4
 * address. An INI inventory (`inventory/hosts`) is no variable file and is never selected.
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
  return inside.length === 0 && /(?:^|\/)host_vars\/[^/]+$/.test(file) && IPV4.test(base);
}
