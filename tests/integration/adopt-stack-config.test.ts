/**
 * `cloudfn adopt` reads the selected stack's config as the providers do: credentials and
 * endpoints that exist only in the stack config (read through a fake `pulumi` that answers
 * `pulumi config --json --show-secrets`) reach every platform, and its errors say which key
 * and which source were wrong, against the emulator and a closed port.
 */
import { chmodSync, mkdirSync, writeFileSync } from "fs";
import { createServer } from "net";
import * as path from "path";
import { main } from "../../cli/index";
import type { Io } from "../../cli/io";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { clearTokens } from "../../provider/minapp/auth";
import { fgRequest } from "../helpers/fg-http";
import { FUNCTIONS, minappCall } from "../helpers/minapp-http";
import { tempDir } from "../helpers/temp-dirs";
import { inlineFunction } from "../helpers/fg-emulator";

jest.setTimeout(60_000);
let emu: RunningEmulator;
const fg = EMULATOR_DEFAULTS.functiongraph;
const ma = EMULATOR_DEFAULTS.minapp;

const plain = (value: string) => ({ value, secret: false });
const secret = (value: string) => ({ value, secret: true });

/** Every platform's settings, in the shape `pulumi config --json --show-secrets` prints. */
const fullConfig = () => ({
  "cloudfn:functiongraphEndpoint": plain(emu.url),
  "cloudfn:functiongraphRegion": plain(fg.region),
  "cloudfn:functiongraphProjectId": plain(fg.projectId),
  "cloudfn:functiongraphAccessKey": secret(fg.accessKey),
  "cloudfn:functiongraphSecretKey": secret(fg.secretKey),
  "cloudfn:minappEndpoint": plain(emu.url),
  "cloudfn:minappClientId": plain(ma.clientId),
  "cloudfn:minappClientSecret": secret(ma.clientSecret),
  "cloudfn:leancloudAppId": plain(emu.leancloud.appId),
  "cloudfn:leancloudConsoleUrl": plain(emu.url),
  "cloudfn:leancloudConsoleToken": secret(emu.leancloud.consoleToken),
});

/** A Pulumi project folder whose `pulumi` (first on PATH) prints `config` for `pulumi config --json`. */
function project(config: object): { cwd: string; env: NodeJS.ProcessEnv } {
  const dir = tempDir("cloudfn-adopt-config-");
  const bin = path.join(dir, "bin");
  mkdirSync(bin);
  writeFileSync(path.join(dir, "Pulumi.yaml"), "name: adopted\nruntime: nodejs\n");
  writeFileSync(path.join(dir, "config.json"), JSON.stringify(config));
  const script = `#!/bin/sh\ncase "$*" in "config --json --show-secrets --non-interactive") cat "${dir}/config.json";; *) echo "unexpected: $*" >&2; exit 1;; esac\n`;
  writeFileSync(path.join(bin, "pulumi"), script);
  chmodSync(path.join(bin, "pulumi"), 0o755);
  return { cwd: dir, env: { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`, CLOUDFN_MAX_RETRIES: "0" } };
}

async function adopt(where: { cwd: string; env: NodeJS.ProcessEnv }, platform: string) {
  const io: Io & { stdout: string; stderr: string } = {
    stdout: "",
    stderr: "",
    ...where,
    out: (t) => (io.stdout += t),
    err: (t) => (io.stderr += t),
  };
  const code = await main(["adopt", "--platform", platform], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  const body = inlineFunction("from-config", "exports.handler = async () => 1;", 5);
  expect((await fgRequest(emu.url, "POST", `/v2/${fg.projectId}/fgs/functions`, body)).status).toBe(200);
  const fn = { name: "from-config", function_code: "exports.main = async () => 1;" };
  expect((await minappCall(emu.url, "POST", FUNCTIONS, fn)).status).toBe(201);
});
beforeEach(clearTokens);
afterAll(() => emu.close());

describe("cloudfn adopt with credentials only in the stack config", () => {
  it.each([
    [
      "functiongraph",
      "cloudfn adopt: 1 FunctionGraph function(s), 0 version(s), 0 alias(es), 0 trigger(s), 0 async invoke config(s), 0 dependency version(s), 0 workflow(s)\n",
      "from-config",
    ],
    ["minapp", "cloudfn adopt: 1 MinApp cloud function(s)\n", "from-config"],
    ["leancloud", "cloudfn adopt: 1 LeanEngine group(s)\n", ""],
  ])("%s lists what exists", async (platform, stderr, name) => {
    const res = await adopt(project(fullConfig()), platform);
    expect(res).toMatchObject({ code: 0, stderr });
    expect(res.stdout).toContain(name);
  });

  it("the emulator switch alone in the stack config is enough", async () => {
    const res = await adopt(project({ "cloudfn:emulator": plain(emu.url) }), "functiongraph");
    expect(res).toMatchObject({
      code: 0,
      stderr:
        "cloudfn adopt: 1 FunctionGraph function(s), 0 version(s), 0 alias(es), 0 trigger(s), 0 async invoke config(s), 0 dependency version(s), 0 workflow(s)\n",
    });
  });
});

describe("cloudfn adopt errors name the key and where it came from", () => {
  it.each([
    [
      "functiongraph",
      { "cloudfn:functiongraphSecretKey": secret("wrong-sk-value") },
      "FunctionGraph rejected the access key (from stack config cloudfn:functiongraphAccessKey) and secret key (from stack config cloudfn:functiongraphSecretKey)",
      "wrong-sk-value",
    ],
    [
      "minapp",
      { "cloudfn:minappClientSecret": secret("wrong-client-secret") },
      "MinApp rejected the ClientID (from stack config cloudfn:minappClientId) and ClientSecret (from stack config cloudfn:minappClientSecret)",
      "wrong-client-secret",
    ],
    [
      "leancloud",
      { "cloudfn:leancloudConsoleToken": secret("wrong-console-token") },
      "LeanCloud rejected the console access token (from stack config cloudfn:leancloudConsoleToken)",
      "wrong-console-token",
    ],
  ])("%s: a wrong key", async (platform, wrong, hint, value) => {
    const res = await adopt(project({ ...fullConfig(), ...wrong }), platform);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(hint);
    expect(res.stderr).not.toContain(value);
  });

  it.each([
    ["functiongraph", "FunctionGraph", "cloudfn:functiongraphEndpoint"],
    ["minapp", "MinApp", "cloudfn:minappEndpoint"],
    ["leancloud", "LeanCloud", "cloudfn:leancloudConsoleUrl"],
  ])("%s: a closed port", async (platform, name, key) => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const res = await adopt(project({ ...fullConfig(), [key]: plain(url) }), platform);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`${name}: cannot reach ${url} (from stack config ${key}) after 1 attempt over `);
    expect(res.stderr).toContain(`connect ECONNREFUSED 127.0.0.1:${url.split(":")[2]}`);
  });
});
