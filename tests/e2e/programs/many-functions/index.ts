import * as pulumi from "@pulumi/pulumi";
import * as cloudfn from "pulumi-cloudfn";

const config = new pulumi.Config();
const count = config.requireNumber("count");
// The benchmark points `codeDir` at a generated app and sets `floor` to run the same inputs
// through a no-op dynamic provider: the engine's own cost, which cloudfn is measured against.
const code = new pulumi.asset.FileArchive(config.get("codeDir") ?? "./app");
const floor = config.getBoolean("floor") ?? false;

/** Does nothing: what any dynamic resource with these inputs costs the engine and the host. */
const noop: pulumi.dynamic.ResourceProvider = {
  create: async (inputs: Record<string, unknown>) => ({ id: String(inputs.name), outs: inputs }),
};

function declare(i: number): pulumi.Output<unknown> {
  const args = {
    name: `many-${i}`,
    runtime: "Node.js18.15",
    handler: "index.handler",
    memorySize: 128,
    timeout: 10,
    environment: { INDEX: String(i) },
    code,
  };
  if (floor) return new pulumi.dynamic.Resource(noop, `fn-${i}`, args, undefined, "floor", "Function").urn;
  return new cloudfn.functiongraph.Function(`fn-${i}`, args).funcUrn;
}

export const urns = Array.from({ length: count }, (_, i) => declare(i));
