import { UsageError } from "../errors.js";
import type { CommandSpec } from "./types.js";

/** Not implemented yet: each verb lands with its issue. */
export const command: CommandSpec = {
  name: "verify",
  summary: "",
  usage: "integrity-guard verify",
  options: {},
  run: async () => {
    throw new UsageError("'verify' is not implemented yet");
  },
};
