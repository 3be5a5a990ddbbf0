/**
 * The frame the adopt-* FunctionGraph files share: one emulator per file and, before every test,
 * a reset emulator, no adoption claims left by the test before (a leftover claim makes the next
 * adopt fail as a second adopter) and the stack config aimed at the emulator again.
 */
import { startEmulator, type RunningEmulator } from "../../emulator";
import { clearAdoptionClaims } from "../../provider/core/adoption";
import { clearStackConfig } from "../../provider/functiongraph/config";
import { useFgStackConfig } from "./fg-emulator";

/** Set once beforeAll ran: read it only inside hooks and tests. */
export interface FgAdoptionEmulator {
  emu: RunningEmulator;
}

/** Call at file level, before the file's own hooks (they run after these, in the order written). */
export function fgAdoptionEmulator(): FgAdoptionEmulator {
  const running = {} as FgAdoptionEmulator;
  beforeAll(async () => {
    running.emu = await startEmulator({ port: 0 });
  });
  afterAll(async () => {
    clearStackConfig();
    await running.emu.close();
  });
  beforeEach(async () => {
    await fetch(`${running.emu.url}/_emulator/reset`, { method: "POST" });
    clearAdoptionClaims();
    useFgStackConfig(running.emu);
  });
  return running;
}
