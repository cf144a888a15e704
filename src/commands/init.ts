import { UsageError } from "../errors.js";
import type { CommandSpec } from "./types.js";

/** Not implemented yet: each verb lands with its issue. */
export const command: CommandSpec = {
  name: "init",
  summary: "",
  usage: "integrity-guard init",
  options: {},
  run: async () => {
    throw new UsageError("'init' is not implemented yet");
  },
};
