import { UsageError } from "../errors.js";
import type { CommandSpec } from "./types.js";

/** Not implemented yet: each verb lands with its issue. */
export const command: CommandSpec = {
  name: "check",
  summary: "",
  usage: "integrity-guard check",
  options: {},
  run: async () => {
    throw new UsageError("'check' is not implemented yet");
  },
};
