import { UsageError } from "../errors.js";
import type { CommandSpec } from "./types.js";

/** Not implemented yet: each verb lands with its issue. */
export const command: CommandSpec = {
  name: "validate",
  summary: "",
  usage: "integrity-guard validate",
  options: {},
  run: async () => {
    throw new UsageError("'validate' is not implemented yet");
  },
};
