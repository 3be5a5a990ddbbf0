/**
 * Invoke: the package's helper functions, by schema token. Each runs with the provider
 * instance's configuration (the same one its resources use).
 */
import type { ConfigSource } from "../core/stack-config";
import { getFunctionReport } from "../functiongraph/report";
import type { Props } from "./values";

type Helper = (args: Props, config: ConfigSource) => Promise<Props>;

export const FUNCTIONS: Readonly<Record<string, Helper>> = {
  "cloudfn:functiongraph:getFunctionReport": async (args, config) => ({ ...(await getFunctionReport(args, config)) }),
};

export async function invoke(token: string, args: Props, config: ConfigSource): Promise<Props> {
  const helper = FUNCTIONS[token];
  if (!helper)
    throw new Error(`unknown function ${token}; this cloudfn plugin serves ${Object.keys(FUNCTIONS).join(", ")}`);
  return helper(args, config);
}
