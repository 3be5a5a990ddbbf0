import * as pulumi from "@pulumi/pulumi";
import { UNKNOWN } from "../../core/diff";
import { clearStackConfig, setStackConfig } from "../config";
import { checkInputs } from "./check";
import { FunctionInputs } from "./schema";

const code = new pulumi.asset.AssetArchive({
  "index.js": new pulumi.asset.StringAsset("exports.handler = async () => 'hi';"),
});
const valid = { name: "hello", runtime: "Node.js18.15", handler: "index.handler", code } as unknown as FunctionInputs;
const check = (over: Record<string, unknown>) => checkInputs({ ...valid, ...over });

describe("check", () => {
  it("applies defaults and computes the hidden codeHash", async () => {
    const res = await checkInputs(valid);
    expect(res.failures).toBeUndefined();
    expect(res.inputs).toMatchObject({ package: "default", memorySize: 128, timeout: 30, description: "" });
    expect(res.inputs!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await checkInputs(valid)).inputs!.codeHash).toBe(res.inputs!.codeHash);
  });

  it("predicts the function's URN when region and project are configured, so dependants stay known in preview", async () => {
    const saved = { region: process.env.HW_REGION_NAME, project: process.env.HW_PROJECT_ID };
    try {
      delete process.env.HW_REGION_NAME;
      delete process.env.HW_PROJECT_ID;
      clearStackConfig();
      expect((await checkInputs(valid)).inputs).not.toHaveProperty("funcUrn");
      setStackConfig({
        get: (k: string) =>
          (
            ({ "cloudfn:functiongraphRegion": "cn-north-4", "cloudfn:functiongraphProjectId": "p0" }) as Record<
              string,
              string
            >
          )[k],
      });
      expect(((await check({ package: "shop" })).inputs as unknown as Record<string, unknown>).funcUrn).toBe(
        "urn:fss:cn-north-4:p0:function:shop:hello:latest",
      );
      // An invalid input predicts nothing: the URN would be wrong anyway.
      expect((await check({ name: "9lives" })).inputs).not.toHaveProperty("funcUrn");
    } finally {
      clearStackConfig();
      if (saved.region !== undefined) process.env.HW_REGION_NAME = saved.region;
      if (saved.project !== undefined) process.env.HW_PROJECT_ID = saved.project;
    }
  });

  it("ignores codeHash values supplied by the user", async () => {
    const res = await check({ codeHash: "forged" });
    expect(res.inputs!.codeHash).not.toBe("forged");
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      "unknown runtime",
      { runtime: "Node.js99" },
      "runtime",
      'runtime must be one of Java8, Java11, Java17, Python2.7, Python3.6, Python3.9, Python3.10, Go1.8, Go1.x, Node.js6.10, Node.js8.10, Node.js10.16, Node.js12.13, Node.js14.18, Node.js16.17, Node.js18.15, C#(.NET Core 2.0), C#(.NET Core 2.1), C#(.NET Core 3.1), C#(.NET Core 6.0), Custom, PHP7.3, PHP8.3, Cangjie1.0, http, Custom Image; got "Node.js99"',
    ],
    [
      "memory not allowed",
      { memorySize: 100 },
      "memorySize",
      "memorySize must be one of 128, 256, 512, 768, 1024, 1280, 1536, 1792, 2048, 2560, 3072, 3584, 4096 (MB); got 100",
    ],
    [
      "timeout too small",
      { timeout: 2 },
      "timeout",
      "timeout must be an integer between 3 and 259200 (seconds); got 2",
    ],
    [
      "timeout too large",
      { timeout: 259201 },
      "timeout",
      "timeout must be an integer between 3 and 259200 (seconds); got 259201",
    ],
    [
      "bad name",
      { name: "9lives" },
      "name",
      'name must be 1-60 characters of letters, digits, "-" and "_", starting with a letter and ending with a letter or digit; got "9lives"',
    ],
    [
      "name ending in -",
      { name: "abc-" },
      "name",
      'name must be 1-60 characters of letters, digits, "-" and "_", starting with a letter and ending with a letter or digit; got "abc-"',
    ],
    [
      "name too long",
      { name: "a".repeat(61) },
      "name",
      `name must be 1-60 characters of letters, digits, "-" and "_", starting with a letter and ending with a letter or digit; got "${"a".repeat(61)}"`,
    ],
    ["missing name", { name: undefined }, "name", "name is required"],
    [
      "handler form",
      { handler: "index" },
      "handler",
      'handler must have the form "file.function" (e.g. "index.handler") for Node.js18.15; got "index"',
    ],
    ["handler length", { handler: "ab" }, "handler", "handler must be 3-128 characters; got 2"],
    [
      "description length",
      { description: "d".repeat(513) },
      "description",
      "description must be at most 512 characters; got 513",
    ],
    [
      "too many env vars",
      { environment: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`K${i}`, "v"])) },
      "environment",
      "environment must have at most 20 variables; got 21",
    ],
    [
      "env too large",
      { environment: { BIG: "x".repeat(4100) } },
      "environment",
      "environment must serialize to at most 4096 characters of JSON (4 KB); got 4110",
    ],
    [
      "env key",
      { environment: { "1BAD": "v" } },
      "environment",
      'environment variable name "1BAD" must be 1-64 letters, digits and "_", starting with a letter',
    ],
    [
      "secret env too many",
      { encryptedEnvironment: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`K${i}`, "v"])) },
      "encryptedEnvironment",
      "encryptedEnvironment must have at most 20 variables; got 21",
    ],
    [
      "both code and codeUrl",
      { codeUrl: "https://bucket.obs.example.com/a.zip" },
      "code",
      "exactly one of code and codeUrl must be set; got both",
    ],
    [
      "neither code nor codeUrl",
      { code: undefined },
      "code",
      "exactly one of code and codeUrl must be set; got neither",
    ],
    [
      "bad codeUrl",
      { code: undefined, codeUrl: "ftp://x" },
      "codeUrl",
      'codeUrl must be an http(s) URL of a zip in OBS; got "ftp://x"',
    ],
    ["wrong type", { memorySize: "big" }, "memorySize", "memorySize must be a number"],
  ])("%s", async (_title, over, property, reason) => {
    const res = await check(over);
    expect(res.failures).toEqual([{ property, reason }]);
  });

  it("reports an unreadable archive on code", async () => {
    const res = await check({ code: new pulumi.asset.FileArchive("/nonexistent/cloudfn-dir") });
    expect(res.failures).toHaveLength(1);
    expect(res.failures![0].property).toBe("code");
    expect(res.failures![0].reason).toMatch(/^code: cannot build the archive: ENOENT/);
  });

  it("tolerates unknowns during preview: no failure, no default, sentinel passed through", async () => {
    const res = await check({ memorySize: UNKNOWN, name: UNKNOWN, code: UNKNOWN, environment: { A: UNKNOWN } });
    expect(res.failures).toBeUndefined();
    expect(res.inputs).toMatchObject({
      memorySize: UNKNOWN,
      name: UNKNOWN,
      code: UNKNOWN,
      codeHash: UNKNOWN,
      environment: { A: UNKNOWN },
    });
  });

  it("hashes the encrypted environment and keeps the values only in inputs", async () => {
    const a = await check({ encryptedEnvironment: { B: "2", A: "1" } });
    const b = await check({ encryptedEnvironment: { A: "1", B: "2" } });
    expect(a.inputs!.encryptedEnvironmentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.inputs!.encryptedEnvironmentHash).toBe(b.inputs!.encryptedEnvironmentHash);
    expect((await check({ encryptedEnvironment: { A: "other" } })).inputs!.encryptedEnvironmentHash).not.toBe(
      a.inputs!.encryptedEnvironmentHash,
    );
  });
});
