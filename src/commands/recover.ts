import { UsageError } from "../errors.js";
import type { CommandSpec } from "./types.js";

/** Not implemented yet: each verb lands with its issue. */
export const command: CommandSpec = {
  name: "recover",
  summary: "",
  usage: "integrity-guard recover",
  options: {},
  run: async () => {
    throw new UsageError("'recover' is not implemented yet");
  },
};
