/**
 * The Version and Alias providers, and the `qualifier` of Trigger, AsyncInvokeConfig and
 * Invocation, against the in-process emulator: publish, lost publish answers, the platform's
 * refusals (nothing changed, digest guard, quota, version used by an alias), aliases with
 * weights updated in place, and resources addressed to a version or an alias.
 */
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { fgCall } from "../../emulator/testing/fg-client";
import { clearStackConfig } from "../../provider/functiongraph/config";
import { provider as versionProvider, tuning as versionTuning } from "../../provider/functiongraph/version";
import { VersionInputs, VersionOutputs } from "../../provider/functiongraph/version/schema";
import { provider as aliasProvider, tuning as aliasTuning } from "../../provider/functiongraph/alias";
import { AliasInputs, AliasOutputs } from "../../provider/functiongraph/alias/schema";
import { provider as triggerProvider, tuning as triggerTuning } from "../../provider/functiongraph/trigger";
import { TriggerInputs } from "../../provider/functiongraph/trigger/schema";
import { provider as asyncProvider, tuning as asyncTuning } from "../../provider/functiongraph/async-invoke-config";
import { AsyncInvokeConfigInputs } from "../../provider/functiongraph/async-invoke-config/schema";
import { provider as invocationProvider, tuning as invocationTuning } from "../../provider/functiongraph/invocation";
import { InvocationInputs } from "../../provider/functiongraph/invocation/schema";
import { controlCall, operationLines } from "../helpers/fg-http";

jest.setTimeout(60_000);

let emu: RunningEmulator;
const FN = () => `/v2/${emu.credentials.projectId}/fgs/functions`;
const fg = (method: string, path: string, body?: unknown) => fgCall(emu.url, emu.credentials, { method, path, body });
const code = (answer: string) =>
  Buffer.from(`exports.handler = async () => ${JSON.stringify(answer)};`).toString("base64");

const control = (method: string, path: string, body?: unknown) => controlCall(emu.url, method, path, body);
const operations = () => operationLines(emu.url, "functiongraph");

async function deploy(name: string, answer: string): Promise<string> {
  const res = await fg("POST", FN(), {
    func_name: name,
    package: "default",
    runtime: "Node.js18.15",
    handler: "index.handler",
    memory_size: 128,
    timeout: 3,
    code_type: "inline",
    func_code: { file: code(answer) },
  });
  expect(res.status).toBe(200);
  return res.body.func_urn;
}
async function setCode(urn: string, answer: string): Promise<string> {
  const res = await fg("PUT", `${FN()}/${urn}/code`, { code_type: "inline", func_code: { file: code(answer) } });
  expect(res.status).toBe(200);
  return (await fg("GET", `${FN()}/${urn}/config`)).body.digest;
}

const stackConfig = (): Record<string, string> => ({
  "cloudfn:functiongraphEndpoint": emu.url,
  "cloudfn:functiongraphRegion": emu.credentials.region,
  "cloudfn:functiongraphProjectId": emu.credentials.projectId,
  "cloudfn:functiongraphAccessKey": emu.credentials.accessKey,
  "cloudfn:functiongraphSecretKey": emu.credentials.secretKey,
});

async function checked<T>(p: { check?: (o: T, n: T) => Promise<{ inputs?: T; failures?: unknown[] }> }, news: object) {
  const res = await p.check!({} as T, news as T);
  expect(res.failures).toBeUndefined();
  return res.inputs!;
}
const publish = async (news: Partial<VersionInputs>) =>
  versionProvider.create(await checked<VersionInputs>(versionProvider, news));

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  for (const t of [versionTuning, aliasTuning, triggerTuning, asyncTuning, invocationTuning])
    t.client = { baseDelayMs: 1 };
});
afterAll(async () => {
  clearStackConfig();
  await emu.close();
});
beforeEach(async () => {
  await control("POST", "/_emulator/reset");
  await versionProvider.configure!({ config: { get: (k: string) => stackConfig()[k] } } as never);
});

