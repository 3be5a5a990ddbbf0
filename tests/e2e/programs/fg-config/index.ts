// One function with the whole production configuration. Config `memory` changes the memory
// only (the no-loss step); `noVpc` removes the declared VPC; `max` and `env` change max
// instances and a tag (the partial-failure step).
import * as pulumi from "@pulumi/pulumi";
import * as cloudfn from "pulumi-cloudfn";

const config = new pulumi.Config();

const fn = new cloudfn.functiongraph.Function("prod", {
  name: "cfg-prod",
  runtime: "Node.js18.15",
  handler: "index.handler",
  memorySize: config.getNumber("memory") ?? 256,
  code: new pulumi.asset.FileArchive("./app"),
  agency: "fg-agency",
  ...(config.getBoolean("noVpc") ? {} : { vpc: { vpcId: "vpc-1", subnetId: "subnet-1", securityGroups: ["sg-1"] } }),
  networkController: { disablePublicNetwork: true },
  domainNames: [{ id: "zone-1", domainName: "example.com." }],
  mounts: { mounts: [{ type: "sfsTurbo", resource: "fs-1", sharePath: "10.0.0.2:/", localPath: "/mnt/data" }] },
  maxInstances: config.getNumber("max") ?? 50,
  concurrencyPerInstance: 1,
  reservedInstances: [{ count: 2, idleMode: true }],
  log: { groupId: "lg-1", streamId: "ls-1" },
  ltsCustomTags: { team: "core" },
  tags: { env: config.get("env") ?? "prod", team: "core" },
  initializer: { handler: "index.init", timeout: 30 },
  preStop: { handler: "index.init", timeout: 10 },
  ephemeralStorage: 512,
});

export const urn = fn.funcUrn;
