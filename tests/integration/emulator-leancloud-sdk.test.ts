/**
 * The official `leancloud-storage` client, unmodified and pointed at the emulator with
 * `serverURLs`, calls real functions through `AV.Cloud.run` (POST /1.1/functions, signed with
 * X-LC-Sign by default) and `AV.Cloud.rpc` (POST /1.1/call, typed encoding both ways, docs/reference/leancloud-api.md §6).
 */
import AV from "leancloud-storage";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { lcCall } from "../../emulator/testing/leancloud-client";
import { SAMPLE_CLOUD_JS, writeProject } from "../../emulator/testing/leancloud-projects";

let emu: RunningEmulator;
const control = (emulator: RunningEmulator, body: unknown) =>
  lcCall(emulator.url, emulator.leancloud, { method: "POST", path: "/_emulator/leancloud/deploy", auth: "none", body });

beforeAll(async () => {
  emu = await startEmulator();
  const project = writeProject({ "cloud.js": SAMPLE_CLOUD_JS });
  expect((await control(emu, { path: project })).status).toBe(200);
  expect(
    (
      await control(emu, {
        path: writeProject({ "cloud.js": "require('leanengine').Cloud.define('hello', () => 'staging hello');" }),
        prod: 0,
      })
    ).status,
  ).toBe(200);
  AV.init({
    appId: emu.leancloud.appId,
    appKey: emu.leancloud.appKey,
    masterKey: emu.leancloud.masterKey,
    serverURLs: emu.url,
  });
}, 60_000);
afterAll(() => emu.close());

describe("AV.Cloud.run", () => {
  it("returns results, undefined for {} bodies, and AV.Error with the function's code", async () => {
    expect(await AV.Cloud.run("hello", { name: "sdk" })).toBe("hello sdk");
    expect(await AV.Cloud.run("list")).toEqual([1, "a", { x: 1 }]);
    expect(await AV.Cloud.run("nothing")).toBeUndefined();
    await expect(AV.Cloud.run("cloudError")).rejects.toMatchObject({
      code: 142,
      message: expect.stringMatching(/^bad input/),
    });
    await expect(AV.Cloud.run("doesNotExist")).rejects.toMatchObject({
      code: 1,
      message: expect.stringMatching(/No such cloud function 'doesNotExist'/),
    });
    await expect(AV.Cloud.run("secret")).rejects.toMatchObject({ code: 401 });
    expect(await AV.Cloud.run("secret", {}, { useMasterKey: true })).toBe("internal only");
  });

  it("signs in a user whose session reaches request.currentUser, and selects staging with setProduction(false)", async () => {
    const user = new AV.User();
    user.setUsername("grace");
    user.setPassword("hopper");
    await user.signUp();
    const token = user.getSessionToken();
    expect(await AV.Cloud.run("echo", {}, { sessionToken: token })).toMatchObject({ user: "grace", token });
    const again = await AV.User.logIn("grace", "hopper");
    expect(again.id).toBe(user.id);
    AV.setProduction(false);
    try {
      expect(await AV.Cloud.run("hello")).toBe("staging hello");
    } finally {
      AV.setProduction(true);
    }
    expect(await AV.Cloud.run("hello")).toBe("hello world");
  });
});

describe("AV.Cloud.rpc", () => {
  it("decodes an AV.Object result with its typed fields", async () => {
    const todo = (await AV.Cloud.rpc("makeTodo", { title: "write tests" })) as AV.Object;
    expect(todo).toBeInstanceOf(AV.Object);
    expect(todo.className).toBe("Todo");
    expect(todo.id).toBe("p9");
    expect(todo.get("title")).toBe("write tests");
    expect(todo.get("due")).toEqual(new Date("2024-05-01T08:00:00.000Z"));
  });

  it("encodes Date, GeoPoint, Pointer and File params; Bytes stay as sent; results come back typed", async () => {
    const owner = AV.Object.createWithoutData("_User", "u1");
    const pic = AV.File.withURL("a.jpg", "https://files.example/a.jpg");
    const out = (await AV.Cloud.rpc("rpcTypes", {
      when: new Date("2024-01-02T03:04:05.000Z"),
      where: new AV.GeoPoint(1, 2),
      owner,
      pic,
      blob: { __type: "Bytes", base64: "aGk=" },
    })) as Record<string, unknown>;
    expect(out).toMatchObject({
      isDate: true,
      iso: "2024-01-02T03:04:05.000Z",
      geo: true,
      ptrClass: "_User",
      bytes: { __type: "Bytes", base64: "aGk=" },
      file: "https://files.example/a.jpg",
    });
    expect(out.back).toEqual(new Date("2024-05-01T08:00:00.000Z"));
    expect(out.point).toBeInstanceOf(AV.GeoPoint);
    // An unfetched object nested in a plain result travels as a bare Pointer (its unsaved
    // field is not sent), exactly as the Node engine encodes it.
    expect(out.todo).toBeInstanceOf(AV.Object);
    expect([(out.todo as AV.Object).id, (out.todo as AV.Object).get("title")]).toEqual(["t1", undefined]);
  });

  it("decodes typed params only on /1.1/call, never on /1.1/functions", async () => {
    const body = { when: { __type: "Date", iso: "2024-01-02T03:04:05.000Z" } };
    const viaCall = await lcCall(emu.url, emu.leancloud, { method: "POST", path: "/1.1/call/rpcTypes", body });
    expect(viaCall.body.result).toMatchObject({
      isDate: true,
      todo: { __type: "Pointer", className: "Todo", objectId: "t1" },
    });
    const viaFunctions = await lcCall(emu.url, emu.leancloud, {
      method: "POST",
      path: "/1.1/functions/rpcTypes",
      body,
    });
    expect([viaFunctions.status, viaFunctions.body]).toEqual([
      500,
      { code: 1, error: "p.when.toISOString is not a function" },
    ]);
  });

  it("gets {} for primitive results (the Node engine's quirk, on by default)", async () => {
    expect(await AV.Cloud.rpc("number")).toEqual({});
  });
});

describe("rpcPrimitiveQuirk: false", () => {
  it("keeps primitive RPC results as other runtimes do", async () => {
    const plain = await startEmulator({ leancloudRpcPrimitiveQuirk: false });
    try {
      expect((await control(plain, { path: writeProject({ "cloud.js": SAMPLE_CLOUD_JS }) })).status).toBe(200);
      const rpc = (name: string) =>
        lcCall(plain.url, plain.leancloud, { method: "POST", path: `/1.1/call/${name}`, body: {} });
      expect((await rpc("number")).body).toEqual({ result: 42 });
      expect((await rpc("nothing")).body).toEqual({ result: null });
      expect((await rpc("list")).body).toEqual({ result: [1, "a", { x: 1 }] });
      expect((await rpc("makeTodo")).body.result).toMatchObject({
        __type: "Object",
        className: "Todo",
        objectId: "p9",
        due: { __type: "Date", iso: "2024-05-01T08:00:00.000Z" },
      });
      expect((await rpc("legacy")).body).toEqual({ result: "old style undefined" });
    } finally {
      await plain.close();
    }
  });
});
