/**
 * `adopt: true` on LeanCloud EngineEnvironmentVariables and EngineDeployment against the
 * in-process emulator: variables set and a version deployed out of band (console API / emulator
 * control), then adopted. The request log proves that adoption writes or deploys only when
 * something differs.
 */
import * as pulumi from "@pulumi/pulumi";
import axios from "axios";
import { lcCall } from "../../emulator/testing/leancloud-client";
import { writeProject } from "../../emulator/testing/leancloud-projects";
import { clearAdoptionClaims } from "../../provider/core/adoption";
import { provider as deployment } from "../../provider/leancloud/engine-deployment";
import { DeploymentInputs } from "../../provider/leancloud/engine-deployment/schema";
import { provider as envVars } from "../../provider/leancloud/engine-environment-variables";
import { EnvVarsInputs } from "../../provider/leancloud/engine-environment-variables/schema";
import { PACKAGE_JSON, cloudJs } from "../helpers/leancloud-projects";
import { leanCloudEmulator } from "../helpers/leancloud-emulator";

jest.setTimeout(120_000);
const lc = leanCloudEmulator({ leancloudFunctionTimeoutMs: 1000 });

const folder = (version: string) => writeProject({ "cloud.js": cloudJs(version), "package.json": PACKAGE_JSON });
const requests = async () =>
  (await axios.get(`${lc.emu.url}/_emulator/requests`)).data
    .filter((r: any) => r.platform === "leancloud")
    .map((r: any) => r.operation)
    .filter((o: string) => o !== "GetEngineEvents");
const clearRequests = () => axios.delete(`${lc.emu.url}/_emulator/requests`);
const console_ = (method: string, path: string, body?: unknown) =>
  lcCall(lc.emu.url, lc.emu.leancloud, { method, path, body, auth: "console" });
const groupVars = async () =>
  (await console_("GET", "/1.1/engine/groups?all=true")).body.find((g: any) => g.groupName === "web").environments;

async function checked<T>(
  p: { check?: (o: T, n: T) => Promise<{ inputs?: T; failures?: unknown[] }> },
  news: Record<string, unknown>,
): Promise<T> {
  const res = await p.check!({} as T, news as unknown as T);
  expect(res.failures).toBeUndefined();
  return res.inputs as T;
}
beforeEach(() => clearAdoptionClaims());

describe("adopting LeanEngine environment variables", () => {
  it("existing names with the same values: read only; a differing value: one PATCH keeping the others; double and missing fail", async () => {
    expect(
      (await console_("PATCH", "/1.1/engine/groups/web", { environments: { GREETING: "Hi", OTHER: "theirs" } })).status,
    ).toBe(200);
    await clearRequests();
    const same = await checked<EnvVarsInputs>(envVars, { variables: { GREETING: "Hi" }, adopt: true });
    const { id, outs } = await envVars.create(same);
    expect(await requests()).toEqual(["GetEngineGroups"]);
    expect(outs).toEqual({ group: "web", variables: { GREETING: "Hi" } });
    await expect(envVars.create(same)).rejects.toThrow(
      /LeanEngine variable GREETING of group "web" is adopted by two resources/,
    );
    clearAdoptionClaims(); // the next deployment
    expect(
      await envVars.diff!(id, outs!, await checked<EnvVarsInputs>(envVars, { variables: { GREETING: "Hi" } })),
    ).toEqual({ changes: false, replaces: [] });

    clearAdoptionClaims();
    await clearRequests();
    await envVars.create(
      await checked<EnvVarsInputs>(envVars, {
        variables: { GREETING: "Hello" },
        secretVariables: { TOKEN: "s3cret" },
        adopt: true,
      }),
    );
    expect(await requests()).toEqual(["GetEngineGroups", "UpdateEnvironmentVariables"]);
    expect(await groupVars()).toMatchObject({ GREETING: "Hello", TOKEN: "s3cret", OTHER: "theirs" });

    await expect(
      envVars.create(await checked<EnvVarsInputs>(envVars, { group: "nogroup", variables: { A: "1" }, adopt: true })),
    ).rejects.toThrow(/cannot adopt the variables of LeanEngine group "nogroup": it does not exist \(key .*:nogroup\)/);
  });
});

describe("adopting a LeanEngine deployment", () => {
  const dir = folder("v1");
  let live: string;

  beforeAll(async () => {
    const res = await axios.post(`${lc.emu.url}/_emulator/leancloud/deploy`, { path: dir, prod: 1 });
    live = res.data.versionTag;
  });

  it("adoptVersion equal to the live versionTag: no deploy, the live version recorded, clean diff", async () => {
    await clearRequests();
    const inputs = await checked<DeploymentInputs>(deployment, {
      code: new pulumi.asset.FileArchive(dir),
      adopt: true,
      adoptVersion: live,
    });
    const { id, outs } = await deployment.create(inputs);
    expect(await requests()).toEqual(["GetEngineGroups", "GetFunctionMetadatas"]);
    expect(outs).toMatchObject({
      version: live,
      codeHash: inputs.codeHash,
      functions: expect.arrayContaining(["hello"]),
    });
    expect(outs).not.toHaveProperty("adopt");
    expect(outs).not.toHaveProperty("adoptVersion");
    clearAdoptionClaims();
    expect(
      await deployment.diff!(
        id,
        outs!,
        await checked<DeploymentInputs>(deployment, { code: new pulumi.asset.FileArchive(dir) }),
      ),
    ).toEqual({ changes: false, replaces: [] });
  });

  it("without adoptVersion the code is deployed once; staging with nothing deployed and double adoption fail", async () => {
    await clearRequests();
    const { outs } = await deployment.create(
      await checked<DeploymentInputs>(deployment, { code: new pulumi.asset.FileArchive(folder("v2")), adopt: true }),
    );
    expect((await requests()).filter((o: string) => o === "DeployEngine")).toHaveLength(1);
    expect(outs!.version).not.toBe(live);
    await expect(
      deployment.create(
        await checked<DeploymentInputs>(deployment, {
          code: new pulumi.asset.FileArchive(dir),
          adopt: true,
          adoptVersion: live,
        }),
      ),
    ).rejects.toThrow(/adopted by two resources/);
    await expect(
      deployment.create(
        await checked<DeploymentInputs>(deployment, {
          code: new pulumi.asset.FileArchive(dir),
          environment: "staging",
          adopt: true,
        }),
      ),
    ).rejects.toThrow(
      /cannot adopt the LeanEngine deployment of group "web" \(staging\): it does not exist \(key .*:web:staging, no version deployed\)/,
    );
    const bad = await deployment.check!(
      {} as DeploymentInputs,
      { code: new pulumi.asset.FileArchive(dir), adoptVersion: live } as unknown as DeploymentInputs,
    );
    expect(bad.failures).toEqual([{ property: "adoptVersion", reason: "adoptVersion is only used with adopt: true" }]);
  });
});
