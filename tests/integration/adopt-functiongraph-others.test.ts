/**
 * `adopt: true` on FunctionGraph Trigger, Workflow and AsyncInvokeConfig against the in-process
 * emulator (and DependencyVersion, which adoption never writes). The objects are made out of band with raw signed API calls (the provider's HTTP
 * client, as another tool would), then adopted; the request log proves that adoption never
 * calls the create operation and updates only what differs.
 */
import { clearAdoptionClaims } from "../../provider/core/adoption";
import { provider as asyncProvider, tuning as asyncTuning } from "../../provider/functiongraph/async-invoke-config";
import { AsyncInvokeConfigInputs } from "../../provider/functiongraph/async-invoke-config/schema";
import { FunctionGraphClient } from "../../provider/functiongraph/client";
import { resolveSettings } from "../../provider/functiongraph/config";
import { provider as triggerProvider, tuning as triggerTuning } from "../../provider/functiongraph/trigger";
import { TriggerInputs } from "../../provider/functiongraph/trigger/schema";
import { provider as workflowProvider, tuning as workflowTuning } from "../../provider/functiongraph/workflow";
import { workflowApi } from "../../provider/functiongraph/workflow/api";
import { toWire } from "../../provider/functiongraph/workflow/flow";
import { WorkflowInputs } from "../../provider/functiongraph/workflow/schema";
import {
  provider as dependencyProvider,
  tuning as dependencyTuning,
} from "../../provider/functiongraph/dependency-version";
import { dependencyApi } from "../../provider/functiongraph/dependency-version/api";
import { buildPackage, createBody as dependencyBody } from "../../provider/functiongraph/dependency-version/mapping";
import { DependencyVersionInputs } from "../../provider/functiongraph/dependency-version/schema";
import * as pulumi from "@pulumi/pulumi";
import { clearRequestLog, operationLines } from "../helpers/fg-http";
import { inlineFunction } from "../helpers/fg-emulator";
import { fgAdoptionEmulator } from "../helpers/fg-adoption";

const adopt = fgAdoptionEmulator();
let fnUrn: string;
const raw = () => new FunctionGraphClient(resolveSettings(), { baseDelayMs: 1 });
const operations = () => operationLines(adopt.emu.url, "functiongraph");

beforeAll(() => {
  for (const t of [triggerTuning, workflowTuning, asyncTuning, dependencyTuning]) t.client = { baseDelayMs: 1 };
});
beforeEach(async () => {
  const fn = await raw().createFunction(inlineFunction("legacy", "exports.handler = async () => 'hi';", 3) as never);
  fnUrn = fn.func_urn;
});

describe("adopting a FunctionGraph trigger", () => {
  const timer = { name: "nightly", scheduleType: "Cron", schedule: "0 0 3 * * *" };
  const checked = async (over: Record<string, unknown> = {}) => {
    const res = await triggerProvider.check!(
      {} as TriggerInputs,
      { functionUrn: fnUrn, type: "TIMER", timer, adopt: true, ...over } as TriggerInputs,
    );
    expect(res.failures).toBeUndefined();
    return res.inputs!;
  };
  const outOfBand = (status = "ACTIVE") =>
    raw().createTrigger(fnUrn, {
      trigger_type_code: "TIMER",
      trigger_status: status,
      event_data: { name: timer.name, schedule_type: timer.scheduleType, schedule: timer.schedule },
    });

  it("a TIMER found by its name: one list, no create; identical program diffs clean, with or without the flag", async () => {
    const live = await outOfBand();
    await clearRequestLog(adopt.emu.url);
    const inputs = await checked();
    const { id, outs } = await triggerProvider.create(inputs);
    expect(await operations()).toEqual(["ListFunctionTriggers 200"]);
    expect(id).toBe(`${fnUrn}/TIMER/${live.trigger_id}`);
    expect(outs).not.toHaveProperty("adopt");
    clearAdoptionClaims(); // the next deployment
    expect(await triggerProvider.diff!(id, outs!, inputs)).toEqual({ changes: false, replaces: [] });
    expect(await triggerProvider.diff!(id, outs!, await checked({ adopt: undefined }))).toEqual({
      changes: false,
      replaces: [],
    });
  });

  it("by adoptId with a differing status: ShowFunctionTrigger then the one UpdateTrigger an update would make", async () => {
    const live = await outOfBand("DISABLED");
    await clearRequestLog(adopt.emu.url);
    const { id, outs } = await triggerProvider.create(await checked({ adoptId: live.trigger_id }));
    expect(await operations()).toEqual(["ShowFunctionTrigger 200", "UpdateTrigger 200"]);
    expect(outs!.status).toBe("ACTIVE");
    expect((await triggerProvider.read!(id, outs)).props).toMatchObject({
      status: "ACTIVE",
      triggerId: live.trigger_id,
    });
  });

  it("a differing schedule is refused (it could only change by replacement); nothing is written", async () => {
    await outOfBand();
    await clearRequestLog(adopt.emu.url);
    await expect(
      triggerProvider.create(await checked({ timer: { ...timer, schedule: "0 0 4 * * *" } })),
    ).rejects.toThrow(/cannot adopt .*timer \(live: Cron "0 0 3 \* \* \*"\).*cannot change in place/);
    expect(await operations()).toEqual(["ListFunctionTriggers 200"]);
  });

  it("missing, doubly adopted, and non-TIMER without adoptId", async () => {
    await expect(triggerProvider.create(await checked())).rejects.toThrow(
      /cannot adopt FunctionGraph TIMER trigger \(timer "nightly"\) of urn:.*: it does not exist \(key urn:.*\/TIMER\/name=nightly\)/,
    );
    await expect(triggerProvider.create(await checked({ adoptId: "no-such-id" }))).rejects.toThrow(
      /it does not exist \(key urn:.*\/TIMER\/no-such-id\)/,
    );
    const live = await outOfBand();
    await triggerProvider.create(await checked());
    // The same timer adopted again, by id this time.
    await expect(triggerProvider.create(await checked({ adoptId: live.trigger_id }))).rejects.toThrow(
      /adopted by two resources of this deployment/,
    );
    const res = await triggerProvider.check!(
      {} as TriggerInputs,
      {
        functionUrn: fnUrn,
        type: "APIG",
        eventData: { env_id: "e", group_id: "g" },
        adopt: true,
      } as unknown as TriggerInputs,
    );
    expect(res.failures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          property: "adoptId",
          reason: expect.stringContaining("adoptId (the trigger_id) is required to adopt a APIG trigger"),
        }),
      ]),
    );
  });
});

