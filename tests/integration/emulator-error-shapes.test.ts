/**
 * Every platform answers an oversized body and a failure of the emulator itself in its own error
 * shape, with nothing of the emulator's internals (stack, file paths) on the wire.
 */
import { request } from "http";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { Store } from "../../emulator/core/store";
import { fgCall } from "../../emulator/testing/fg-client";
import { lcCall } from "../../emulator/testing/leancloud-client";
import { minappLogin, minappRequest } from "../../emulator/testing/minapp-client";

jest.setTimeout(60_000);

let emu: RunningEmulator;
beforeAll(async () => (emu = await startEmulator({ seed: 7 })));
afterAll(() => emu.close());
afterEach(() => jest.restoreAllMocks());

/** Announces a body far over any limit, sends a few bytes and returns the early answer. */
function oversized(path: string): Promise<{ status: number; body: any }> {
  const url = new URL(emu.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: "POST",
        path,
        headers: { "content-type": "application/json", "content-length": String(1024 ** 3) },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
        });
      },
    );
    req.on("error", reject);
    req.write("{");
  });
}

/** What a failure inside the emulator looks like: a stack with file paths in it. */
function breakStore(): void {
  jest.spyOn(Store.prototype, "bucket").mockImplementation(() => {
    throw new Error("state unreadable at /srv/secret/state.json");
  });
}

function expectNoInternals(body: unknown): void {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/secret|\.ts|\.js|\s+at\s/);
}

test("FunctionGraph: 413 and 500 as {error_code, error_msg}", async () => {
  const big = await oversized(`/v2/${emu.credentials.projectId}/fgs/functions`);
  expect(big).toEqual({ status: 413, body: { error_code: "APIG.0201", error_msg: expect.any(String) } });
  breakStore();
  const res = await fgCall(emu.url, emu.credentials, {
    method: "GET",
    path: `/v2/${emu.credentials.projectId}/fgs/functions`,
  });
  expect(res.status).toBe(500);
  expect(res.body).toEqual({ error_code: "FSS.0500", error_msg: expect.any(String) });
  expectNoInternals(res.body);
});

test("MinApp: 413 and 500 as {status: error, error_msg}", async () => {
  const big = await oversized("/oserve/v1.3/cloud-function/");
  expect(big).toEqual({ status: 413, body: { status: "error", error_msg: expect.any(String) } });
  const { access_token } = await minappLogin(emu.url);
  breakStore();
  const res = await minappRequest(emu.url, {
    method: "GET",
    path: "/oserve/v1.3/cloud-function/",
    token: access_token,
  });
  expect(res.status).toBe(500);
  expect(res.body).toEqual({ status: "error", error_msg: expect.any(String) });
  expectNoInternals(res.body);
});

test("LeanCloud: 413 and 500 as {code, error}; console calls add errorEventID", async () => {
  const big = await oversized("/1.1/functions/hello");
  expect(big).toEqual({ status: 413, body: { code: 1, error: expect.any(String) } });
  breakStore();
  const res = await lcCall(emu.url, emu.leancloud, { method: "GET", path: "/1.1/engine/groups", auth: "console" });
  expect(res.status).toBe(500);
  expect(res.body).toEqual({ code: 1, error: expect.any(String), errorEventID: expect.any(String) });
  expectNoInternals(res.body);
});

test("a path no platform owns gets a neutral 413", async () => {
  expect(await oversized("/nowhere")).toEqual({ status: 413, body: { error: "request body too large" } });
});
