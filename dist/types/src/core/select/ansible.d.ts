/**
 * Ansible reads playbooks, task lists and variable files as YAML first and renders Jinja only in
 * the strings it loaded: `msg: {{ x }}` is a flow mapping whose key is a flow mapping to its
 * YAML reader, and Ansible stops with "found unhashable key" and its hint "We could be wrong, but
 * this one looks like it might be an issue with missing quotes. Always quote template expression
 * brackets when they start a value". Such a file is no template (templates are what the
 * template module renders, under `templates/`), so it must not be skipped as one: each unquoted
 * `{{` that starts a value or an item is an error with Ansible's fix. Pure.
 */
import type { Finding } from "../finding.js";
/** True when `text` is a playbook: a play at the top level, and no key at column 0. */
export declare function isPlaybook(text: string): boolean;
/** True when Ansible loads `file` as YAML data (never renders it as a template). */
export declare function ansibleLoads(file: string, text: string): boolean;
/**
 * The errors of an Ansible file whose only template tags are unquoted `{{ }}` starting a value or
 * an item (see the module comment); undefined when the file is not Ansible's, or holds other tags
 * (`{% if %}` lines, a tag at a line's start), which only a template renderer reads.
 */
export declare function ansibleUnquotedJinja(file: string, text: string): Finding[] | undefined;
