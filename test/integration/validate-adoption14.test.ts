/**
 * Session 14 adoption leftovers through `check` with the defaults, on the main thread and in the
 * parse workers: rc names whose readers were confirmed (watchman, htmlhint, all-contributors,
 * graphql-config, JSDoc), Ansible's group_vars/host_vars files without extension (YAML to
 * Ansible, unquoted `{{ }}` its error; an INI inventory left alone), and empty configs at the
 * level their reader gives them (yamllint, MkDocs, GitLab refuse one; Compose skips an empty
 * override).
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function check(repo: TestRepo, workers: string): Promise<Finding[]> {
  const r = await repo.cli(["check", "--format", "json"], { IG_PARSE_WORKERS: workers });
  expect([0, 1], r.stderr).toContain(r.code);
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
}
const brief = (fs: Finding[]) => fs.filter((f) => f.level !== "notice").map((f) => [f.file, f.rule, f.level, f.line]);

const VALID: Record<string, string> = {
  ".watchmanconfig": '{ "ignore_dirs": ["node_modules"] }\n',
  ".htmlhintrc": '{\n  // htmlhint strips comments\n  "tag-pair": true\n}\n',
  ".all-contributorsrc": '{ "projectName": "x", "projectOwner": "o", "files": ["README.md"], "contributors": [] }\n',
  ".graphqlrc": "schema: schema.graphql\ndocuments: 'src/**/*.graphql'\n",
  ".jsdoc.json": '\ufeff{\n  // JSDoc strips comments and a BOM\n  "plugins": ["plugins/markdown"]\n}\n',
  "inventory/hosts": "[web]\nweb1 ansible_host=10.0.0.1\n\n[db:children]\nweb\n", // INI inventory: not YAML, not read
  "group_vars/webservers": '---\nhttp_port: 80\nmsg: "{{ greeting }} world"\n',
  "group_vars/all/vars": "ntp_server: ntp.example.com\n",
  "group_vars/all/vault": "$ANSIBLE_VAULT;1.1;AES256\n62313365396662343061393464336163383764373764613633653634306231386433626436623361\n",
  "host_vars/10.0.0.1": "ansible_user: deploy\n",
  "docker-compose.yml": "services:\n  web:\n    image: nginx\n",
  "docker-compose.override.yml": "", // Compose skips an empty -f file: reported, not refused
};

describe("adoption leftovers (session 14)", () => {
  it.each(["0", "2"])("valid files of each reader pass with the defaults (IG_PARSE_WORKERS=%s)", (workers) =>
    withRepo(async (repo) => {
      for (const [file, text] of Object.entries(VALID)) repo.write(file, text);
      repo.commitAll("valid");
      const findings = await check(repo, workers);
      expect(brief(findings.filter((f) => f.level === "error"))).toEqual([]);
      const warned = findings.filter((f) => f.level === "warning");
      expect(brief(warned)).toEqual([["docker-compose.override.yml", "parse/empty", "warning", 1]]);
      expect(warned[0]!.message).toContain("Docker Compose skips an empty file");
    }),
  );

  it.each(["0", "2"])("what each reader refuses is an error (IG_PARSE_WORKERS=%s)", (workers) =>
    withRepo(async (repo) => {
      repo.write(".watchmanconfig", '{ "ignore_dirs": ["foo",], }\n'); // watchman's own test: refused
      repo.write(".htmlhintrc", '{ "tag-pair": true, }\n');
      repo.write(".all-contributorsrc", '{\n  // no comments in JSON.parse\n  "projectName": "x"\n}\n');
      repo.write(".graphqlrc", '{\n  "schema": "a.graphql", // no\n  "documents": "b"\n}\n');
      repo.write("group_vars/webservers", "http_port: 80\nmsg: {{ greeting }}\n");
      repo.write("host_vars/web1", "ansible_host: 10.0.0.1\nports: [80, 443\n");
      repo.write(".yamllint", "");
      repo.write("mkdocs.yml", "# site_name: to do\n");
      repo.write(".gitlab-ci.yml", "");
      repo.write("compose.yaml", "");
      repo.commitAll("broken");
      const errors = brief((await check(repo, workers)).filter((f) => f.level === "error"));
      expect(errors.map(([file, rule]) => `${file as string} ${rule as string}`).sort()).toEqual([
        ".all-contributorsrc parse/syntax",
        ".gitlab-ci.yml schema/violation",
        ".graphqlrc parse/syntax",
        ".htmlhintrc parse/syntax",
        ".watchmanconfig parse/syntax",
        ".yamllint parse/empty",
        "compose.yaml schema/violation",
        "group_vars/webservers parse/syntax",
        "host_vars/web1 parse/truncated",
        "mkdocs.yml parse/empty",
      ]);
    }),
  );
});
