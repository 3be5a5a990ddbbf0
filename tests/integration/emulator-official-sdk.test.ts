/**
 * The unmodified official Node SDK (@huaweicloud/huaweicloud-sdk-functiongraph) against the
 * emulator: proves the emulator speaks the real wire protocol (paths, AK/SK signing as the SDK
 * does it, response shapes the SDK deserializes). Emulator-only.
 */
import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core";
import {
  CreateFunctionRequest,
  CreateFunctionRequestBody,
  CreateFunctionVersionRequest,
  CreateFunctionVersionRequestBody,
  CreateVersionAliasRequest,
  CreateVersionAliasRequestBody,
  DeleteFunctionRequest,
  DeleteVersionAliasRequest,
  FuncCode,
  FunctionGraphClient,
  InvokeFunctionRequest,
  ListFunctionVersionsRequest,
  ListFunctionsRequest,
  ListVersionAliasesRequest,
  ShowFunctionConfigRequest,
  ShowVersionAliasRequest,
  UpdateFunctionCodeRequest,
  UpdateFunctionCodeRequestBody,
  UpdateVersionAliasRequest,
  UpdateVersionAliasRequestBody,
  VersionStrategy,
  VersionStrategyRules,
} from "@huaweicloud/huaweicloud-sdk-functiongraph";
import { startEmulator, type RunningEmulator } from "../../emulator";

/**
 * The SDK hands back the deserialized JSON as is, so at run time responses carry the wire's
 * snake_case keys; its typings declare those keys private (and camelCase getters that do not
 * exist on the plain object). Read the wire keys through this view.
 */
const wire = (response: object) => response as unknown as Record<string, unknown>;

let emu: RunningEmulator;
let client: FunctionGraphClient;

beforeAll(async () => {
  emu = await startEmulator();
  const credentials = new BasicCredentials()
    .withAk(emu.credentials.accessKey)
    .withSk(emu.credentials.secretKey)
    .withProjectId(emu.credentials.projectId);
  client = FunctionGraphClient.newBuilder().withCredential(credentials).withEndpoint(emu.url).build();
});
afterAll(() => emu.close());

it("creates, lists, shows, invokes and deletes a function", async () => {
  const src = "exports.handler = async (event, context) => ({ hello: event.name, from: context.getFunctionName() });";
  const body = new CreateFunctionRequestBody("sdk-fn", "default", "Node.js18.15", 10, "index.handler", 256)
    .withCodeType("inline")
    .withFuncCode(new FuncCode().withFile(Buffer.from(src).toString("base64")))
    .withUserData('{"A":"1"}');
  const created = await client.createFunction(new CreateFunctionRequest().withBody(body));
  const urn = `urn:fss:${emu.credentials.region}:${emu.credentials.projectId}:function:default:sdk-fn:latest`;
  expect(created.httpStatusCode).toBe(200);
  expect([wire(created).func_urn, created.cpu, wire(created).code_size, wire(created).user_data]).toEqual([
    urn,
    400,
    Buffer.byteLength(src),
    '{"A":"1"}',
  ]);

  const listed = await client.listFunctions(new ListFunctionsRequest().withMaxitems("10").withPackageName("default"));
  expect([listed.functions?.map((f) => wire(f).func_name), wire(listed).next_marker, listed.count]).toEqual([
    ["sdk-fn"],
    1,
    1,
  ]);

  const shown = await client.showFunctionConfig(new ShowFunctionConfigRequest().withFunctionUrn(urn));
  expect([wire(shown).func_name, wire(shown).memory_size, shown.runtime, shown.handler]).toEqual([
    "sdk-fn",
    256,
    "Node.js18.15",
    "index.handler",
  ]);

  // The SDK types the event as {[key]: object}; any JSON object is a valid event on the wire.
  const event = { name: "sdk" } as unknown as Record<string, object>;
  const invoked = await client.invokeFunction(
    new InvokeFunctionRequest().withFunctionUrn(urn).withXCffLogType("tail").withBody(event),
  );
  expect(invoked.httpStatusCode).toBe(200);
  expect([JSON.parse(invoked.result ?? ""), invoked.status]).toEqual([{ hello: "sdk", from: "sdk-fn" }, 200]);

  const deleted = await client.deleteFunction(new DeleteFunctionRequest().withFunctionUrn(urn.replace(/:latest$/, "")));
  expect(deleted.httpStatusCode).toBe(204);
  await expect(client.showFunctionConfig(new ShowFunctionConfigRequest().withFunctionUrn(urn))).rejects.toMatchObject({
    httpStatusCode: 404,
    errorCode: "FSS.1051",
  });

  const ops = (await (await fetch(`${emu.url}/_emulator/requests`)).json()) as { operation: string; status: number }[];
  expect(ops.map((o) => [o.operation, o.status])).toEqual([
    ["CreateFunction", 200],
    ["ListFunctions", 200],
    ["ShowFunctionConfig", 200],
    ["InvokeFunction", 200],
    ["DeleteFunction", 204],
    ["ShowFunctionConfig", 404],
  ]);
});

