import { functionGraphProgram, inventorySummary } from "./adopt-fg-program";
import type { FgInventory } from "./adopt-fg-inventory";

const URN = "urn:fss:cn-north-4:p:function:default:orders";
const inventory = (): FgInventory => ({
  dependencyVersions: [{ id: "v-1", version: 3, name: "pad", runtime: "Node.js18.15", etag: "abc", description: "" }],
  functions: [
    {
      info: {
        func_urn: `${URN}:latest`,
        func_name: "orders",
        package: "default",
        runtime: "Node.js18.15",
        handler: "index.handler",
        memory_size: 256,
        timeout: 30,
        code_type: "zip",
        digest: "f".repeat(128),
        encrypted_user_data: '{"TOKEN":"*"}',
        depend_version_list: ["v-1"],
        xrole: "fgs-agency",
        func_vpc: { vpc_id: "vpc-1", subnet_id: "subnet-1", is_safety: false },
        strategy_config: { concurrency: 400, concurrent_num: 1 },
        ephemeral_storage: 512,
        enterprise_project_id: "0",
      },
      versions: [{ version: "v1", version_description: "first" }],
      aliases: [{ name: "live", version: "v1", additional_version_weights: { v2: 10 } }],
      triggers: [
        {
          qualifier: "",
          trigger_id: "1234567890ab",
          trigger_type_code: "KAFKA",
          trigger_status: "ACTIVE",
          event_data: { topic_ids: ["t"], instance_id: "i" },
        },
        {
          qualifier: "!live",
          trigger_id: "abcdef123456",
          trigger_type_code: "TIMER",
          event_data: { name: "tick", schedule_type: "Rate", schedule: "5m" },
        },
      ],
      asyncConfigs: [
        { func_urn: `${URN}:latest`, max_async_retry_attempts: 1 },
        { func_urn: `${URN}:!live`, max_async_retry_attempts: 2 },
      ],
    },
  ],
  workflows: [
    {
      id: "w",
      workflow_urn: "urn:fss:cn-north-4:p:workflow:default:flow:latest",
      definition: {
        name: "flow",
        start: "a",
        functions: [{ name: "f", operation: URN }],
        states: [{ id: "a", type: "End" }],
      },
    },
  ],
});

describe("the program cloudfn adopt prints for FunctionGraph", () => {
  const text = functionGraphProgram(inventory());

  it("refers to other resources by expression, never to itself", () => {
    expect(text).toContain("dependencyVersionIds: [\n        padV3.versionId,\n    ],");
    expect(text).toContain("functionUrn: orders.funcUrn,");
    // The workflow names the function by its unqualified URN: still a reference.
    expect(text).toMatch(/functions: \[\n {8}\{\n {12}functionUrn: orders\.funcUrn,\n {12}name: "f",/);
    expect(text).not.toContain('orders.funcUrn,\n    name: "orders"');
  });

  it("adopts each object by its key, flags what is never read back, and names qualified configs apart", () => {
    expect(text).toContain(
      'new cloudfn.functiongraph.DependencyVersion("pad-v3", {\n    adopt: true,\n    adoptVersion: 3,',
    );
    expect(text).toContain(
      'new cloudfn.functiongraph.Trigger("orders-kafka-12345678", {\n    adopt: true,\n    adoptId: "1234567890ab",',
    );
    expect(text).toContain("// Passwords in eventData are never read back");
    expect(text).toContain("// This function has encrypted environment variables");
    expect(text).toContain('new cloudfn.functiongraph.AsyncInvokeConfig("orders-async", {');
    expect(text).toContain('new cloudfn.functiongraph.AsyncInvokeConfig("orders-live-async", {');
    expect(text).toContain(
      'new cloudfn.functiongraph.AsyncInvokeConfig("orders-live-async", {\n    adopt: true,\n    functionUrn: orders.funcUrn,',
    );
    expect(text).toContain('    qualifier: "!live",');
  });

  it("prints a workflow without the defaults its canonical form spells out", () => {
    expect(text).toContain(
      'states: [\n        {\n            id: "a",\n            name: "a",\n            type: "End",\n        },\n    ],',
    );
  });

  it("prints versions and aliases, the alias naming its version resource, and triggers of a qualifier", () => {
    expect(text).toContain(
      'export const ordersV1 = new cloudfn.functiongraph.Version("orders-v1", {\n    adopt: true,\n    functionUrn: orders.funcUrn,\n    name: "v1",\n    description: "first",\n});',
    );
    expect(text).toMatch(
      /new cloudfn\.functiongraph\.Alias\("orders-live", \{\n {4}adopt: true,\n {4}functionUrn: orders\.funcUrn,\n {4}name: "live",\n {4}version: ordersV1\.version,/,
    );
    expect(text).toContain("additionalVersionWeights: {\n        v2: 10,\n    },");
    expect(text).toMatch(/Trigger\("orders-live-tick", \{\n(?: {4}.*\n)+ {4}qualifier: "!live",\n\}\);/);
  });

  it("prints the function's live configuration, but not what the platform filled in by default", () => {
    expect(text).toContain('    agency: "fgs-agency",');
    expect(text).toMatch(/ {4}vpc: \{\n {8}vpcId: "vpc-1",\n {8}subnetId: "subnet-1",/);
    for (const unset of ["maxInstances", "concurrencyPerInstance", "ephemeralStorage", "enterpriseProjectId"])
      expect(text).not.toContain(`${unset}:`);
  });

  it("counts every kind", () => {
    expect(inventorySummary(inventory())).toBe(
      "cloudfn adopt: 1 FunctionGraph function(s), 1 version(s), 1 alias(es), 2 trigger(s), 2 async invoke config(s), 1 dependency version(s), 1 workflow(s)\n",
    );
  });
});
