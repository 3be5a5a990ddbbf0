/**
 * Whatever the emulator saves, it loads back: objects are made on all three platforms through
 * their APIs, the state is saved from the control plane, and a new emulator started on that file
 * (which runs the state-file check) holds exactly the same state. Emulator-only.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import JSZip from "jszip";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { fgCall, type FgCall } from "../../emulator/testing/fg-client";
import { lcCall, type LcCall } from "../../emulator/testing/leancloud-client";
import { SAMPLE_CLOUD_JS, writeProject } from "../../emulator/testing/leancloud-projects";
import { minappLogin, minappRequest } from "../../emulator/testing/minapp-client";
import { tempDir } from "../helpers/temp-dirs";
import { inlineFunction } from "../helpers/fg-emulator";

// Deploys and invocations start child processes: a loaded machine needs time.
jest.setTimeout(120_000);

const emulators: RunningEmulator[] = [];
afterEach(async () => {
  for (const emu of emulators.splice(0)) await emu.close();
});

async function started(stateFile?: string): Promise<RunningEmulator> {
  const emu = await startEmulator({ stateFile });
  emulators.push(emu);
  return emu;
}

async function ok(result: Promise<{ status: number; body: any }>): Promise<any> {
  const { status, body } = await result;
  expect([status, status < 300]).toEqual([status, true]);
  return body;
}

async function zipped(files: Record<string, string>): Promise<string> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return (await zip.generateAsync({ type: "nodebuffer" })).toString("base64");
}

const fgFunction = (name: string) => inlineFunction(name, "exports.handler = async (event) => event;", 5);

function workflow(fnUrn: string) {
  return {
    name: "order_flow",
    start: "step1",
    mode: "EXPRESS",
    constants: {},
    retries: [],
    functions: [{ name: "fn1", operation: fnUrn }],
    states: [
      {
        id: "step1",
        name: "step1",
        type: "Operation",
        end: false,
        transition: "done",
        action_mode: "sequential",
        actions: [{ function_ref: { ref_name: "fn1", invoke_mode: "synchronize", arguments: {} } }],
      },
      { id: "done", name: "done", type: "End", end: true, transition: "", actions: [] },
    ],
  };
}

/**
 * Functions, a timer trigger, a dependency, an async config with a delivery, invocations, a
 * workflow, versions and an alias (with its own trigger and async config), a token.
 */
async function seedFunctionGraph(emu: RunningEmulator): Promise<void> {
  const call = (c: FgCall) => ok(fgCall(emu.url, emu.credentials, c));
  const fgs = `/v2/${emu.credentials.projectId}/fgs`;
  const echo = (await call({ method: "POST", path: `${fgs}/functions`, body: fgFunction("echo") })).func_urn;
  const sink = (await call({ method: "POST", path: `${fgs}/functions`, body: fgFunction("sink") })).func_urn;
  const timer = { name: "hourly", schedule_type: "Rate", schedule: "1h", user_event: "hi" };
  await call({
    method: "POST",
    path: `${fgs}/triggers/${echo}`,
    body: { trigger_type_code: "TIMER", event_data: timer },
  });
  const dependency = { depend_type: "zip", runtime: "Node.js18.15", name: "left-pad", description: "pad" };
  const depend_file = await zipped({ "node_modules/left-pad/index.js": "module.exports = (s) => s;" });
  await call({ method: "POST", path: `${fgs}/dependencies/version`, body: { ...dependency, depend_file } });
  const onSuccess = { destination: "FunctionGraph", param: JSON.stringify({ func_urn: sink }) };
  const config = { max_async_retry_attempts: 1, destination_config: { on_success: onSuccess } };
  await call({ method: "PUT", path: `${fgs}/functions/${echo}/async-invoke-config`, body: config });
  await call({ method: "POST", path: `${fgs}/functions/${echo}/invocations`, body: { a: 1 } });
  await call({ method: "POST", path: `${fgs}/functions/${echo}/invocations-async`, body: { b: 2 } });
  await call({ method: "POST", path: "/_emulator/functiongraph/async/drain", auth: "none" });
  await call({ method: "POST", path: `${fgs}/workflows`, body: workflow(echo) });
  // A version, an alias routing by weight, and a trigger and async config on the alias.
  const echoFn = String(echo).replace(/:latest$/, "");
  await call({ method: "POST", path: `${fgs}/functions/${echoFn}/versions`, body: { version: "v1" } });
  await call({ method: "PUT", path: `${fgs}/functions/${echo}/config`, body: { ...fgFunction("echo"), timeout: 6 } });
  await call({ method: "POST", path: `${fgs}/functions/${echoFn}/versions`, body: { version: "v2" } });
  const live = { name: "live", version: "v1", additional_version_weights: { v2: 20 } };
  await call({ method: "POST", path: `${fgs}/functions/${echoFn}/aliases`, body: live });
  const daily = { name: "daily", schedule_type: "Rate", schedule: "1d" };
  await call({
    method: "POST",
    path: `${fgs}/triggers/${echoFn}:!live`,
    body: { trigger_type_code: "TIMER", event_data: daily },
  });
  await call({ method: "PUT", path: `${fgs}/functions/${echoFn}:!live/async-invoke-config`, body: config });
  const tags = { tags: [{ key: "team", value: "core" }] };
  await call({ method: "POST", path: `/v2/${emu.credentials.projectId}/functions/${echo}/tags/create`, body: tags });
  await call({ method: "PUT", path: `${fgs}/functions/${echo}/reservedinstances`, body: { count: 1 } });
  await call({ method: "POST", path: `${fgs}/functions/enable-lts-logs` });
  const user = { name: emu.credentials.userName, password: emu.credentials.password, domain: { name: "cloudfn" } };
  const identity = { methods: ["password"], password: { user } };
  const token = { auth: { identity, scope: { project: { name: emu.credentials.region } } } };
  await call({ method: "POST", path: "/v3/auth/tokens", body: token, auth: "none" });
}

