/**
 * Inputs that used to make the emulator answer 500 with a stack trace (unsafe zips, a very deep
 * event): each is refused with the platform's 400 or answered in the platform's error shape.
 */
import { mkdtempSync, rmSync } from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { fgCall, type FgCall } from "../../emulator/testing/fg-client";
import { lcCall } from "../../emulator/testing/leancloud-client";
import { writeProject } from "../../emulator/testing/leancloud-projects";
import { minappLogin, minappRequest } from "../../emulator/testing/minapp-client";

let emu: RunningEmulator;
const call = (c: FgCall) => fgCall(emu.url, emu.credentials, c);
const FN = () => `/v2/${emu.credentials.projectId}/fgs/functions`;
const HANDLER = "exports.handler = async (event) => ({ ok: true, type: typeof event });";

const createBody = (name: string, zip: Buffer) => ({
  func_name: name,
  package: "default",
  runtime: "Node.js18.15",
  handler: "index.handler",
  memory_size: 128,
  timeout: 10,
  code_type: "zip",
  func_code: { file: zip.toString("base64") },
});

async function zipOf(extra: (zip: JSZip) => void): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("index.js", HANDLER);
  extra(zip);
  return zip.generateAsync({ type: "nodebuffer", platform: "UNIX" });
}

/** No stack frames and no file-system paths of the emulator's install in an answer. */
function expectNoInternals(body: unknown): void {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/\s+at\s+\S+\s+\(|node_modules|\/work\/|\.ts:\d+/);
}

beforeAll(async () => {
  emu = await startEmulator({});
});
afterAll(() => emu.close());

describe("unsafe code packages are refused at create", () => {
  it("refuses a zip entry with an absolute path with 400 FSS.1011", async () => {
    const zip = await zipOf((z) => z.file("/tmp/outside.js", "x"));
    const res = await call({ method: "POST", path: FN(), body: createBody("absolute", zip) });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error_code: "FSS.1011", error_msg: expect.stringMatching(/absolute path/) });
  });

  it("refuses a zip holding a symbolic link with 400 FSS.1011", async () => {
    const zip = await zipOf((z) => z.file("link", "/etc/passwd", { unixPermissions: 0o120777 }));
    const res = await call({ method: "POST", path: FN(), body: createBody("symlink", zip) });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error_code: "FSS.1011", error_msg: expect.stringMatching(/symbolic link/) });
  });

  it("still accepts a plain zip with folders", async () => {
    const zip = await zipOf((z) => z.file("lib/util.js", "module.exports = 1;"));
    const res = await call({ method: "POST", path: FN(), body: createBody("plain", zip) });
    expect(res.status).toBe(200);
  });
});

describe("a 5000-deep event", () => {
  it("is answered in FunctionGraph's error shape, without a stack or paths", async () => {
    const zip = await zipOf(() => undefined);
    const created = await call({ method: "POST", path: FN(), body: createBody("deep", zip) });
    expect(created.status).toBe(200);
    const deep = '{"a":'.repeat(5000) + "1" + "}".repeat(5000);
    const res = await call({ method: "POST", path: `${FN()}/${created.body.func_urn}/invocations`, body: deep });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error_code: "FSS.0500", error_msg: "Internal server error" });
    expectNoInternals(res.body);
  });
});

