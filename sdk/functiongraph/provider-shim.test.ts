import * as pulumi from "@pulumi/pulumi";
import { dependencyVersionProviderShim, workflowProviderShim } from "./provider-shim";

describe("the DependencyVersion and Workflow shims", () => {
  it.each([
    ["dependency-version", dependencyVersionProviderShim, ["configure", "check", "diff", "create", "read", "delete"]],
    ["workflow", workflowProviderShim, ["configure", "check", "diff", "create", "read", "update", "delete"]],
  ] as const)("%s loads its implementation per call and stays small", async (module, shim, methods) => {
    const { text } = await pulumi.runtime.serializeFunction(() => shim, { allowSecrets: false });
    for (const method of methods) expect(text).toContain(`require("pulumi-cloudfn/dist/provider/functiongraph/${module}").provider.${method}(...args)`);
    expect(text.length).toBeLessThan(3000);
    expect(text).not.toMatch(/axios|zod|secretKey|accessKey/);
  });
});