describe("Version provider", () => {
  it("publishes a named version, reads it by listing, refuses an unchanged publish clearly, deletes it", async () => {
    const urn = await deploy("pub", "one");
    const { id, outs } = await publish({ functionUrn: urn, name: "v1", description: "first" });
    expect(id).toBe(urn.replace(/:latest$/, ":v1"));
    expect(outs).toMatchObject({
      version: "v1",
      description: "first",
      qualifiedUrn: id,
      codeDigest: expect.any(String),
    });
    const read = await versionProvider.read!(id, outs);
    expect(read.props).toEqual(outs);
    await expect(publish({ functionUrn: urn })).rejects.toThrow(
      /nothing to publish: .* has not changed since its newest version/,
    );
    await versionProvider.delete!(id, outs as VersionOutputs);
    expect(await versionProvider.read!(id, outs as VersionOutputs)).toEqual({});
    await versionProvider.delete!(id, outs as VersionOutputs); // already gone: success
  });

  it("names an unnamed version after the platform, and guards the code with digest", async () => {
    const urn = await deploy("dig", "one");
    const digest = await setCode(urn, "two");
    const { outs } = await publish({ functionUrn: urn, digest });
    expect(outs!.version).toMatch(/^\d{8}-\d{6}/);
    expect(outs!.digest).toBe(digest);
    await setCode(urn, "three");
    await expect(publish({ functionUrn: urn, digest })).rejects.toThrow(/no longer has digest/);
  });

  it("takes the version a lost publish made instead of publishing twice", async () => {
    const urn = await deploy("lost", "one");
    await control("DELETE", "/_emulator/requests");
    await control("POST", "/_emulator/faults", { operation: "CreateFunctionVersion", dropAfter: true, times: 1 });
    const { outs } = await publish({ functionUrn: urn, description: "auto" });
    expect(await operations()).toEqual([
      "ListFunctionVersions 200",
      "CreateFunctionVersion 0",
      "ListFunctionVersions 200",
    ]);
    const listed = (await fg("GET", `${FN()}/${urn}/versions`)).body.versions.filter(
      (v: any) => v.version !== "latest",
    );
    expect(listed.map((v: any) => v.version)).toEqual([outs!.version]);
    // A re-run of a named publish meets its own version (409) and takes it.
    const first = await publish({
      functionUrn: urn,
      name: "v9",
      description: "x",
      digest: await setCode(urn, "two"),
    });
    const again = await publish({ functionUrn: urn, name: "v9", description: "x" });
    expect(again.id).toBe(first.id);
  });

  it("names the quota and the versions to clean up", async () => {
    const urn = await deploy("quota", "0");
    for (let i = 1; i <= 19; i++) {
      await setCode(urn, String(i));
      await publish({ functionUrn: urn, name: `v${i}` });
    }
    await setCode(urn, "20");
    await expect(publish({ functionUrn: urn, name: "v20" })).rejects.toThrow(
      /has 19 published versions \(v1, v2, .*v19\) and FunctionGraph allows 19 besides latest/,
    );
  });
});

