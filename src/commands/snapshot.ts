import { UsageError } from "../errors.js";
import type { CommandSpec } from "./types.js";

/** Not implemented yet: each verb lands with its issue. */
export const command: CommandSpec = {
  name: "snapshot",
  summary: "",
  usage: "integrity-guard snapshot",
  options: {},
  run: async () => {
    throw new UsageError("'snapshot' is not implemented yet");
  },
};