/** A token, a cloud function and a job (with its sequences). */
async function seedMinApp(emu: RunningEmulator): Promise<void> {
  const token = (await minappLogin(emu.url)).access_token;
  const fn = "/oserve/v1.3/cloud-function/";
  const main = 'exports.main = function (event, callback) { callback(null, "hi") }';
  await ok(minappRequest(emu.url, { token, method: "POST", path: fn, body: { name: "hello", function_code: main } }));
  await ok(minappRequest(emu.url, { token, method: "POST", path: `${fn}hello/job/`, body: { data: {} } }));
}

/** A deployed version (groups, routes, code, events), group variables and a user. */
async function seedLeanCloud(emu: RunningEmulator): Promise<void> {
  const call = (c: LcCall) => ok(lcCall(emu.url, emu.leancloud, c));
  const project = writeProject({ "cloud.js": SAMPLE_CLOUD_JS });
  const deploy = { path: project, overwriteFunctions: true };
  await call({ method: "POST", path: "/_emulator/leancloud/deploy", auth: "none", body: deploy });
  const group = emu.leancloud.group;
  const variables = { environments: { GREETING: "hello" } };
  await call({ method: "PATCH", path: `/1.1/engine/groups/${group}`, body: variables, auth: "console" });
  await call({ method: "POST", path: "/1.1/users", body: { username: "ada", password: "s3cret" } });
  const versionTag = (await call({ method: "GET", path: "/1.1/engine/groups", auth: "console" }))[0].production.version
    .versionTag;
  const promote = { method: "POST", path: `/1.1/engine/groups/${group}/envs/0/version`, auth: "console" } as const;
  await deployFinished(call, (await call({ ...promote, body: { versionTag } })).eventToken);
}

/** Polls the deploy's event log, as the lean CLI does, until it says no more events will come. */
async function deployFinished(call: (c: LcCall) => Promise<any>, token: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await call({ method: "GET", path: `/1.1/engine/events/poll/${token}`, auth: "console" })).moreEvent) {
    if (Date.now() > deadline) throw new Error("deploy never finished");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const kinds = (emu: RunningEmulator, platform: string) =>
  Object.keys(Object.values(emu.store.snapshot().platforms[platform] ?? {})[0] ?? {}).sort();

describe("state round trip", () => {
  it("loads back every bucket the emulator saved, on all three platforms", async () => {
    const first = await started();
    await seedFunctionGraph(first);
    await seedMinApp(first);
    await seedLeanCloud(first);
    const saved = await (await fetch(`${first.url}/_emulator/state`)).json();
    // Every bucket kind is there, so the check below covers each platform's schemas.
    expect(kinds(first, "functiongraph")).toEqual(
      [
        "asyncInvokeConfigs",
        "dependencies",
        "functions",
        "invocations",
        "tokens",
        "triggers",
        "workflows",
        "versions",
        "aliases",
        "lts",
        "reservedInstances",
        "tags",
      ].sort(),
    );
    expect(kinds(first, "minapp")).toEqual(["auth", "environments", "sequences"]);
    expect(kinds(first, "leancloud")).toEqual(["code", "events", "functionRoutes", "groups", "users"]);
    await first.close();
    emulators.splice(0);

    const file = join(tempDir("cloudfn-state-roundtrip-"), "state.json");
    writeFileSync(file, JSON.stringify(saved));
    const second = await started(file);
    expect(second.store.snapshot()).toEqual(saved);
  });
});
