/**
 * The program-side helpers (`getFunctionReport`, `listAsyncInvocations`, the workflow execution
 * readers, MinApp `listJobRecords`) and the native plugin's Invoke with `profile`, against two
 * in-process emulators: the default configuration points at "north", the profile `south` at an
 * emulator with its own region, project and keys (docs/providers.md).
 */
import { startEmulator, type RunningEmulator } from "../../emulator/server";
import { fgCall } from "../../emulator/testing/fg-client";
import { getFunctionReport, tuning as reportTuning } from "../../provider/functiongraph/report";
import { listAsyncInvocations, tuning as asyncTuning } from "../../provider/functiongraph/async-invocations";
import {
  getWorkflowExecution,
  listWorkflowExecutions,
  tuning as flowTuning,
} from "../../provider/functiongraph/workflow-execution/helpers";
import { clearStackConfig } from "../../provider/functiongraph/config";
import { clearTokens } from "../../provider/minapp/auth";
import { listJobRecords } from "../../provider/minapp/jobs";
import { configSource } from "../../provider/native/config";
import { invoke } from "../../provider/native/functions";
import { clearRequestLog, requestLog } from "../helpers/fg-http";
import { inlineFunction } from "../helpers/fg-emulator";

jest.setTimeout(60_000);
const SOUTH = {
  region: "cn-south-1",
  projectId: "50u7h000000000000000000000000000",
  accessKey: "SOUTHPROFILEACCESSKEY",
  secretKey: "south-profile-secret-key-value",
};
let north: RunningEmulator;
let south: RunningEmulator;
const urns: Record<string, string> = {};

const southProfile = () => ({
  emulator: south.url,
  functiongraphRegion: SOUTH.region,
  functiongraphProjectId: SOUTH.projectId,
  functiongraphAccessKey: SOUTH.accessKey,
  functiongraphSecretKey: SOUTH.secretKey,
});
/** The program's stack config as `pulumi config set --path` leaves it: profiles as one JSON text. */
const stack = () => {
  const values: Record<string, string> = {
    "cloudfn:emulator": north.url,
    "cloudfn:profiles": JSON.stringify({ south: southProfile() }),
  };
  return { get: (k: string) => values[k] };
};

async function deployAndRun(emu: RunningEmulator, name: string): Promise<string> {
  const c = emu.credentials;
  const call = (method: string, path: string, body: unknown) =>
    fgCall(emu.url, c, {
      method,
      path: `/v2/${c.projectId}/fgs/${path}`,
      body,
      headers: { "x-project-id": c.projectId },
    });
  const created = await call("POST", "functions", inlineFunction(name, "exports.handler = async () => 1;", 3));
  expect(created.status).toBe(200);
  expect((await call("POST", `functions/${created.body.func_urn}/invocations`, {})).status).toBe(200);
  return created.body.func_urn;
}

const paths = async (emu: RunningEmulator) => (await requestLog(emu.url)).map((r) => `${r.method} ${r.path}`);

beforeAll(async () => {
  north = await startEmulator({ port: 0 });
  south = await startEmulator({ port: 0, credentials: SOUTH });
  for (const t of [reportTuning, asyncTuning, flowTuning]) t.client = { retries: 0 };
  urns.north = await deployAndRun(north, "north-fn");
  urns.south = await deployAndRun(south, "south-fn");
});
afterAll(async () => {
  clearStackConfig();
  clearTokens();
  await north?.close();
  await south?.close();
});
beforeEach(async () => {
  for (const emu of [north, south]) await clearRequestLog(emu.url);
});

describe("helpers with a profile", () => {
  it("getFunctionReport reads the profile's account; without one, the default's", async () => {
    const south = await getFunctionReport({ type: "count", profile: "south" }, stack());
    expect(south.values).toEqual([{ functionUrn: urns.south, value: 1 }]);
    const plain = await getFunctionReport({ type: "count" }, stack());
    expect(plain.values).toEqual([{ functionUrn: urns.north, value: 1 }]);
  });

  it("listAsyncInvocations and the workflow readers call the profile's emulator", async () => {
    expect(await listAsyncInvocations({ functionUrn: urns.south, profile: "south" }, stack())).toEqual([]);
    await listWorkflowExecutions({ workflowId: "wf-1", profile: "south" }, stack()).catch(() => undefined);
    await getWorkflowExecution({ workflowId: "wf-1", executionId: "x-1", profile: "south" }, stack()).catch(
      () => undefined,
    );
    expect(await paths(south)).toEqual([
      expect.stringMatching(new RegExp(`^GET /v2/${SOUTH.projectId}/fgs/functions/.*south-fn.*/async-invocations`)),
      `GET /v2/${SOUTH.projectId}/fgs/workflows/wf-1/executions`,
      `GET /v2/${SOUTH.projectId}/fgs/workflows/wf-1/executions/x-1`,
    ]);
    expect(await paths(north)).toEqual([]);
  });

  it("listJobRecords resolves MinApp through the profile's emulator; explicit options still win", async () => {
    await listJobRecords("nothing", { profile: "south" }, stack()).catch(() => undefined);
    expect((await paths(south)).some((p) => p.includes("nothing"))).toBe(true);
    expect(await paths(north)).toEqual([]);
    await listJobRecords("nothing", { profile: "south", endpoint: north.url }, stack()).catch(() => undefined);
    expect((await paths(north)).some((p) => p.includes("nothing"))).toBe(true);
  });

  it("a malformed or unknown profile fails before any call, naming what was looked for", async () => {
    await expect(getFunctionReport({ profile: "ghost" }, stack())).rejects.toThrow(
      /profile "ghost" has no FunctionGraph settings.*HW_REGION_NAME_GHOST/,
    );
    await expect(listJobRecords("f", { profile: "ghost" }, stack())).rejects.toThrow(
      /profile "ghost" has no MinApp settings/,
    );
    await expect(listAsyncInvocations({ functionUrn: urns.south, profile: "no way" }, stack())).rejects.toThrow(
      /profile must be 1-63 letters/,
    );
    for (const emu of [north, south]) expect(await paths(emu)).toEqual([]);
  });

  it("the profile's suffixed environment variables serve it too", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      CLOUDFN_EMULATOR_EAST: south.url,
      HW_REGION_NAME_EAST: SOUTH.region,
      HW_PROJECT_ID_EAST: SOUTH.projectId,
      HW_ACCESS_KEY_EAST: SOUTH.accessKey,
      HW_SECRET_KEY_EAST: SOUTH.secretKey,
    });
    try {
      const report = await getFunctionReport({ type: "count", profile: "east" }, stack());
      expect(report.values).toEqual([{ functionUrn: urns.south, value: 1 }]);
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    }
  });

  it("the native plugin's Invoke takes `profile`, resolved against the provider's `profiles`", async () => {
    const config = configSource({ emulator: north.url, profiles: { south: southProfile() } });
    const args = { type: "count", profile: "south" };
    expect(await invoke("cloudfn:functiongraph:getFunctionReport", args, config)).toEqual({
      values: [{ functionUrn: urns.south, value: 1 }],
      count: 1,
    });
    // Every other provider function takes it too, and reads only the profile's emulator.
    const listArgs = { functionUrn: urns.south, profile: "south" };
    expect(await invoke("cloudfn:functiongraph:listAsyncInvocations", listArgs, config)).toEqual({ invocations: [] });
    await invoke("cloudfn:minapp:listJobRecords", { functionName: "nothing", profile: "south" }, config).catch(
      () => undefined,
    );
    expect(await paths(north)).toEqual([]);
    expect((await paths(south)).some((p) => p.includes("nothing"))).toBe(true);
  });
});
