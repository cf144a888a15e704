import { UsageError } from "../errors.js";
import type { CommandSpec } from "./types.js";

/** Not implemented yet: each verb lands with its issue. */
export const command: CommandSpec = {
  name: "conflicts",
  summary: "",
  usage: "integrity-guard conflicts",
  options: {},
  run: async () => {
    throw new UsageError("'conflicts' is not implemented yet");
  },
};
