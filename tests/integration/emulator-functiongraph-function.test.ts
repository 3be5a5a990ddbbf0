/**
 * FunctionGraph functions against an in-process emulator on port 0, through signed raw HTTP.
 * Emulator-only (not validated against the real platform); exact values throughout.
 */
import { createHash } from "crypto";
import JSZip from "jszip";
import { ManualClock, seededIds, startEmulator, type RunningEmulator } from "../../emulator";
import { fgCall, type FgCall } from "../../emulator/testing/fg-client";

let emu: RunningEmulator;
let clock: ManualClock;
let pid: string;
const call = (c: FgCall) => fgCall(emu.url, emu.credentials, { now: clock.now(), ...c });
const FN = () => `/v2/${pid}/fgs/functions`;
const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64");
const sha512 = (b: Buffer) => createHash("sha512").update(b).digest("hex");

async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text, { date: new Date("2020-01-01T00:00:00Z") });
  return zip.generateAsync({ type: "nodebuffer" });
}

const base = { package: "default", runtime: "Node.js18.15", handler: "index.handler", memory_size: 128, timeout: 5 };
const inline = (src: string) => ({ code_type: "inline", func_code: { file: b64(src) } });
const create = (name: string, extra: Record<string, unknown> = {}) =>
  call({
    method: "POST",
    path: FN(),
    body: { func_name: name, ...base, ...inline("exports.handler = async () => 1;"), ...extra },
  });

beforeEach(async () => {
  clock = new ManualClock("2024-01-02T03:04:05Z");
  emu = await startEmulator({ clock, ids: seededIds(42) });
  pid = emu.credentials.projectId;
});
afterEach(() => emu.close());

describe("authentication", () => {
  it("rejects unsigned, wrongly signed, unknown-AK and stale requests with 401 APIG.0301", async () => {
    const unsigned = await call({ method: "GET", path: FN(), auth: "none" });
    expect([unsigned.status, unsigned.body]).toEqual([
      401,
      { error_code: "APIG.0301", error_msg: "Incorrect IAM authentication information: x-auth-token not found" },
    ]);
    const badSig = await call({ method: "GET", path: FN(), secretKey: "wrong" });
    expect([badSig.status, badSig.body]).toEqual([
      401,
      { error_code: "APIG.0301", error_msg: "Incorrect IAM authentication information: verify aksk signature fail" },
    ]);
    const unknownAk = await call({ method: "GET", path: FN(), accessKey: "NOPE" });
    expect(unknownAk.body.error_msg).toBe(
      "Incorrect IAM authentication information: Get secretKey failed,ak:NOPE,err:ak not exist",
    );
    const stale = await call({ method: "GET", path: FN(), now: new Date(clock.now().getTime() - 901_000) });
    expect([stale.status, stale.body.error_code]).toEqual([401, "APIG.0301"]);
    const fresh = await call({ method: "GET", path: FN(), now: new Date(clock.now().getTime() - 899_000) });
    expect(fresh.status).toBe(200);
  });

  it("rejects a body changed after signing, also when its hash was declared", async () => {
    const tampered = await call({
      method: "POST",
      path: FN(),
      body: { func_name: "a" },
      wireBody: '{"func_name":"b"}',
    });
    expect([tampered.status, tampered.body.error_msg]).toEqual([
      401,
      "Incorrect IAM authentication information: verify aksk signature fail",
    ]);
    const declared = await call({
      method: "POST",
      path: FN(),
      body: { func_name: "a" },
      headers: { "x-sdk-content-sha256": createHash("sha256").update("{}").digest("hex") },
    });
    expect([declared.status, declared.body.error_msg]).toEqual([
      401,
      "Incorrect IAM authentication information: verify aksk signature fail",
    ]);
  });

  it("locks an AK for 5 minutes after more than 5 consecutive signature failures", async () => {
    const locked = "Incorrect IAM authentication information: AK access failed to reach the limit,forbidden";
    for (let i = 0; i < 5; i++)
      expect((await call({ method: "GET", path: FN(), secretKey: "wrong" })).body.error_msg).toMatch(
        /verify aksk signature fail/,
      );
    // A success before the limit resets the count, so five more failures still do not lock.
    expect((await call({ method: "GET", path: FN() })).status).toBe(200);
    for (let i = 0; i < 5; i++) await call({ method: "GET", path: FN(), secretKey: "wrong" });
    expect((await call({ method: "GET", path: FN() })).status).toBe(200);
    for (let i = 0; i < 6; i++) await call({ method: "GET", path: FN(), secretKey: "wrong" });
    const refused = await call({ method: "GET", path: FN() });
    expect([refused.status, refused.body.error_msg]).toEqual([401, locked]);
    clock.advance(299_000);
    expect((await call({ method: "GET", path: FN() })).body.error_msg).toBe(locked);
    clock.advance(2_000);
    expect((await call({ method: "GET", path: FN() })).status).toBe(200);
  });

  it("answers 404 APIG.0101 for unknown routes and 403 for a foreign project", async () => {
    const unknown = await call({ method: "GET", path: `/v2/${pid}/fgs/nothing` });
    expect([unknown.status, unknown.body]).toEqual([
      404,
      { error_code: "APIG.0101", error_msg: "The API does not exist or has not been published in the environment" },
    ]);
    const foreign = await call({ method: "GET", path: "/v2/ffffffffffffffffffffffffffffffff/fgs/functions" });
    expect([foreign.status, foreign.body.error_code]).toEqual([403, "FSS.0403"]);
  });
});

