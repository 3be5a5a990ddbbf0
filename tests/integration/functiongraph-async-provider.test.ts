/**
 * The AsyncInvokeConfig and Invocation providers and the getFunctionReport helper against the
 * in-process emulator (emulator-only), plus the official Node SDK driving the emulator's
 * async-invoke config, async invoke, invocation-record and report endpoints.
 */
import {
  AsyncInvokeFunctionRequest,
  DeleteFunctionAsyncInvokeConfigRequest,
  FuncAsyncDestinationConfig,
  FuncDestinationConfig,
  ListAsyncInvocationsRequest,
  ListFunctionAsMetricRequest,
  ListFunctionAsyncInvokeConfigRequest,
  ShowFunctionAsyncInvokeConfigRequest,
  UpdateFunctionAsyncInvokeConfigRequest,
  UpdateFunctionAsyncInvokeConfigRequestBody,
} from "@huaweicloud/huaweicloud-sdk-functiongraph";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { fgCall } from "../../emulator/testing/fg-client";
import { provider as configProvider, tuning as configTuning } from "../../provider/functiongraph/async-invoke-config";
import { AsyncInvokeConfigInputs } from "../../provider/functiongraph/async-invoke-config/schema";
import { clearStackConfig } from "../../provider/functiongraph/config";
import { provider as invocationProvider, tuning as invocationTuning } from "../../provider/functiongraph/invocation";
import { InvocationInputs } from "../../provider/functiongraph/invocation/schema";
import { getFunctionReport, tuning as reportTuning } from "../../provider/functiongraph/report";
import { inlineFunction, officialFgClient } from "../helpers/fg-emulator";
import { controlCall, operationLines } from "../helpers/fg-http";

let emu: RunningEmulator;
const control = (method: string, path: string) => controlCall(emu.url, method, path);
const operations = () => operationLines(emu.url, "functiongraph");
const FN = () => `/v2/${emu.credentials.projectId}/fgs/functions`;

function stackConfig(): Record<string, string> {
  const c = emu.credentials;
  return {
    "cloudfn:functiongraphEndpoint": emu.url,
    "cloudfn:functiongraphRegion": c.region,
    "cloudfn:functiongraphProjectId": c.projectId,
    "cloudfn:functiongraphAccessKey": c.accessKey,
    "cloudfn:functiongraphSecretKey": c.secretKey,
  };
}
const configure = (p: { configure?: (req: any) => Promise<void> }) =>
  p.configure!({ config: { get: (k: string) => stackConfig()[k] } });

async function deploy(name: string, src: string): Promise<string> {
  const res = await fgCall(emu.url, emu.credentials, {
    method: "POST",
    path: FN(),
    body: inlineFunction(name, src, 3),
  });
  expect(res.status).toBe(200);
  return res.body.func_urn;
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0, asyncRetryDelayMs: 0 });
  for (const t of [configTuning, invocationTuning, reportTuning]) t.client = { baseDelayMs: 1 };
});
afterAll(async () => {
  clearStackConfig();
  await emu.close();
});
beforeEach(async () => {
  await control("POST", "/_emulator/reset");
  await configure(configProvider);
});

