import * as pulumi from "@pulumi/pulumi";
import { checkInputs } from "./check";
import { FunctionInputs } from "./schema";

const code = new pulumi.asset.AssetArchive({
  "index.js": new pulumi.asset.StringAsset("exports.handler = async () => 'hi';"),
  "lib/util.js": new pulumi.asset.StringAsset("module.exports = {};"),
});
const valid = { name: "hello", runtime: "Node.js18.15", handler: "index.handler", code } as unknown as FunctionInputs;
const failures = async (over: Record<string, unknown>) => (await checkInputs({ ...valid, ...over })).failures;

describe("Function check: inputs that cannot be mistyped", () => {
  it("rejects a misspelled optional input instead of dropping it", async () => {
    expect(await failures({ memorySzie: 512 })).toEqual([
      { property: "memorySzie", reason: 'unknown property "memorySzie"; did you mean "memorySize"?' },
    ]);
  });

  it("accepts the computed outputs the SDK sends as undefined", async () => {
    expect(await failures({ funcUrn: undefined, digest: undefined, codeHash: undefined })).toBeUndefined();
  });

  it("suggests the runtime meant", async () => {
    const [failure] = (await failures({ runtime: "nodejs18" }))!;
    expect(failure.property).toBe("runtime");
    expect(failure.reason).toMatch(/; got "nodejs18"; did you mean "Node\.js18\.15"\?$/);
  });

  it.each<[string, string]>([
    [
      "index.handler.",
      'handler must have the form "file.function" (e.g. "index.handler") for Node.js18.15; got "index.handler."',
    ],
    [
      "index.x/../../dir/outside.handler",
      'handler must not contain path segments such as ".." or a leading "/"; got "index.x/../../dir/outside.handler"',
    ],
    [
      "lib/util.handler",
      'handler must name a file at the top level of the code, without "/" or "\\"; got "lib/util.handler"',
    ],
  ])("rejects the handler %s as the platform would", async (handler, reason) => {
    expect(await failures({ handler })).toEqual([{ property: "handler", reason }]);
  });

  it("rejects a handler whose file is not in the code, listing the top level", async () => {
    expect(await failures({ handler: "main.handler" })).toEqual([
      {
        property: "handler",
        reason: 'handler "main.handler": the code has no main.js (Node.js) — files at the top level: index.js, lib/',
      },
    ]);
    expect(await failures({ runtime: "Python3.9" })).toEqual([
      {
        property: "handler",
        reason: 'handler "index.handler": the code has no index.py (Python) — files at the top level: index.js, lib/',
      },
    ]);
  });

  it("does not look for the handler's file of other runtimes or of code by URL", async () => {
    expect(await failures({ runtime: "Go1.x", handler: "handler" })).toBeUndefined();
    expect(await failures({ runtime: "Java11", handler: "com.example.Main.handle" })).toBeUndefined();
    expect(
      await failures({ code: undefined, codeUrl: "https://bucket.example/code.zip", handler: "main.handler" }),
    ).toBeUndefined();
  });
});
