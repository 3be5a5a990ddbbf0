/**
 * Dependency versions end to end against the in-process emulator: the official SDK, marker
 * paging, in-use protection, functions that reference versions (checked, and their packages on
 * the runtime's require path), and the DependencyVersion provider's CRUD and lost-create path.
 */
import {
  CreateDependencyRequestBody,
  CreateDependencyVersionRequest,
  DeleteDependencyVersionRequest,
  FunctionGraphClient,
  ListDependenciesRequest,
  ListDependencyVersionRequest,
  ShowDependencyVersionRequest,
} from "@huaweicloud/huaweicloud-sdk-functiongraph";
import JSZip from "jszip";
import * as pulumi from "@pulumi/pulumi";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { fgCall } from "../../emulator/testing/fg-client";
import { clearStackConfig } from "../../provider/functiongraph/config";
import { provider, tuning } from "../../provider/functiongraph/dependency-version";
import { DependencyVersionInputs } from "../../provider/functiongraph/dependency-version/schema";
import { officialFgClient, useFgStackConfig } from "../helpers/fg-emulator";
import { clearRequestLog, operationLines } from "../helpers/fg-http";

let emu: RunningEmulator;
let sdk: FunctionGraphClient;
const wire = (o: object) => o as unknown as Record<string, any>;

const call = (method: string, path: string, body?: unknown) =>
  fgCall(emu.url, emu.credentials, { method, path: `/v2/${emu.credentials.projectId}/fgs${path}`, body });
const ops = () => operationLines(emu.url);
const clearLog = () => clearRequestLog(emu.url);

async function zipOf(files: Record<string, string>): Promise<string> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return (await zip.generateAsync({ type: "nodebuffer" })).toString("base64");
}
const leftPad = (v: string) =>
  zipOf({ "node_modules/left-pad/index.js": `module.exports = (s, n) => String(s).padStart(n, "${v}");` });

function sdkBody(name: string, file: string) {
  const body = new CreateDependencyRequestBody();
  Object.assign(body, { depend_type: "zip", depend_file: file, runtime: "Node.js18.15", name, description: "pad" });
  return body;
}

beforeAll(async () => {
  emu = await startEmulator();
  sdk = officialFgClient(emu);
  tuning.client = { baseDelayMs: 1 };
  tuning.createRetryDelayMs = 1;
});
afterAll(async () => {
  clearStackConfig();
  await emu.close();
});
beforeEach(async () => {
  await fetch(`${emu.url}/_emulator/reset`, { method: "POST" });
});

describe("dependency versions through the official SDK", () => {
  it("creates versions 1 and 2 of one name, lists, shows and deletes them", async () => {
    const v1 = wire(
      await sdk.createDependencyVersion(
        new CreateDependencyVersionRequest().withBody(sdkBody("left-pad", await leftPad(" "))),
      ),
    );
    const v2 = wire(
      await sdk.createDependencyVersion(
        new CreateDependencyVersionRequest().withBody(sdkBody("left-pad", await leftPad("0"))),
      ),
    );
    expect([v1.version, v2.version, v1.dep_id === v2.dep_id, v1.id !== v2.id, v1.owner]).toEqual([
      1,
      2,
      true,
      true,
      emu.credentials.domainId,
    ]);
    expect(v1.etag).toMatch(/^[0-9a-f]{32}$/);

    const listed = wire(await sdk.listDependencies(new ListDependenciesRequest().withName("left-pad")));
    expect(listed.dependencies.map((d: any) => [d.id, d.name, d.version])).toEqual([[v1.dep_id, "left-pad", 2]]);
    const versions = wire(await sdk.listDependencyVersion(new ListDependencyVersionRequest().withDependId(v1.dep_id)));
    expect(versions.dependencies.map((v: any) => v.version)).toEqual([1, 2]);
    const shown = wire(
      await sdk.showDependencyVersion(new ShowDependencyVersionRequest().withDependId(v1.dep_id).withVersion("2")),
    );
    expect([shown.id, shown.download_link.startsWith(shown.link)]).toEqual([v2.id, true]);

    const del = await sdk.deleteDependencyVersion(
      new DeleteDependencyVersionRequest().withDependId(v1.dep_id).withVersion("1"),
    );
    expect(del.httpStatusCode).toBe(204);
    await expect(
      sdk.showDependencyVersion(new ShowDependencyVersionRequest().withDependId(v1.dep_id).withVersion("1")),
    ).rejects.toMatchObject({ httpStatusCode: 404, errorCode: "FSS.1056" });
  });
});

