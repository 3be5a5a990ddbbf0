/**
 * The frame the MinApp emulator files share: one emulator per file on a ManualClock and, before
 * every test, the clock back at the same instant, a reset emulator and a fresh token of the
 * default app, so no test depends on what an earlier one left behind.
 */
import { ManualClock, startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator";
import { minappLogin, minappRequest } from "../../emulator/testing/minapp-client";

/** The instant every test starts at. */
export const MINAPP_TEST_START = "2024-01-02T03:04:05Z";

/** Set once the hooks ran: read them only inside hooks and tests. */
export interface MinAppEmulator {
  emu: RunningEmulator;
  clock: ManualClock;
  token: string;
}

/** Call at file level; `options` are startEmulator's, the clock aside. */
export function minappEmulator(options: Omit<EmulatorOptions, "clock">): MinAppEmulator {
  const running = {} as MinAppEmulator;
  beforeAll(async () => {
    running.clock = new ManualClock(MINAPP_TEST_START);
    running.emu = await startEmulator({ clock: running.clock, ...options });
  });
  afterAll(() => running.emu.close());
  beforeEach(async () => {
    running.clock.set(MINAPP_TEST_START);
    await minappRequest(running.emu.url, { method: "POST", path: "/_emulator/reset" });
    running.token = (await minappLogin(running.emu.url)).access_token;
  });
  return running;
}
