/**
 * The official `mincloud` CLI (node_modules/.bin/mincloud), unmodified, against the emulator:
 * login, deploy (PATCH then POST on 404), list, invoke (debug/), delete.
 *
 * How it is pointed at the emulator: the CLI reads its settings through config-chain with the
 * environment prefix `mincloud_` (lib/config.js), and `base_url` is one of those settings
 * (default https://cloud.minapp.com/), so `mincloud_base_url=<emulator URL>/` is the supported
 * switch. HOME points at a temp dir, where the CLI keeps ~/.mincloudrc (client_id and tokens).
 */
import { spawn } from "child_process";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { EMULATOR_DEFAULTS, startEmulator, type RunningEmulator } from "../../emulator";
import { tempDir } from "../helpers/temp-dirs";

jest.setTimeout(60_000);

const BIN = path.resolve(__dirname, "../../node_modules/.bin/mincloud");
const { clientId, clientSecret, environments } = EMULATOR_DEFAULTS.minapp;

let emu: RunningEmulator;
let home: string;

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI asynchronously (the emulator lives in this process, so never spawnSync). */
function mincloud(...args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: home,
      env: { PATH: process.env.PATH ?? "", HOME: home, mincloud_base_url: `${emu.url}/` },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const requests = async () => {
  const res = await fetch(`${emu.url}/_emulator/requests`);
  const log = (await res.json()) as { method: string; path: string; status: number; operation: string }[];
  await fetch(`${emu.url}/_emulator/requests`, { method: "DELETE" });
  return log.map((e) => `${e.method} ${e.path} ${e.status} ${e.operation}`);
};

beforeAll(async () => {
  emu = await startEmulator();
  home = tempDir("cloudfn-mincloud-");
  mkdirSync(path.join(home, "functions", "greet"), { recursive: true });
});
afterAll(() => emu.close());

it("logs in, deploys, lists, invokes and deletes through the real CLI", async () => {
  const login = await mincloud("login", clientId, clientSecret);
  expect([login.code, login.stdout]).toEqual([0, expect.stringContaining("登录成功")]);
  const rc = readFileSync(path.join(home, ".mincloudrc"), "utf8");
  expect(rc).toMatch(new RegExp(`tokens=${clientId}:[0-9a-f]{40}`));
  expect(await requests()).toEqual([
    "POST /api/oauth2/hydrogen/openapi/authorize/ 302 Authorize",
    `GET /api/oauth2/authorize/ 302 AuthorizeConsent`,
    "GET /api/oauth2/hydrogen/openapi/authorize/ 200 AuthorizeResult",
    "POST /api/oauth2/access_token/ 200 AccessToken",
  ]);

  const file = path.join(home, "functions", "greet", "index.js");
  writeFileSync(
    file,
    "exports.main = function (event, callback) {\n  console.log('greeting', event.data.who)\n  callback(null, 'hello ' + event.data.who)\n}\n",
  );
  const first = await mincloud("deploy", "greet", "functions", "-m", "first");
  expect(first.code).toBe(0);
  writeFileSync(file, "exports.main = async function (event) {\n  return { hi: event.data.who }\n}\n");
  const second = await mincloud("deploy", "greet", "functions", "--json");
  expect(second.code).toBe(0);
  expect(JSON.parse(second.stdout.trim().split("\n")[0])).toMatchObject({
    name: "greet",
    remark: "first",
    function_code: expect.stringContaining("return { hi"),
  });
  expect(await requests()).toEqual([
    "PATCH /oserve/v1.3/cloud-function/greet/ 404 UpdateCloudFunction",
    "POST /oserve/v1.3/cloud-function/ 201 CreateCloudFunction",
    "PATCH /oserve/v1.3/cloud-function/greet/ 202 UpdateCloudFunction",
  ]);

  const list = await mincloud("list");
  expect(list.code).toBe(0);
  expect(list.stdout).toMatch(/greet\s+approved/);

  const invoked = await mincloud("invoke", "greet", '{"who":"allen"}', "--json");
  expect(invoked.code).toBe(0);
  const result = JSON.parse(invoked.stdout.trim().split("\n")[0]);
  expect(result).toMatchObject({
    code: 0,
    data: { hi: "allen" },
    error: {},
    job_id: expect.stringMatching(/^[0-9a-f]{32}$/),
  });
  expect(result.log).toMatch(/Z LOG return: {2}\{ hi: 'allen' \}\n$/);
  const pretty = await mincloud("invoke", "greet", '{"who":"bob"}');
  expect(pretty.stdout).toContain('"hi": "bob"');

  const removed = await mincloud("delete", "greet");
  expect([removed.code, removed.stdout]).toEqual([0, expect.stringContaining("删除成功")]);
  const gone = await mincloud("delete", "greet");
  expect(gone.code).toBe(1);
  expect(gone.stderr).toContain("不存在");
  expect(await requests()).toEqual([
    "GET /oserve/v1.3/cloud-function/ 200 ListCloudFunctions",
    "POST /oserve/v1.3/cloud-function/greet/debug/ 200 DebugCloudFunction",
    "POST /oserve/v1.3/cloud-function/greet/debug/ 200 DebugCloudFunction",
    "DELETE /oserve/v1.3/cloud-function/greet/ 204 DeleteCloudFunction",
    "DELETE /oserve/v1.3/cloud-function/greet/ 404 DeleteCloudFunction",
  ]);
});

it("targets a test environment with -e and reports an expired login as the CLI expects", async () => {
  const deployed = await mincloud("deploy", "greet", "functions", "-e", environments[0]);
  expect(deployed.code).toBe(0);
  const staging = await mincloud("list", "-e", environments[0], "--json");
  expect(JSON.parse(staging.stdout.trim().split("\n")[0]).objects.map((f: { name: string }) => f.name)).toEqual([
    "greet",
  ]);
  const prod = await mincloud("list", "--json");
  expect(JSON.parse(prod.stdout.trim().split("\n")[0]).objects).toEqual([]);

  await fetch(`${emu.url}/_emulator/reset`, { method: "POST" });
  const expired = await mincloud("list");
  expect(expired.code).toBe(1);
  expect(expired.stderr).toContain("登录凭证已过期");
});
