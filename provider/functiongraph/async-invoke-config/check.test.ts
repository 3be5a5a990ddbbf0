import { UNKNOWN } from "../../core/diff";
import { provider as configProvider } from "./";
import { checkInputs } from "./check";
import { configBody, fromWireDestination, toWireDestination } from "./mapping";
import { AsyncInvokeConfigInputs, Destination } from "./schema";
import { provider as invocationProvider } from "../invocation";
import { InvocationInputs } from "../invocation/schema";

const URN = "urn:fss:cn-north-4:c0ffee0000000000000000000000c0de:function:default:hello:latest";
interface Checked {
  inputs: AsyncInvokeConfigInputs;
  failures?: { property: string; reason: string }[];
}
const check = (over: Record<string, unknown>) =>
  checkInputs({ functionUrn: URN, ...over } as unknown as AsyncInvokeConfigInputs) as Checked;

describe("AsyncInvokeConfig check", () => {
  it("applies the defaults and accepts every destination type", () => {
    expect(check({}).inputs).toEqual({
      functionUrn: URN,
      maxAsyncEventAgeInSeconds: 3600,
      maxAsyncRetryAttempts: 1,
      enableAsyncStatusLog: false,
    });
    for (const d of [
      { type: "OBS", bucket: "b", prefix: "p/", expires: 0 },
      { type: "SMN", topicUrn: "urn:smn:x" },
      { type: "DIS", streamName: "s" },
      { type: "FunctionGraph", funcUrn: URN },
    ]) {
      expect(check({ onSuccess: d }).failures).toBeUndefined();
    }
  });

  it.each([
    [
      { maxAsyncRetryAttempts: 4 },
      "maxAsyncRetryAttempts",
      /maxAsyncRetryAttempts must be an integer from 0 to 3; got 4/,
    ],
    [{ maxAsyncRetryAttempts: 1.5 }, "maxAsyncRetryAttempts", /from 0 to 3/],
    [{ maxAsyncEventAgeInSeconds: 0 }, "maxAsyncEventAgeInSeconds", /from 1 to 86400 \(seconds\); got 0/],
    [{ functionUrn: "hello" }, "functionUrn", /functionUrn must be a function URN/],
    [
      { onFailure: { type: "S3", bucket: "b" } },
      "onFailure",
      /onFailure\.type must be one of OBS, SMN, DIS, FunctionGraph/,
    ],
    [{ onFailure: { type: "FunctionGraph" } }, "onFailure", /onFailure\.funcUrn is required/],
    [
      { onSuccess: { type: "OBS", bucket: "b", expires: 400 } },
      "onSuccess",
      /onSuccess\.expires must be an integer from 0 \(never\) to 365/,
    ],
    [{ onSuccess: { type: "SMN", topicUrn: "t", bucket: "b" } }, "onSuccess", /onSuccess.*bucket/],
  ])("rejects %j naming %s", (over, property, reason) => {
    const { failures } = check(over);
    expect(failures).toHaveLength(1);
    expect(failures![0].property).toBe(property);
    expect(failures![0].reason).toMatch(reason);
  });

  it("lets unknown values through during preview", () => {
    const res = check({ functionUrn: UNKNOWN, onFailure: { type: "FunctionGraph", funcUrn: UNKNOWN } });
    expect(res.failures).toBeUndefined();
    expect(res.inputs.functionUrn).toBe(UNKNOWN);
  });
});

