/**
 * APIG triggers serving HTTP in the emulator: the official SDK creates the trigger, plain
 * `fetch` calls its invoke_url. Covers the APIG event the function gets, the response mapping
 * (status, headers, base64 bodies), method and stage matching, DISABLED, auth NONE/APP/IAM and
 * the gateway's 502/504. Emulator-only (not validated against the real platform).
 */
import {
  CreateFunctionTriggerRequest,
  CreateFunctionTriggerRequestBody,
} from "@huaweicloud/huaweicloud-sdk-functiongraph";
import { startEmulator, SystemClock, type RunningEmulator } from "../../emulator";
import { EMULATOR_APIG_APP } from "../../emulator/functiongraph/apig/app-credentials";
import { fgCall, type FgCall } from "../../emulator/testing/fg-client";
import { inlineFunction, officialFgClient } from "../helpers/fg-emulator";

jest.setTimeout(60_000);

let emu: RunningEmulator;
let pid: string;
let urn: string;
const call = (c: FgCall) => fgCall(emu.url, emu.credentials, c);
const GROUP = "group-4f2c";

/** Answers by path: echo the event, a binary body, a throw, a non-APIG value, or a slow answer. */
const HANDLER = `
exports.handler = async (event) => {
  if (event.path.endsWith("/boom")) throw new Error("boom");
  if (event.path.endsWith("/plain")) return { hello: 1 };
  if (event.path.endsWith("/slow")) return new Promise((r) => setTimeout(() => r({ statusCode: 200, body: "late" }), 3000));
  if (event.path.endsWith("/bin"))
    return { statusCode: 201, headers: { "content-type": "application/octet-stream", "x-kind": "bin" },
      body: Buffer.from([0, 1, 2, 255]).toString("base64"), isBase64Encoded: true };
  const text = Buffer.from(event.body, "base64").toString("utf8");
  return { statusCode: 200, headers: { "content-type": "application/json", "x-seen-method": event.httpMethod },
    body: JSON.stringify({ event, text }), isBase64Encoded: false };
};`;

async function deploy(name: string, src: string): Promise<string> {
  const res = await call({
    method: "POST",
    path: `/v2/${pid}/fgs/functions`,
    body: inlineFunction(name, src, 10),
  });
  expect(res.status).toBe(200);
  return res.body.func_urn;
}

const apigData = (path: string, extra: Record<string, unknown> = {}) => ({
  type: 1,
  path,
  protocol: "HTTPS",
  req_method: "ANY",
  group_id: GROUP,
  match_mode: "NORMAL",
  env_name: "RELEASE",
  env_id: "DEFAULT_ENVIRONMENT_RELEASE_ID",
  auth: "NONE",
  func_info: { timeout: 5000 },
  ...extra,
});

async function apig(path: string, extra: Record<string, unknown> = {}, type = "APIG"): Promise<any> {
  const res = await call({
    method: "POST",
    path: `/v2/${pid}/fgs/triggers/${urn}`,
    body: { trigger_type_code: type, event_data: apigData(path, extra) },
  });
  expect(res.status).toBe(201);
  return res.body;
}

const url = (path: string) => `${emu.url}/_emulator/functiongraph/apig/${GROUP}${path}`;

beforeAll(async () => {
  emu = await startEmulator({ clock: new SystemClock() });
  pid = emu.credentials.projectId;
  urn = await deploy("web", HANDLER);
});
afterAll(() => emu.close());

it("the official SDK creates an APIG trigger whose event_data echoes api_id and invoke_url", async () => {
  const client = officialFgClient(emu);
  const created = await client.createFunctionTrigger(
    new CreateFunctionTriggerRequest()
      .withFunctionUrn(urn)
      .withBody(new CreateFunctionTriggerRequestBody("APIG", apigData("/users/{id}") as never)),
  );
  const wire = created as unknown as { trigger_id: string; event_data: Record<string, unknown> };
  expect(created.httpStatusCode).toBe(201);
  expect(wire.event_data).toMatchObject({ api_id: wire.trigger_id, invoke_url: url("/users/{id}") });

  const res = await fetch(`${url("/users/42")}?x=1&x=2&y=z`, {
    method: "POST",
    body: "hi there",
    headers: { "x-custom": "yes", "content-type": "text/plain" },
  });
  expect([res.status, res.headers.get("x-seen-method"), res.headers.get("content-type")]).toEqual([
    200,
    "POST",
    "application/json",
  ]);
  const { event, text } = (await res.json()) as { event: any; text: string };
  expect(text).toBe("hi there");
  expect(event).toMatchObject({
    httpMethod: "POST",
    path: "/users/42",
    pathParameters: { id: "42" },
    queryStringParameters: { x: "1", y: "z" },
    isBase64Encoded: true,
    body: Buffer.from("hi there").toString("base64"),
    requestContext: { apiId: wire.trigger_id, stage: "RELEASE" },
  });
  expect(event.headers).toMatchObject({ "x-custom": "yes", "content-type": "text/plain" });
});

