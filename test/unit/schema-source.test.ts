/** Which schema paths are a dependency's (read from the working tree even in --staged mode). */
import { describe, expect, it } from "vitest";
import { isDependencyPath } from "../../src/io/schema-source.js";

describe("isDependencyPath", () => {
  it.each([
    ["node_modules/@biomejs/biome/configuration_schema.json", true],
    ["packages/web/node_modules/x/schema.json", true],
    ["node_modules_backup/schema.json", false],
    ["my_node_modules/schema.json", false],
    ["schemas/node_modules.json", false],
    ["schemas/x.json", false],
  ])("%s -> %s", (p, expected) => {
    expect(isDependencyPath(p)).toBe(expected);
  });
});
