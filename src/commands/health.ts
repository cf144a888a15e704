import { UsageError } from "../errors.js";
import type { CommandSpec } from "./types.js";

/** Not implemented yet: each verb lands with its issue. */
export const command: CommandSpec = {
  name: "health",
  summary: "",
  usage: "integrity-guard health",
  options: {},
  run: async () => {
    throw new UsageError("'health' is not implemented yet");
  },
};
