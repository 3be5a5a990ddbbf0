import { FgError } from "./errors";
import * as V from "./validation";

function errorOf(fn: () => unknown): { status: number; code: string } | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    if (err instanceof FgError) return { status: err.status, code: err.code };
    throw err;
  }
}

describe("checkFuncName (1-60 chars, API-reference side of the conflict)", () => {
  it.each(["a", "a1", "hello-world_2", "A".repeat(60)])("accepts %j", (name) =>
    expect(errorOf(() => V.checkFuncName(name))).toBeUndefined(),
  );
  it.each(["", "1a", "-a", "a-", "a_", "a.b", "a b", "A".repeat(61)])("rejects %j with FSS.1002", (name) => {
    expect(errorOf(() => V.checkFuncName(name))).toEqual({ status: 400, code: "FSS.1002" });
  });
});

describe("field checks", () => {
  it.each([
    ["handler without file part", () => V.checkHandler(".handler", "Node.js18.15"), "FSS.1003"],
    ["handler too short", () => V.checkHandler("a.", "Node.js18.15"), "FSS.1003"],
    ["handler ending in a period", () => V.checkHandler("index.handler.", "Node.js18.15"), "FSS.1003"],
    ["handler with path segments", () => V.checkHandler("index.x/../../dir/outside.handler", "Python3.9"), "FSS.1003"],
    ["Custom handler climbing out", () => V.checkHandler("../bootstrap", "Custom"), "FSS.1003"],
    ["unknown runtime", () => V.checkRuntime("Node.js20"), "FSS.1005"],
    ["memory 8192 (unverified for create)", () => V.checkMemory(8192), "FSS.1007"],
    ["timeout 3.5", () => V.checkTimeout(3.5), "FSS.1008"],
    ["code_type jar2", () => V.checkCodeType("jar2"), "FSS.1006"],
    ["package with colon", () => V.checkPackage("a:b"), "FSS.1004"],
    ["user_data with a number value", () => V.parseUserData("user_data", '{"A":1}'), "FSS.1009"],
    [
      "user_data over 4096 chars",
      () => V.parseUserData("user_data", JSON.stringify({ A: "x".repeat(4090) })),
      "FSS.1018",
    ],
    ["zip that is not a zip", () => V.decodeCode("zip", Buffer.from("not a zip").toString("base64")), "FSS.1011"],
    ["invalid base64", () => V.decodeCode("inline", "***"), "FSS.1011"],
    ["missing code", () => V.decodeCode("inline", undefined), "FSS.1012"],
  ])("%s", (_label, fn, code) => {
    expect(errorOf(fn)?.code).toBe(code);
  });

  it.each([
    ["bootstrap handler for Custom", () => V.checkHandler("bootstrap", "Custom")],
    ["Go handler naming an executable", () => V.checkHandler("handler", "Go1.x")],
    [
      "timeout bounds",
      () => {
        V.checkTimeout(3);
        V.checkTimeout(259_200);
      },
    ],
    ["memory 4096", () => V.checkMemory(4096)],
    [
      "20 env vars",
      () =>
        V.parseUserData(
          "user_data",
          JSON.stringify(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`K${i}`, "v"]))),
        ),
    ],
    [
      "empty zip archive",
      () => V.decodeCode("zip", Buffer.from([0x50, 0x4b, 5, 6, ...new Array(18).fill(0)]).toString("base64")),
    ],
  ])("accepts %s", (_label, fn) => {
    expect(errorOf(fn)).toBeUndefined();
  });

  it("limits zip packages to 50 MB decoded: 413 FSS.1071", () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 1);
    big.write("PK\u0003\u0004", "latin1");
    expect(errorOf(() => V.decodeCode("zip", big.toString("base64")))).toEqual({ status: 413, code: "FSS.1071" });
  });

  it("measures inline size on the decoded bytes: 10240 passes, 10241 is 413 FSS.1072", () => {
    expect(V.decodeCode("inline", Buffer.alloc(10240, 97).toString("base64")).length).toBe(10240);
    expect(errorOf(() => V.decodeCode("inline", Buffer.alloc(10241, 97).toString("base64")))).toEqual({
      status: 413,
      code: "FSS.1072",
    });
  });
});
