/**
 * Two YAML documents run together without their `---` line (a generator's output concatenated:
 * rancher/fleet-examples' tests/expected/single-cluster/helm-multi-chart/bundle.yaml holds three
 * `fleet apply -o -` bundles one after the other): the document's first key comes back at the top
 * level. It stays a duplicate-key error (readers keep only the last bundle), and its fix names the
 * missing `---` instead of "remove one of the two entries", which would delete a whole document.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

// Written anew in the shape of rancher/fleet-examples' file (commit f934ca4a27d4; that repository has no
// license file, so it is not in the corpus and nothing here is copied from it).
const TWO_BUNDLES = [
  "apiVersion: fleet.cattle.io/v1alpha1",
  "kind: Bundle",
  "metadata:",
  "  name: test-guestbook",
  "spec:",
  "  defaultNamespace: fleet-helm-multi-chart",
  "apiVersion: fleet.cattle.io/v1alpha1",
  "kind: Bundle",
  "metadata:",
  "  name: test-rancher-monitoring",
  "spec:",
  "  defaultNamespace: cattle-monitoring-system",
  "",
].join("\n");

const duplicates = (text: string) => parseDocument(text, { path: "bundle.yaml" }).findings.filter((f) => f.rule === "parse/duplicate-key");

describe("a document's first key starting over at the top level", () => {
  it("stays an error on every repeated key, and the first one's fix names the missing `---`", () => {
    const found = duplicates(TWO_BUNDLES);
    expect(found.map((f) => [f.level, f.key, f.line])).toEqual([
      ["error", "apiVersion", 7],
      ["error", "kind", 8],
      ["error", "metadata", 9],
      ["error", "spec", 11],
    ]);
    expect(found[0]?.fix).toContain("put a `---` line before it");
    expect(found[0]?.fix).toContain("line 7");
    for (const f of found.slice(1)) expect(f.fix).toBe("remove one of the two entries or rename one (most readers silently keep the last)");
  });

  it("with the `---` line, two clean documents", () => {
    const lines = TWO_BUNDLES.split("\n");
    expect(duplicates([...lines.slice(0, 6), "---", ...lines.slice(6)].join("\n"))).toEqual([]);
  });

  it("in a later document of a multi-document file, that document's first key starting over gets the hint", () => {
    const found = duplicates("name: a\n---\nkind: Service\nname: b\nkind: Deployment\nname: c\n");
    expect(found.map((f) => [f.key, f.line])).toEqual([
      ["kind", 5],
      ["name", 6],
    ]);
    expect(found[0]?.fix).toContain("put a `---` line before it");
    expect(found[1]?.fix).toBe("remove one of the two entries or rename one (most readers silently keep the last)");
  });

  it("a repeated key that is not the document's first keeps the usual fix", () => {
    const found = duplicates("name: a\nimage: x\nimage: y\n");
    expect(found).toHaveLength(1);
    expect(found[0]?.fix).toBe("remove one of the two entries or rename one (most readers silently keep the last)");
  });

  it("a nested mapping's first key repeated keeps the usual fix (only the top level starts documents)", () => {
    const found = duplicates("spec:\n  name: a\n  image: x\n  name: b\n");
    expect(found).toHaveLength(1);
    expect(found[0]?.fix).toBe("remove one of the two entries or rename one (most readers silently keep the last)");
  });
});