describe("Alias provider", () => {
  it("routes by weight, updates in place, blocks deleting its versions by name, deletes", async () => {
    const urn = await deploy("canary", "v1");
    const v1 = await publish({ functionUrn: urn, name: "v1" });
    await setCode(urn, "v2");
    const v2 = await publish({ functionUrn: urn, name: "v2" });
    const inputs = await checked<AliasInputs>(aliasProvider, {
      functionUrn: urn,
      name: "live",
      version: "v1",
      additionalVersionWeights: { v2: 10 },
    });
    const { id, outs } = await aliasProvider.create(inputs);
    expect(id).toBe(urn.replace(/:latest$/, ":!live"));
    expect(outs).toMatchObject({
      version: "v1",
      additionalVersionWeights: { v2: 10 },
      qualifier: "!live",
      aliasUrn: id,
    });
    const read = await aliasProvider.read!(id, outs);
    expect(await aliasProvider.diff!(id, read.props!, inputs)).toEqual({ changes: false, replaces: [] });

    await expect(versionProvider.delete!(v2.id, v2.outs as VersionOutputs)).rejects.toThrow(
      /cannot delete version "v2" .*: alias "live" routes traffic to it/,
    );
    const promoted = { ...inputs, version: "v2", additionalVersionWeights: undefined };
    const diff = await aliasProvider.diff!(id, read.props!, promoted);
    expect(diff).toEqual({ changes: true, replaces: [] });
    await control("DELETE", "/_emulator/requests");
    const updated = await aliasProvider.update!(id, read.props!, promoted);
    expect(await operations()).toEqual(["UpdateVersionAlias 200"]);
    expect(updated.outs).toMatchObject({ version: "v2" });
    expect(updated.outs!.additionalVersionWeights).toBeUndefined();
    await versionProvider.delete!(v1.id, v1.outs as VersionOutputs); // no alias routes to v1 any more

    await aliasProvider.delete!(id, updated.outs as AliasOutputs);
    expect(await aliasProvider.read!(id, updated.outs as AliasOutputs)).toEqual({});
  });

  it("routes by header rules, read back unchanged, and switches to weights in place", async () => {
    const urn = await deploy("rules", "v1");
    await publish({ functionUrn: urn, name: "v1" });
    await setCode(urn, "v2");
    await publish({ functionUrn: urn, name: "v2" });
    const inputs = await checked<AliasInputs>(aliasProvider, {
      functionUrn: urn,
      name: "beta",
      version: "v1",
      additionalVersionStrategy: {
        v2: { rules: [{ ruleType: "header", param: "x-beta", op: "in", value: "a,b" }], combineType: "or" },
      },
    });
    const { id, outs } = await aliasProvider.create(inputs);
    const read = await aliasProvider.read!(id, outs);
    expect(read.props!.additionalVersionStrategy).toEqual(inputs.additionalVersionStrategy);
    expect(await aliasProvider.diff!(id, read.props!, inputs)).toEqual({ changes: false, replaces: [] });
    const weighted = { ...inputs, additionalVersionStrategy: undefined, additionalVersionWeights: { v2: 50 } };
    const updated = await aliasProvider.update!(id, read.props!, weighted);
    expect(updated.outs).toMatchObject({ additionalVersionWeights: { v2: 50 } });
    expect(updated.outs!.additionalVersionStrategy).toBeUndefined();
  });

  it("takes its own alias after a lost create answer, and refuses a different one clearly", async () => {
    const urn = await deploy("alost", "v1");
    await publish({ functionUrn: urn, name: "v1" });
    const inputs = await checked<AliasInputs>(aliasProvider, { functionUrn: urn, name: "live", version: "v1" });
    await control("POST", "/_emulator/faults", { operation: "CreateVersionAlias", dropAfter: true, times: 1 });
    await control("DELETE", "/_emulator/requests");
    // The transport's retry meets the alias the lost answer made (409) and takes it.
    const { id } = await aliasProvider.create(inputs);
    expect(id).toMatch(/:!live$/);
    expect(await operations()).toEqual(["CreateVersionAlias 0", "CreateVersionAlias 409", "ShowVersionAlias 200"]);
    await expect(aliasProvider.create({ ...inputs, description: "other" })).rejects.toThrow(
      /alias "live" .* already exists and differs in description; set adopt: true/,
    );
  });
});

