/**
 * The unmodified official Node SDK (@huaweicloud/huaweicloud-sdk-functiongraph) against the
 * emulator: proves the emulator speaks the real wire protocol (paths, AK/SK signing as the SDK
 * does it, response shapes the SDK deserializes). Emulator-only.
 */
import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core";
import {
  CreateTagsRequest,
  DeleteTagsRequest,
  EnableLtsLogsRequest,
  FuncLogConfig,
  FuncVpc,
  KvItem,
  ListFunctionReservedInstancesRequest,
  ListFunctionTagsRequest,
  ListReservedInstanceConfigsRequest,
  ShowLtsLogDetailsRequest,
  StrategyConfig,
  UpdateFunctionConfigRequest,
  UpdateFunctionConfigRequestBody,
  UpdateFunctionMaxInstanceConfigRequest,
  UpdateFunctionMaxInstanceConfigRequestBody,
  UpdateFunctionReservedInstancesCountRequest,
  UpdateFunctionReservedInstancesCountRequestBody,
  UpdateFunctionTagsRequestBody,
  CreateFunctionRequest,
  CreateFunctionRequestBody,
  DeleteFunctionRequest,
  FuncCode,
  FunctionGraphClient,
  InvokeFunctionRequest,
  ListFunctionsRequest,
  ShowFunctionConfigRequest,
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

it("drives the function configuration APIs: VPC and LTS config, update, max instances, tags, reserved instances", async () => {
  const src = Buffer.from("exports.handler = async () => 1;").toString("base64");
  const body = new CreateFunctionRequestBody("sdk-config", "default", "Node.js18.15", 10, "index.handler", 256)
    .withCodeType("inline")
    .withFuncCode(new FuncCode().withFile(src))
    .withXrole("fgs-agency")
    .withFuncVpc(new FuncVpc("vpc-1", "subnet-1"))
    .withLogConfig(
      new FuncLogConfig().withGroupId("g-1").withGroupName("grp").withStreamId("s-1").withStreamName("str"),
    )
    .withEnableLtsLog(true);
  const created = await client.createFunction(new CreateFunctionRequest().withBody(body));
  const urn = String(wire(created).func_urn);
  expect([wire(created).func_vpc, wire(created).log_group_id, wire(created).log_stream_id]).toEqual([
    { vpc_id: "vpc-1", subnet_id: "subnet-1", is_safety: false },
    "g-1",
    "s-1",
  ]);
  expect((await client.enableLtsLogs(new EnableLtsLogsRequest())).httpStatusCode).toBe(200);
  const lts = await client.showLtsLogDetails(new ShowLtsLogDetailsRequest().withFunctionUrn(urn));
  expect([wire(lts).group_name, wire(lts).stream_name]).toEqual(["grp", "str"]);

  // Full replacement: the VPC and log settings left out of the update are removed.
  const update = new UpdateFunctionConfigRequestBody(
    "sdk-config",
    "Node.js18.15",
    20,
    "index.handler",
    512,
  ).withStrategyConfig(new StrategyConfig().withConcurrentNum(4));
  const updated = await client.updateFunctionConfig(
    new UpdateFunctionConfigRequest().withFunctionUrn(urn).withBody(update),
  );
  expect([
    wire(updated).memory_size,
    wire(updated).func_vpc,
    wire(updated).log_group_id,
    wire(updated).strategy_config,
  ]).toEqual([512, undefined, undefined, { concurrency: 400, concurrent_num: 4 }]);

  const max = await client.updateFunctionMaxInstanceConfig(
    new UpdateFunctionMaxInstanceConfigRequest()
      .withFunctionUrn(urn)
      .withBody(new UpdateFunctionMaxInstanceConfigRequestBody().withMaxInstanceNum(20)),
  );
  expect(wire(max).strategy_config).toEqual({ concurrency: 20, concurrent_num: 4 });

  const tags = [new KvItem().withKey("team").withValue("core"), new KvItem().withKey("env").withValue("dev")];
  const tagged = await client.createTags(
    new CreateTagsRequest("functions", urn).withBody(new UpdateFunctionTagsRequestBody().withTags(tags)),
  );
  expect(tagged.httpStatusCode).toBe(204);
  await client.deleteTags(
    new DeleteTagsRequest("functions", urn).withBody(new UpdateFunctionTagsRequestBody().withTags([tags[1]])),
  );
  const listedTags = await client.listFunctionTags(new ListFunctionTagsRequest("functions", urn));
  expect(wire(listedTags).tags).toEqual([{ key: "team", value: "core" }]);

  const reserved = await client.updateFunctionReservedInstancesCount(
    new UpdateFunctionReservedInstancesCountRequest(urn).withBody(
      new UpdateFunctionReservedInstancesCountRequestBody().withCount(2).withIdleMode(true),
    ),
  );
  expect([reserved.count, wire(reserved).idle_mode]).toEqual([2, true]);
  const configs = await client.listReservedInstanceConfigs(
    new ListReservedInstanceConfigsRequest().withFunctionUrn(urn).withLimit("10"),
  );
  expect([wire(configs).reserved_instances, configs.count]).toEqual([
    [
      {
        function_urn: urn.replace(/:latest$/, ""),
        qualifier_type: "version",
        qualifier_name: "latest",
        min_count: 2,
        idle_mode: true,
        tactics_config: {},
      },
    ],
    1,
  ]);
  const counts = await client.listFunctionReservedInstances(new ListFunctionReservedInstancesRequest().withUrn(urn));
  expect(wire(counts).reservedinstances).toEqual([{ func_urn: urn, count: 2 }]);
});
