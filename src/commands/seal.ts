import { UsageError } from "../errors.js";
import type { CommandSpec } from "./types.js";

/** Not implemented yet: each verb lands with its issue. */
export const command: CommandSpec = {
  name: "seal",
  summary: "",
  usage: "integrity-guard seal",
  options: {},
  run: async () => {
    throw new UsageError("'seal' is not implemented yet");
  },
};
