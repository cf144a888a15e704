/**
 * Docker Compose's `!reset` (Compose v2.24): compose-go's ResetProcessor (loader/reset.go) drops a
 * `!reset` node before the file is merged and validated against the compose schema, so the
 * value a schema sees has no such key. `!override` stays (it replaces instead of merging). In a
 * file that is not a compose file the tag is unknown (a warning) and the key is kept.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

const parse = (text: string, file: string) => parseDocument(Buffer.from(text), { path: file, format: "yaml" });

describe("compose `key: !reset ...` is removed from the value, as compose-go does before validating", () => {
  it.each([
    [
      "an empty value",
      "volumes:\n  data: !reset\n  logs: {}\nservices:\n  web:\n    image: nginx\n",
      { volumes: { logs: {} }, services: { web: { image: "nginx" } } },
    ],
    ["null", "services:\n  web:\n    build: !reset null\n    image: app\n", { services: { web: { image: "app" } } }],
    ["a list", "services:\n  web:\n    ports: !reset []\n    dns: !reset\n      - 1.1.1.1\n", { services: { web: {} } }],
    [
      "a mapping",
      "services:\n  web:\n    deploy: !reset {}\n    environment: !override\n      A: '1'\n",
      { services: { web: { environment: { A: "1" } } } },
    ],
  ])("%s (compose.override.yaml)", (_name, text, value) => {
    const doc = parse(text, "compose.override.yaml");
    expect(doc.findings).toEqual([]);
    expect(doc.value).toEqual(value);
  });

  it("a file named otherwise is a compose file by its `services:` key", () => {
    const doc = parse("services:\n  db:\n    ports: !reset []\n    image: postgres\n", "deploy/production.yml");
    expect(doc.findings).toEqual([]);
    expect(doc.value).toEqual({ services: { db: { image: "postgres" } } });
  });

  it("outside a compose file `!reset` is an unknown tag (a warning) and the key stays", () => {
    const doc = parse("apiVersion: v1\nkind: ConfigMap\ndata: !reset {}\n", "k8s/configmap.yaml");
    expect(doc.findings.map((f) => [f.rule, f.level, f.line])).toEqual([["parse/unknown-tag", "warning", 3]]);
    expect(doc.value).toEqual({ apiVersion: "v1", kind: "ConfigMap", data: {} });
  });

  it("a misspelt `!rest` is still reported, and its key kept", () => {
    const doc = parse("services:\n  web:\n    ports: !rest []\n", "compose.yaml");
    expect(doc.findings.map((f) => f.rule)).toEqual(["parse/unknown-tag"]);
    expect(doc.findings[0]!.message).toContain("did you mean !reset?");
    expect(doc.value).toEqual({ services: { web: { ports: [] } } });
  });

  it("a `!reset` key repeated in the same mapping is still a duplicate key", () => {
    const doc = parse("services:\n  web:\n    ports: !reset []\n    ports: !reset []\n", "compose.yaml");
    expect(doc.findings.map((f) => [f.rule, f.level, f.line])).toEqual([["parse/duplicate-key", "error", 4]]);
  });
});
