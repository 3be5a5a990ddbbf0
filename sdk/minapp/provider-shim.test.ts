import * as pulumi from "@pulumi/pulumi";
import { CLOUD_FUNCTION_MODULE, INVOCATION_MODULE, cloudFunctionProviderShim, invocationProviderShim } from "./provider-shim";

describe("the MinApp __provider shims", () => {
  beforeAll(() => {
    process.env.MINAPP_CLIENT_SECRET = "shim-test-client-secret";
    process.env.MINAPP_CLIENT_ID = "SHIMTESTCLIENTID";
  });

  it.each([
    ["CloudFunction", cloudFunctionProviderShim, CLOUD_FUNCTION_MODULE],
    ["Invocation", invocationProviderShim, INVOCATION_MODULE],
  ])("%s loads the implementation at call time, is small and captures no credentials", async (_name, shim, module) => {
    const { text } = await pulumi.runtime.serializeFunction(() => shim, { allowSecrets: false });
    for (const method of ["configure", "check", "diff", "create", "read", "update", "delete"]) {
      expect(text).toContain(`require("${module}").provider.${method}(...args)`);
    }
    expect(text.length).toBeLessThan(3000);
    expect(text).not.toMatch(/shim-test-client-secret|SHIMTESTCLIENTID|axios|zod|esbuild|clientSecret/);
  });
});
