/** The checks `check` runs, in order. Each lives in its own file and returns findings. */
import type { Check } from "./types.js";

export const checks: { name: string; load: () => Promise<Check> }[] = [
  { name: "validate", load: async () => (await import("./validate.js")).check },
  { name: "manifest", load: async () => (await import("./manifest.js")).check },
  { name: "conflicts", load: async () => (await import("./conflicts.js")).check },
  { name: "sync", load: async () => (await import("./sync.js")).check },
];
