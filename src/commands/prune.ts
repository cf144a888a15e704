import { UsageError } from "../errors.js";
import type { CommandSpec } from "./types.js";

/** Not implemented yet: each verb lands with its issue. */
export const command: CommandSpec = {
  name: "prune",
  summary: "",
  usage: "integrity-guard prune",
  options: {},
  run: async () => {
    throw new UsageError("'prune' is not implemented yet");
  },
};
