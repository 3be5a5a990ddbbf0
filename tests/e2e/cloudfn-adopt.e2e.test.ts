/**
 * Adopting existing functions with the real engine: functions are created out of band through the
 * emulator's API (FunctionGraph and MinApp), `cloudfn adopt` (the installed package's CLI) prints
 * a program that adopts them, and `up` of a program with `adopt: true` records them without any
 * create call, updates the one differing property in place, and leaves `preview` clean; adopting
 * a missing function or one function twice fails the up with a clear message.
 */
import * as path from "path";
import { execFile } from "child_process";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { archiveToZip } from "../../provider/core/archive";
import { ensureInstalled } from "../helpers/pulumi-cli";
import { e2eStack } from "../helpers/e2e-stack";
import { initMinAppStack } from "../helpers/minapp-project";
import { clearRequestLog, countOps, fgRequest, functionPath, requestLog } from "../helpers/fg-http";
import { FUNCTIONS, functionPath as miniPath, minappCall } from "../helpers/minapp-http";
import * as pulumi from "@pulumi/pulumi";

jest.setTimeout(10 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/adopt");
const fg = EMULATOR_DEFAULTS.functiongraph;
const { clientId, clientSecret } = EMULATOR_DEFAULTS.minapp;
const MINI_CODE = 'exports.main = async () => "legacy";\n';

describe("adopting existing functions with the real engine", () => {
  const stack = e2eStack(PROGRAM, {
    before: async () => {
      await createFg("legacy-fg");
      await createFg("legacy-dup");
      await createFg("other-fn");
      expect(
        (
          await minappCall(stack.emulator.url, "POST", FUNCTIONS, {
            name: "legacy-mini",
            function_code: MINI_CODE,
            remark: "old",
          })
        ).status,
      ).toBe(201);
    },
    init: async () => {
      await initMinAppStack(stack.project, stack.emulator.url);
      const fgConfig = {
        "cloudfn:functiongraphEndpoint": stack.emulator.url,
        "cloudfn:functiongraphRegion": fg.region,
        "cloudfn:functiongraphProjectId": fg.projectId,
      };
      await stack.project.setConfig(fgConfig);
      await stack.project.run(["config", "set", "--secret", "cloudfn:functiongraphAccessKey", fg.accessKey]);
      await stack.project.run(["config", "set", "--secret", "cloudfn:functiongraphSecretKey", fg.secretKey]);
    },
  });

  /** A FunctionGraph function created the way someone else would: a signed CreateFunction. */
  async function createFg(name: string) {
    const zip = await archiveToZip(new pulumi.asset.FileArchive(path.join(PROGRAM, "fg")));
    const body = {
      func_name: name,
      package: "default",
      runtime: "Node.js18.15",
      handler: "index.handler",
      memory_size: 128,
      timeout: 30,
      description: "made by hand",
      code_type: "zip",
      code_filename: "index.zip",
      func_code: { file: zip.toString("base64") },
    };
    expect((await fgRequest(stack.emulator.url, "POST", `/v2/${fg.projectId}/fgs/functions`, body)).status).toBe(200);
  }

  /** The installed package's `cloudfn` CLI, with credentials in the providers' env vars (async: the emulator is in-process). */
  function cloudfn(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
    const bin = path.join(ensureInstalled(), "pulumi-cloudfn/dist/cli/index.js");
    const env = {
      ...process.env,
      HW_ACCESS_KEY: fg.accessKey,
      HW_SECRET_KEY: fg.secretKey,
      HW_REGION_NAME: fg.region,
      HW_PROJECT_ID: fg.projectId,
      CLOUDFN_FUNCTIONGRAPH_ENDPOINT: stack.emulator.url,
      MINAPP_CLIENT_ID: clientId,
      MINAPP_CLIENT_SECRET: clientSecret,
      CLOUDFN_MINAPP_ENDPOINT: stack.emulator.url,
    };
    return new Promise((resolve) => {
      execFile("node", [bin, ...args], { encoding: "utf8", env }, (err, stdout, stderr) =>
        resolve({ status: err ? Number(err.code) : 0, stdout, stderr }),
      );
    });
  }

  it("cloudfn adopt lists what exists (with --prefix) and prints programs that adopt it", async () => {
    const fgRun = await cloudfn(["adopt", "--platform", "functiongraph", "--prefix", "legacy"]);
    expect(fgRun.status).toBe(0);
    expect(fgRun.stdout).toContain(
      'export const legacyFg = new cloudfn.functiongraph.Function("legacy-fg", {\n    adopt: true,\n    name: "legacy-fg",',
    );
    expect(fgRun.stdout).toMatch(/memorySize: 128,\n {4}timeout: 30,\n {4}description: "made by hand",/);
    expect(fgRun.stdout).toContain('code: new pulumi.asset.FileArchive("./functions/legacy-fg")');
    expect(fgRun.stdout).toContain('"legacy-dup"');
    expect(fgRun.stdout).not.toContain("other-fn");
    expect(fgRun.stderr).toContain("2 FunctionGraph function(s)");
    const miniRun = await cloudfn(["adopt", "--platform", "minapp"]);
    expect(miniRun.status).toBe(0);
    expect(miniRun.stdout).toContain(
      'new cloudfn.minapp.CloudFunction("legacy-mini", {\n    adopt: true,\n    name: "legacy-mini",',
    );
    expect(miniRun.stdout).toContain('remark: "old",');
    expect((await cloudfn(["adopt", "--platform", "nowhere"])).status).toBe(2);
  });

  it("adopting a missing function, or one function twice, fails the up naming it", async () => {
    await stack.project.setConfig({ scenario: "bad" });
    await clearRequestLog(stack.emulator.url);
    const res = await stack.project.run(["up", "--yes", "--skip-preview", "--continue-on-error"], {
      allowFailure: true,
    });
    const text = res.stdout + res.stderr;
    expect(res.code).not.toBe(0);
    expect(text).toMatch(
      /cannot adopt FunctionGraph function "ghost" in package "default": it does not exist \(key urn:fss:[^ ]*:function:default:ghost:latest\)/,
    );
    expect(text).toContain(
      'FunctionGraph function "legacy-dup" in package "default" is adopted by two resources of this deployment',
    );
    expect(countOps(await requestLog(stack.emulator.url))).not.toHaveProperty("CreateFunction");
  });

  it("up adopts without creating, updates only the differing memory and remark; preview is clean, also without the flag", async () => {
    await stack.project.setConfig({ scenario: "good" });
    await clearRequestLog(stack.emulator.url);
    await stack.project.up();
    const ops = countOps(await requestLog(stack.emulator.url));
    expect(ops).not.toHaveProperty("CreateFunction");
    expect(ops).not.toHaveProperty("CreateCloudFunction");
    expect(ops).not.toHaveProperty("UpdateFunctionCode");
    expect(ops).toMatchObject({ UpdateFunctionConfig: 1, UpdateCloudFunction: 1 });
    const outputs = (await stack.project.outputs()).outputs;
    expect(outputs).toEqual({
      fgUrn: `urn:fss:${fg.region}:${fg.projectId}:function:default:legacy-fg:latest`,
      fgMemory: 512,
      miniRemark: "managed by pulumi",
    });
    expect(
      (await fgRequest(stack.emulator.url, "GET", functionPath(outputs.fgUrn.replace(/:latest$/, ""), "/config"))).body,
    ).toMatchObject({ memory_size: 512 });
    expect((await minappCall(stack.emulator.url, "GET", miniPath("legacy-mini"))).body).toMatchObject({
      remark: "managed by pulumi",
      function_code: MINI_CODE,
    });
    const state = await stack.project.exportStack();
    expect(state).toContain("legacy-fg");
    expect(state).toContain("legacy-mini");
    expect((await stack.project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
    await stack.project.setConfig({ adopt: "false" });
    expect((await stack.project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
  });
});
