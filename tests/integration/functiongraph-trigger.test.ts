/**
 * The Trigger provider's CRUD against the in-process emulator (emulator-only). Asserts on the
 * emulator's request log, so "read never lists" and "status changes in place" are checked
 * request by request.
 */
import * as pulumi from "@pulumi/pulumi";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { clearStackConfig } from "../../provider/functiongraph/config";
import { provider as fnProvider } from "../../provider/functiongraph/function";
import { FunctionInputs } from "../../provider/functiongraph/function/schema";
import { provider, tuning } from "../../provider/functiongraph/trigger";
import { TriggerInputs } from "../../provider/functiongraph/trigger/schema";
import { tuning as fnTuning } from "../../provider/functiongraph/function";
import { fgStackConfig } from "../helpers/fg-emulator";
import { controlCall, operationLines } from "../helpers/fg-http";

let emu: RunningEmulator;
let fnUrn: string;
const control = (method: string, path: string, body?: unknown) => controlCall(emu.url, method, path, body);
const operations = () => operationLines(emu.url);
const clearLog = () => control("DELETE", "/_emulator/requests");

function configure() {
  const config = fgStackConfig(emu);
  return Promise.all([provider.configure!({ config }), fnProvider.configure!({ config })]);
}

async function checked(over: Partial<TriggerInputs> = {}): Promise<TriggerInputs> {
  const res = await provider.check!(
    {} as TriggerInputs,
    {
      functionUrn: fnUrn,
      type: "TIMER",
      timer: { name: "tick", scheduleType: "Rate", schedule: "5m", userEvent: "hi" },
      ...over,
    } as TriggerInputs,
  );
  expect(res.failures).toBeUndefined();
  return res.inputs!;
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  tuning.client = { baseDelayMs: 1 };
  fnTuning.client = { baseDelayMs: 1 };
});
afterAll(async () => {
  clearStackConfig();
  await emu.close();
});
beforeEach(async () => {
  await control("POST", "/_emulator/reset");
  await configure();
  const code = new pulumi.asset.AssetArchive({
    "index.js": new pulumi.asset.StringAsset("exports.handler = async (e) => e;"),
  });
  const fn = await fnProvider.check!(
    {} as FunctionInputs,
    { name: "host", runtime: "Node.js18.15", handler: "index.handler", code } as FunctionInputs,
  );
  fnUrn = (await fnProvider.create(fn.inputs!)).id;
  await clearLog();
});

describe("functiongraph Trigger provider against the emulator", () => {
  it("create → read (a direct get) → no diff → status in place → delete, twice", async () => {
    const inputs = await checked();
    expect(await operations()).toEqual([]); // check makes no calls
    const { id, outs } = await provider.create(inputs);
    expect(id).toBe(`${fnUrn}/TIMER/${outs!.triggerId}`);
    expect(outs).toMatchObject({ functionUrn: fnUrn, type: "TIMER", status: "ACTIVE", timer: inputs.timer });

    const read = await provider.read!(id, outs);
    expect(read.props).toEqual(outs);
    expect(await provider.diff!(id, read.props!, inputs)).toEqual({ changes: false, replaces: [] });

    const disabled = await checked({ status: "DISABLED" });
    expect(await provider.diff!(id, outs!, disabled)).toEqual({ changes: true, replaces: [] });
    const updated = (await provider.update!(id, outs!, disabled)).outs!;
    expect(updated).toMatchObject({ status: "DISABLED", triggerId: outs!.triggerId });

    await provider.delete!(id, updated);
    await provider.delete!(id, updated);
    expect(await provider.read!(id, updated)).toEqual({});
    expect(await operations()).toEqual([
      "CreateFunctionTrigger 201",
      "ShowFunctionTrigger 200",
      "UpdateTrigger 200",
      "DeleteFunctionTrigger 204",
      "DeleteFunctionTrigger 404",
      "ShowFunctionTrigger 404",
    ]);
  });

  it("refresh reports an out-of-band status change and a changed declared key, never keys the service added", async () => {
    const smn = await checked({ type: "SMN", timer: undefined, eventData: { topic_urn: "urn:smn:cn-north-4:p:one" } });
    const { id, outs } = await provider.create(smn);
    const [urn, , tid] = id.split("/");
    const live = await control("GET", "/_emulator/state");
    const record = live.platforms.functiongraph[emu.credentials.projectId].triggers[tid];
    record.event_data = { topic_urn: "urn:smn:cn-north-4:p:two", added_by_service: "x" };
    await control("PUT", "/_emulator/state", live);
    const read = await provider.read!(id, outs);
    expect(read.props!.eventData).toEqual({ topic_urn: "urn:smn:cn-north-4:p:two" });
    expect(read.inputs!.eventData).toEqual({ topic_urn: "urn:smn:cn-north-4:p:two" });
    expect(await provider.diff!(id, read.props!, smn)).toMatchObject({ changes: true, replaces: ["eventData"] });
    expect(urn).toBe(fnUrn);
  });

  it("reconciles its own trigger when a create response was lost (no duplicate)", async () => {
    await control("POST", "/_emulator/faults", { operation: "CreateFunctionTrigger", dropAfter: true, times: 1 });
    const { id, outs } = await provider.create(await checked());
    expect(await operations()).toEqual([
      "CreateFunctionTrigger 0",
      "CreateFunctionTrigger 409",
      "ListFunctionTriggers 200",
    ]);
    expect(id).toBe(`${fnUrn}/TIMER/${outs!.triggerId}`);
    expect(
      await control("GET", "/_emulator/state").then((s) =>
        Object.keys(s.platforms.functiongraph[emu.credentials.projectId].triggers),
      ),
    ).toEqual([outs!.triggerId]);
  });

  it("refuses to reconcile with a same-named timer with another schedule", async () => {
    await provider.create(await checked());
    await expect(
      provider.create(await checked({ timer: { name: "tick", scheduleType: "Rate", schedule: "10m" } })),
    ).rejects.toThrow(/a TIMER trigger that conflicts with this one already exists .* \(HTTP 409 FSS.1148: /);
  });

  it("treats a trigger whose function was deleted as gone (read and delete)", async () => {
    const { id, outs } = await provider.create(await checked());
    await fnProvider.delete!(fnUrn, {} as never);
    await clearLog();
    expect(await provider.read!(id, outs)).toEqual({});
    await provider.delete!(id, outs!);
    const ops = await operations();
    expect(ops[ops.length - 2]).toBe("ShowFunctionTrigger 500");
    expect(ops[ops.length - 1]).toBe("DeleteFunctionTrigger 404");
  });
});