it("publishes versions and manages aliases through the SDK's own operations", async () => {
  const code = (src: string) => new FuncCode().withFile(Buffer.from(src).toString("base64"));
  const body = new CreateFunctionRequestBody("sdk-ver", "default", "Node.js18.15", 10, "index.handler", 128)
    .withCodeType("inline")
    .withFuncCode(code("exports.handler = async () => 1;"));
  await client.createFunction(new CreateFunctionRequest().withBody(body));
  const urn = `urn:fss:${emu.credentials.region}:${emu.credentials.projectId}:function:default:sdk-ver`;
  const publish = (version: string) =>
    client.createFunctionVersion(
      new CreateFunctionVersionRequest()
        .withFunctionUrn(urn)
        .withBody(new CreateFunctionVersionRequestBody().withVersion(version).withDescription(`${version} notes`)),
    );
  const v1 = await publish("v1");
  expect([v1.httpStatusCode, wire(v1).func_urn, v1.version, wire(v1).version_description]).toEqual([
    200,
    `${urn}:v1`,
    "v1",
    "v1 notes",
  ]);
  const newCode = new UpdateFunctionCodeRequestBody("inline").withFuncCode(code("exports.handler = async () => 2;"));
  await client.updateFunctionCode(new UpdateFunctionCodeRequest().withFunctionUrn(urn).withBody(newCode));
  await publish("v2");
  await expect(publish("v3")).rejects.toMatchObject({ httpStatusCode: 400, errorCode: "FSS.1016" });

  const versions = await client.listFunctionVersions(new ListFunctionVersionsRequest().withFunctionUrn(urn));
  expect([versions.versions?.map((v) => v.version), wire(versions).next_marker, versions.count]).toEqual([
    ["latest", "v1", "v2"],
    3,
    3,
  ]);

  const created = await client.createVersionAlias(
    new CreateVersionAliasRequest()
      .withFunctionUrn(urn)
      .withBody(new CreateVersionAliasRequestBody("live", "v1").withAdditionalVersionWeights({ v2: 10 })),
  );
  expect([created.httpStatusCode, wire(created).alias_urn, wire(created).additional_version_weights]).toEqual([
    200,
    `${urn}:!live`,
    { v2: 10 },
  ]);
  const listed = await client.listVersionAliases(new ListVersionAliasesRequest().withFunctionUrn(urn));
  // As for triggers, the SDK hands back the bare array itself (typed as `{body}`).
  expect((listed as unknown as object[]).map((a) => [wire(a).name, wire(a).version])).toEqual([["live", "v1"]]);
  const rule = new VersionStrategyRules().withRuleType("header").withParam("x-canary").withOp("=").withValue("1");
  const updated = await client.updateVersionAlias(
    new UpdateVersionAliasRequest()
      .withFunctionUrn(urn)
      .withAliasName("live")
      .withBody(
        new UpdateVersionAliasRequestBody("v2").withAdditionalVersionStrategy({
          v1: new VersionStrategy().withRules([rule]).withCombineType("and"),
        }),
      ),
  );
  expect([updated.version, wire(updated).additional_version_strategy]).toEqual([
    "v2",
    { v1: { rules: [{ rule_type: "header", param: "x-canary", op: "=", value: "1" }], combine_type: "and" } },
  ]);
  const shown = await client.showVersionAlias(new ShowVersionAliasRequest().withFunctionUrn(urn).withAliasName("live"));
  expect([shown.name, shown.version]).toEqual(["live", "v2"]);
  // The alias URN as the platform writes it (`:!live`) is a valid function URN for invoking.
  const invoked = await client.invokeFunction(new InvokeFunctionRequest().withFunctionUrn(`${urn}:!live`).withBody({}));
  expect(invoked.result).toBe("2");
  const deleted = await client.deleteVersionAlias(
    new DeleteVersionAliasRequest().withFunctionUrn(urn).withAliasName("live"),
  );
  expect(deleted.httpStatusCode).toBe(204);
  await expect(
    client.showVersionAlias(new ShowVersionAliasRequest().withFunctionUrn(urn).withAliasName("live")),
  ).rejects.toMatchObject({ httpStatusCode: 404, errorCode: "FSS.1053" });
  await client.deleteFunction(new DeleteFunctionRequest().withFunctionUrn(urn));
});