describe("adopting a FunctionGraph workflow", () => {
  const def = (over: Record<string, unknown> = {}) => ({
    name: "orders_flow",
    start: "a",
    functions: [{ name: "fn", functionUrn: fnUrn }],
    states: [
      { id: "a", type: "Operation", transition: "b", actions: [{ functionRef: { refName: "fn" } }] },
      { id: "b", type: "End" },
    ],
    ...over,
  });
  const checked = async (over: Record<string, unknown> = {}) => {
    const res = await workflowProvider.check!(
      {} as WorkflowInputs,
      { ...def(), adopt: true, ...over } as unknown as WorkflowInputs,
    );
    expect(res.failures).toBeUndefined();
    return res.inputs!;
  };
  const outOfBand = async (over: Record<string, unknown> = {}) =>
    workflowApi.create(
      raw(),
      toWire((await workflowProvider.check!({} as WorkflowInputs, def(over) as unknown as WorkflowInputs)).inputs!),
    );

  it("identical definition: list + show, no create, no update; clean diff afterwards", async () => {
    const live = await outOfBand();
    await clearRequestLog(adopt.emu.url);
    const inputs = await checked();
    const { id, outs } = await workflowProvider.create(inputs);
    expect(await operations()).toEqual(["ListWorkflow 200", "ShowWorkFlow 200"]);
    expect(id).toBe(live.workflow_urn);
    expect(outs).toMatchObject({ workflowId: live.id });
    expect(outs).not.toHaveProperty("adopt");
    clearAdoptionClaims();
    const read = await workflowProvider.read!(id, outs);
    expect(await workflowProvider.diff!(id, read.props!, inputs)).toEqual({ changes: false, replaces: [] });
  });

  it("a differing description: one UpdateWorkFlow", async () => {
    await outOfBand();
    await clearRequestLog(adopt.emu.url);
    const { id, outs } = await workflowProvider.create(await checked({ description: "managed" }));
    expect(await operations()).toEqual(["ListWorkflow 200", "ShowWorkFlow 200", "UpdateWorkFlow 200"]);
    expect((await workflowProvider.read!(id, outs)).props).toMatchObject({ description: "managed" });
  });

  it("missing, different mode, doubly adopted", async () => {
    await expect(workflowProvider.create(await checked())).rejects.toThrow(
      /cannot adopt FunctionGraph workflow "orders_flow": it does not exist \(key workflow name orders_flow\)/,
    );
    await outOfBand({ mode: "EXPRESS" });
    await expect(workflowProvider.create(await checked())).rejects.toThrow(
      /its mode is "EXPRESS" but the program declares "NORMAL"/,
    );
    await workflowProvider.create(await checked({ mode: "EXPRESS" }));
    await expect(workflowProvider.create(await checked({ mode: "EXPRESS" }))).rejects.toThrow(
      /adopted by two resources/,
    );
  });
});

