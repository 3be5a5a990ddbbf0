/** The registry of `cloudfn` commands: one entry per module in cli/commands/. */
import type { Command } from "./io";
import { drift } from "./commands/drift";

export const COMMANDS: Record<string, Command> = {
  drift,
};
