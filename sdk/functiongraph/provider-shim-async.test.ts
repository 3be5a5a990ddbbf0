import * as pulumi from "@pulumi/pulumi";
import { ASYNC_INVOKE_CONFIG_MODULE, INVOCATION_MODULE, asyncInvokeConfigProviderShim, invocationProviderShim } from "./provider-shim";

describe("the AsyncInvokeConfig and Invocation __provider shims", () => {
  it.each([
    [asyncInvokeConfigProviderShim, ASYNC_INVOKE_CONFIG_MODULE, ["configure", "check", "diff", "create", "read", "update", "delete"]],
    [invocationProviderShim, INVOCATION_MODULE, ["configure", "check", "diff", "create", "read", "delete"]],
  ])("loads the implementation at call time, stays small and captures no credentials (%#)", async (shim, module, methods) => {
    process.env.HW_SECRET_KEY = "shim-test-secret-value";
    const { text } = await pulumi.runtime.serializeFunction(() => shim, { allowSecrets: false });
    for (const m of methods) expect(text).toContain(`require("${module}").provider.${m}(...args)`);
    expect(text.length).toBeLessThan(3000);
    expect(text).not.toMatch(/shim-test-secret-value|axios|zod|secretKey/);
  });
});
