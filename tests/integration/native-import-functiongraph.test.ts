/**
 * `pulumi import` of every FunctionGraph resource with a remote object, on the native plugin's
 * lifecycle (no engine): each object is made out of band with signed API calls (as the console or
 * another tool would), read by its id alone, and the program declaring it must diff clean. The
 * resources that are runs, not objects, refuse the import with a message saying why.
 */
import * as pulumi from "@pulumi/pulumi";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { archiveToZip } from "../../provider/core/archive";
import { FunctionGraphClient } from "../../provider/functiongraph/client";
import { clearStackConfig, resolveSettings } from "../../provider/functiongraph/config";
import { aliasApi } from "../../provider/functiongraph/alias/api";
import { dependencyApi } from "../../provider/functiongraph/dependency-version/api";
import { versionApi } from "../../provider/functiongraph/version/api";
import { workflowApi } from "../../provider/functiongraph/workflow/api";
import { toWire } from "../../provider/functiongraph/workflow/flow";
import { configureAll, configSource } from "../../provider/native/config";
import { CLEAN, importById, previewAfterImport } from "../helpers/native-import";

jest.setTimeout(60_000);
let emu: RunningEmulator;
let fnUrn: string;
const raw = () => new FunctionGraphClient(resolveSettings(), { baseDelayMs: 1 });
const T = (name: string) => `cloudfn:functiongraph:${name}`;
const appCode = new pulumi.asset.AssetArchive({
  "index.js": new pulumi.asset.StringAsset("exports.handler = async () => 'hi';\n"),
});
const hostProgram = { name: "host", runtime: "Node.js18.15", handler: "index.handler", timeout: 3, code: appCode };
const libCode = new pulumi.asset.AssetArchive({ "shout.js": new pulumi.asset.StringAsset("module.exports = 1;\n") });

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  await configureAll(configSource({ emulator: emu.url }));
  const fn = await raw().createFunction({
    func_name: "host",
    package: "default",
    runtime: "Node.js18.15",
    handler: "index.handler",
    memory_size: 128,
    timeout: 3,
    code_type: "zip",
    code_filename: "index.zip",
    func_code: { file: (await archiveToZip(appCode)).toString("base64") },
  } as never);
  fnUrn = fn.func_urn;
});
afterAll(async () => {
  clearStackConfig();
  await emu.close();
});

/** Imports `id` as `token`, then previews `program`: it must be clean. */
async function expectCleanImport(token: string, id: string, program: Record<string, unknown>) {
  const imported = await importById(token, id);
  expect(imported.id).toBe(id);
  expect(await previewAfterImport(token, imported, program)).toEqual(CLEAN);
  expect(await previewAfterImport(token, imported, program, true)).toEqual(CLEAN);
  return imported;
}

describe("importing FunctionGraph objects made out of band", () => {
  it("a function, by its :latest URN, with its code compared by the zip's SHA-512", async () => {
    await expectCleanImport(T("Function"), fnUrn, hostProgram);
  });

  it("a TIMER trigger, by <function urn>/TIMER/<trigger id>", async () => {
    const timer = { name: "hourly", schedule_type: "Rate", schedule: "1h" };
    const made = await raw().createTrigger(fnUrn, {
      trigger_type_code: "TIMER",
      trigger_status: "ACTIVE",
      event_data: timer,
    });
    const program = {
      functionUrn: fnUrn,
      type: "TIMER",
      timer: { name: "hourly", scheduleType: "Rate", schedule: "1h" },
    };
    await expectCleanImport(T("Trigger"), `${fnUrn}/TIMER/${made.trigger_id}`, program);
  });

  it("a dependency version, by <dependency id>/<version>, with its code compared by the zip's MD5", async () => {
    const zip = await archiveToZip(libCode);
    const body = { name: "shout", runtime: "Node.js18.15", description: "lib", depend_type: "zip" as const };
    const made = await dependencyApi.create(raw(), { ...body, depend_file: zip.toString("base64") });
    const program = { name: "shout", runtime: "Node.js18.15", description: "lib", code: libCode };
    const imported = await expectCleanImport(T("DependencyVersion"), `${made.dep_id}/${made.version}`, program);
    expect(imported.outs).toMatchObject({ versionId: made.id, name: "shout" });
    // Other code is still a change (a replacement: versions are immutable).
    const other = new pulumi.asset.AssetArchive({ "shout.js": new pulumi.asset.StringAsset("module.exports = 2;\n") });
    const diff = await previewAfterImport(T("DependencyVersion"), imported, { ...program, code: other });
    expect(diff.replaces).toEqual(["code"]);
  });

  it("a workflow, by its URN", async () => {
    const def = {
      name: "orders_flow",
      description: "made_by_hand",
      mode: "NORMAL",
      start: "a",
      functions: [{ name: "fn", functionUrn: fnUrn }],
      states: [
        { id: "a", type: "Operation", transition: "b", actions: [{ functionRef: { refName: "fn" } }] },
        { id: "b", type: "End" },
      ],
    };
    const made = await workflowApi.create(raw(), toWire(def));
    await expectCleanImport(T("Workflow"), made.workflow_urn, def);
  });

  it("an async-invoke config, by the function URN it belongs to", async () => {
    await raw().putAsyncInvokeConfig(fnUrn, {
      max_async_event_age_in_seconds: 600,
      max_async_retry_attempts: 1,
      destination_config: {},
      enable_async_status_log: false,
    });
    const program = { functionUrn: fnUrn, maxAsyncEventAgeInSeconds: 600, maxAsyncRetryAttempts: 1 };
    await expectCleanImport(T("AsyncInvokeConfig"), fnUrn, program);
  });

  it("a version and an alias, by their qualified URNs, declared on the function's :latest URN", async () => {
    const v1 = await versionApi.publish(raw(), fnUrn, { version: "v1", description: "first" });
    await aliasApi.create(raw(), fnUrn, { name: "live", version: v1.version, description: "" });
    const base = fnUrn.replace(/:latest$/, "");
    await expectCleanImport(T("Version"), `${base}:v1`, { functionUrn: fnUrn, name: "v1", description: "first" });
    await expectCleanImport(T("Alias"), `${base}:!live`, { functionUrn: fnUrn, name: "live", version: "v1" });
  });

  it("an async-invoke config of an alias, by the alias URN, declared with a qualifier", async () => {
    const aliasUrn = `${fnUrn.replace(/:latest$/, "")}:!canary`;
    await aliasApi.create(raw(), fnUrn, { name: "canary", version: "latest", description: "" });
    await raw().putAsyncInvokeConfig(aliasUrn, {
      max_async_event_age_in_seconds: 300,
      max_async_retry_attempts: 0,
      destination_config: {},
      enable_async_status_log: false,
    });
    const program = {
      functionUrn: fnUrn,
      qualifier: "!canary",
      maxAsyncEventAgeInSeconds: 300,
      maxAsyncRetryAttempts: 0,
    };
    await expectCleanImport(T("AsyncInvokeConfig"), aliasUrn, program);
  });

  it.each([
    ["Invocation", "a-request-id"],
    ["WorkflowExecution", "an-execution-id"],
  ])("%s is a run, not an object: its import fails saying so", async (name, id) => {
    await expect(importById(T(name), id)).rejects.toThrow(new RegExp(`${T(name)} cannot be imported: .+`));
  });
});