describe("functions", () => {
  it("creates a function with the platform's computed fields", async () => {
    const src = "exports.handler = async () => 1;";
    const res = await create("hello", {
      user_data: '{"B":"2","A":"1"}',
      encrypted_user_data: '{"SECRET":"s3cr3t"}',
      description: "d",
    });
    expect(res.status).toBe(200);
    const f = res.body;
    expect(f).toMatchObject({
      func_urn: `urn:fss:cn-north-4:${pid}:function:default:hello:latest`,
      resource_id: `${f.func_id}:hello`,
      namespace: pid,
      domain_id: emu.credentials.domainId,
      version: "latest",
      enterprise_project_id: "0",
      type: "v2",
      cpu: 300,
      code_size: Buffer.byteLength(src),
      digest: sha512(Buffer.from(src)),
      last_modified: "2024-01-02T03:04:05Z",
      strategy_config: { concurrency: 400, concurrent_num: 1 },
      user_data: '{"B":"2","A":"1"}',
      encrypted_user_data: '{"SECRET":""}',
      description: "d",
    });
    expect(f.func_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(f.image_name).toMatch(/^latest-240102030405@[a-z0-9]{5}$/);
    expect(JSON.stringify(f)).not.toContain("s3cr3t");
    const dup = await create("hello");
    expect([dup.status, dup.body.error_code]).toEqual([409, "FSS.1061"]);
  });

  it.each([
    ["name starting with a digit", { func_name: "1abc" }, 400, "FSS.1002"],
    ["61-char name", { func_name: "a".repeat(61) }, 400, "FSS.1002"],
    ["unknown runtime", { runtime: "Node.js99" }, 400, "FSS.1005"],
    ["handler without a period", { handler: "index" }, 400, "FSS.1003"],
    ["handler ending in a period", { handler: "index.handler." }, 400, "FSS.1003"],
    ["handler reaching outside the code", { handler: "index.x/../../dir/outside.handler" }, 400, "FSS.1003"],
    ["handler in a folder", { handler: "lib/index.handler" }, 400, "FSS.1003"],
    ["memory 100", { memory_size: 100 }, 400, "FSS.1007"],
    ["timeout 2", { timeout: 2 }, 400, "FSS.1008"],
    ["timeout 259201", { timeout: 259_201 }, 400, "FSS.1008"],
    ["code_type tar", { code_type: "tar" }, 400, "FSS.1006"],
    ["513-char description", { description: "x".repeat(513) }, 400, "FSS.1019"],
    ["user_data array", { user_data: "[1]" }, 400, "FSS.1009"],
    [
      "21 user_data entries",
      { user_data: JSON.stringify(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`K${i}`, "v"]))) },
      400,
      "FSS.1017",
    ],
    ["inline code over 10 KB", { func_code: { file: b64("x".repeat(10 * 1024 + 1)) } }, 413, "FSS.1072"],
    ["memory as a string", { memory_size: "128" }, 400, "FSS.0400"],
  ])("rejects %s", async (_label, override, status, code) => {
    const res = await create("valid", override);
    expect([res.status, res.body.error_code]).toEqual([status, code]);
  });

  it("accepts a one-character name (API-reference side of the 1-vs-2 conflict)", async () => {
    expect((await create("a")).status).toBe(200);
  });

  it("lists with marker-as-offset pagination", async () => {
    for (const n of ["f1", "f2", "f3", "f4", "f5"]) expect((await create(n)).status).toBe(200);
    expect((await create("other", { package: "app2" })).status).toBe(200);
    const pages: [string[], number, number][] = [];
    for (const marker of ["0", "2", "4", "6"]) {
      const res = await call({ method: "GET", path: `${FN()}?marker=${marker}&maxitems=2` });
      pages.push([
        res.body.functions.map((f: { func_name: string }) => f.func_name),
        res.body.next_marker,
        res.body.count,
      ]);
    }
    expect(pages).toEqual([
      [["f1", "f2"], 2, 6],
      [["f3", "f4"], 4, 6],
      [["f5", "other"], 6, 6],
      [[], 6, 6],
    ]);
    const first = await call({ method: "GET", path: `${FN()}?maxitems=1` });
    expect(first.body.functions[0].func_urn).toBe(`urn:fss:cn-north-4:${pid}:function:default:f1`);
    for (const q of ["", "?maxitems=0", "?maxitems=401"])
      expect((await call({ method: "GET", path: FN() + q })).body.functions).toHaveLength(6);
    const neg = await call({ method: "GET", path: `${FN()}?maxitems=-1` });
    expect([neg.status, neg.body.error_code]).toEqual([400, "FSS.1001"]);
    const filtered = await call({ method: "GET", path: `${FN()}?package_name=app2` });
    expect([filtered.body.functions.map((f: { func_name: string }) => f.func_name), filtered.body.count]).toEqual([
      ["other"],
      1,
    ]);
  });

  it("resolves every URN form and 404s on missing functions and versions", async () => {
    await create("hello");
    const forms = [
      "hello",
      "default:hello",
      `${pid}:default:hello`,
      `${pid}:default:hello:latest`,
      `urn:fss:cn-north-4:${pid}:function:default:hello`,
      `urn:fss:cn-north-4:${pid}:function:default:hello:latest`,
      `urn%3Afss%3Acn-north-4%3A${pid}%3Afunction%3Adefault%3Ahello`,
    ];
    for (const urn of forms) {
      const res = await call({ method: "GET", path: `${FN()}/${urn}/config` });
      expect([urn, res.status, res.body.func_name]).toEqual([urn, 200, "hello"]);
    }
    const missing = await call({ method: "GET", path: `${FN()}/nope/config` });
    expect([missing.status, missing.body]).toEqual([
      404,
      { error_code: "FSS.1051", error_msg: "Not found the function" },
    ]);
    const version = await call({ method: "GET", path: `${FN()}/${pid}:default:hello:v1/code` });
    expect([version.status, version.body.error_code]).toEqual([404, "FSS.1052"]);
  });

  it("gets code without content, updates config (full replacement) and code (new digest)", async () => {
    const created = (await create("hello", { description: "keep?", user_data: '{"A":"1"}' })).body;
    const urn = created.func_urn;
    const code = await call({ method: "GET", path: `${FN()}/${urn}/code` });
    expect(code.body).toMatchObject({
      func_urn: urn,
      code_type: "inline",
      digest: created.digest,
      func_code: { file: "", link: "" },
    });

    clock.advance(60_000);
    const cfg = await call({
      method: "PUT",
      path: `${FN()}/${urn}/config`,
      body: { runtime: "Node.js18.15", handler: "index.handler", memory_size: 512, timeout: 30 },
    });
    expect(cfg.status).toBe(200);
    expect(cfg.body).toMatchObject({
      memory_size: 512,
      cpu: 600,
      timeout: 30,
      description: "",
      user_data: "",
      last_modified: "2024-01-02T03:05:05Z",
      digest: created.digest,
    });
    const runtime = await call({
      method: "PUT",
      path: `${FN()}/${urn}/config`,
      body: { runtime: "Node.js16.17", handler: "index.handler", memory_size: 512, timeout: 30 },
    });
    expect([runtime.status, runtime.body.error_code]).toEqual([400, "FSS.1005"]);

    const zip = await zipOf({ "index.js": "exports.handler = async (e) => ({ v: 2, e });" });
    const upd = await call({
      method: "PUT",
      path: `${FN()}/${urn}/code`,
      body: { code_type: "zip", code_filename: "index.zip", func_code: { file: b64(zip) } },
    });
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({
      code_type: "zip",
      code_filename: "index.zip",
      code_size: zip.length,
      digest: sha512(zip),
    });
    expect(upd.body.digest).not.toBe(created.digest);
    const inv = await call({ method: "POST", path: `${FN()}/${urn}/invocations`, body: { k: 1 } });
    expect(JSON.parse(inv.body.result)).toEqual({ v: 2, e: { k: 1 } });
  });

  it("deletes only with an unqualified URN", async () => {
    const urn = (await create("hello")).body.func_urn as string;
    const latest = await call({ method: "DELETE", path: `${FN()}/${urn}` });
    expect([latest.status, latest.body.error_code]).toEqual([400, "FSS.0400"]);
    const del = await call({ method: "DELETE", path: `${FN()}/${urn.replace(/:latest$/, "")}` });
    expect([del.status, del.body]).toEqual([204, ""]);
    const again = await call({ method: "DELETE", path: `${FN()}/hello` });
    expect([again.status, again.body.error_code]).toEqual([404, "FSS.1051"]);
    expect((await call({ method: "GET", path: FN() })).body).toEqual({ functions: [], next_marker: 0, count: 0 });
  });
});
