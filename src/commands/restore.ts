import { UsageError } from "../errors.js";
import type { CommandSpec } from "./types.js";

/** Not implemented yet: each verb lands with its issue. */
export const command: CommandSpec = {
  name: "restore",
  summary: "",
  usage: "integrity-guard restore",
  options: {},
  run: async () => {
    throw new UsageError("'restore' is not implemented yet");
  },
};
