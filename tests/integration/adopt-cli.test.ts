/**
 * `cloudfn adopt` in-process against the emulator: it lists what exists on each platform through
 * the providers' clients (credentials from the providers' environment variables) and prints a
 * program that adopts it (LeanCloud: deployed versions and group variables).
 */
import * as pulumi from "@pulumi/pulumi";
import { main } from "../../cli/index";
import type { Io } from "../../cli/io";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { archiveToZip } from "../../provider/core/archive";
import { clearTokens } from "../../provider/minapp/auth";
import { fgRequest } from "../helpers/fg-http";
import { FUNCTIONS, minappCall } from "../helpers/minapp-http";
import axios from "axios";
import { lcCall } from "../../emulator/testing/leancloud-client";
import { writeProject } from "../../emulator/testing/leancloud-projects";
import { PACKAGE_JSON, cloudJs } from "../helpers/leancloud-projects";
import { leanCloudEnv } from "../helpers/leancloud-emulator";

jest.setTimeout(60_000);
let emu: RunningEmulator;
const fg = EMULATOR_DEFAULTS.functiongraph;
const { clientId, clientSecret } = EMULATOR_DEFAULTS.minapp;

async function cloudfn(args: string[]) {
  const env = {
    HW_ACCESS_KEY: fg.accessKey,
    HW_SECRET_KEY: fg.secretKey,
    HW_REGION_NAME: fg.region,
    HW_PROJECT_ID: fg.projectId,
    CLOUDFN_FUNCTIONGRAPH_ENDPOINT: emu.url,
    MINAPP_CLIENT_ID: clientId,
    MINAPP_CLIENT_SECRET: clientSecret,
    CLOUDFN_MINAPP_ENDPOINT: emu.url,
    ...leanCloudEnv(emu),
  };
  const io: Io & { stdout: string; stderr: string } = {
    stdout: "",
    stderr: "",
    env,
    cwd: "/",
    out: (t) => (io.stdout += t),
    err: (t) => (io.stderr += t),
  };
  const code = await main(["adopt", ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  clearTokens();
  const zip = await archiveToZip(
    new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = async () => 1;") }),
  );
  for (const [name, pkg] of [
    ["api-orders", "default"],
    ["api-users", "shop"],
    ["batch-job", "default"],
  ]) {
    const body = {
      func_name: name,
      package: pkg,
      runtime: "Node.js18.15",
      handler: "index.handler",
      memory_size: 256,
      timeout: 60,
      description: `the ${name}`,
      code_type: "zip",
      code_filename: "index.zip",
      func_code: { file: zip.toString("base64") },
      user_data: JSON.stringify({ STAGE: "prod" }),
    };
    expect((await fgRequest(emu.url, "POST", `/v2/${fg.projectId}/fgs/functions`, body)).status).toBe(200);
  }
  expect(
    (
      await minappCall(emu.url, "POST", FUNCTIONS, {
        name: "legacy",
        function_code: "exports.main = async () => 1;",
        remark: "hand made",
      })
    ).status,
  ).toBe(201);
});
afterAll(() => emu.close());

describe("cloudfn adopt", () => {
  it("leancloud: each group's deployed version (adoptVersion commented out) and its variables", async () => {
    const dir = writeProject({ "cloud.js": cloudJs("v1"), "package.json": PACKAGE_JSON });
    const tag = (await axios.post(`${emu.url}/_emulator/leancloud/deploy`, { path: dir, prod: 1 })).data.versionTag;
    expect(
      (
        await lcCall(emu.url, emu.leancloud, {
          method: "PATCH",
          path: "/1.1/engine/groups/web",
          body: { environments: { GREETING: "Hi" } },
          auth: "console",
        })
      ).status,
    ).toBe(200);
    const res = await cloudfn(["--platform", "leancloud"]);
    expect(res).toMatchObject({ code: 0, stderr: "cloudfn adopt: 1 LeanEngine group(s)\n" });
    expect(res.stdout).toContain(
      [
        'export const webProduction = new cloudfn.leancloud.EngineDeployment("web-production", {',
        "    adopt: true,",
      ].join("\n"),
    );
    expect(res.stdout).toContain(
      `    // adoptVersion: "${tag}",\n    group: "web",\n    environment: "production",\n    code: new pulumi.asset.FileArchive("./leanengine/web"),\n});`,
    );
    expect(res.stdout).not.toContain('"web-staging"');
    expect(res.stdout).toContain(
      'new cloudfn.leancloud.EngineEnvironmentVariables("web-variables", {\n    adopt: true,\n    group: "web",\n    variables: {\n        "GREETING": "Hi"\n    },\n});',
    );
    expect((await cloudfn(["--platform", "leancloud", "--prefix", "api"])).stdout).not.toContain("EngineDeployment");
  });

  it("functiongraph: every function with a prefix, its live config and a placeholder code path", async () => {
    const orders = `urn:fss:${fg.region}:${fg.projectId}:function:default:api-orders`;
    const timer = {
      trigger_type_code: "TIMER",
      trigger_status: "DISABLED",
      event_data: { name: "nightly", schedule_type: "Cron", schedule: "0 0 3 * * *", user_event: "go" },
    };
    const created = await fgRequest(emu.url, "POST", `/v2/${fg.projectId}/fgs/triggers/${orders}`, timer);
    expect(created.status).toBe(201);
    const res = await cloudfn(["--platform", "functiongraph", "--prefix", "api-"]);
    expect(res.stderr).toBe(
      "cloudfn adopt: 2 FunctionGraph function(s), 0 version(s), 0 alias(es), 1 trigger(s), 0 async invoke config(s), 0 dependency version(s), 0 workflow(s)\n",
    );
    expect(res.stdout).toContain(
      [
        'new cloudfn.functiongraph.Trigger("apiOrders-nightly", {',
        "    adopt: true,",
        `    adoptId: "${String(created.body.trigger_id)}",`,
        "    functionUrn: apiOrders.funcUrn,",
        '    type: "TIMER",',
        '    status: "DISABLED",',
        "    timer: {",
        '        name: "nightly",',
        '        scheduleType: "Cron",',
        '        schedule: "0 0 3 * * *",',
        '        userEvent: "go",',
        "    },",
        "});",
      ].join("\n"),
    );
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(
      [
        'export const apiUsers = new cloudfn.functiongraph.Function("shop-api-users", {',
        "    adopt: true,",
        '    name: "api-users",',
        '    package: "shop",',
        '    runtime: "Node.js18.15",',
        '    handler: "index.handler",',
        "    memorySize: 256,",
        "    timeout: 60,",
        '    description: "the api-users",',
        "    environment: {",
        '        STAGE: "prod",',
        "    },",
      ].join("\n"),
    );
    expect(res.stdout).toContain('code: new pulumi.asset.FileArchive("./functions/api-orders"),');
    expect(res.stdout).not.toContain("batch-job");
  });

  it("minapp: every cloud function with its remark", async () => {
    const res = await cloudfn(["--platform=minapp"]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(
      'export const legacy = new cloudfn.minapp.CloudFunction("legacy", {\n    adopt: true,\n    name: "legacy",',
    );
    expect(res.stdout).toContain('    remark: "hand made",\n});');
  });

  it("bad command lines exit 2 with the usage", async () => {
    expect(await cloudfn([])).toMatchObject({ code: 2, stderr: expect.stringContaining("--platform is required") });
    expect(await cloudfn(["--platform", "aws"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--platform must be functiongraph, minapp or leancloud; got "aws"'),
    });
  });
});
