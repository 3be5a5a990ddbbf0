/**
 * `pulumi import` of the MinApp and LeanCloud resource types with a remote object, with the real
 * CLI and `pulumi-language-yaml`: a MinApp cloud function made with the Open API, a LeanEngine
 * group's variables set through the console API, and a deployment of the program's engine folder
 * made by an earlier cloudfn deploy (its comment carries cloudfn's content marker). One
 * `pulumi import --file` takes all three; the program previews clean, also after an `up`.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { RunningEmulator } from "../../emulator/server";
import { lcCall } from "../../emulator/testing/leancloud-client";
import { provider as deployment } from "../../provider/leancloud/engine-deployment";
import type { DeploymentInputs } from "../../provider/leancloud/engine-deployment/schema";
import { clearStackConfig, setStackConfig } from "../../provider/leancloud/config";
import { e2eStack } from "../helpers/e2e-stack";
import { useNativePlugin } from "../helpers/native-plugin";
import { FUNCTIONS, minappCall } from "../helpers/minapp-http";
import { clearRequests, lcOperations } from "../helpers/leancloud-e2e";

jest.setTimeout(10 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/native-import-mini-lc");

/** An earlier cloudfn deploy of the program's engine folder (another stack, or the adopt CLI's program). */
async function deployWithCloudfn(url: string): Promise<void> {
  setStackConfig({ get: (k) => (k === "cloudfn:emulator" ? url : undefined) });
  try {
    const news = {
      code: new pulumi.asset.FileArchive(path.join(PROGRAM, "engine")),
      environment: "staging",
      comment: "first",
    };
    const checked = await deployment.check!({} as DeploymentInputs, news as unknown as DeploymentInputs);
    await deployment.create(checked.inputs!);
  } finally {
    clearStackConfig();
  }
}

async function createOutOfBand(emu: RunningEmulator): Promise<void> {
  const source = "exports.main = async (event) => 'hi ' + event.data.name;\n";
  const fn = await minappCall(emu.url, "POST", FUNCTIONS, { name: "greet", function_code: source, remark: "hand" });
  expect(fn.status).toBe(201);
  const vars = await lcCall(emu.url, emu.leancloud, {
    method: "PATCH",
    path: "/1.1/engine/groups/web",
    auth: "console",
    body: { environments: { GREETING: "Hola", LEVEL: "3" } },
  });
  expect(vars.status).toBe(200);
  await deployWithCloudfn(emu.url);
}

describe("pulumi import of the MinApp and LeanCloud resource types on the native plugin", () => {
  const stack = e2eStack(PROGRAM, {
    before: () => createOutOfBand(stack.emulator),
    wrap: useNativePlugin,
    config: () => ({ "cloudfn:emulator": stack.emulator.url }),
  });

  it("one import run takes all three; the program's preview is clean", async () => {
    const appId = stack.emulator.leancloud.appId;
    const resources = [
      { type: "cloudfn:minapp:CloudFunction", name: "greet", id: "greet" },
      { type: "cloudfn:leancloud:EngineEnvironmentVariables", name: "vars", id: `${appId}:web` },
      { type: "cloudfn:leancloud:EngineDeployment", name: "engine", id: `${appId}:web:staging` },
    ];
    const file = path.join(stack.project.dir, "import.json");
    fs.writeFileSync(file, JSON.stringify({ resources }));
    await stack.project.run(["import", "--file", file, "--yes", "--generate-code=false"]);
    // The group's variables may be secrets: the import stores them encrypted.
    expect(await stack.project.exportStack()).not.toContain("Hola");
    const res = await stack.project.run(["preview", "--expect-no-changes", "--diff"], { allowFailure: true });
    expect(`${res.code}\n${res.stdout}\n${res.stderr}`).toMatch(/^0\n/);
  });

  it("an up then deploys nothing and writes no variable; the next preview is clean too", async () => {
    await clearRequests(stack.emulator);
    await stack.project.up();
    const writes = (await lcOperations(stack.emulator)).filter((op) => /^(Deploy|Update|Delete)/.test(op));
    expect(writes).toEqual([]);
    const res = await stack.project.run(["preview", "--expect-no-changes", "--diff"], { allowFailure: true });
    expect(`${res.code}\n${res.stdout}\n${res.stderr}`).toMatch(/^0\n/);
  });
});
