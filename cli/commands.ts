/** The registry of `cloudfn` commands: one entry per module in cli/commands/. */
import type { Command } from "./io";
import { adoptCommand } from "./commands/adopt";
import { drift } from "./commands/drift";
import { reviewCommand } from "./commands/review";

export const COMMANDS: Record<string, Command> = {
  review: reviewCommand,
  drift,
  adopt: adoptCommand,
};
