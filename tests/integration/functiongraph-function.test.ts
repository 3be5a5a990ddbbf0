/**
 * The Function provider's CRUD against the in-process emulator (emulator-only; not yet run
 * against the real platform). Asserts on the emulator's request log, so "an update calls only
 * what changed" is checked request by request.
 */
import * as pulumi from "@pulumi/pulumi";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { fgCall } from "../../emulator/testing/fg-client";
import { ARCHIVE_SIG, ASSET_SIG, SIG_KEY } from "../../provider/core/archive";
import { clearStackConfig } from "../../provider/functiongraph/config";
import { provider, tuning } from "../../provider/functiongraph/function";
import { FunctionInputs } from "../../provider/functiongraph/function/schema";
import { fgStackConfig } from "../helpers/fg-emulator";
import { controlCall, operationLines } from "../helpers/fg-http";

let emu: RunningEmulator;
const control = (method: string, path: string, body?: unknown) => controlCall(emu.url, method, path, body);
const operations = () => operationLines(emu.url);
const clearLog = () => control("DELETE", "/_emulator/requests");

function configure(extra: Record<string, string> = {}) {
  const config = fgStackConfig(emu, { "cloudfn:functiongraphIamEndpoint": emu.url, ...extra });
  return provider.configure!({ config });
}

const source = (text: string) => new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(text) });
const hello = source("exports.handler = async (event) => ({ hello: event.name });");

async function checked(over: Partial<FunctionInputs> = {}): Promise<FunctionInputs> {
  const res = await provider.check!(
    {} as FunctionInputs,
    { name: "hello", runtime: "Node.js18.15", handler: "index.handler", code: hello, ...over } as FunctionInputs,
  );
  expect(res.failures).toBeUndefined();
  return res.inputs!;
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  tuning.client = { baseDelayMs: 1 };
  tuning.deleteRetryDelayMs = 1;
});
afterAll(async () => {
  clearStackConfig();
  await emu.close();
});
beforeEach(async () => {
  await control("POST", "/_emulator/reset");
  await configure();
});

