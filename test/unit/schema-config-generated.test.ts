/**
 * The config is validated by standalone code generated from schemas/config.schema.json at build
 * time (no ajv at hook start-up). The checked-in module must be what the generator produces now.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { validateConfigText } from "../../src/config/validate-text.js";
import { schemaHash } from "../../src/config/validate-config.generated.js";
import { PROJECT_ROOT, withRepo } from "../helpers/repo.js";

describe("generated config validator", () => {
  it("is fresh: regenerate with `node scripts/gen-config-validator.mjs` after changing the config schema", async () => {
    const gen = (await import(path.join(PROJECT_ROOT, "scripts/gen-config-validator.mjs"))) as {
      generate(): Promise<string>;
      TARGET: string;
    };
    const expected = await gen.generate();
    expect(fs.readFileSync(gen.TARGET, "utf8") === expected, "src/config/validate-config.generated.js is stale").toBe(true);
    expect(schemaHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("the manifest's validator is fresh too (regenerate with the same script)", async () => {
    const gen = (await import(path.join(PROJECT_ROOT, "scripts/gen-config-validator.mjs"))) as {
      generate(schemaFile: string): Promise<string>;
      MANIFEST_SCHEMA: string;
      MANIFEST_TARGET: string;
    };
    const expected = await gen.generate(gen.MANIFEST_SCHEMA);
    expect(fs.readFileSync(gen.MANIFEST_TARGET, "utf8") === expected, "src/core/manifest/validate-manifest.generated.js is stale").toBe(
      true,
    );
  });

  it("reports unknown keys with their position and a suggestion", () => {
    const { config, findings } = validateConfigText("version: 1\nvalidate:\n  require_schemas: [x]\n", ".integrity-guard/config.yml");
    expect(config).toBeUndefined();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      line: 3,
      column: 3,
      pointer: "/validate/require_schemas",
      fix: 'rename "require_schemas" to "require_schema"',
    });
  });

  it("accepts a valid config", () => {
    const { config, findings } = validateConfigText(
      'version: 1\nvalidate:\n  schemas:\n    - files: ["a/*.json"]\n      schema: s.json\n',
      "c.yml",
    );
    expect(findings).toEqual([]);
    expect(config?.validate?.schemas?.[0]?.schema).toBe("s.json");
  });
});

describe("validated config cache (.git/integrity-guard/config-cache)", () => {
  it("caches a valid config by content, ignores a tampered entry, and never caches an invalid one", () =>
    withRepo(async (repo) => {
      const cacheDir = path.join(repo.dir, ".git/integrity-guard/config-cache");
      repo.write(".integrity-guard/config.yml", "version: 1\nvalidate:\n  exclude: [a/**]\n");
      expect((await loadConfig(repo.dir)).config.validate?.exclude).toEqual(["a/**"]);
      const [entry] = fs.readdirSync(cacheDir);
      expect((await loadConfig(repo.dir)).config.validate?.exclude).toEqual(["a/**"]);
      // A tampered entry (its checksum no longer matches) is not trusted.
      const file = path.join(cacheDir, entry!);
      const stored = JSON.parse(fs.readFileSync(file, "utf8")) as { sha: string; json: string };
      fs.writeFileSync(file, JSON.stringify({ sha: stored.sha, json: stored.json.replace("a/**", "b/**") }));
      expect((await loadConfig(repo.dir)).config.validate?.exclude).toEqual(["a/**"]);
      // A changed config is validated again; an invalid one still fails after a valid one was cached.
      repo.write(".integrity-guard/config.yml", "version: 1\nvalidate:\n  exclud: [a/**]\n");
      await expect(loadConfig(repo.dir)).rejects.toThrow(/config\.yml:3:3/);
      expect(fs.readdirSync(cacheDir)).toHaveLength(1);
    }));
});
