/** The registry of `cloudfn` commands: one entry per module in cli/commands/. */
import type { Command } from "./io";

export const COMMANDS: Record<string, Command> = {};
