/**
 * Session 28 (names28), through the built CLI:
 * - A blank line that starts with a tab is an error in an Ansible play and a Kubernetes manifest
 *   (PyYAML and go-yaml refuse it), and stays a warning in a GitHub workflow (its reader may take it).
 * - A repeated key whose two values are the same says so (nothing is lost; delete one), still an error.
 * - Many strings continued left of their key in one file (a generated CRD) are one warning with the count.
 */
import { describe, expect, it } from "vitest";
import { withRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

const findings = (stdout: string) => (JSON.parse(stdout) as { findings: Finding[] }).findings;
const seen = (stdout: string, level: string) =>
  findings(stdout)
    .filter((f) => f.level === level)
    .map((f) => `${f.rule} ${f.file}`)
    .sort();

describe("session 28: tab lines by content, same-value duplicates, grouped indent warnings", () => {
  it("a tab-led blank line: an error for Ansible and Kubernetes, a warning in a workflow", () =>
    withRepo((repo) => {
      repo.write("site.yml", "- hosts: all\n  tasks:\n    - name: ping\n\t\n      ansible.builtin.ping:\n");
      repo.write("k8s/web.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n\t\nspec:\n  replicas: 1\n");
      repo.write(".github/workflows/ci.yml", "on: push\n\t\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n");
      repo.git("add", "-A");
      const r = repo.cliBundle(["check", "--format", "json"]);
      expect(seen(r.stdout, "error")).toEqual(["parse/trailing-tab k8s/web.yaml", "parse/trailing-tab site.yml"]);
      expect(seen(r.stdout, "warning")).toEqual(["parse/trailing-tab .github/workflows/ci.yml"]);
      expect(r.code).toBe(1);
    }));

  it("a repeated key with the same value says so, in YAML and JSON, and still fails", () =>
    withRepo((repo) => {
      repo.write("app.yaml", "name: web\nimage: nginx\nimage: 'nginx'\nport: 80\nport: 81\n");
      repo.write("data.json", '{\n  "a": [1, {"b": 2}],\n  "a": [1, {"b": 2.0}]\n}\n');
      repo.git("add", "-A");
      const r = repo.cliBundle(["check", "--format", "json"]);
      const dup = findings(r.stdout).filter((f) => f.rule === "parse/duplicate-key");
      expect(dup.map((f) => [f.file, f.key, f.level, f.message.includes("with the same value: no data is lost")])).toEqual([
        ["app.yaml", "image", "error", true],
        ["app.yaml", "port", "error", false],
        ["data.json", "a", "error", true],
      ]);
      expect(dup[0]!.fix).toBe("delete one of the two entries (line 2 or 3): both hold the same value");
      expect(r.code).toBe(1);
    }));

  it("a generated CRD's many strings continued left of their key are one warning with the count", () =>
    withRepo((repo) => {
      const rule = (i: number) => `    - message: rule ${i}\n      rule: 'self.all(p, p.kind\n    == ''a'')'\n`;
      repo.write("crds/gateway.yaml", `x-kubernetes-validations:\n${Array.from({ length: 60 }, (_, i) => rule(i)).join("")}`);
      repo.git("add", "-A");
      const r = repo.cliBundle(["check", "--format", "json"]);
      const w = findings(r.stdout).filter((f) => f.rule === "parse/quoted-indent");
      expect(w).toHaveLength(1);
      expect(w[0]!.message).toMatch(/^60 quoted strings in this file continue on lines not indented more than their key/);
      expect(findings(r.stdout).some((f) => f.rule === "report/capped")).toBe(false);
      expect(r.code).toBe(0);
    }));
});
