/**
 * Which paths Ansible loads as YAML although they have no extension (its host_group_vars
 * plugin's variable files, a role's `main` files), for the default selection (well-known-names.ts). Kept apart from
 * ansible.ts, which needs the template scanner: the hook loads this with every selection. Pure.
 */
/** Rendered, not loaded (the template module's folder), or a cookiecutter/copier path that is itself a template. */
export declare const RENDERED: RegExp;
/** True when `file` is an Ansible group_vars/host_vars file without extension (see VARS_FILE). */
export declare function ansibleVarsFile(file: string): boolean;
/** True when `file` is an Ansible role file without extension (see ROLE_FILE). */
export declare function ansibleRoleFile(file: string): boolean;
