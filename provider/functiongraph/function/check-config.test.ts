/**
 * Every rule of the production configuration at `check`: each failure names the property path
 * and the rule, and a valid full configuration passes.
 */
import * as pulumi from "@pulumi/pulumi";
import { checkInputs } from "./check";
import { FunctionInputs } from "./schema";

const code = new pulumi.asset.AssetArchive({
  "index.js": new pulumi.asset.StringAsset("exports.handler = async () => 'hi';"),
});
const valid = { name: "hello", runtime: "Node.js18.15", handler: "index.handler", code };
const check = (over: Record<string, unknown>) => checkInputs({ ...valid, ...over } as unknown as FunctionInputs);

async function reasons(over: Record<string, unknown>): Promise<string[]> {
  return ((await check(over)).failures ?? []).map((f) => `${f.property}: ${f.reason}`);
}

const mount = { type: "sfsTurbo", resource: "fs-1", localPath: "/mnt/a" };
const reserved = { count: 1 };

describe("check: production configuration", () => {
  it("accepts a fully configured function", async () => {
    const res = await check({
      agency: "fg-agency",
      appAgency: "fg-app",
      vpc: { vpcId: "v", subnetId: "s", securityGroups: ["sg"] },
      networkController: { disablePublicNetwork: true, triggerAccessVpcs: [{ vpcId: "v2", vpcName: "x" }] },
      domainNames: [{ id: "z", domainName: "example.com." }],
      mounts: { user: { userId: 1000, userGroupId: 1000 }, mounts: [mount] },
      maxInstances: -1,
      concurrencyPerInstance: 10,
      reservedInstances: [
        {
          qualifier: "v1",
          count: 2,
          idleMode: true,
          policies: {
            scheduled: [{ name: "peak", cron: "0 8 * * *", count: 5, startTime: 1, expiredTime: 2 }],
            metric: [{ name: "busy", type: "Concurrency", threshold: 60, min: 1 }],
          },
        },
      ],
      log: { groupId: "g", streamId: "s", groupName: "gn", streamName: "sn" },
      ltsCustomTags: { team: "core" },
      tags: { env: "prod" },
      enterpriseProjectId: "0",
      initializer: { handler: "index.init", timeout: 300 },
      preStop: { handler: "index.stop", timeout: 90 },
      ephemeralStorage: 10240,
      codeType: "inline",
      codeFilename: "index.js",
    });
    expect(res.failures).toBeUndefined();
  });

  it.each([
    [
      { agency: "has space" },
      'agency: agency must be an IAM agency name of 1-64 letters, digits, "_", "-" and "."; got "has space"',
    ],
    [{ appAgency: "" }, "appAgency: appAgency must be an IAM agency name"],
    [{ vpc: { vpcId: "v" } }, "vpc: vpc.subnetId is required"],
    [{ vpc: { vpcId: " ", subnetId: "s" } }, "vpc: vpc.vpcId must not be empty"],
    [{ vpc: { vpcId: "v", subnetId: "s", subnet: "x" } }, 'vpc: vpc: unknown property "subnet"'],
    [
      { networkController: { triggerAccessVpcs: [{ vpcId: "a" }, { vpcId: "a" }] } },
      'networkController: networkController.triggerAccessVpcs has two entries with vpcId "a"',
    ],
    [
      {
        domainNames: [
          { id: "z", domainName: "a." },
          { id: "z", domainName: "b." },
        ],
      },
      'domainNames: domainNames has two entries with id "z"',
    ],
    [
      { mounts: { mounts: [mount, mount, mount, mount, mount, mount] } },
      "mounts: mounts.mounts must have at most 5 entries; got 6",
    ],
    [
      { mounts: { user: { userId: 0, userGroupId: -1 }, mounts: [mount] } },
      "mounts: mounts.user.userId must not be 0 (root)",
    ],
    [
      { mounts: { mounts: [mount, { ...mount, resource: "fs-2" }] } },
      'mounts: mounts.mounts has two entries with localPath "/mnt/a"',
    ],
    [
      { mounts: { mounts: [{ ...mount, type: "ecs" }] } },
      "mounts: mounts.mounts[0].sharePath is required for type ecs",
    ],
    [
      { mounts: { mounts: [{ ...mount, type: "nfs" }] } },
      "mounts: mounts.mounts[0].type must be one of sfs, sfsTurbo, ecs",
    ],
    [
      { mounts: { mounts: [{ ...mount, localPath: "mnt" }] } },
      'mounts: mounts.mounts[0].localPath must be an absolute path; got "mnt"',
    ],
    [
      { maxInstances: 1001 },
      "maxInstances: maxInstances must be an integer from -1 to 1000; got 1001 (-1 unlimited, 0 disables the function)",
    ],
    [
      { concurrencyPerInstance: 0 },
      "concurrencyPerInstance: concurrencyPerInstance must be an integer from 1 to 1000; got 0",
    ],
    [
      { reservedInstances: [reserved, reserved] },
      'reservedInstances: reservedInstances has two entries with qualifier "latest"',
    ],
    [
      { reservedInstances: [{ count: 1001 }] },
      "reservedInstances: reservedInstances[0].count must be an integer from 0 to 1000; got 1001",
    ],
    [
      {
        reservedInstances: [
          {
            count: 1,
            policies: { scheduled: [{ name: "1x", cron: "* * * * *", count: 1, startTime: 5, expiredTime: 4 }] },
          },
        ],
      },
      "reservedInstances: reservedInstances[0].policies.scheduled[0].name must be 1-60 letters",
    ],
    [
      {
        reservedInstances: [
          {
            count: 1,
            policies: { scheduled: [{ name: "a", cron: "* * * * *", count: 1, startTime: 5, expiredTime: 4 }] },
          },
        ],
      },
      "reservedInstances: reservedInstances[0].policies.scheduled[0].expiredTime must be after startTime",
    ],
    [
      {
        reservedInstances: [
          { count: 1, policies: { metric: [{ name: "a", type: "Concurrency", threshold: 120, min: 0 }] } },
        ],
      },
      "reservedInstances: reservedInstances[0].policies.metric[0].threshold must be an integer from 1 to 99; got 120",
    ],
    [
      { reservedInstances: [{ count: 1, policies: { metric: [{ name: "a", type: "Cpu", threshold: 50, min: 0 }] } }] },
      'reservedInstances: reservedInstances[0].policies.metric[0].type must be one of Concurrency; got "Cpu"',
    ],
    [{ log: { groupId: "g" } }, "log: log: groupId and streamId go together"],
    [{ log: { groupName: "g" } }, "log: log: groupName and streamName need groupId and streamId"],
    [{ tags: { _sys_x: "1" } }, 'tags: tags: tag key "_sys_x" must not start with _sys_'],
    [
      { tags: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, "v"])) },
      "tags: tags: a function has at most 20 tags; got 21",
    ],
    [{ ltsCustomTags: { "bad#key": "v" } }, 'ltsCustomTags: ltsCustomTags: tag key "bad#key" may only contain'],
    [{ enterpriseProjectId: "" }, "enterpriseProjectId: enterpriseProjectId must not be empty"],
    [
      { initializer: { handler: "init", timeout: 30 } },
      'initializer: initializer.handler must be "file.function"; got "init"',
    ],
    [
      { initializer: { handler: "index.init", timeout: 301 } },
      "initializer: initializer.timeout must be an integer from 1 to 300; got 301",
    ],
    [
      { preStop: { handler: "index.stop", timeout: 91 } },
      "preStop: preStop.timeout must be an integer from 1 to 90; got 91",
    ],
    [{ preStop: { handler: "index.stop" } }, "preStop: preStop.timeout is required"],
    [{ ephemeralStorage: 1024 }, "ephemeralStorage: ephemeralStorage must be one of 512, 10240 (MB); got 1024"],
    [{ codeType: "jar" }, 'codeType: codeType must be one of zip, inline; got "jar"'],
    [
      { codeFilename: "a/b.zip" },
      'codeFilename: codeFilename must be a file name of 1-128 characters without "/" or spaces; got "a/b.zip"',
    ],
    [{ gpu: { memory: 1000, type: "nvidia-t4" } }, "gpu: gpu.memory must be an integer from 1024 to 16384; got 1000"],
    [
      { gpu: { memory: 1500, type: "nvidia-t4" }, runtime: "Custom" },
      "gpu: gpu.memory must be a multiple of 1024; got 1500",
    ],
    [{ gpu: { memory: 1024, type: "nvidia-t4" } }, 'gpu: gpu needs runtime Custom or Custom Image; got "Node.js18.15"'],
  ])("rejects %j", async (over, expected) => {
    // `expected` is "<property>: <the rule's sentence, or its start>".
    const [property, ...rest] = expected.split(": ");
    const failures = (await check(over)).failures ?? [];
    const mine = failures.filter((f) => f.property === property).map((f) => f.reason);
    expect(mine.some((r) => r.includes(rest.join(": ")))).toBe(true);
  });

  it("custom images: SWR only, working directory /, and no code beside them", async () => {
    const image = { runtime: "Custom Image", handler: "bootstrap", code: undefined };
    expect(
      (await check({ ...image, customImage: { image: "swr.cn-north-4.example/app:1" } })).failures,
    ).toBeUndefined();
    // The platform's own placeholder handler for image functions.
    expect(
      (await check({ ...image, handler: "-", customImage: { image: "swr.cn-north-4.example/app:1" } })).failures,
    ).toBeUndefined();
    expect(await reasons({ ...image, customImage: { image: "docker.io/app" } })).toEqual([
      'customImage: customImage.image must be an SWR image URL starting with "swr."; got "docker.io/app"',
    ]);
    expect(await reasons({ ...image, customImage: { image: "swr.x/a", workingDir: "/app" } })).toEqual([
      'customImage: customImage.workingDir can only be "/"; got "/app"',
    ]);
    expect(await reasons({ customImage: { image: "swr.x/a" } })).toContain(
      "customImage: customImage runs an image instead of code: remove code and codeUrl",
    );
  });

  it("inline code: one file of at most 10 KB, never with codeUrl", async () => {
    const two = new pulumi.asset.AssetArchive({
      "index.js": new pulumi.asset.StringAsset("exports.handler = 1;"),
      "lib.js": new pulumi.asset.StringAsset("1"),
    });
    expect(await reasons({ codeType: "inline", code: two })).toEqual([
      'codeType: codeType "inline" needs code with exactly one file; got 2 (index.js, lib.js)',
    ]);
    const big = new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("x".repeat(10 * 1024 + 1)) });
    expect(await reasons({ codeType: "inline", code: big })).toEqual([
      'codeType: codeType "inline": index.js is 10241 bytes, more than the platform\'s 10240 (use zip)',
    ]);
    expect(await reasons({ codeType: "inline", code: undefined, codeUrl: "https://b.obs/x.zip" })).toContain(
      'codeType: codeType "inline" uploads `code`; it cannot be used with codeUrl',
    );
  });
});
