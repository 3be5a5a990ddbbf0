/**
 * The `pulumi-resource-cloudfn` gRPC service end to end without the engine: a grpc-js client
 * plays the engine against the plugin served in this process, which talks to an in-process
 * emulator. Covers configure, schema, check failures, preview unknowns, secrets, the detailed
 * diff with replace kinds, import-style reads and invoke.
 */
import * as grpc from "@grpc/grpc-js";
import * as emptyproto from "google-protobuf/google/protobuf/empty_pb";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { clearStackConfig } from "../../provider/functiongraph/config";
import { tuning } from "../../provider/functiongraph/function";
import { ARCHIVE_SIG, ASSET_SIG, SIG_KEY } from "../../provider/core/archive";
import { serve } from "../../provider/native/main";
import { fromStruct, secretValue, toStruct, unknownValue, type Props } from "../../provider/native/values";

jest.setTimeout(60_000);
let emu: RunningEmulator;
let server: grpc.Server;
let client: provrpc.ResourceProviderClient;

const URN = "urn:pulumi:dev::proj::cloudfn:functiongraph:Function::fn";
const code = { [SIG_KEY]: ARCHIVE_SIG, assets: { "index.js": { [SIG_KEY]: ASSET_SIG, text: "exports.handler = 1;" } } };
const program: Props = { name: "native-fn", runtime: "Node.js18.15", handler: "index.handler", code };

/** Promisifies one unary call of the client. */
function call<Res>(method: string, req: unknown): Promise<Res> {
  const fn = (
    client as unknown as Record<string, (r: unknown, cb: (e: grpc.ServiceError | null, r: Res) => void) => void>
  )[method];
  return new Promise((resolve, reject) => fn.call(client, req, (e, r) => (e ? reject(e) : resolve(r))));
}

async function check(news: Props, olds: Props = {}) {
  const req = new provproto.CheckRequest().setUrn(URN).setOlds(toStruct(olds)).setNews(toStruct(news));
  return call<provproto.CheckResponse>("check", req);
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  tuning.client = { baseDelayMs: 1 };
  const served = await serve();
  server = served.server;
  client = new provrpc.ResourceProviderClient(`127.0.0.1:${served.port}`, grpc.credentials.createInsecure());
  const configure = new provproto.ConfigureRequest().setArgs(toStruct({ emulator: emu.url }));
  const resp = await call<provproto.ConfigureResponse>("configure", configure);
  expect(resp.getAcceptsecrets() && resp.getSupportspreview()).toBe(true);
});
afterAll(async () => {
  client?.close();
  await new Promise<void>((resolve) => (server ? server.tryShutdown(() => resolve()) : resolve()));
  clearStackConfig();
  await emu.close();
});

describe("the native plugin over gRPC", () => {
  it("serves schema.json and its version", async () => {
    const schema = await call<provproto.GetSchemaResponse>("getSchema", new provproto.GetSchemaRequest());
    expect(JSON.parse(schema.getSchema()).resources["cloudfn:functiongraph:Function"]).toBeDefined();
  });

  it("check names the property and the rule", async () => {
    const resp = await check({ ...program, memorySize: 100 });
    const failures = resp.getFailuresList().map((f) => [f.getProperty(), f.getReason()]);
    expect(failures).toEqual([["memorySize", expect.stringContaining("memorySize")]]);
  });

  it("keeps a secret input secret through check and preview", async () => {
    const checked = await check({ ...program, encryptedEnvironment: secretValue({ TOKEN: "t" }) });
    expect(checked.getFailuresList()).toEqual([]);
    const inputs = fromStruct(checked.getInputs());
    expect(inputs.secrets.has("encryptedEnvironment")).toBe(true);
    const preview = await call<provproto.CreateResponse>(
      "create",
      new provproto.CreateRequest().setUrn(URN).setProperties(checked.getInputs()).setPreview(true),
    );
    const outs = fromStruct(preview.getProperties());
    expect(outs.props.funcId).toBe(unknownValue);
    expect(outs.props.encryptedEnvironment).toBeUndefined();
    expect(outs.secrets.has("encryptedEnvironmentHash")).toBe(true);
  });

  it("creates, diffs in detail with replace kinds, imports by id alone, invokes and deletes", async () => {
    const checked = await check(program);
    const created = await call<provproto.CreateResponse>(
      "create",
      new provproto.CreateRequest().setUrn(URN).setProperties(checked.getInputs()),
    );
    const id = created.getId();
    expect(id).toContain(":function:default:native-fn:latest");

    const changed = await check(
      { ...program, runtime: "Node.js16.17", memorySize: 256 },
      fromStruct(checked.getInputs()).props,
    );
    expect(changed.getFailuresList()).toEqual([]);
    const diff = await call<provproto.DiffResponse>(
      "diff",
      new provproto.DiffRequest()
        .setUrn(URN)
        .setId(id)
        .setOlds(created.getProperties())
        .setOldInputs(checked.getInputs())
        .setNews(changed.getInputs()),
    );
    const kinds: Record<string, number> = {};
    diff.getDetaileddiffMap().forEach((v, k) => (kinds[k] = v.getKind()));
    expect(diff.getChanges()).toBe(provproto.DiffResponse.DiffChanges.DIFF_SOME);
    expect(diff.getReplacesList()).toEqual(["runtime"]);
    expect(diff.getDeletebeforereplace()).toBe(true);
    expect(kinds).toEqual({
      memorySize: provproto.PropertyDiff.Kind.UPDATE,
      runtime: provproto.PropertyDiff.Kind.UPDATE_REPLACE,
    });

    const imported = await call<provproto.ReadResponse>("read", new provproto.ReadRequest().setUrn(URN).setId(id));
    expect(imported.getId()).toBe(id);
    const again = await check(program, fromStruct(imported.getInputs()).props);
    const clean = await call<provproto.DiffResponse>(
      "diff",
      new provproto.DiffRequest()
        .setUrn(URN)
        .setId(id)
        .setOlds(imported.getProperties())
        .setOldInputs(imported.getInputs())
        .setNews(again.getInputs()),
    );
    expect([clean.getChanges(), clean.getDiffsList()]).toEqual([provproto.DiffResponse.DiffChanges.DIFF_NONE, []]);

    const report = await call<provproto.InvokeResponse>(
      "invoke",
      new provproto.InvokeRequest().setTok("cloudfn:functiongraph:getFunctionReport").setArgs(toStruct({})),
    );
    expect(fromStruct(report.getReturn()).props).toHaveProperty("count");

    await call("delete", new provproto.DeleteRequest().setUrn(URN).setId(id).setProperties(created.getProperties()));
    const gone = await call<provproto.ReadResponse>(
      "read",
      new provproto.ReadRequest().setUrn(URN).setId(id).setProperties(created.getProperties()),
    );
    expect(gone.getId()).toBe("");
    await call("cancel", new emptyproto.Empty());
  });
});
