/**
 * The unmodified official Node SDK (@huaweicloud/huaweicloud-sdk-functiongraph) against the
 * emulator: proves the emulator speaks the real wire protocol (paths, AK/SK signing as the SDK
 * does it, response shapes the SDK deserializes). Emulator-only.
 */
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
  CreateFunctionVersionRequest,
  CreateFunctionVersionRequestBody,
  CreateVersionAliasRequest,
  CreateVersionAliasRequestBody,
  CreateWorkflowRequest,
  FlowExecuteBody,
  ListDependencyVersionRequest,
  ListWorkflowExecutionsRequest,
  ShowWorkflowExecutionRequest,
  StartWorkflowExecutionRequest,
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
import { officialFgClient } from "../helpers/fg-emulator";

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
  client = officialFgClient(emu);
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

it("starts a NORMAL workflow execution (W6), lists (W8) and shows it (W9)", async () => {
  const src = "exports.handler = async (event) => ({ doubled: event.n * 2 });";
  const body = new CreateFunctionRequestBody("sdk-double", "default", "Node.js18.15", 10, "index.handler", 128)
    .withCodeType("inline")
    .withFuncCode(new FuncCode().withFile(Buffer.from(src).toString("base64")));
  await client.createFunction(new CreateFunctionRequest().withBody(body));
  const urn = `urn:fss:${emu.credentials.region}:${emu.credentials.projectId}:function:default:sdk-double:latest`;
  const definition = {
    name: "sdk_flow",
    start: "double",
    constants: {},
    retries: [],
    functions: [{ name: "double", operation: urn }],
    states: [
      {
        ...{ id: "double", name: "double", type: "Operation", end: false, transition: "done" },
        actions: [{ function_ref: { ref_name: "double", invoke_mode: "synchronize", arguments: { n: "$.n" } } }],
      },
      { id: "done", name: "done", type: "End", end: true, transition: "", actions: [] },
    ],
  };
  // The SDK types definitions and inputs as class instances; plain JSON is what goes on the wire.
  const flow = wire(await client.createWorkflow(new CreateWorkflowRequest().withBody(definition as never)));
  const started = await client.startWorkflowExecution(
    new StartWorkflowExecutionRequest()
      .withWorkflowId(flow.id as string)
      .withBody(new FlowExecuteBody().withInput({ n: 21 })),
  );
  const executionId = wire(started).execution_id as string;
  expect([started.httpStatusCode, executionId]).toEqual([200, expect.stringMatching(/^[0-9a-f-]{36}$/)]);
  await fetch(`${emu.url}/_emulator/functiongraph/workflows/drain`, { method: "POST" });

  const listed = await client.listWorkflowExecutions(
    new ListWorkflowExecutionsRequest()
      .withWorkflowId(flow.id as string)
      .withStatus("success")
      .withLimit(10),
  );
  expect(listed.executions?.map((e) => [wire(e).execution_id, e.status])).toEqual([[executionId, "success"]]);
  const shown = wire(
    await client.showWorkflowExecution(
      new ShowWorkflowExecutionRequest().withWorkflowId(flow.id as string).withExecutionId(executionId),
    ),
  );
  expect([
    shown.status,
    shown.input,
    shown.output,
    (shown.node_execution_details as { node_id: string }[])[0].node_id,
  ]).toEqual(["success", { n: 21 }, { doubled: 42 }, "double"]);
});

it("sends the legacy dependency calls (D6–D9) through the SDK's own signing client", async () => {
  // SDK 3.1.211 has no operations for D6–D9; its HTTP client signs and sends any path.
  const hc = (client as unknown as { hcClient: { sendRequest(o: unknown): Promise<object> } }).hcClient;
  const send = async (method: string, url: string, pathParams = {}, data?: unknown) =>
    wire(
      await hc.sendRequest({
        method,
        url: `/v2/{project_id}/fgs/dependencies${url}`,
        contentType: "application/json",
        queryParams: {},
        headers: { "Content-Type": "application/json" },
        responseHeaders: [""],
        pathParams,
        data,
      }),
    );
  const link = "https://bucket.obs.cn-north-4.myhuaweicloud.com/depends/x/lib.zip";
  const created = await send(
    "POST",
    "",
    {},
    { depend_link: link, depend_type: "obs", runtime: "Node.js8.10", name: "lib" },
  );
  const id = { depend_id: created.id as string };
  expect((await send("GET", "/{depend_id}", id)).name).toBe("lib");
  const updated = await send("PUT", "/{depend_id}", id, {
    depend_link: link,
    depend_type: "obs",
    runtime: "Node.js8.10",
    name: "lib",
  });
  expect(updated.version).toBe(2);
  const versions = await client.listDependencyVersion(new ListDependencyVersionRequest().withDependId(id.depend_id));
  expect(versions.count).toBe(2);
  expect((await send("DELETE", "/{depend_id}", id)).httpStatusCode).toBe(204);
});
