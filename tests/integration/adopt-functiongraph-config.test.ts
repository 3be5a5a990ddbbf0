/**
 * `adopt: true` on a fully configured FunctionGraph function (agency, VPC, logs, tags, max
 * instances set by someone else): it changes nothing it was not asked to. Same program → reads
 * only; a program that differs in memory and one tag → the config call (carrying everything
 * undeclared forward) and one tag call, nothing else.
 */
import * as pulumi from "@pulumi/pulumi";
import { provider, tuning } from "../../provider/functiongraph/function";
import { buildCode, createBody } from "../../provider/functiongraph/function/mapping";
import { FunctionInputs } from "../../provider/functiongraph/function/schema";
import { clearRequestLog, fgRequest, functionPath, operationLines } from "../helpers/fg-http";
import { fgAdoptionEmulator } from "../helpers/fg-adoption";

const adopt = fgAdoptionEmulator();
const code = new pulumi.asset.AssetArchive({
  "index.js": new pulumi.asset.StringAsset("exports.handler = async () => 'legacy';"),
});
const operations = () => operationLines(adopt.emu.url, "functiongraph");

async function checked(over: Record<string, unknown> = {}): Promise<FunctionInputs> {
  const res = await provider.check!(
    {} as FunctionInputs,
    { name: "legacy", runtime: "Node.js18.15", handler: "index.handler", code, ...over } as unknown as FunctionInputs,
  );
  expect(res.failures).toBeUndefined();
  return res.inputs!;
}

const CONSOLE = {
  agency: "ops-agency",
  vpc: { vpcId: "vpc-1", subnetId: "subnet-1" },
  log: { groupId: "g", streamId: "s" },
};

/** Someone else's fully configured function: created, tagged and limited through the API. */
async function configuredOutOfBand(): Promise<string> {
  const inputs = await checked(CONSOLE);
  const created = await fgRequest(adopt.emu.url, "POST", `/v2/${adopt.emu.credentials.projectId}/fgs/functions`, {
    ...createBody(inputs, await buildCode(inputs)),
    memory_size: 256,
  });
  expect(created.status).toBe(200);
  const urn = created.body.func_urn as string;
  const tags = `/v2/${adopt.emu.credentials.projectId}/functions/${urn}/tags/create`;
  expect((await fgRequest(adopt.emu.url, "POST", tags, { tags: [{ key: "team", value: "ops" }] })).status).toBe(204);
  expect(
    (await fgRequest(adopt.emu.url, "PUT", functionPath(urn, "/config-max-instance"), { max_instance_num: 9 })).status,
  ).toBe(200);
  return urn;
}

beforeAll(() => {
  tuning.client = { baseDelayMs: 1 };
});

describe("adopting a fully configured FunctionGraph function", () => {
  it("a program that matches what it declares: reads only, and the outputs diff clean", async () => {
    await configuredOutOfBand();
    await clearRequestLog(adopt.emu.url);
    const inputs = await checked({
      adopt: true,
      memorySize: 256,
      agency: "ops-agency",
      tags: { team: "ops" },
      maxInstances: 9,
    });
    const { id, outs } = await provider.create(inputs);
    expect(await operations()).toEqual(["ShowFunctionConfig 200", "ListFunctionTags 200"]);
    expect(await provider.diff!(id, outs!, inputs)).toEqual({ changes: false, replaces: [] });
  });

  it("memory and one tag differ: one config call that keeps VPC and logs, one tag call, nothing else", async () => {
    const urn = await configuredOutOfBand();
    await clearRequestLog(adopt.emu.url);
    const inputs = await checked({ adopt: true, memorySize: 512, tags: { team: "payments" } });
    await provider.create(inputs);
    expect(await operations()).toEqual([
      "ShowFunctionConfig 200",
      "ListFunctionTags 200",
      "UpdateFunctionConfig 200",
      "CreateTags 204",
    ]);
    const live = (await fgRequest(adopt.emu.url, "GET", functionPath(urn, "/config"))).body;
    expect(live).toMatchObject({
      memory_size: 512,
      xrole: "ops-agency",
      func_vpc: { vpc_id: "vpc-1", subnet_id: "subnet-1" },
      log_group_id: "g",
      strategy_config: { concurrency: 9 },
    });
  });
});
