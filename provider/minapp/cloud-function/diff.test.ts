import { sha256Hex } from "../../core/archive";
import { UNKNOWN } from "../../core/diff";
import { FunctionObject } from "../api";
import { provider } from "./";
import { inputsFrom, liveOutputs, outputsFrom, patchBody } from "./mapping";
import { CloudFunctionInputs, CloudFunctionOutputs } from "./schema";
import { functionResourceId, parseFunctionResourceId } from "../mapping-util";

const inputs: CloudFunctionInputs = {
  name: "hello",
  code: "v1",
  entry: "index.js",
  remark: "",
  planCircle: "P_FREE",
  source: "exports.main = 1;",
};
const obj: FunctionObject = {
  id: 7,
  name: "hello",
  function_code: "exports.main = 1;",
  remark: "",
  plan_circle: "P_FREE",
  audit_status: "approved",
  created_at: 100,
  updated_at: 100,
  created_by: "",
  updated_by: "",
};
const outs: CloudFunctionOutputs = outputsFrom(inputs, obj);
const diff = (news: Partial<CloudFunctionInputs>) => provider.diff!("hello", outs, { ...inputs, ...news });

describe("CloudFunction diff", () => {
  it("no change when only the form of the code changed but the built source did not", async () => {
    expect(await diff({ code: { other: "archive" } })).toEqual({ changes: false, replaces: [] });
  });

  it("source, remark and plan update in place", async () => {
    expect(await diff({ source: "exports.main = 2;" })).toEqual({ changes: true, replaces: [] });
    expect(await diff({ remark: "x", planCircle: "P_PERSONAL" })).toEqual({ changes: true, replaces: [] });
    expect(await diff({ source: UNKNOWN })).toEqual({ changes: true, replaces: [] });
  });

  it("name and environment replace", async () => {
    expect(await diff({ name: "other" })).toMatchObject({ changes: true, replaces: ["name"] });
    expect(await diff({ environmentId: "staging1" })).toMatchObject({ changes: true, replaces: ["environmentId"] });
  });

  it("absent remark, plan and environment equal their defaults", async () => {
    const { remark, planCircle, ...bare } = outs;
    expect(
      await provider.diff!("hello", bare as CloudFunctionOutputs, { ...inputs, environmentId: undefined }),
    ).toEqual({ changes: false, replaces: [] });
  });
});

describe("CloudFunction mapping", () => {
  it("outputs carry the platform's id, audit status, times and the hash of the deployed code", () => {
    expect(outs).toMatchObject({
      functionId: 7,
      auditStatus: "approved",
      createdAt: 100,
      updatedAt: 100,
      createdBy: "",
      updatedBy: "",
      codeHash: sha256Hex("exports.main = 1;"),
    });
  });

  it("a PATCH carries only what changed, and can clear the remark", () => {
    expect(patchBody({ ...inputs, source: "s2", remark: "" }, ["source", "remark"])).toEqual({
      function_code: "s2",
      remark: "",
    });
    expect(patchBody({ ...inputs, planCircle: "P_PERSONAL" }, ["planCircle"])).toEqual({ plan_circle: "P_PERSONAL" });
  });

  it("read reports a dashboard edit as the live source, and keeps how the code was given", () => {
    const live = liveOutputs(
      { ...obj, function_code: "exports.main = 'edited';", remark: "by hand", updated_at: 200 },
      outs,
    );
    expect(live).toMatchObject({
      source: "exports.main = 'edited';",
      remark: "by hand",
      code: "v1",
      codeHash: sha256Hex("exports.main = 'edited';"),
      updatedAt: 200,
    });
    expect(inputsFrom(live)).toEqual({
      name: "hello",
      code: "v1",
      entry: "index.js",
      remark: "by hand",
      planCircle: "P_FREE",
      source: "exports.main = 'edited';",
    });
  });

  it("ids are the name, prefixed by the environment", () => {
    expect(functionResourceId("hello")).toBe("hello");
    expect(functionResourceId("hello", "env1")).toBe("env1/hello");
    expect(parseFunctionResourceId("env1/hello")).toEqual({ environmentId: "env1", name: "hello" });
    expect(parseFunctionResourceId("测试")).toEqual({ name: "测试" });
  });
});