describe("functiongraph Function provider against the emulator", () => {
  it("create → read → updates that call only what changed → drift → delete", async () => {
    const inputs = await checked({ environment: { STAGE: "dev" }, encryptedEnvironment: { TOKEN: "s3cr3t" } });
    const { id, outs } = await provider.create(inputs);
    expect(id).toBe(`urn:fss:${emu.credentials.region}:${emu.credentials.projectId}:function:default:hello:latest`);
    expect(outs).toMatchObject({
      funcUrn: id,
      name: "hello",
      memorySize: 128,
      cpu: 300,
      version: "latest",
      codeType: "zip",
      codeHash: inputs.codeHash,
      environment: { STAGE: "dev" },
    });
    expect(outs!.digest).toMatch(/^[0-9a-f]{128}$/);
    expect(JSON.stringify(outs)).not.toContain("s3cr3t");
    expect(await operations()).toEqual(["CreateFunction 200"]);

    const read = await provider.read!(id, outs);
    expect(read.id).toBe(id);
    expect(read.props).toEqual(outs);
    expect(await provider.diff!(id, read.props!, inputs)).toEqual({ changes: false, replaces: [] });

    await clearLog();
    const bigger = await checked({
      environment: { STAGE: "dev" },
      encryptedEnvironment: { TOKEN: "s3cr3t" },
      memorySize: 512,
    });
    const afterConfig = (await provider.update!(id, outs!, bigger)).outs!;
    // F4 replaces the whole config, so the live one is read right before it (no-loss updates).
    expect(await operations()).toEqual(["ShowFunctionConfig 200", "UpdateFunctionConfig 200"]);
    expect(afterConfig).toMatchObject({ memorySize: 512, cpu: 600, digest: outs!.digest });

    await clearLog();
    const newCode = await checked({
      environment: { STAGE: "dev" },
      encryptedEnvironment: { TOKEN: "s3cr3t" },
      memorySize: 512,
      code: source("exports.handler = async () => 2;"),
    });
    const afterCode = (await provider.update!(id, afterConfig, newCode)).outs!;
    expect(await operations()).toEqual(["UpdateFunctionCode 200"]);
    expect(afterCode.digest).not.toBe(outs!.digest);
    expect(afterCode.codeHash).toBe(newCode.codeHash);

    // Out-of-band memory change: read reports it, and inputs follow so refresh + preview agree.
    await setMemoryOutOfBand(id, 1024);
    const drifted = await provider.read!(id, afterCode);
    expect(drifted.props).toMatchObject({ memorySize: 1024 });
    expect(drifted.inputs).toMatchObject({ memorySize: 1024, codeHash: newCode.codeHash });
    expect(await provider.diff!(id, drifted.props!, newCode)).toEqual({ changes: true, replaces: [] });

    await clearLog();
    await provider.delete!(id, afterCode);
    await provider.delete!(id, afterCode);
    expect(await operations()).toEqual(["DeleteFunction 204", "DeleteFunction 404"]);
    expect(await provider.read!(id, afterCode)).toEqual({});
  });

  it("reports out-of-band code changes as a code diff after refresh", async () => {
    const inputs = await checked();
    const { id, outs } = await provider.create(inputs);
    const other = await checked({ code: source("exports.handler = async () => 'changed elsewhere';") });
    await provider.update!(id, outs!, other); // someone else uploads different code
    const refreshed = await provider.read!(id, outs);
    expect(refreshed.props!.codeHash).toMatch(/^drift:/);
    expect(await provider.diff!(id, refreshed.props!, inputs)).toEqual({ changes: true, replaces: [] });
  });

  it("retries 429 and 503 answers", async () => {
    await control("POST", "/_emulator/faults", {
      operation: "CreateFunction",
      status: 429,
      errorCode: "APIG.0308",
      times: 1,
    });
    await control("POST", "/_emulator/faults", {
      operation: "CreateFunction",
      status: 503,
      errorCode: "FSS.0503",
      times: 2,
    });
    const { id } = await provider.create(await checked());
    expect(await operations()).toEqual([
      "CreateFunction 429",
      "CreateFunction 503",
      "CreateFunction 503",
      "CreateFunction 200",
    ]);
    expect((await provider.read!(id)).id).toBe(id);
  });

  it("reconciles its own function when a create response was lost (no duplicate, no 'already exists')", async () => {
    await control("POST", "/_emulator/faults", { operation: "CreateFunction", dropAfter: true, times: 1 });
    const { id, outs } = await provider.create(await checked({ memorySize: 256 }));
    // The emulator logs a dropped answer with status 0; the retried POST then meets our own function.
    expect(await operations()).toEqual([
      "CreateFunction 0",
      "CreateFunction 409",
      "ShowFunctionConfig 200",
      "UpdateFunctionConfig 200",
    ]);
    expect(outs).toMatchObject({ funcUrn: id, memorySize: 256 });
    expect(await countFunctions()).toBe(1);
  });

  it("refuses to reconcile with a same-named function with different code", async () => {
    await provider.create(await checked());
    await expect(provider.create(await checked({ code: source("exports.handler = 1;") }))).rejects.toThrow(
      /^function "hello" already exists in package "default" with different code, so it was not created by this deployment; delete it, or choose another name \(HTTP 409 FSS.1061: /,
    );
  });

  it("works with IAM token auth, fetching one token for many calls", async () => {
    const c = emu.credentials;
    await configure({
      "cloudfn:functiongraphAuth": "token",
      "cloudfn:functiongraphUserName": c.userName,
      "cloudfn:functiongraphPassword": c.password,
      "cloudfn:functiongraphDomainName": c.domainName,
    });
    const { id, outs } = await provider.create(await checked({ name: "tokened" }));
    await provider.read!(id, outs);
    await provider.delete!(id, outs!);
    expect(await operations()).toEqual([
      "KeystoneCreateUserTokenByPassword 201",
      "CreateFunction 200",
      "ShowFunctionConfig 200",
      "DeleteFunction 204",
    ]);
  });
});

/** An out-of-band change, made by a second client that is not the provider's update path. */
async function setMemoryOutOfBand(id: string, memory: number): Promise<void> {
  const { FunctionGraphClient } = await import("../../provider/functiongraph/client");
  const { resolveSettings } = await import("../../provider/functiongraph/config");
  const fg = new FunctionGraphClient(resolveSettings());
  const live = await fg.getFunctionConfig(id);
  await fg.updateFunctionConfig(id, {
    func_name: live.func_name,
    runtime: live.runtime,
    handler: live.handler,
    memory_size: memory,
    timeout: live.timeout,
    description: live.description ?? "",
    user_data: live.user_data ?? undefined,
  });
}

async function countFunctions(): Promise<number> {
  const { FunctionGraphClient } = await import("../../provider/functiongraph/client");
  const { resolveSettings } = await import("../../provider/functiongraph/config");
  const { collect } = await import("../../provider/core/paginate");
  return (await collect(new FunctionGraphClient(resolveSettings()).listFunctions())).length;
}

describe("functiongraph Function provider: dependencies and OBS code", () => {
  beforeEach(async () => {
    await control("POST", "/_emulator/reset");
    await configure();
  });

  it("retries a delete answered FSS.0400 (seen right after a create) until it succeeds", async () => {
    const { id, outs } = await provider.create(await checked());
    await control("POST", "/_emulator/faults", {
      operation: "DeleteFunction",
      status: 400,
      errorCode: "FSS.0400",
      times: 2,
    });
    await clearLog();
    await provider.delete!(id, outs!);
    expect(await operations()).toEqual(["DeleteFunction 400", "DeleteFunction 400", "DeleteFunction 204"]);
    expect(await countFunctions()).toBe(0);
  });

  it("retries dropped connections", async () => {
    await control("POST", "/_emulator/faults", { operation: "ShowFunctionConfig", drop: true, times: 2 });
    const { id, outs } = await provider.create(await checked());
    await clearLog();
    expect((await provider.read!(id, outs)).props).toEqual(outs);
    expect(await operations()).toEqual(["ShowFunctionConfig 0", "ShowFunctionConfig 0", "ShowFunctionConfig 200"]);
  });

  it("accepts archives in the wire form the dynamic-provider host passes", async () => {
    const wire = {
      [SIG_KEY]: ARCHIVE_SIG,
      assets: {
        "index.js": { [SIG_KEY]: ASSET_SIG, text: "exports.handler = async (event) => ({ hello: event.name });" },
      },
    };
    const inputs = await checked({ code: wire });
    expect(inputs.codeHash).toBe((await checked()).codeHash);
    const { outs } = await provider.create(inputs);
    expect(outs!.code).toBe(wire);
  });

  it("sends dependencies through the code API after create, and only the code API when they change", async () => {
    // The emulator checks that referenced versions exist, so make two real ones first.
    const c = emu.credentials;
    const newVersion = async () =>
      (
        await fgCall(emu.url, c, {
          method: "POST",
          path: `/v2/${c.projectId}/fgs/dependencies/version`,
          body: {
            depend_type: "obs",
            depend_link: "https://b.obs.example.com/d.zip",
            runtime: "Node.js18.15",
            name: "dep",
          },
        })
      ).body.id as string;
    const [v1, v2] = [await newVersion(), await newVersion()];
    await clearLog();
    const { id, outs } = await provider.create(await checked({ dependencyVersionIds: [v1] }));
    expect(await operations()).toEqual(["CreateFunction 200", "UpdateFunctionCode 200"]);
    expect(outs!.dependencyVersionIds).toEqual([v1]);
    await clearLog();
    await provider.update!(id, outs!, await checked({ dependencyVersionIds: [v2] }));
    expect(await operations()).toEqual(["UpdateFunctionCode 200"]);
  });
});