describe("adopting a function's async-invoke configuration", () => {
  const checked = async (over: Record<string, unknown> = {}) => {
    const res = await asyncProvider.check!(
      {} as AsyncInvokeConfigInputs,
      { functionUrn: fnUrn, maxAsyncRetryAttempts: 2, adopt: true, ...over } as unknown as AsyncInvokeConfigInputs,
    );
    expect(res.failures).toBeUndefined();
    return res.inputs!;
  };
  const outOfBand = (retries: number) =>
    raw().putAsyncInvokeConfig(fnUrn, {
      max_async_event_age_in_seconds: 3600,
      max_async_retry_attempts: retries,
      destination_config: {},
      enable_async_status_log: false,
    });

  it("identical: one read, no PUT; differing: the one PUT; missing: a clear error", async () => {
    await expect(asyncProvider.create(await checked())).rejects.toThrow(
      /cannot adopt the async-invoke configuration of urn:.*: it does not exist/,
    );
    await outOfBand(2);
    clearAdoptionClaims();
    await clearRequestLog(adopt.emu.url);
    const inputs = await checked();
    const { id, outs } = await asyncProvider.create(inputs);
    expect(await operations()).toEqual(["ShowFunctionAsyncInvokeConfig 200"]);
    expect(outs).not.toHaveProperty("adopt");
    expect(await asyncProvider.diff!(id, outs!, inputs)).toEqual({ changes: false, replaces: [] });
    clearAdoptionClaims();
    await outOfBand(0);
    await clearRequestLog(adopt.emu.url);
    await asyncProvider.create(inputs);
    expect(await operations()).toEqual(["ShowFunctionAsyncInvokeConfig 200", "UpdateFunctionAsyncInvokeConfig 200"]);
    await expect(asyncProvider.create(inputs)).rejects.toThrow(/adopted by two resources/);
  });
});

describe("adopting a FunctionGraph dependency version", () => {
  const pkg = (text: string) =>
    new pulumi.asset.AssetArchive({ "node_modules/pad/index.js": new pulumi.asset.StringAsset(text) });
  const checked = async (over: Record<string, unknown> = {}) => {
    const res = await dependencyProvider.check!(
      {} as DependencyVersionInputs,
      {
        name: "pad",
        runtime: "Node.js18.15",
        code: pkg("v1"),
        adopt: true,
        ...over,
      } as unknown as DependencyVersionInputs,
    );
    expect(res.failures).toBeUndefined();
    return res.inputs!;
  };
  const outOfBand = async (text: string) => {
    const inputs = await checked({ code: pkg(text), adopt: undefined });
    return dependencyApi.create(raw(), dependencyBody(inputs, (await buildPackage(inputs))?.zip));
  };

  it("the newest version, or adoptVersion: lists only, never a create; clean diff afterwards", async () => {
    const v1 = await outOfBand("v1");
    await outOfBand("v2");
    await clearRequestLog(adopt.emu.url);
    const inputs = await checked({ adoptVersion: v1.version });
    const { id, outs } = await dependencyProvider.create(inputs);
    expect(await operations()).toEqual(["ListDependencies 200", "ListDependencyVersion 200"]);
    expect(outs).toMatchObject({ versionId: v1.id, version: v1.version, codeHash: inputs.codeHash });
    expect(outs).not.toHaveProperty("adoptVersion");
    clearAdoptionClaims();
    expect(
      await dependencyProvider.diff!(id, outs!, await checked({ adopt: undefined, adoptVersion: undefined })),
    ).toEqual({ changes: false, replaces: [] });
    // Without adoptVersion the newest (v2) is taken, and its content must be the program's.
    await expect(dependencyProvider.create(await checked())).rejects.toThrow(
      /cannot adopt FunctionGraph dependency "pad" version 2: code \(its MD5 differs from the live etag\) differ\(s\).*remove `adopt` to create a new version/,
    );
    expect((await dependencyProvider.create(await checked({ code: pkg("v2") }))).outs!.version).toBe(2);
    expect((await operations()).filter((o) => o.startsWith("CreateDependencyVersion"))).toEqual([]);
  });

  it("missing name or version, and a version adopted twice, fail clearly", async () => {
    await expect(dependencyProvider.create(await checked())).rejects.toThrow(
      /cannot adopt FunctionGraph dependency "pad": it does not exist \(key pad\/newest version\)/,
    );
    await outOfBand("v1");
    await expect(dependencyProvider.create(await checked({ adoptVersion: 7 }))).rejects.toThrow(
      /dependency "pad" version 7: it does not exist/,
    );
    await dependencyProvider.create(await checked());
    await expect(dependencyProvider.create(await checked({ adoptVersion: 1 }))).rejects.toThrow(
      /adopted by two resources/,
    );
  });
});
