import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { ALL_METHODS, tokenParts } from "../provider/core/definition";
import { RESOURCES } from "../provider/registry";

const sdkModule = async (implementation: string): Promise<{ providerShim: pulumi.dynamic.ResourceProvider }> => {
  const { platform } = tokenParts(RESOURCES.find((d) => d.implementation === implementation)!.token);
  return import(path.join(__dirname, platform, path.posix.basename(implementation)));
};

describe.each(RESOURCES.map((d) => [d.token, d] as const))("the generated __provider shim of %s", (_token, def) => {
  let text = "";
  beforeAll(async () => {
    process.env.HW_SECRET_KEY = "shim-test-secret-value";
    process.env.HW_ACCESS_KEY = "SHIMTESTACCESSKEY";
    process.env.MINAPP_CLIENT_SECRET = "shim-test-client-secret";
    process.env.MINAPP_CLIENT_ID = "SHIMTESTCLIENTID";
    process.env.LEANCLOUD_APP_MASTER_KEY = "shim-test-master-key";
    process.env.LEANCLOUD_CONSOLE_TOKEN = "shim-test-console-token";
    const shim = (await sdkModule(def.implementation)).providerShim;
    text = (await pulumi.runtime.serializeFunction(() => shim, { allowSecrets: false })).text;
  });

  it("loads the implementation from the installed package for each of its methods", () => {
    const methods = def.methods ?? ALL_METHODS;
    for (const method of methods)
      expect(text).toContain(`require("pulumi-cloudfn/dist/${def.implementation}").provider.${method}(...args)`);
    for (const method of ALL_METHODS.filter((m) => !methods.includes(m)))
      expect(text).not.toContain(`.provider.${method}(`);
  });

  it("names methods the implementation really has", async () => {
    const impl = (await import(path.join(__dirname, "..", def.implementation))).provider as Record<string, unknown>;
    for (const method of def.methods ?? ALL_METHODS) expect(typeof impl[method]).toBe("function");
  });

  it("is small and captures no credentials, clients or schemas", () => {
    expect(text.length).toBeLessThan(3000);
    expect(text).not.toMatch(/shim-test-secret-value|SHIMTESTACCESSKEY|axios|zod|secretKey|accessKey|cron-parser/);
    expect(text).not.toMatch(/shim-test-client-secret|SHIMTESTCLIENTID|esbuild|clientSecret/);
    expect(text).not.toMatch(/shim-test-master-key|shim-test-console-token|masterKey|consoleToken/);
  });
});
