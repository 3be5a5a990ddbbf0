import { UNKNOWN } from "../../core/diff";
import { clearStackConfig, setStackConfig } from "../config";
import { FunctionRunError, provider } from "./";
import { InvocationInputs } from "./schema";
import { connectionSettings } from "../jobs";

const check = (news: Record<string, unknown>) =>
  provider.check!({} as InvocationInputs, news as unknown as InvocationInputs);

describe("Invocation check", () => {
  afterEach(clearStackConfig);

  it("defaults the mode to sync and the environment to the configured one", async () => {
    setStackConfig({ get: (k) => (k === "cloudfn:minappEnvironmentId" ? "env1" : undefined) });
    expect(await check({ functionName: "hello" })).toEqual({
      inputs: { functionName: "hello", mode: "sync", environmentId: "env1" },
    });
  });

  it.each([
    [{ functionName: "" }, "functionName", "functionName must not be empty"],
    [{ functionName: "hello", mode: "later" }, "mode", 'mode must be one of sync, async, debug; got "later"'],
    [{ functionName: "hello", data: [1] }, "data", "data must be an object (the function receives it as event.data)"],
    [{ functionName: "hello", data: "x" }, "data", "data must be an object (the function receives it as event.data)"],
  ])("%j fails on %s", async (news, property, reason) => {
    expect((await check(news)).failures).toEqual([{ property, reason }]);
  });

  it("lets an unknown function name and code hash through (the function is created in the same up)", async () => {
    const res = await check({ functionName: UNKNOWN, codeHash: UNKNOWN });
    expect(res.failures).toBeUndefined();
    expect(res.inputs).toMatchObject({ functionName: UNKNOWN, codeHash: UNKNOWN, mode: "sync" });
  });
});

describe("FunctionRunError", () => {
  it("carries the platform's error type, message, stack and log in its message", () => {
    const err = new FunctionRunError(
      "hello",
      "debug",
      "TypeError",
      "x is not a function",
      "TypeError: x\n    at main",
      "2024 LOG hi",
    );
    expect(err.message).toBe(
      'MinApp cloud function "hello" failed (debug run): TypeError: x is not a function\nstack:\nTypeError: x\n    at main\nlog:\n2024 LOG hi',
    );
  });
});

describe("job helper connection", () => {
  it("takes options first, then the program's config, then the environment", () => {
    const config = {
      get: (k: string) =>
        (({ "cloudfn:minappClientId": "cfg", "cloudfn:minappEnvironmentId": "envcfg" }) as Record<string, string>)[k],
    };
    const env = { MINAPP_CLIENT_ID: "env", MINAPP_CLIENT_SECRET: "envsecret" };
    expect(connectionSettings({ clientId: "opt" }, config, env)).toMatchObject({
      settings: { clientId: "opt", clientSecret: "envsecret" },
      environmentId: "envcfg",
    });
    expect(connectionSettings({}, config, env).settings.clientId).toBe("cfg");
    expect(connectionSettings({}, undefined, env).settings.clientId).toBe("env");
  });
});
