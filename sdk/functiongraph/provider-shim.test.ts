import * as pulumi from "@pulumi/pulumi";
import { IMPLEMENTATION_MODULE, dependencyVersionProviderShim, functionProviderShim, workflowProviderShim } from "./provider-shim";

describe("the __provider shim", () => {
  let text = "";
  beforeAll(async () => {
    process.env.HW_SECRET_KEY = "shim-test-secret-value";
    process.env.HW_ACCESS_KEY = "SHIMTESTACCESSKEY";
    const serialized = await pulumi.runtime.serializeFunction(() => functionProviderShim, { allowSecrets: false });
    text = serialized.text;
  });

  it("loads the implementation from the installed package for every method", () => {
    for (const method of ["configure", "check", "diff", "create", "read", "update", "delete"]) {
      expect(text).toContain(`require("${IMPLEMENTATION_MODULE}").provider.${method}(...args)`);
    }
  });

  it("is small and captures no credentials, clients or schemas", () => {
    expect(text.length).toBeLessThan(3000);
    expect(text).not.toMatch(/shim-test-secret-value|SHIMTESTACCESSKEY|axios|zod|secretKey|accessKey/);
  });
});

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
