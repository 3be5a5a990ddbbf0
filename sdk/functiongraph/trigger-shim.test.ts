import * as pulumi from "@pulumi/pulumi";
import { TRIGGER_IMPLEMENTATION_MODULE, triggerProviderShim } from "./provider-shim";

it("the Trigger shim loads the implementation at call time and captures nothing", async () => {
  process.env.HW_SECRET_KEY = "trigger-shim-secret-value";
  const { text } = await pulumi.runtime.serializeFunction(() => triggerProviderShim, { allowSecrets: false });
  for (const method of ["configure", "check", "diff", "create", "read", "update", "delete"]) {
    expect(text).toContain(`require("${TRIGGER_IMPLEMENTATION_MODULE}").provider.${method}(...args)`);
  }
  expect(text.length).toBeLessThan(3000);
  expect(text).not.toMatch(/trigger-shim-secret-value|axios|zod|cron-parser/);
});