describe("the emulator's dependency rules", () => {
  it("pages versions with marker/maxitems like the platform (next_marker = offset, count = total)", async () => {
    let depId = "";
    for (let i = 0; i < 5; i++)
      depId = (
        await call("POST", "/dependencies/version", {
          depend_type: "zip",
          depend_file: await leftPad(String(i)),
          runtime: "Node.js18.15",
          name: "pad",
        })
      ).body.dep_id;
    const p1 = (await call("GET", `/dependencies/${depId}/version?maxitems=2`)).body;
    const p3 = (await call("GET", `/dependencies/${depId}/version?marker=4&maxitems=2`)).body;
    const end = (await call("GET", `/dependencies/${depId}/version?marker=5&maxitems=2`)).body;
    expect([p1.dependencies.map((v: any) => v.version), p1.next_marker, p1.count]).toEqual([[1, 2], 2, 5]);
    expect([p3.dependencies.map((v: any) => v.version), p3.next_marker]).toEqual([[5], 5]);
    expect([end.dependencies, end.next_marker]).toEqual([[], 5]);
    expect((await call("GET", `/dependencies/${depId}/version?maxitems=-1`)).status).toBe(400);
  });

  it.each([
    [{ name: "9bad" }, "invalid dependency name"],
    [{ name: "bad-" }, "invalid dependency name"],
    [{ runtime: "Node.js99" }, "invalid runtime"],
    [{ depend_type: "tar" }, "invalid depend_type"],
    [{ depend_file: "bm90IGEgemlw" }, "not a zip"],
    [{ depend_type: "obs", depend_link: "http://bucket/x.zip" }, "depend_link must be an https URL"],
  ])("refuses %j with 400 (%s)", async (over, message) => {
    const res = await call("POST", "/dependencies/version", {
      depend_type: "zip",
      depend_file: await leftPad(" "),
      runtime: "Node.js18.15",
      name: "pad",
      ...over,
    });
    expect(res.status).toBe(400);
    expect(res.body.error_msg).toContain(message);
  });

  it("checks references from functions, runs them with the package on the require path, and refuses to delete a used version", async () => {
    const v1 = (
      await call("POST", "/dependencies/version", {
        depend_type: "zip",
        depend_file: await leftPad("*"),
        runtime: "Node.js18.15",
        name: "pad",
      })
    ).body;
    const src = await zipOf({
      "index.js": 'exports.handler = async (e) => ({ padded: require("left-pad")(e.s, 5) });',
    });
    const fn = {
      func_name: "padder",
      package: "default",
      runtime: "Node.js18.15",
      handler: "index.handler",
      memory_size: 128,
      timeout: 10,
      code_type: "zip",
      func_code: { file: src },
    };
    const missing = await call("POST", "/functions", { ...fn, depend_version_list: ["no-such-version"] });
    expect([missing.status, missing.body.error_code]).toEqual([400, "FSS.1024"]);
    expect((await call("POST", "/functions", { ...fn, depend_version_list: [v1.id] })).status).toBe(200);

    const out = await call("POST", "/functions/padder/invocations", { s: "ab" });
    expect(JSON.parse(out.body.result)).toEqual({ padded: "***ab" });

    const inUse = await call("DELETE", `/dependencies/${v1.dep_id}/version/1`);
    expect([inUse.status, inUse.body.error_code]).toEqual([412, "FSS.1033"]);
  });
});

describe("DependencyVersion provider against the emulator", () => {
  const pkg = (pad: string) =>
    new pulumi.asset.AssetArchive({
      node_modules: new pulumi.asset.AssetArchive({
        "left-pad/index.js": new pulumi.asset.StringAsset(`module.exports = "${pad}";`),
      }),
    });
  const configure = () => {
    useFgStackConfig(emu);
  };
  const checked = async (over: Partial<DependencyVersionInputs> = {}) => {
    const res = await provider.check!(
      {} as DependencyVersionInputs,
      { name: "pad", runtime: "Node.js18.15", code: pkg("1"), ...over } as DependencyVersionInputs,
    );
    expect(res.failures).toBeUndefined();
    return res.inputs!;
  };

  it("create → read (no diff) → changed archive replaces → delete; reads of a gone version say gone", async () => {
    configure();
    await clearLog();
    const inputs = await checked();
    const created = await provider.create(inputs);
    const { id } = created;
    const outs = created.outs!;
    expect(id).toBe(`${outs.dependencyId}/1`);
    expect(outs).toMatchObject({ name: "pad", version: 1, description: "", codeHash: inputs.codeHash });
    const read = await provider.read!(id, outs);
    expect(await provider.diff!(id, read.props!, inputs)).toEqual({ changes: false, replaces: [] });
    expect(await provider.diff!(id, read.props!, await checked({ code: pkg("2") }))).toMatchObject({
      changes: true,
      replaces: ["code"],
    });
    expect(await provider.diff!(id, read.props!, await checked({ description: "x" }))).toMatchObject({
      changes: true,
      replaces: ["description"],
    });
    await provider.delete!(id, outs);
    expect(await provider.read!(id, outs)).toEqual({});
    await provider.delete!(id, outs);
    expect(await ops()).toEqual([
      "CreateDependencyVersion 200",
      "ShowDependencyVersion 200",
      "DeleteDependencyVersion 204",
      "ShowDependencyVersion 404",
      "DeleteDependencyVersion 404",
    ]);
  });

  it("a create whose response was lost reconciles with the version it made instead of adding another", async () => {
    configure();
    await fetch(`${emu.url}/_emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ operation: "CreateDependencyVersion", dropAfter: true, times: 1 }),
    });
    await clearLog();
    const outs = (await provider.create(await checked())).outs!;
    expect(outs.version).toBe(1);
    // The dropped POST is logged with status 0; the recovery lists instead of posting again.
    expect(await ops()).toEqual(["CreateDependencyVersion 0", "ListDependencies 200", "ListDependencyVersion 200"]);
    const versions = (await call("GET", `/dependencies/${outs.dependencyId}/version`)).body;
    expect(versions.count).toBe(1);
  });
});
