import { UNKNOWN } from "../../core/diff";
import { provider } from "./";
import { FunctionInputs, FunctionOutputs } from "./schema";

const olds: FunctionOutputs = {
  name: "hello",
  package: "default",
  runtime: "Node.js18.15",
  handler: "index.handler",
  memorySize: 128,
  timeout: 30,
  description: "",
  environment: { A: "1" },
  codeHash: "h1",
  encryptedEnvironmentHash: "e1",
  funcUrn: "urn:fss:r:p:function:default:hello:latest",
  funcId: "id",
  digest: "d",
  codeSize: 1,
  lastModified: "t",
  cpu: 300,
  version: "latest",
  codeType: "zip",
};
const { funcUrn, funcId, digest, codeSize, lastModified, cpu, version, codeType, ...inputs } = olds;
const news = inputs as FunctionInputs;
const diff = (over: Record<string, unknown>, base: Partial<FunctionOutputs> = olds) =>
  provider.diff!("id", base as FunctionOutputs, { ...news, ...over });

describe("diff against old outputs", () => {
  it("reports no change for identical declared fields (computed outputs are ignored)", async () => {
    expect(await diff({})).toEqual({ changes: false, replaces: [] });
  });

  it.each([
    ["name", "other"],
    ["package", "pkg2"],
    ["runtime", "Python3.9"],
  ])("%s replaces, deleting first only when the name stays", async (field, value) => {
    const res = await diff({ [field]: value });
    expect(res).toEqual({ changes: true, replaces: [field], deleteBeforeReplace: field === "runtime" });
  });

  it.each([
    ["handler", "main.handler"],
    ["memorySize", 256],
    ["timeout", 60],
    ["description", "new"],
    ["environment", { A: "2" }],
    ["encryptedEnvironmentHash", "e2"],
    ["codeHash", "h2"],
    ["codeUrl", "https://b.obs/x.zip"],
    ["dependencyVersionIds", ["v1"]],
  ])("%s updates in place", async (field, value) => {
    expect(await diff({ [field]: value })).toEqual({ changes: true, replaces: [] });
  });

  it("never diffs on defaults: absent old values equal their defaults", async () => {
    const bare = {
      ...olds,
      package: undefined,
      description: undefined,
      memorySize: undefined,
      timeout: undefined,
      environment: undefined,
    };
    expect(await diff({ environment: {}, dependencyVersionIds: [] }, bare as unknown as FunctionOutputs)).toEqual({
      changes: false,
      replaces: [],
    });
  });

  it("compares environment and dependency lists regardless of order", async () => {
    const base = { ...olds, environment: { A: "1", B: "2" }, dependencyVersionIds: ["x", "y"] };
    expect(await diff({ environment: { B: "2", A: "1" }, dependencyVersionIds: ["y", "x"] }, base)).toEqual({
      changes: false,
      replaces: [],
    });
  });

  it("treats unknowns as changes: replace for replace-on-change fields, update otherwise", async () => {
    expect(await diff({ memorySize: UNKNOWN })).toEqual({ changes: true, replaces: [] });
    expect(await diff({ codeHash: UNKNOWN })).toEqual({ changes: true, replaces: [] });
    expect(await diff({ name: UNKNOWN })).toEqual({ changes: true, replaces: ["name"], deleteBeforeReplace: false });
  });

  it("shows a code update after read recorded out-of-band code drift", async () => {
    expect(await diff({}, { ...olds, codeHash: "drift:abcdef" })).toEqual({ changes: true, replaces: [] });
  });
});
