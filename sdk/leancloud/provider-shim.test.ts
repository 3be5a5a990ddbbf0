import * as pulumi from "@pulumi/pulumi";
import { IMPLEMENTATION_MODULES, engineDeploymentProviderShim, engineEnvironmentVariablesProviderShim, invocationProviderShim } from "./provider-shim";

const SHIMS = [
  [invocationProviderShim, IMPLEMENTATION_MODULES.invocation],
  [engineDeploymentProviderShim, IMPLEMENTATION_MODULES.engineDeployment],
  [engineEnvironmentVariablesProviderShim, IMPLEMENTATION_MODULES.engineEnvironmentVariables],
] as const;

describe("the LeanCloud __provider shims", () => {
  beforeAll(() => {
    process.env.LEANCLOUD_APP_MASTER_KEY = "shim-test-master-key";
    process.env.LEANCLOUD_CONSOLE_TOKEN = "shim-test-console-token";
  });

  it.each(SHIMS.map(([shim, mod]) => [mod, shim]))("%s: loads the implementation for every method, is small and captures no credentials", async (mod, shim) => {
    const { text } = await pulumi.runtime.serializeFunction(() => shim, { allowSecrets: false });
    for (const method of ["configure", "check", "diff", "create", "read", "update", "delete"]) {
      expect(text).toContain(`require("${mod}").provider.${method}(...args)`);
    }
    expect(text.length).toBeLessThan(3000);
    expect(text).not.toMatch(/shim-test-master-key|shim-test-console-token|axios|zod|masterKey|consoleToken/);
  });

  it("the modules exist in the source tree under the same relative paths", () => {
    for (const mod of Object.values(IMPLEMENTATION_MODULES)) {
      const local = require(`../../${mod.replace("pulumi-cloudfn/dist/", "")}`);
      expect(typeof local.provider.create).toBe("function");
    }
  });
});
