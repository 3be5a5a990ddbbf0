/** Stack setup for MinApp e2e programs: the emulator's URL and default app credentials. */
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { PulumiProject } from "./pulumi-cli";

/** Creates the stack `e2e` and points cloudfn's MinApp resources at the emulator. */
export async function initMinAppStack(
  project: PulumiProject,
  emulatorUrl: string,
  config: Record<string, string> = {},
): Promise<void> {
  await project.run(["stack", "init", "e2e"]);
  await setMinAppConfig(project, emulatorUrl, config);
}

/** Points an existing stack's MinApp resources at the emulator (the client secret as a secret). */
export async function setMinAppConfig(
  project: PulumiProject,
  emulatorUrl: string,
  config: Record<string, string> = {},
): Promise<void> {
  const { clientId, clientSecret } = EMULATOR_DEFAULTS.minapp;
  await project.setConfig({ "cloudfn:minappEndpoint": emulatorUrl, "cloudfn:minappClientId": clientId, ...config });
  await project.run(["config", "set", "--secret", "cloudfn:minappClientSecret", clientSecret]);
}
