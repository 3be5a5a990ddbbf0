// Adopts functions that already exist (created out of band by the test). Config `scenario`:
// "good" adopts legacy-fg and legacy-mini with a differing memory size and remark; "bad" adopts a
// missing function and one function twice. Config `adopt` (default true) toggles the flag.
import * as pulumi from "@pulumi/pulumi";
import * as cloudfn from "pulumi-cloudfn";

const config = new pulumi.Config();
const adopt = config.getBoolean("adopt") ?? true;
const fgArgs = { runtime: "Node.js18.15", handler: "index.handler", code: new pulumi.asset.FileArchive("./fg") };

export const outputs: Record<string, pulumi.Output<unknown>> = {};
if (config.require("scenario") === "good") {
  const fg = new cloudfn.functiongraph.Function("legacy-fg", { ...fgArgs, adopt, name: "legacy-fg", memorySize: 512 });
  const mini = new cloudfn.minapp.CloudFunction("legacy-mini", {
    adopt,
    name: "legacy-mini",
    remark: "managed by pulumi",
    code: 'exports.main = async () => "legacy";\n',
  });
  outputs.fgUrn = fg.funcUrn;
  outputs.fgMemory = fg.memorySize;
  outputs.miniRemark = mini.remark;
} else {
  new cloudfn.functiongraph.Function("ghost", { ...fgArgs, adopt: true, name: "ghost" });
  new cloudfn.functiongraph.Function("dup-a", { ...fgArgs, adopt: true, name: "legacy-dup" });
  new cloudfn.functiongraph.Function("dup-b", { ...fgArgs, adopt: true, name: "legacy-dup" });
}