describe("adopt: true", () => {
  it("records an existing version without publishing, and refuses one that differs", async () => {
    const urn = await deploy("adoptv", "one");
    expect((await fg("POST", `${FN()}/${urn}/versions`, { version: "v1", description: "console" })).status).toBe(200);
    await control("DELETE", "/_emulator/requests");
    const { id } = await publish({ functionUrn: urn, name: "v1", description: "console", adopt: true });
    expect(id).toBe(urn.replace(/:latest$/, ":v1"));
    expect(await operations()).toEqual(["ListFunctionVersions 200"]);
    const other = await deploy("adoptw", "one");
    await fg("POST", `${FN()}/${other}/versions`, { version: "v1", description: "console" });
    await expect(publish({ functionUrn: other, name: "v1", description: "mine", adopt: true })).rejects.toThrow(
      /cannot adopt .*:v1: description \(live "console"\) differ/,
    );
  });

  it("takes over an existing alias and updates only what differs", async () => {
    const urn = await deploy("adopta", "one");
    await publish({ functionUrn: urn, name: "v1" });
    await setCode(urn, "two");
    await publish({ functionUrn: urn, name: "v2" });
    const made = await fg("POST", `${FN()}/${urn}/aliases`, { name: "live", version: "v1" });
    expect(made.status).toBe(200);
    await control("DELETE", "/_emulator/requests");
    const inputs = await checked<AliasInputs>(aliasProvider, {
      functionUrn: urn,
      name: "live",
      version: "v1",
      additionalVersionWeights: { v2: 25 },
      adopt: true,
    });
    const { outs } = await aliasProvider.create(inputs);
    expect(await operations()).toEqual(["ShowVersionAlias 200", "UpdateVersionAlias 200"]);
    expect(outs).toMatchObject({ version: "v1", additionalVersionWeights: { v2: 25 } });
  });
});

describe("qualifier on Trigger, AsyncInvokeConfig and Invocation", () => {
  it("addresses the alias or version; ids carry the qualifier, outputs keep the program's URN", async () => {
    const urn = await deploy("q", "one");
    await publish({ functionUrn: urn, name: "v1" });
    await setCode(urn, "two");
    await aliasProvider.create(
      await checked<AliasInputs>(aliasProvider, { functionUrn: urn, name: "live", version: "v1" }),
    );
    const aliasUrn = urn.replace(/:latest$/, ":!live");

    const trig = await checked<TriggerInputs>(triggerProvider, {
      functionUrn: urn,
      qualifier: "!live",
      type: "TIMER",
      timer: { name: "tick", scheduleType: "Rate", schedule: "5m" },
    });
    const t = await triggerProvider.create(trig);
    expect(t.id).toMatch(new RegExp(`^${aliasUrn.replace(/[.*+?^${}()|[\]\\!]/g, "\\$&")}/TIMER/`));
    expect(t.outs).toMatchObject({ functionUrn: urn, qualifier: "!live" });
    const tr = await triggerProvider.read!(t.id, t.outs);
    expect(tr.props).toMatchObject({ functionUrn: urn, qualifier: "!live" });
    expect(await triggerProvider.diff!(t.id, tr.props!, trig)).toMatchObject({ changes: false });

    const cfg = await checked<AsyncInvokeConfigInputs>(asyncProvider, { functionUrn: urn, qualifier: "!live" });
    const c = await asyncProvider.create(cfg);
    expect(c.id).toBe(aliasUrn);
    const cr = await asyncProvider.read!(c.id, c.outs);
    expect(cr.props).toMatchObject({ functionUrn: urn, qualifier: "!live" });
    expect(await asyncProvider.diff!(c.id, cr.props!, cfg)).toMatchObject({ changes: false });

    const inv = await invocationProvider.create(
      await checked<InvocationInputs>(invocationProvider, { functionUrn: urn, qualifier: "v1" }),
    );
    expect(inv.outs!.result).toBe("one");
    const latest = await invocationProvider.create(
      await checked<InvocationInputs>(invocationProvider, { functionUrn: urn }),
    );
    expect(latest.outs!.result).toBe("two");

    await triggerProvider.delete!(t.id, t.outs!);
    await asyncProvider.delete!(c.id, c.outs!);
  });

  it("refuses a qualifier that contradicts the URN's own", async () => {
    const res = await asyncProvider.check!(
      {} as AsyncInvokeConfigInputs,
      {
        functionUrn: "urn:fss:cn-north-4:c0ffee0000000000000000000000c0de:function:default:q:v1",
        qualifier: "!live",
      } as AsyncInvokeConfigInputs,
    );
    expect(res.failures).toEqual([
      expect.objectContaining({ property: "qualifier", reason: expect.stringContaining('":v1"') }),
    ]);
  });
});
