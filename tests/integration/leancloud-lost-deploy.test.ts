/**
 * A LeanEngine deploy whose answer is lost must not leave a redundant version behind: the upload
 * is not retried, the provider reconciles with the live version by its content marker, and a later
 * deploy of the same code records the live version instead of deploying it again.
 */
import * as pulumi from "@pulumi/pulumi";
import axios from "axios";
import { writeProject } from "../../emulator/testing/leancloud-projects";
import { provider as deployment } from "../../provider/leancloud/engine-deployment";
import { DeploymentInputs } from "../../provider/leancloud/engine-deployment/schema";
import { PACKAGE_JSON, cloudJs } from "../helpers/leancloud-projects";
import { leanCloudEmulator } from "../helpers/leancloud-emulator";

jest.setTimeout(120_000);
const lc = leanCloudEmulator();

const operations = async (): Promise<string[]> =>
  (await axios.get(`${lc.emu.url}/_emulator/requests`)).data
    .filter((r: { platform: string }) => r.platform === "leancloud")
    .map((r: { operation: string; status: number }) => `${r.operation} ${r.status}`);

/** Every version the emulator recorded for the production environment of group "web". */
async function productionVersions(): Promise<string[]> {
  const state = JSON.stringify((await axios.get(`${lc.emu.url}/_emulator/state`)).data);
  const tags = [...state.matchAll(/"versionTag":"([^"]+)"/g)].map((m) => m[1]);
  return [...new Set(tags)];
}

async function inputs(version: string, comment?: string): Promise<DeploymentInputs> {
  const code = new pulumi.asset.FileArchive(
    writeProject({ "cloud.js": cloudJs(version), "package.json": PACKAGE_JSON }),
  );
  const res = await deployment.check!({} as DeploymentInputs, { code, comment, timeoutSeconds: 60 } as any);
  expect(res.failures).toBeUndefined();
  return res.inputs as DeploymentInputs;
}

describe("EngineDeployment with a lost deploy answer", () => {
  it("reconciles with the version the lost deploy made: exactly one version, one upload", async () => {
    await axios.post(`${lc.emu.url}/_emulator/faults`, { operation: "DeployEngine", dropAfter: true, times: 1 });
    await axios.delete(`${lc.emu.url}/_emulator/requests`);
    const { outs } = await deployment.create(await inputs("v1", "release 1"));
    const versions = await productionVersions();
    expect(versions).toEqual([outs!.version]);
    expect((await operations()).filter((o) => o.startsWith("DeployEngine"))).toEqual(["DeployEngine 0"]);
    expect(outs).toMatchObject({ comment: "release 1", functions: expect.arrayContaining(["hello"]) });
  });

  it("a later deploy of the code that is already live records that version instead of deploying again", async () => {
    const [live] = await productionVersions();
    await axios.delete(`${lc.emu.url}/_emulator/requests`);
    const { outs } = await deployment.create(await inputs("v1"));
    expect(outs!.version).toBe(live);
    expect(await productionVersions()).toEqual([live]);
    expect((await operations()).filter((o) => o.startsWith("DeployEngine"))).toEqual([]);
  });

  it("other code is still deployed as a new version", async () => {
    const { outs } = await deployment.create(await inputs("v2"));
    expect(await productionVersions()).toHaveLength(2);
    expect((await productionVersions()).at(-1)).toBe(outs!.version);
  });
});