it("maps a base64 body and custom headers and status back to the response", async () => {
  await apig("/files/bin", { req_method: "GET" });
  const res = await fetch(url("/files/bin"));
  expect([res.status, res.headers.get("x-kind"), res.headers.get("content-type")]).toEqual([
    201,
    "bin",
    "application/octet-stream",
  ]);
  expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0, 1, 2, 255]);
});

it("answers APIG.0101 for an unknown path or a method the API does not declare", async () => {
  await apig("/only-get", { req_method: "GET" });
  const wrongMethod = await fetch(url("/only-get"), { method: "DELETE" });
  expect([wrongMethod.status, await wrongMethod.json()]).toEqual([
    404,
    expect.objectContaining({ error_code: "APIG.0101", error_msg: "The API does not exist." }),
  ]);
  const unknown = await fetch(url("/nowhere"));
  expect([unknown.status, ((await unknown.json()) as any).error_code]).toEqual([404, "APIG.0101"]);
  expect((await fetch(`${emu.url}/_emulator/functiongraph/apig/other-group/only-get`)).status).toBe(404);
});

it("matches prefix (SWA) paths and greedy path parameters, and needs X-Stage outside RELEASE", async () => {
  await apig("/static", { match_mode: "SWA" });
  await apig("/deep/{rest+}");
  const swa = (await (await fetch(url("/static/a/b"))).json()) as any;
  expect(swa.event.path).toBe("/static/a/b");
  const greedy = (await (await fetch(url("/deep/x/y%20z"))).json()) as any;
  expect(greedy.event.pathParameters).toEqual({ rest: "x/y z" });

  await apig("/staged", { env_name: "TEST" });
  expect((await fetch(url("/staged"))).status).toBe(404);
  const staged = await fetch(url("/staged"), { headers: { "x-stage": "TEST" } });
  expect([staged.status, ((await staged.json()) as any).event.requestContext.stage]).toEqual([200, "TEST"]);
});

it("a DISABLED trigger answers as an unpublished API until it is enabled again", async () => {
  const trigger = await apig("/toggle");
  const setStatus = (status: string) =>
    call({
      method: "PUT",
      path: `/v2/${pid}/fgs/triggers/${urn}/APIG/${trigger.trigger_id}`,
      body: { trigger_status: status },
    });
  expect((await setStatus("DISABLED")).status).toBe(200);
  const off = await fetch(url("/toggle"));
  expect([off.status, ((await off.json()) as any).error_code]).toEqual([404, "APIG.0101"]);
  expect((await setStatus("ACTIVE")).status).toBe(200);
  expect((await fetch(url("/toggle"))).status).toBe(200);
});

it("a failing function answers 502, a non-APIG result 502, a slow one 504", async () => {
  await apig("/err/boom");
  await apig("/err/plain");
  await apig("/err/slow", { func_info: { timeout: 300 } });
  const boom = await fetch(url("/err/boom"));
  expect([boom.status, ((await boom.json()) as any).error_code]).toEqual([502, "APIG.0202"]);
  expect(boom.headers.get("x-emulator-detail")).toMatch(/boom/);
  const plain = await fetch(url("/err/plain"));
  expect([plain.status, ((await plain.json()) as any).error_code]).toEqual([502, "APIG.0202"]);
  const slow = await fetch(url("/err/slow"));
  expect([slow.status, ((await slow.json()) as any).error_code]).toEqual([504, "APIG.0203"]);
});

it("auth APP accepts the emulator app's AppCode or its signature, nothing else", async () => {
  await apig("/app", { auth: "APP" });
  const path = `/_emulator/functiongraph/apig/${GROUP}/app`;
  const none = await fetch(url("/app"));
  expect([none.status, ((await none.json()) as any).error_code]).toEqual([401, "APIG.0303"]);
  expect((await fetch(url("/app"), { headers: { "x-apig-appcode": "wrong" } })).status).toBe(401);
  expect((await fetch(url("/app"), { headers: { "x-apig-appcode": EMULATOR_APIG_APP.code } })).status).toBe(200);
  const app = { accessKey: EMULATOR_APIG_APP.key, secretKey: EMULATOR_APIG_APP.secret };
  expect((await call({ method: "GET", path, ...app })).status).toBe(200);
  const forged = await call({ method: "GET", path, ...app, secretKey: "not-the-secret" });
  expect([forged.status, forged.body.error_code]).toEqual([401, "APIG.0303"]);
  // The account's AK/SK is IAM, not an app.
  expect((await call({ method: "GET", path })).status).toBe(401);
});