describe("AsyncInvokeConfig mapping and diff", () => {
  it("round-trips destinations through the wire's JSON param", () => {
    const all: Destination[] = [
      { type: "OBS", bucket: "b", prefix: "p", expires: 3 },
      { type: "SMN", topicUrn: "t" },
      { type: "DIS", streamName: "s" },
      { type: "FunctionGraph", funcUrn: URN },
    ];
    for (const d of all) expect(fromWireDestination(toWireDestination(d))).toEqual(d);
    expect(toWireDestination({ type: "FunctionGraph", funcUrn: URN })).toEqual({
      destination: "FunctionGraph",
      param: JSON.stringify({ func_urn: URN }),
    });
    // Re-serialized params (other key order, spacing) read back the same.
    expect(
      fromWireDestination({ destination: "OBS", param: '{ "expires": 3, "prefix": "p", "bucket": "b" }' }),
    ).toEqual(all[0]);
  });

  it("sends {} when no destination is set", () => {
    expect(configBody(check({}).inputs).destination_config).toEqual({});
  });

  it("updates in place, replaces only for another function", async () => {
    const olds = { ...check({}).inputs, createdTime: "t", lastModified: "t" };
    expect(await configProvider.diff!(URN, olds, check({}).inputs)).toEqual({ changes: false, replaces: [] });
    expect(await configProvider.diff!(URN, olds, check({ maxAsyncRetryAttempts: 2 }).inputs)).toEqual({
      changes: true,
      replaces: [],
    });
    const other = URN.replace("hello", "other");
    expect((await configProvider.diff!(URN, olds, check({ functionUrn: other }).inputs)).replaces).toEqual([
      "functionUrn",
    ]);
  });
});

describe("Invocation check and diff", () => {
  const checkInv = async (over: Record<string, unknown>) =>
    invocationProvider.check!({} as InvocationInputs, { functionUrn: URN, ...over });

  it("canonicalises the input so key order never shows as a diff", async () => {
    const a = (await checkInv({ input: { b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } } })).inputs!;
    expect(JSON.stringify(a.input)).toBe('{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}');
    const olds = { ...a, result: 1, status: 200, requestId: "r", logTail: "" };
    const b = (await checkInv({ input: { a: { c: [3, { e: 0, f: 1 }], d: 2 }, b: 1 } })).inputs!;
    expect(await invocationProvider.diff!("r", olds, b)).toEqual({ changes: false, replaces: [] });
  });

  it("replaces (re-invokes) when the input or a trigger changes", async () => {
    const base = (await checkInv({ input: { x: 1 }, triggers: { code: "h1" } })).inputs!;
    const olds = { ...base, result: 1, status: 200, requestId: "r", logTail: "" };
    expect(
      (
        await invocationProvider.diff!(
          "r",
          olds,
          (await checkInv({ input: { x: 1 }, triggers: { code: "h2" } })).inputs!,
        )
      ).replaces,
    ).toEqual(["triggers"]);
    expect(
      (
        await invocationProvider.diff!(
          "r",
          olds,
          (await checkInv({ input: { x: 2 }, triggers: { code: "h1" } })).inputs!,
        )
      ).replaces,
    ).toEqual(["input"]);
    expect((await invocationProvider.diff!("r", olds, { ...base, triggers: { code: UNKNOWN } })).replaces).toEqual([
      "triggers",
    ]);
  });

  it("rejects a bad URN and non-string triggers, naming the property", async () => {
    const res = await checkInv({ functionUrn: "nope", triggers: { a: 1 } });
    expect(res.failures!.map((f) => f.property).sort()).toEqual(["functionUrn", "triggers"]);
    expect(res.failures!.find((f) => f.property === "triggers")!.reason).toMatch(/triggers values must be strings/);
  });

  it("reads without calling anything and deletes as a no-op", async () => {
    const props = { functionUrn: URN, input: {}, result: { ok: 1 }, status: 200, requestId: "r", logTail: "x" };
    expect(await invocationProvider.read!("r", props)).toEqual({
      id: "r",
      props,
      inputs: { functionUrn: URN, input: {} },
    });
    await expect(invocationProvider.delete!("r", props)).resolves.toBeUndefined();
  });
});

describe("AsyncInvokeConfig diff with an unknown function URN (the Function is being updated)", () => {
  it("reports a possible in-place update, never a replacement", async () => {
    const olds = { ...check({}).inputs, createdTime: "t", lastModified: "t" };
    expect(await configProvider.diff!(URN, olds, { ...check({}).inputs, functionUrn: UNKNOWN })).toEqual({
      changes: true,
      replaces: [],
    });
  });
});
