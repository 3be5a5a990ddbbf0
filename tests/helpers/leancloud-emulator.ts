/**
 * The LeanCloud providers read their keys and endpoints from process.env, so a file that runs
 * them against the in-process emulator sets those variables for the whole file and must put
 * process.env back afterwards: a later file in the same jest worker would otherwise reach a
 * closed emulator. Registers that beforeAll/afterAll pair in one place.
 */
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator";
import { clearStackConfig } from "../../provider/leancloud/config";

/** Set once beforeAll ran: read it only inside hooks and tests. */
export interface LeanCloudEmulator {
  emu: RunningEmulator;
}

/** The variables that aim the providers at `emu`, with short polls and retries so tests stay quick. */
export function leanCloudEnv(emu: RunningEmulator): NodeJS.ProcessEnv {
  return {
    LEANCLOUD_APP_ID: emu.leancloud.appId,
    LEANCLOUD_APP_KEY: emu.leancloud.appKey,
    LEANCLOUD_APP_MASTER_KEY: emu.leancloud.masterKey,
    LEANCLOUD_CONSOLE_TOKEN: emu.leancloud.consoleToken,
    CLOUDFN_LEANCLOUD_SERVER_URL: emu.url,
    CLOUDFN_LEANCLOUD_CONSOLE_URL: emu.url,
    CLOUDFN_LEANCLOUD_POLL_INTERVAL_MS: "50",
    CLOUDFN_RETRY_BASE_DELAY_MS: "10",
  };
}

/** Call at file level: starts the emulator and sets leanCloudEnv in beforeAll, undoes both in afterAll. */
export function leanCloudEmulator(options?: EmulatorOptions): LeanCloudEmulator {
  const saved = { ...process.env };
  const running = {} as LeanCloudEmulator;
  beforeAll(async () => {
    running.emu = await startEmulator(options);
    Object.assign(process.env, leanCloudEnv(running.emu));
  });
  afterAll(async () => {
    process.env = saved;
    clearStackConfig();
    await running.emu?.close();
  });
  return running;
}