it("auth APP accepts the app given to startEmulator({ apigApp }) instead of the default one", async () => {
  const [mainEmulator, mainUrn] = [emu, urn];
  const own = { key: "teamappkey", secret: "teamappsecret", code: "teamappcode" };
  emu = await startEmulator({ clock: new SystemClock(), apigApp: own });
  try {
    urn = await deploy("web", HANDLER);
    await apig("/app", { auth: "APP" });
    const path = `/_emulator/functiongraph/apig/${GROUP}/app`;
    expect((await fetch(url("/app"), { headers: { "x-apig-appcode": own.code } })).status).toBe(200);
    expect((await call({ method: "GET", path, accessKey: own.key, secretKey: own.secret })).status).toBe(200);
    const defaults = { accessKey: EMULATOR_APIG_APP.key, secretKey: EMULATOR_APIG_APP.secret };
    expect((await fetch(url("/app"), { headers: { "x-apig-appcode": EMULATOR_APIG_APP.code } })).status).toBe(401);
    expect((await call({ method: "GET", path, ...defaults })).status).toBe(401);
  } finally {
    await emu.close();
    [emu, urn] = [mainEmulator, mainUrn];
  }
});

it("auth IAM accepts the account's AK/SK signature or an IAM token and refuses anonymous calls", async () => {
  await apig("/iam", { auth: "IAM" }, "DEDICATEDGATEWAY");
  const path = `/_emulator/functiongraph/apig/${GROUP}/iam`;
  const anonymous = await fetch(url("/iam"));
  expect([anonymous.status, ((await anonymous.json()) as any).error_code]).toEqual([401, "APIG.0301"]);
  const signed = await call({ method: "POST", path, body: { a: 1 } });
  expect([signed.status, Buffer.from(signed.body.event.body, "base64").toString()]).toEqual([200, '{"a":1}']);
  const forged = await call({ method: "GET", path, secretKey: "not-the-secret" });
  expect([forged.status, forged.body.error_code]).toEqual([401, "APIG.0301"]);

  const issued = await call({
    method: "POST",
    path: "/v3/auth/tokens",
    auth: "none",
    body: {
      auth: {
        identity: {
          methods: ["password"],
          password: {
            user: {
              name: emu.credentials.userName,
              password: emu.credentials.password,
              domain: { name: emu.credentials.domainName },
            },
          },
        },
        scope: { project: { name: emu.credentials.region } },
      },
    },
  });
  const token = String(issued.headers["x-subject-token"]);
  expect((await fetch(url("/iam"), { headers: { "x-auth-token": token } })).status).toBe(200);
  expect((await fetch(url("/iam"), { headers: { "x-auth-token": "MIIwrong" } })).status).toBe(401);
});

it("a trigger on a published version serves that version's code, not the latest", async () => {
  const fnUrn = await deploy("pinned", 'exports.handler = async () => ({ statusCode: 200, body: "v1" });');
  const base = fnUrn.replace(/:latest$/, "");
  const published = await call({
    method: "POST",
    path: `/v2/${pid}/fgs/functions/${base}/versions`,
    body: { version: "v1" },
  });
  expect(published.status).toBe(200);
  const source = Buffer.from('exports.handler = async () => ({ statusCode: 200, body: "v2" });').toString("base64");
  const updated = await call({
    method: "PUT",
    path: `/v2/${pid}/fgs/functions/${base}/code`,
    body: { code_type: "inline", func_code: { file: source } },
  });
  expect(updated.status).toBe(200);
  for (const [qualifier, path] of [
    ["v1", "/pinned/v1"],
    ["latest", "/pinned/latest"],
  ]) {
    const res = await call({
      method: "POST",
      path: `/v2/${pid}/fgs/triggers/${base}:${qualifier}`,
      body: { trigger_type_code: "APIG", event_data: apigData(path, { req_method: "GET" }) },
    });
    expect(res.status).toBe(201);
  }
  expect(await (await fetch(url("/pinned/v1"))).text()).toBe("v1");
  expect(await (await fetch(url("/pinned/latest"))).text()).toBe("v2");
});
