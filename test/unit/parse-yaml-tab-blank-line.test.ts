/**
 * Session 27 (names27): a blank line that starts with a tab, outside a flow collection, is an
 * error where the file's name says its reader refuses it (core/parse/tab-line-readers.ts), and a
 * warning elsewhere (js-yaml and the yaml package read it as blank).
 *
 * Checked: PyYAML 6.0.3's SafeLoader and CSafeLoader (libyaml) refuse `a: 1\n\t\nb: 2`, a tab
 * line after a nested plain value and between sequence items; libyaml reads one inside a flow
 * collection (`[1,\n\t\n 2]`), which PyYAML's pure-Python loader refuses. SnakeYAML 2.5 refuses all
 * four; go-yaml v2/v3's scanner (scannerc.go yaml_parser_scan_to_next_token) skips a tab only in a
 * flow collection or after content, as libyaml does. js-yaml 4 and yaml 2 read all four.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadYamlSupport, parseDocument } from "../../src/core/parse/index.js";
import { tabLineRefusedBy } from "../../src/core/parse/tab-line-readers.js";

beforeAll(loadYamlSupport);

const tabs = (file: string, text: string) =>
  parseDocument(text, { path: file, format: "yaml" })
    .findings.filter((f) => f.rule === "parse/trailing-tab")
    .map((f) => `${f.level} ${f.line}:${f.column}`);

const BETWEEN_KEYS = "language: ruby\n\t\nscript: rake\n";
const BETWEEN_ITEMS = "script:\n  - make\n\t\t\n  - make test\n";

describe("a blank line that starts with a tab", () => {
  it.each([
    [".travis.yml", BETWEEN_KEYS],
    ["sub/.travis.yml", BETWEEN_ITEMS],
    [".gitlab-ci.yml", BETWEEN_ITEMS],
    [".rubocop.yml", BETWEEN_KEYS],
    [".pre-commit-config.yaml", BETWEEN_ITEMS],
    ["mkdocs.yml", BETWEEN_KEYS],
    ["charts/app/Chart.yaml", BETWEEN_KEYS],
    [".yamllint", "extends: default\n\t\nrules:\n  line-length: disable\n"],
    ["MLproject", BETWEEN_KEYS],
    ["mlruns/0/4f1c/artifacts/model/MLmodel", BETWEEN_KEYS],
    ["docker-compose.yml", "services:\n  web:\n    image: nginx\n\t\n  db:\n    image: postgres\n"],
    ["deploy/compose.prod.yaml", BETWEEN_KEYS],
    ["config/database.yml", "default:\n  adapter: postgresql\n\t\ndevelopment:\n  database: app\n"],
  ])("is an error in %s, whose reader refuses it", (file, text) => {
    const found = tabs(file, text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^error /);
  });

  it("names the reader in the message", () => {
    const f = parseDocument(BETWEEN_KEYS, { path: ".travis.yml", format: "yaml" }).findings.find((x) => x.rule === "parse/trailing-tab");
    expect(f?.message).toContain("Travis CI");
    expect(f?.fix).toContain("remove the tab");
  });

  it("stays a warning where the reader is not known (js-yaml and yaml read it)", () => {
    expect(tabs("config.yml", BETWEEN_KEYS)).toEqual(["warning 2:1"]);
    expect(tabs("app/config/settings.yml", BETWEEN_KEYS)).toEqual(["warning 2:1"]);
    expect(tabs(".prettierrc.yaml", BETWEEN_KEYS)).toEqual(["warning 2:1"]);
  });

  it("stays a warning inside a flow collection (libyaml and go-yaml skip the tab there)", () => {
    expect(tabs(".travis.yml", "os: [linux,\n\t\n  osx]\n")).toEqual(["warning 2:1"]);
    expect(tabs("docker-compose.yml", "services: {web: {image: x},\n\t\n  db: {image: y}}\n")).toEqual(["warning 2:1"]);
  });

  it("a tab after content on its line stays a warning (libyaml skips it there)", () => {
    expect(tabs(".travis.yml", "language: ruby\t\nscript: rake\n")).toEqual(["warning 1:15"]);
  });

  it("only these names: a look-alike keeps the warning", () => {
    expect(tabLineRefusedBy("travis.yml")).toBeUndefined();
    expect(tabLineRefusedBy("my-mkdocs.yml")).toBeUndefined();
    expect(tabLineRefusedBy("config/database.yml.example")).toBeUndefined();
    expect(tabLineRefusedBy("lib/config/database.yml")).toBe("Rails (Psych, libyaml)");
  });

  // Session 28 (names28): readers known by content or folder.
  const PLAY = "- hosts: all\n  tasks:\n    - name: ping\n\t\n      ansible.builtin.ping:\n";
  const DEPLOYMENT = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n\t\nspec:\n  replicas: 1\n";
  it.each([
    ["site.yml", PLAY, "Ansible (PyYAML)"],
    ["ops/deploy.yaml", PLAY, "Ansible (PyYAML)"],
    ["roles/web/tasks/main.yml", "- name: ping\n\t\n  ansible.builtin.ping:\n", "Ansible (PyYAML)"],
    ["inventory/group_vars/all.yml", "ntp: pool.ntp.org\n\t\ndns: 1.1.1.1\n", "Ansible (PyYAML)"],
    ["k8s/web.yaml", DEPLOYMENT, "Kubernetes"],
    ["k8s/svc.yaml", 'apiVersion: "v1"\nkind: Service\nmetadata:\n\t\n  name: web\n', "Kubernetes"],
    ["k8s/all.yaml", `kind: ConfigMap\napiVersion: v1\ndata:\n  a: b\n---\n${DEPLOYMENT}`, "Kubernetes"],
    ["net.yaml", "apiVersion: networking.k8s.io/v1\nkind: Ingress\n\t\nspec: {}\n", "Kubernetes"],
  ])("is an error in %s, read by its content's reader", (file, text, reader) => {
    const found = parseDocument(text, { path: file, format: "yaml" }).findings.filter((f) => f.rule === "parse/trailing-tab");
    expect(found.map((f) => f.level)).toEqual(["error"]);
    expect(found[0]!.message).toContain(reader);
  });

  it("stays a warning where a content reader may take it: GitHub workflows, CloudFormation, other API groups, Ansible templates", () => {
    expect(tabs(".github/workflows/ci.yml", "on: push\n\t\njobs: {}\n")).toEqual(["warning 2:1"]);
    expect(tabs("template.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n\t\nResources: {}\n")).toEqual(["warning 2:1"]);
    expect(tabs("catalog-info.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Component\n\t\nspec: {}\n")).toEqual(["warning 3:1"]);
    expect(tabs("cert.yaml", "apiVersion: cert-manager.io/v1\nkind: Certificate\n\t\nspec: {}\n")).toEqual(["warning 3:1"]);
    expect(tabs("roles/web/templates/conf.yml", "a: 1\n\t\nb: 2\n")).toEqual(["warning 2:1"]);
    // `apiVersion: v1` without a top-level kind (a Helm values file naming one) is not a manifest.
    expect(tabs("values.yaml", "image:\n  apiVersion: v1\n\t\nkind: x\n")).toEqual(["warning 3:1"]);
    expect(tabLineRefusedBy("notes.yaml", "text: |\n  - hosts: all\n")).toBeUndefined();
  });

  it("stays linear on thousands of tab lines and open flow collections", () => {
    const text = `a: ${"[".repeat(20_000)}\n${"\t\n".repeat(20_000)}b: 1\n`;
    const many = `a: 1\n${"\t\n".repeat(20_000)}b: 2\n`;
    const start = performance.now();
    parseDocument(text, { path: ".travis.yml", format: "yaml" });
    expect(tabs(".travis.yml", many)).toHaveLength(20_000);
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});
