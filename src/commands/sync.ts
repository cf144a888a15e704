import { UsageError } from "../errors.js";
import type { CommandSpec } from "./types.js";

/** Not implemented yet: each verb lands with its issue. */
export const command: CommandSpec = {
  name: "sync",
  summary: "",
  usage: "integrity-guard sync",
  options: {},
  run: async () => {
    throw new UsageError("'sync' is not implemented yet");
  },
};
