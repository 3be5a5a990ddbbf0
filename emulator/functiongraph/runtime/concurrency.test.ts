import type { FgEnv } from "../env";
import type { FunctionRecord } from "../models/function";
import { inFlightLimit, takeSlot, waitForSlot } from "./concurrency";

const fn = (strategy: Record<string, unknown>) =>
  ({ package: "default", func_name: "f", strategy_config: strategy }) as unknown as FunctionRecord;
const env = () => ({}) as FgEnv;

describe("instance limits", () => {
  it("multiplies max instances by per-instance concurrency; -1 is unlimited", () => {
    expect(inFlightLimit(fn({ concurrency: 3, concurrent_num: 4 }))).toBe(12);
    expect(inFlightLimit(fn({}))).toBe(400);
    expect(inFlightLimit(fn({ concurrency: -1, concurrent_num: 4 }))).toBeUndefined();
  });

  it("refuses a sync slot at the limit and gives it back once released", () => {
    const e = env();
    const f = fn({ concurrency: 1, concurrent_num: 1 });
    const release = takeSlot(e, f);
    expect(() => takeSlot(e, f)).toThrow(expect.objectContaining({ status: 429, code: "FSS.0429" }));
    release();
    release(); // a second release must not free a slot it does not hold
    takeSlot(e, f);
    expect(() => takeSlot(e, f)).toThrow(expect.objectContaining({ code: "FSS.0429" }));
  });

  it("queues async waiters first come, first served", async () => {
    const e = env();
    const f = fn({ concurrency: 1, concurrent_num: 1 });
    const first = takeSlot(e, f);
    const order: string[] = [];
    const a = waitForSlot(e, f).then((release) => (order.push("a"), release));
    const b = waitForSlot(e, f).then((release) => (order.push("b"), release));
    first();
    (await a)();
    (await b)();
    expect(order).toEqual(["a", "b"]);
  });

  it("refuses a disabled function with 403 FSS.0403", async () => {
    const f = fn({ concurrency: 0, concurrent_num: 1 });
    expect(() => takeSlot(env(), f)).toThrow(expect.objectContaining({ status: 403, code: "FSS.0403" }));
    await expect(waitForSlot(env(), f)).rejects.toMatchObject({ status: 403 });
  });
});
