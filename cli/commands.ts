/** The registry of `cloudfn` commands: one entry per module in cli/commands/. */
import type { Command } from "./io";
import { adoptCommand } from "./commands/adopt";

export const COMMANDS: Record<string, Command> = {
  adopt: adoptCommand,
};
