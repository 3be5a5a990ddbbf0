import * as pulumi from "@pulumi/pulumi";
import * as cloudfn from "pulumi-cloudfn";

const config = new pulumi.Config();
const count = config.requireNumber("count");
const code = new pulumi.asset.FileArchive("./app");

export const urns = Array.from(
  { length: count },
  (_, i) =>
    new cloudfn.functiongraph.Function(`fn-${i}`, {
      name: `many-${i}`,
      runtime: "Node.js18.15",
      handler: "index.handler",
      memorySize: 128,
      timeout: 10,
      environment: { INDEX: String(i) },
      code,
    }).funcUrn,
);
