/**
 * The legacy single-object dependency API (D6–D9, docs/reference/functiongraph-api.md §5.5) against the
 * in-process emulator, with the request bodies of the seed document's examples (zip and obs), sent
 * through the official SDK's own signing HTTP client: SDK 3.1.211 has no operation for these
 * paths, so the test builds the request options its operations build. D2/D3 (through the SDK's
 * operations) see what the legacy calls made.
 */
import {
  FunctionGraphClient,
  ListDependenciesRequest,
  ListDependencyVersionRequest,
} from "@huaweicloud/huaweicloud-sdk-functiongraph";
import JSZip from "jszip";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { fgCall } from "../../emulator/testing/fg-client";
import { officialFgClient } from "../helpers/fg-emulator";

let emu: RunningEmulator;
let sdk: FunctionGraphClient;
const wire = (o: object) => o as unknown as Record<string, any>;
const call = (method: string, path: string, body?: unknown) =>
  fgCall(emu.url, emu.credentials, { method, path: `/v2/${emu.credentials.projectId}/fgs${path}`, body });

/** What the SDK's generated operations hand its HTTP client, for a path the SDK does not know. */
interface SdkRequest {
  method: string;
  url: string;
  pathParams?: Record<string, string>;
  data?: unknown;
}
async function legacy(req: SdkRequest): Promise<Record<string, any>> {
  const hc = (sdk as unknown as { hcClient: { sendRequest(o: unknown): Promise<unknown> } }).hcClient;
  const options = {
    contentType: "application/json",
    queryParams: {},
    headers: { "Content-Type": "application/json" },
    pathParams: {},
    responseHeaders: [""],
    ...req,
  };
  return wire((await hc.sendRequest(options)) as object);
}
const D = "/v2/{project_id}/fgs/dependencies";

async function zipFile(): Promise<string> {
  const zip = new JSZip();
  zip.file("node_modules/greet/index.js", "module.exports = () => 'hi';");
  return (await zip.generateAsync({ type: "nodebuffer" })).toString("base64");
}

/** The seed's two D6 examples, with their placeholders filled in. */
const zipExample = (file: string) => ({ depend_file: file, depend_type: "zip", runtime: "Node.js8.10", name: "greet" });
const obsExample = {
  depend_link:
    "https://my-bucket.obs.cn-north-4.myhuaweicloud.com/depends/0123/4f4ae4eb-dcdc-4dd3-bffd-79600bd972b3.zip",
  depend_type: "obs",
  runtime: "Node.js8.10",
  name: "kafka_lib",
};

beforeAll(async () => {
  emu = await startEmulator();
  sdk = officialFgClient(emu);
});
afterAll(() => emu.close());
beforeEach(async () => {
  await fetch(`${emu.url}/_emulator/reset`, { method: "POST" });
});

it("D6 creates a dependency with one version (zip and obs examples); D2/D3 list it; a taken name is 409", async () => {
  const zipped = await legacy({ method: "POST", url: D, data: zipExample(await zipFile()) });
  expect(zipped.httpStatusCode).toBe(200);
  expect([zipped.name, zipped.runtime, zipped.version, zipped.file_name, zipped.etag]).toEqual([
    "greet",
    "Node.js8.10",
    1,
    "greet.zip",
    expect.stringMatching(/^[0-9a-f]{32}$/),
  ]);
  const linked = await legacy({ method: "POST", url: D, data: obsExample });
  expect([linked.name, linked.version, linked.link === obsExample.depend_link]).toEqual(["kafka_lib", 1, false]);

  const listed = wire(await sdk.listDependencies(new ListDependenciesRequest()));
  expect(listed.dependencies.map((d: any) => [d.id, d.name])).toEqual([
    [zipped.id, "greet"],
    [linked.id, "kafka_lib"],
  ]);
  const versions = wire(await sdk.listDependencyVersion(new ListDependencyVersionRequest().withDependId(zipped.id)));
  expect(versions.dependencies.map((v: any) => v.version)).toEqual([1]);

  const again = await call("POST", "/dependencies", obsExample);
  expect([again.status, again.body.error_code]).toEqual([409, "FSS.1065"]);
});

it("D7 reads the object; D8 publishes a new version (renaming in place); D9 deletes every version", async () => {
  const created = await legacy({ method: "POST", url: D, data: obsExample });
  const path = `${D}/{depend_id}`;
  const shown = await legacy({ method: "GET", url: path, pathParams: { depend_id: created.id } });
  expect([shown.id, shown.name, shown.version, shown.link]).toEqual([created.id, "kafka_lib", 1, created.link]);

  const body = { ...obsExample, name: "kafka_lib2", description: "updated", runtime: "Python3.9" };
  const updated = await legacy({ method: "PUT", url: path, pathParams: { depend_id: created.id }, data: body });
  expect([updated.id, updated.name, updated.version, updated.description, updated.runtime]).toEqual([
    created.id,
    "kafka_lib2",
    2,
    "updated",
    "Python3.9",
  ]);
  const versions = wire(await sdk.listDependencyVersion(new ListDependencyVersionRequest().withDependId(created.id)));
  expect(versions.dependencies.map((v: any) => [v.version, v.name])).toEqual([
    [1, "kafka_lib2"],
    [2, "kafka_lib2"],
  ]);
  const bad = await call("PUT", `/dependencies/${created.id}`, { ...body, depend_link: "ftp://x" });
  expect([bad.status, (await call("GET", `/dependencies/${created.id}`)).body.version]).toEqual([400, 2]);

  const deleted = await legacy({ method: "DELETE", url: path, pathParams: { depend_id: created.id } });
  expect(deleted.httpStatusCode).toBe(204);
  const gone = await call("GET", `/dependencies/${created.id}`);
  expect([gone.status, gone.body.error_code]).toEqual([404, "FSS.1056"]);
  expect(wire(await sdk.listDependencies(new ListDependenciesRequest())).dependencies).toEqual([]);
});

it("D9 is refused while a function uses any version; D8 to another dependency's name is 409", async () => {
  const created = await legacy({ method: "POST", url: D, data: zipExample(await zipFile()) });
  const v1 = (await call("GET", `/dependencies/${created.id}/version/1`)).body.id;
  await call("POST", "/functions", {
    func_name: "user",
    package: "default",
    runtime: "Node.js18.15",
    handler: "index.handler",
    memory_size: 128,
    timeout: 10,
    code_type: "inline",
    func_code: { file: Buffer.from("exports.handler = async () => 1;").toString("base64") },
    depend_version_list: [v1],
  });
  const refused = await call("DELETE", `/dependencies/${created.id}`);
  expect([refused.status, refused.body.error_code]).toEqual([412, "FSS.1033"]);
  await legacy({ method: "POST", url: D, data: obsExample });
  const clash = await call("PUT", `/dependencies/${created.id}`, { ...obsExample });
  expect([clash.status, clash.body.error_code]).toEqual([409, "FSS.1065"]);
  expect((await call("GET", `/dependencies/nope`)).status).toBe(404);
});
