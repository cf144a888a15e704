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
import { RENDERED } from "./ansible-vars.js";
import { yamlStructuralTags } from "./template-syntax.js";

/** Folders whose YAML Ansible loads as data: task and handler lists, inventory variables, a role's defaults, vars and meta. */
const ANSIBLE_DATA = /(^|\/)(tasks|handlers|group_vars|host_vars)\/|(^|\/)roles\/[^/]+\/(defaults|vars|meta)\//;
/** A play: a top-level list item with `hosts` (or an import of another playbook). */
const PLAY = /^(?:- +| {2})(?:hosts|import_playbook|ansible\.builtin\.import_playbook)\s*:/m;
/**
 * A key at column 0: the file is a mapping, so no playbook (a list of plays), and its two-space
 * `hosts:` is some other key's member (an Istio VirtualService's `spec:` → `hosts:`).
 */
const TOP_LEVEL_KEY = /^[^\s#%'"\-[{.][^:\n]*:(?:\s|$)/m;

/** True when `text` is a playbook: a play at the top level, and no key at column 0. */
export function isPlaybook(text: string): boolean {
  return PLAY.test(text) && !TOP_LEVEL_KEY.test(text);
}

/** True when Ansible loads `file` as YAML data (never renders it as a template). */
export function ansibleLoads(file: string, text: string): boolean {
  if (RENDERED.test(file)) return false;
  return ANSIBLE_DATA.test(file) || isPlaybook(text);
}

/**
 * The errors of an Ansible file whose only template tags are unquoted `{{ }}` starting a value or
 * an item (see the module comment); undefined when the file is not Ansible's, or holds other tags
 * (`{% if %}` lines, a tag at a line's start), which only a template renderer reads.
 */
export function ansibleUnquotedJinja(file: string, text: string): Finding[] | undefined {
  if (!text.includes("{{") || !ansibleLoads(file, text)) return undefined;
  const tags = yamlStructuralTags(text);
  if (tags.length === 0 || tags.some((t) => t.opener !== "{{" || t.starts === "other")) return undefined;
  return tags.map((t) => ({
    rule: "parse/syntax",
    level: "error",
    file,
    line: t.line,
    column: t.column,
    message:
      `a Jinja expression starts this ${t.starts === "item" ? "list item" : "value"} unquoted: YAML reads {{ as a flow mapping, ` +
      `and Ansible refuses the file ("found unhashable key"; "Always quote template expression brackets when they start a value")`,
    fix: `quote the whole ${t.starts === "item" ? "item" : "value"}: "{{ ... }}" (or '{{ ... }}'), including any text after the closing }}`,
  }));
}
