/**
 * `pulumi import` of the MinApp and LeanCloud resources with a remote object, on the native
 * plugin's lifecycle (no engine): a MinApp cloud function made with the Open API, a LeanEngine
 * group's variables set in the console API, and a deployment made by an earlier cloudfn deploy,
 * each read by its id alone; the program declaring it previews clean. A deployment made by
 * another tool carries no content marker, so its first preview shows the code as changed.
 */
import * as pulumi from "@pulumi/pulumi";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { lcCall } from "../../emulator/testing/leancloud-client";
import { clearStackConfig as clearFg } from "../../provider/functiongraph/config";
import { provider as deployment } from "../../provider/leancloud/engine-deployment";
import type { DeploymentInputs } from "../../provider/leancloud/engine-deployment/schema";
import { configureAll, configSource } from "../../provider/native/config";
import { PACKAGE_JSON, cloudJs } from "../helpers/leancloud-projects";
import { FUNCTIONS, minappCall } from "../helpers/minapp-http";
import { CLEAN, importById, previewAfterImport } from "../helpers/native-import";

jest.setTimeout(120_000);
let emu: RunningEmulator;
const saved = { ...process.env };
const project = (version: string) =>
  new pulumi.asset.AssetArchive({
    "cloud.js": new pulumi.asset.StringAsset(cloudJs(version)),
    "package.json": new pulumi.asset.StringAsset(PACKAGE_JSON),
  });

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  // Deploy progress is polled; a short interval keeps the test quick.
  process.env.CLOUDFN_LEANCLOUD_POLL_INTERVAL_MS = "50";
  await configureAll(configSource({ emulator: emu.url }));
});
afterAll(async () => {
  process.env = saved;
  clearFg();
  await emu.close();
});

async function expectCleanImport(token: string, id: string, program: Record<string, unknown>) {
  const imported = await importById(token, id);
  expect(imported.id).toBe(id);
  expect(await previewAfterImport(token, imported, program)).toEqual(CLEAN);
  expect(await previewAfterImport(token, imported, program, true)).toEqual(CLEAN);
  return imported;
}

describe("importing MinApp and LeanCloud objects", () => {
  it("a MinApp cloud function, by its name", async () => {
    const source = "exports.main = async (event) => 'hi ' + event.data.name;\n";
    const made = await minappCall(emu.url, "POST", FUNCTIONS, { name: "greet", function_code: source, remark: "hand" });
    expect(made.status).toBe(201);
    await expectCleanImport("cloudfn:minapp:CloudFunction", "greet", { name: "greet", code: source, remark: "hand" });
  });

  it("a LeanEngine group's variables, by <appId>:<group>: every live variable, stored encrypted", async () => {
    const put = await lcCall(emu.url, emu.leancloud, {
      method: "PATCH",
      path: "/1.1/engine/groups/web",
      auth: "console",
      body: { environments: { GREETING: "Hola", LEVEL: "3" } },
    });
    expect(put.status).toBe(200);
    const id = `${emu.leancloud.appId}:web`;
    const program = { group: "web", variables: { GREETING: "Hola", LEVEL: "3" } };
    const imported = await expectCleanImport("cloudfn:leancloud:EngineEnvironmentVariables", id, program);
    // The platform does not say which variables are secrets: the import encrypts them all.
    expect([...imported.secrets]).toContain("variables");
  });

  it("a LeanEngine deployment made by an earlier cloudfn deploy, by <appId>:<group>:<environment>", async () => {
    const news = { code: project("v1"), environment: "staging", comment: "first" };
    const inputs = (await deployment.check!({} as DeploymentInputs, news as unknown as DeploymentInputs)).inputs!;
    await deployment.create(inputs);
    const token = "cloudfn:leancloud:EngineDeployment";
    const imported = await expectCleanImport(token, `${emu.leancloud.appId}:web:staging`, news);
    expect(imported.outs).toMatchObject({ comment: "first", functions: expect.arrayContaining(["hello"]) });
    const changed = await previewAfterImport(token, imported, { ...news, code: project("v2") });
    expect(changed.detailed).toMatchObject({ codeHash: "UPDATE" });
  });

  it("Invocation resources are calls, not objects: their import fails saying so", async () => {
    for (const token of ["cloudfn:minapp:Invocation", "cloudfn:leancloud:Invocation"])
      await expect(importById(token, "x")).rejects.toThrow(`${token} cannot be imported: `);
  });
});