describe("AsyncInvokeConfig provider", () => {
  it("create → read → update in place → drift → delete (function stays) → read gone", async () => {
    const urn = await deploy("cfg", "exports.handler = async () => 1;");
    const sink = await deploy("sink", "exports.handler = async () => 1;");
    const checked = await configProvider.check!(
      {} as AsyncInvokeConfigInputs,
      {
        functionUrn: urn,
        maxAsyncRetryAttempts: 2,
        onFailure: { type: "FunctionGraph", funcUrn: sink },
      } as AsyncInvokeConfigInputs,
    );
    expect(checked.failures).toBeUndefined();
    await control("DELETE", "/_emulator/requests");
    const { id, outs: created } = await configProvider.create(checked.inputs!);
    const outs = created!;
    expect(id).toBe(urn);
    expect(outs).toMatchObject({
      functionUrn: urn,
      maxAsyncEventAgeInSeconds: 3600,
      maxAsyncRetryAttempts: 2,
      onFailure: { type: "FunctionGraph", funcUrn: sink },
      enableAsyncStatusLog: false,
    });
    expect(outs.createdTime).not.toBe("");

    const read = await configProvider.read!(id, outs);
    expect(read.props).toEqual(outs);
    expect(await configProvider.diff!(id, read.props!, checked.inputs!)).toEqual({ changes: false, replaces: [] });

    const news = {
      ...checked.inputs!,
      maxAsyncRetryAttempts: 0,
      onSuccess: { type: "OBS" as const, bucket: "b", prefix: "ok/" },
    };
    const updated = await configProvider.update!(id, outs, news);
    expect(updated.outs).toMatchObject({
      maxAsyncRetryAttempts: 0,
      onSuccess: { type: "OBS", bucket: "b", prefix: "ok/" },
    });

    // Someone changes the retries with the console: read reports it.
    const put = await fgCall(emu.url, emu.credentials, {
      method: "PUT",
      path: `${FN()}/${urn}/async-invoke-config`,
      body: { max_async_retry_attempts: 3, max_async_event_age_in_seconds: 60 },
    });
    expect(put.status).toBe(200);
    const drifted = await configProvider.read!(id, updated.outs);
    expect(drifted.inputs).toEqual({
      functionUrn: urn,
      maxAsyncEventAgeInSeconds: 60,
      maxAsyncRetryAttempts: 3,
      enableAsyncStatusLog: false,
    });
    expect((await configProvider.diff!(id, drifted.props!, news)).changes).toBe(true);

    await configProvider.delete!(id, outs);
    await configProvider.delete!(id, outs); // already gone: still fine
    expect(await configProvider.read!(id, outs)).toEqual({});
    expect((await fgCall(emu.url, emu.credentials, { method: "GET", path: `${FN()}/${urn}/config` })).status).toBe(200);
    expect(await operations()).toEqual([
      "UpdateFunctionAsyncInvokeConfig 200",
      "ShowFunctionAsyncInvokeConfig 200",
      "UpdateFunctionAsyncInvokeConfig 200",
      "UpdateFunctionAsyncInvokeConfig 200",
      "ShowFunctionAsyncInvokeConfig 200",
      "DeleteFunctionAsyncInvokeConfig 204",
      "DeleteFunctionAsyncInvokeConfig 404",
      "ShowFunctionAsyncInvokeConfig 404",
      "ShowFunctionConfig 200",
    ]);
  });

  it("reads a config whose function was deleted as gone", async () => {
    const urn = await deploy("gone", "exports.handler = async () => 1;");
    const { id, outs: created } = await configProvider.create({
      functionUrn: urn,
      maxAsyncEventAgeInSeconds: 3600,
      maxAsyncRetryAttempts: 1,
      enableAsyncStatusLog: false,
    });
    const outs = created!;
    await fgCall(emu.url, emu.credentials, { method: "DELETE", path: `${FN()}/${urn.replace(/:latest$/, "")}` });
    expect(await configProvider.read!(id, outs)).toEqual({});
    await expect(configProvider.delete!(id, outs)).resolves.toBeUndefined();
  });
});

describe("Invocation provider", () => {
  it("records the function's answer and log tail", async () => {
    const urn = await deploy(
      "seed",
      'exports.handler = async (e) => { console.log("seeding", e.rows); return { seeded: e.rows }; };',
    );
    const checked = await invocationProvider.check!({} as InvocationInputs, {
      functionUrn: urn,
      input: { rows: 3 },
      triggers: { code: "h1" },
    });
    await control("DELETE", "/_emulator/requests");
    const { id, outs: created } = await invocationProvider.create(checked.inputs!);
    const outs = created!;
    expect(outs).toMatchObject({
      functionUrn: urn,
      input: { rows: 3 },
      triggers: { code: "h1" },
      result: { seeded: 3 },
      status: 200,
      requestId: id,
    });
    expect(outs.logTail).toMatch(/seeding 3/);
    expect(await operations()).toEqual(["InvokeFunction 200"]);
  });

  it("fails with the function's message and log tail when the function throws", async () => {
    const urn = await deploy(
      "broken",
      'exports.handler = async () => { console.log("about to fail"); throw new Error("seed table missing"); };',
    );
    const err = await invocationProvider.create({ functionUrn: urn }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/seed table missing/);
    expect((err as Error).message).toMatch(/log tail:\n.*about to fail/s);
  });
});

