import { functionUrn, latestUrn, parseFunctionUrn } from "./urn";

const PID = "0123456789abcdef0123456789abcdef";

describe("parseFunctionUrn", () => {
  it.each([
    ["hello", { package: "default", name: "hello", qualifier: { kind: "latest" }, qualified: false }],
    ["app:hello", { package: "app", name: "hello", qualifier: { kind: "latest" }, qualified: false }],
    [
      `${PID}:app:hello`,
      { projectId: PID, package: "app", name: "hello", qualifier: { kind: "latest" }, qualified: false },
    ],
    [
      `${PID}:app:hello:v1`,
      { projectId: PID, package: "app", name: "hello", qualifier: { kind: "version", version: "v1" }, qualified: true },
    ],
    [
      `urn:fss:cn-north-4:${PID}:function:default:hello`,
      {
        projectId: PID,
        region: "cn-north-4",
        package: "default",
        name: "hello",
        qualifier: { kind: "latest" },
        qualified: false,
      },
    ],
    [
      `urn:fss:cn-north-4:${PID}:function:default:hello:latest`,
      {
        projectId: PID,
        region: "cn-north-4",
        package: "default",
        name: "hello",
        qualifier: { kind: "latest" },
        qualified: true,
      },
    ],
    [
      `urn:fss:cn-north-4:${PID}:function:default:hello:!dev`,
      {
        projectId: PID,
        region: "cn-north-4",
        package: "default",
        name: "hello",
        qualifier: { kind: "alias", alias: "dev" },
        qualified: true,
      },
    ],
  ])("parses %s", (input, expected) => {
    expect(parseFunctionUrn(input)).toEqual(expected);
  });

  it.each([
    "",
    "a::b",
    "a:b:c:d:e",
    "a:b:c:d:e:f",
    `xrn:fss:r:${PID}:function:default:hello`,
    `urn:fss:r:${PID}:workflow:default:hello:latest`,
    "1:2:3:4:5:6:7:8:9",
  ])("rejects %j", (input) => {
    expect(parseFunctionUrn(input)).toBeUndefined();
  });
});

describe("URN builders", () => {
  it("builds unqualified and latest URNs", () => {
    expect(functionUrn("cn-north-4", PID, "default", "hello")).toBe(`urn:fss:cn-north-4:${PID}:function:default:hello`);
    expect(latestUrn("cn-north-4", PID, "default", "hello")).toBe(
      `urn:fss:cn-north-4:${PID}:function:default:hello:latest`,
    );
  });
});
