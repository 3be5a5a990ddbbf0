import { UNKNOWN } from "../../core/diff";
import { checkWorkflow } from "./check";
import { canonicalize, fromWire, toWire } from "./flow";
import { WorkflowInputs } from "./schema";

const URN = "urn:fss:cn-north-4:p:function:default:f:latest";
const base = () => ({
  name: "flow_1",
  start: "a",
  functions: [{ name: "fn", functionUrn: URN }],
  states: [
    {
      id: "a",
      type: "Operation",
      transition: "b",
      actions: [{ functionRef: { refName: "fn", arguments: { x: "$.x" } } }],
      onErrors: [{ error: "*", retryRef: "r", transition: "b" }],
    },
    { id: "b", type: "End" },
  ],
  retries: [{ name: "r" }],
});
const check = (over: Record<string, unknown>) => checkWorkflow({ ...base(), ...over } as unknown as WorkflowInputs);
const state = (over: Record<string, unknown>) => ({ states: [{ ...base().states[0], ...over }, base().states[1]] });

describe("Workflow check: rules", () => {
  it.each([
    [{ name: "has space" }, "name", "letters, digits, CJK"],
    [{ name: "x".repeat(65) }, "name", "1-64"],
    [{ description: "with space" }, "description", "no spaces"],
    [{ mode: "FAST" }, "mode", "mode must be one of NORMAL, EXPRESS"],
    [{ start: "zzz" }, "start", 'start: state "zzz" does not exist'],
    [{ states: [] }, "states", "at least one state"],
    [state({ transition: "nowhere" }), "states", 'states[0] (a).transition: state "nowhere" does not exist'],
    [state({ transition: undefined }), "states", "transition is required"],
    [state({ actions: [{ functionRef: { refName: "ghost" } }] }), "states", 'function "ghost" is not declared'],
    [state({ actions: [] }), "states", "at least one action"],
    [state({ type: "Sleep", actions: undefined }), "states", "duration is required"],
    [state({ type: "Loop" }), "states", "states[].type must be one of Operation, Sleep, End"],
    [state({ onErrors: [{ retryRef: "nope" }] }), "states", 'retry "nope" is not declared'],
    [{ functions: [{ name: "fn", functionUrn: "not-a-urn" }] }, "functions", "function URN"],
    [
      {
        functions: [
          { name: "fn", functionUrn: URN },
          { name: "fn", functionUrn: URN },
        ],
      },
      "functions",
      'duplicate function name "fn"',
    ],
    [{ retries: [{ name: "r", maxAttempts: -1 }] }, "retries", "0 or more"],
  ])("%j fails on %s (%s)", async (over, property, text) => {
    const res = await check(over);
    expect(res.failures).toEqual(
      expect.arrayContaining([expect.objectContaining({ property, reason: expect.stringContaining(text) })]),
    );
  });

  it("accepts a valid definition and tolerates a function URN that is unknown in preview", async () => {
    expect((await check({})).failures).toBeUndefined();
    expect((await check({ functions: [{ name: "fn", functionUrn: UNKNOWN }] })).failures).toBeUndefined();
    expect((await check({ states: UNKNOWN })).failures).toBeUndefined();
  });
});

describe("Workflow definition: normalisation", () => {
  it("is the same whatever the key order, state/function/retry order or spelled-out defaults", async () => {
    const a = (await check({})).inputs!;
    const b = (
      await check({
        retries: [{ maxAttempts: 3, delay: 1, name: "r" }],
        states: [
          { type: "End", id: "b", end: true, name: "b" },
          {
            onErrors: [{ transition: "b", retryRef: "r", error: "*" }],
            actions: [{ functionRef: { invokeMode: "synchronize", arguments: { x: "$.x" }, refName: "fn" } }],
            actionMode: "sequential",
            transition: "b",
            type: "Operation",
            id: "a",
          },
        ],
        constants: {},
        description: "",
        mode: "NORMAL",
      })
    ).inputs!;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("round-trips through the wire form (what read reports equals what check produced)", async () => {
    const inputs = (await check({ constants: { z: 1, a: { y: 2, b: 3 } }, expressConfig: { logLevel: "ERROR" } }))
      .inputs!;
    expect(fromWire(JSON.parse(JSON.stringify(toWire(inputs))))).toEqual(canonicalize(inputs));
    expect(toWire(inputs)).toMatchObject({
      functions: [{ name: "fn", operation: URN }],
      retries: [{ name: "r", delay: 1, max_attempts: 3 }],
      express_config: { log_level: "ERROR" },
    });
  });

  it("keeps the order of actions and error handlers, which carries meaning", async () => {
    const two = [
      { functionRef: { refName: "fn", arguments: { n: 2 } } },
      { functionRef: { refName: "fn", arguments: { n: 1 } } },
    ];
    const out = (await check(state({ actions: two }))).inputs!;
    expect(out.states[0].actions!.map((x) => x.functionRef.arguments!.n)).toEqual([2, 1]);
  });
});

describe("Workflow check: mistyped names", () => {
  it("rejects a misspelled input and suggests the mode meant", async () => {
    expect((await check({ descripton: "x" })).failures).toEqual([
      { property: "descripton", reason: 'unknown property "descripton"; did you mean "description"?' },
    ]);
    expect((await check({ mode: "express" })).failures).toEqual([
      { property: "mode", reason: expect.stringMatching(/; got "express"; did you mean "EXPRESS"\?$/) as string },
    ]);
  });
});