describe("what function code can reach", () => {
  it("cannot read the parent's environ, other code folders or files outside its own, nor inherit the emulator's env", async () => {
    process.env.CLOUDFN_HARDENING_SECRET = "s3cret";
    const probe = `
      const fs = require("fs"), path = require("path");
      const attempt = (f) => { try { f(); return "read"; } catch (e) { return e.code; } };
      exports.handler = async () => ({
        environ: attempt(() => fs.readFileSync("/proc/" + process.ppid + "/environ")),
        siblings: attempt(() => fs.readdirSync(path.dirname(process.env.RUNTIME_CODE_ROOT))),
        outside: attempt(() => fs.readFileSync(__filename.replace(/index\\.js$/, "../../../package.json"))),
        own: attempt(() => fs.readFileSync(__filename)),
        secret: process.env.CLOUDFN_HARDENING_SECRET ?? null,
      });`;
    const zip = await zipOf((z) => z.file("index.js", probe));
    try {
      const created = await call({ method: "POST", path: FN(), body: createBody("probe", zip) });
      const res = await call({ method: "POST", path: `${FN()}/${created.body.func_urn}/invocations`, body: {} });
      expect(JSON.parse(res.body.result)).toEqual({
        environ: "ERR_ACCESS_DENIED",
        siblings: "ERR_ACCESS_DENIED",
        outside: "ERR_ACCESS_DENIED",
        own: "read",
        secret: null,
      });
    } finally {
      delete process.env.CLOUDFN_HARDENING_SECRET;
    }
  });
});

describe("what MinApp jobs and LeanCloud engines can reach", () => {
  let stateDir: string;
  let stateEmu: RunningEmulator;
  beforeAll(async () => {
    stateDir = mkdtempSync(path.join(os.tmpdir(), "cloudfn-hardening-"));
    stateEmu = await startEmulator({ stateFile: path.join(stateDir, "state.json") });
  });
  afterAll(async () => {
    await stateEmu?.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it("cannot read the emulator's state file, its environ or files outside, and still runs", async () => {
    const probe = `
      const fs = require("fs");
      const attempt = (f) => { try { f(); return "read"; } catch (e) { return e.code; } };
      exports.main = async (event) => ({
        state: attempt(() => fs.readFileSync(event.data.state)),
        environ: attempt(() => fs.readFileSync("/proc/" + process.ppid + "/environ")),
        outside: attempt(() => fs.readFileSync(event.data.outside)),
        missingModule: attempt(() => require("no-such-module")),
        builtin: typeof require("crypto").randomUUID(),
      });`;
    const token = (await minappLogin(stateEmu.url)).access_token;
    const call = (c: { method: string; path: string; body?: unknown }) => minappRequest(stateEmu.url, { token, ...c });
    const FN = "/oserve/v1.3/cloud-function/";
    await call({ method: "POST", path: FN, body: { name: "probe", function_code: probe } });
    const data = { state: path.join(stateDir, "state.json"), outside: path.resolve("package.json") };
    const res = await call({ method: "POST", path: `${FN}probe/job/`, body: { data } });
    expect(res.body.data).toEqual({
      state: "ERR_ACCESS_DENIED",
      environ: "ERR_ACCESS_DENIED",
      outside: "ERR_ACCESS_DENIED",
      missingModule: "MODULE_NOT_FOUND",
      builtin: "string",
    });
  });

  it("keeps a LeanCloud engine from the state file, its environ and files outside its project", async () => {
    const probe = `
      const fs = require("fs");
      const attempt = (f) => { try { f(); return "read"; } catch (e) { return e.code; } };
      require("leanengine").Cloud.define("probe", (request) => ({
        state: attempt(() => fs.readFileSync(request.params.state)),
        environ: attempt(() => fs.readFileSync("/proc/" + process.ppid + "/environ")),
        outside: attempt(() => fs.readFileSync(request.params.outside)),
        own: attempt(() => fs.readFileSync(__filename)),
      }));`;
    const lc = (c: Parameters<typeof lcCall>[2]) => lcCall(stateEmu.url, stateEmu.leancloud, c);
    const deployed = await lc({
      method: "POST",
      path: "/_emulator/leancloud/deploy",
      auth: "none",
      body: { path: writeProject({ "cloud.js": probe }) },
    });
    expect(deployed.status).toBe(200);
    const params = { state: path.join(stateDir, "state.json"), outside: path.resolve("package.json") };
    const res = await lc({ method: "POST", path: "/1.1/functions/probe", auth: "key", body: params });
    expect(res.body.result).toEqual({
      state: "ERR_ACCESS_DENIED",
      environ: "ERR_ACCESS_DENIED",
      outside: "ERR_ACCESS_DENIED",
      own: "read",
    });
  }, 60_000);
});
