import { UsageError } from "../errors.js";
import type { CommandSpec } from "./types.js";

/** Not implemented yet: each verb lands with its issue. */
export const command: CommandSpec = {
  name: "snapshots",
  summary: "",
  usage: "integrity-guard snapshots",
  options: {},
  run: async () => {
    throw new UsageError("'snapshots' is not implemented yet");
  },
};
