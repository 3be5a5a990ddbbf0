import * as path from "path";
import * as vm from "vm";
import { ALL_METHODS, tokenParts } from "../provider/core/definition";
import { RESOURCES } from "../provider/registry";
import { implementationFile, lazy } from "./lazy-provider";

const sdkModule = async (implementation: string): Promise<{ providerShim: string }> => {
  const { platform } = tokenParts(RESOURCES.find((d) => d.implementation === implementation)!.token);
  return import(path.join(__dirname, platform, path.posix.basename(implementation)));
};

/** Evaluates the text as the dynamic-provider host does (a CommonJS module) with a stub `require`. */
function load(text: string, required: (id: string) => unknown): Record<string, (...args: unknown[]) => unknown> {
  const module = { exports: {} as { handler: () => Record<string, (...args: unknown[]) => unknown> } };
  vm.runInNewContext(text, { exports: module.exports, require: required, module });
  return module.exports.handler();
}

describe.each(RESOURCES.map((d) => [d.token, d] as const))("the generated __provider shim of %s", (_token, def) => {
  let text = "";
  beforeAll(async () => {
    process.env.HW_SECRET_KEY = "shim-test-secret-value";
    process.env.HW_ACCESS_KEY = "SHIMTESTACCESSKEY";
    process.env.MINAPP_CLIENT_SECRET = "shim-test-client-secret";
    process.env.MINAPP_CLIENT_ID = "SHIMTESTCLIENTID";
    process.env.LEANCLOUD_APP_MASTER_KEY = "shim-test-master-key";
    process.env.LEANCLOUD_CONSOLE_TOKEN = "shim-test-console-token";
    text = (await sdkModule(def.implementation)).providerShim;
  });

  it("loads the implementation from the installed package for each of its methods, when called", () => {
    const methods = def.methods ?? ALL_METHODS;
    const required: string[] = [];
    const loaded: string[] = [];
    const calls: [string, unknown[]][] = [];
    const impl = Object.fromEntries(methods.map((m) => [m, (...args: unknown[]) => calls.push([m, args])]));
    // The package's own lazy-provider module, with a loader that records what it would load.
    const lazyModule = {
      lazy: (module: string, ms?: readonly string[]) =>
        lazy(module, ms, (file) => (loaded.push(file), { provider: impl })),
    };
    const provider = load(text, (id) => (required.push(id), lazyModule));
    expect(required).toEqual(["pulumi-cloudfn/dist/sdk/lazy-provider"]);
    expect(Object.keys(provider).sort()).toEqual([...methods].sort());
    expect(loaded).toEqual([]);
    for (const m of methods) provider[m]("a", 1);
    expect(calls).toEqual(methods.map((m) => [m, ["a", 1]]));
    expect(new Set(loaded)).toEqual(new Set([implementationFile(def.implementation)]));
  });

  it("names methods the implementation really has, where lazy-provider finds it", async () => {
    const impl = (await import(implementationFile(def.implementation))).provider as Record<string, unknown>;
    for (const method of def.methods ?? ALL_METHODS) expect(typeof impl[method]).toBe("function");
  });

  it("is small and captures no credentials, clients or schemas", () => {
    expect(text.length).toBeLessThan(200);
    expect(text).not.toMatch(/shim-test-secret-value|SHIMTESTACCESSKEY|axios|zod|secretKey|accessKey|cron-parser/);
    expect(text).not.toMatch(/shim-test-client-secret|SHIMTESTCLIENTID|esbuild|clientSecret/);
    expect(text).not.toMatch(/shim-test-master-key|shim-test-console-token|masterKey|consoleToken/);
  });
});