describe("getFunctionReport", () => {
  it("reads the report with the same config as the resources", async () => {
    const bad = await deploy("bad", 'exports.handler = async () => { throw new Error("x"); };');
    await invocationProvider.create({ functionUrn: bad }).catch(() => undefined);
    clearStackConfig();
    const report = await getFunctionReport({ limit: 5 }, { get: (k) => stackConfig()[k] });
    expect(report).toEqual({ values: [{ functionUrn: bad, value: 1 }], count: 1 });
    expect(
      (await getFunctionReport({ type: "count", startTime: new Date(0), endTime: Date.now() + 60_000 })).values,
    ).toEqual([{ functionUrn: bad, value: 1 }]);
  });
});

describe("the official SDK against the emulator's async APIs", () => {
  it("sets, shows, lists and deletes the async config; async-invokes; lists records and the report", async () => {
    const sdk = officialFgClient(emu);
    const urn = await deploy("sdk-async", "exports.handler = async (e) => ({ got: e.v });");
    const wire = (r: object) => r as unknown as Record<string, any>;
    const body = new UpdateFunctionAsyncInvokeConfigRequestBody()
      .withMaxAsyncEventAgeInSeconds(300)
      .withMaxAsyncRetryAttempts(2)
      .withDestinationConfig(
        new FuncAsyncDestinationConfig().withOnSuccess(
          new FuncDestinationConfig().withDestination("SMN").withParam('{"topic_urn":"urn:smn:t"}'),
        ),
      );
    const put = await sdk.updateFunctionAsyncInvokeConfig(
      new UpdateFunctionAsyncInvokeConfigRequest().withFunctionUrn(urn).withBody(body),
    );
    expect([
      put.httpStatusCode,
      wire(put).max_async_retry_attempts,
      wire(put).destination_config.on_success.destination,
    ]).toEqual([200, 2, "SMN"]);
    const shown = await sdk.showFunctionAsyncInvokeConfig(
      new ShowFunctionAsyncInvokeConfigRequest().withFunctionUrn(urn),
    );
    expect(wire(shown).max_async_event_age_in_seconds).toBe(300);
    const listed = await sdk.listFunctionAsyncInvokeConfig(
      new ListFunctionAsyncInvokeConfigRequest().withFunctionUrn(urn).withLimit("10"),
    );
    expect([wire(listed).async_invoke_configs.length, listed.count, wire(listed).page_info.current_count]).toEqual([
      1, 1, 1,
    ]);

    const event = { v: 7 } as unknown as Record<string, object>;
    const queued = await sdk.asyncInvokeFunction(new AsyncInvokeFunctionRequest().withFunctionUrn(urn).withBody(event));
    expect(queued.httpStatusCode).toBe(202);
    await control("POST", "/_emulator/functiongraph/async/drain");
    const records = await sdk.listAsyncInvocations(
      new ListAsyncInvocationsRequest().withFunctionUrn(urn).withLimit("10"),
    );
    expect(records.invocations?.map((i) => [wire(i).request_id, i.status])).toEqual([
      [wire(queued).request_id, "SUCCESS"],
    ]);
    const report = await sdk.listFunctionAsMetric(new ListFunctionAsMetricRequest().withType("count"));
    expect(report.values?.map((v) => [v.key, v.value])).toEqual([[urn, 1]]);

    const deleted = await sdk.deleteFunctionAsyncInvokeConfig(
      new DeleteFunctionAsyncInvokeConfigRequest().withFunctionUrn(urn),
    );
    expect(deleted.httpStatusCode).toBe(204);
    await expect(
      sdk.showFunctionAsyncInvokeConfig(new ShowFunctionAsyncInvokeConfigRequest().withFunctionUrn(urn)),
    ).rejects.toMatchObject({ httpStatusCode: 404 });
  });
});
