import type { Check } from "./types.js";

/** Not implemented yet: lands with its issue. Returns no findings. */
export const check: Check = { name: "sync", run: async () => [] };
