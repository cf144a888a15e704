/** The checks `check` runs, in order. Each lives in its own file and returns findings. */
import { loadYamlSupport } from "../core/parse/index.js";
import type { Check } from "./types.js";

export const checks: { name: string; load: () => Promise<Check> }[] = [
  { name: "validate", load: async () => (await import("./validate.js")).check },
  { name: "manifest", load: async () => (await import("./manifest.js")).check },
  // Configuration and state files are often YAML: these two load the parser up front (validate
  // loads it per file, only when a YAML file is in play).
  { name: "conflicts", load: async () => (await loadYamlSupport(), await import("./conflicts.js")).check },
  { name: "sync", load: async () => (await loadYamlSupport(), await import("./sync.js")).check },
];
