/**
 * The verbs (DESIGN.md, contract). Modules load lazily: the pre-commit hook imports only
 * `check` and what it needs, which keeps the hook's start-up cost close to node's own.
 */
import type { CommandSpec } from "./types.js";

interface VerbEntry {
  summary: string;
  load: () => Promise<CommandSpec>;
}

export const verbs: Record<string, VerbEntry> = {
  init: {
    summary: "write a starter config and install the pre-commit hook (and, with --workflows, the GitHub workflows)",
    load: async () => (await import("./init.js")).command,
  },
  check: {
    summary: "run every configured check (validate, manifest, conflicts, sync); --staged checks the git index",
    load: async () => (await import("./check.js")).command,
  },
  baseline: {
    summary: "show the files .integrity-guard/baseline.json records as known broken; --update records what fails now",
    load: async () => (await import("./baseline.js")).command,
  },
  validate: {
    summary: "parse JSON/YAML files and validate them against their JSON Schemas",
    load: async () => (await import("./validate.js")).command,
  },
  schemas: {
    summary: "list which files match which schema (mapping or built-in catalog of well-known files) and why",
    load: async () => (await import("./schemas.js")).command,
  },
  seal: {
    summary: "write .integrity-guard/manifest.json with the SHA-256 of every protected file",
    load: async () => (await import("./seal.js")).command,
  },
  verify: {
    summary: "compare the working tree with the manifest: modified, missing, added, renamed, bit rot",
    load: async () => (await import("./verify.js")).command,
  },
  conflicts: {
    summary:
      "find keys that disagree across config files (with config.layers: overrides that change a type or set an unknown key); --resolve prints the merged config",
    load: async () => (await import("./conflicts.js")).command,
  },
  sync: {
    summary: "check declared field mappings between state files; --fix copies source values into targets",
    load: async () => (await import("./sync.js")).command,
  },
  health: {
    summary: "score the repository's integrity: the dashboard, a badge, alerts",
    load: async () => (await import("./health.js")).command,
  },
  snapshot: {
    summary: "take a signed, verified snapshot of a backup set on the snapshot branch",
    load: async () => (await import("./snapshot.js")).command,
  },
  snapshots: {
    summary: "list snapshots with their set, time, size and signature status",
    load: async () => (await import("./snapshots.js")).command,
  },
  restore: {
    summary: "restore paths from a verified snapshot (records the current state first)",
    load: async () => (await import("./restore.js")).command,
  },
  recover: { summary: "run a named recovery procedure from the config", load: async () => (await import("./recover.js")).command },
  prune: { summary: "apply the retention policy of each snapshot set", load: async () => (await import("./prune.js")).command },
};
