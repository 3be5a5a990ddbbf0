import { UNKNOWN } from "../../core/diff";
import { readManifest } from "../../core/stored-manifest";
import { checkInputs } from "./check";
import { CloudFunctionInputs } from "./schema";
import { clearStackConfig, setStackConfig } from "../config";

const CODE = "exports.main = async (event) => event.data;\n";
const check = (over: Record<string, unknown>) =>
  checkInputs({ name: "hello", code: CODE, ...over } as unknown as CloudFunctionInputs);

describe("CloudFunction check", () => {
  afterEach(clearStackConfig);

  it("applies defaults and puts the exact deployed source into `source`", async () => {
    const res = await check({});
    expect(res.failures).toBeUndefined();
    const { __codeManifest, ...rest } = res.inputs as unknown as Record<string, unknown>;
    expect(rest).toEqual({
      name: "hello",
      code: CODE,
      entry: "index.js",
      remark: "",
      planCircle: "P_FREE",
      source: CODE,
    });
    // The file list for `cloudfn review`: a string is the one entry file.
    expect(readManifest(__codeManifest)).toEqual({
      files: [
        {
          path: "index.js",
          size: Buffer.byteLength(CODE),
          sha256: expect.stringMatching(/^[0-9a-f]{8}$/),
          text: CODE,
        },
      ],
    });
  });

  it("discards a `source` the program tried to set", async () => {
    expect((await check({ source: "evil" })).inputs!.source).toBe(CODE);
  });

  it.each([
    [{ name: "" }, "name", "name must not be empty"],
    [{ name: "a/b" }, "name", 'name must not contain "/" (it is a URL path segment); got "a/b"'],
    [{ code: "" }, "code", "code must not be empty (MinApp rejects an empty function_code)"],
    [{ code: "  \n" }, "code", "code must not be empty (MinApp rejects an empty function_code)"],
    [{ code: undefined }, "code", "code is required"],
    [{ planCircle: "P_ENTERPRISE" }, "planCircle", 'planCircle must be one of P_FREE, P_PERSONAL; got "P_ENTERPRISE"'],
    [
      { code: "exports.main = (e, cb) => { cb(null, 1) ;;; }}" },
      "code",
      "code does not parse as JavaScript: line 1: SyntaxError: Unexpected token '}'",
    ],
    [
      { environmentId: "a b" },
      "environmentId",
      'environmentId must be letters, digits, "-" and "_" (it is sent as the X-Hydrogen-Env-ID header); got "a b"',
    ],
    [{ remark: 5 }, "remark", "remark must be a string"],
  ])("%j fails on %s", async (over, property, reason) => {
    const res = await check(over);
    expect(res.failures).toEqual([{ property, reason }]);
  });

  it("lets unknown values through, and the source is unknown when the code is", async () => {
    const res = await check({ name: UNKNOWN, code: UNKNOWN });
    expect(res.failures).toBeUndefined();
    expect(res.inputs).toMatchObject({ name: UNKNOWN, code: UNKNOWN, source: UNKNOWN });
  });

  it("takes the environment from cloudfn:minappEnvironmentId unless the resource sets one", async () => {
    setStackConfig({ get: (k) => (k === "cloudfn:minappEnvironmentId" ? "staging1" : undefined) });
    expect((await check({})).inputs!.environmentId).toBe("staging1");
    expect((await check({ environmentId: "other" })).inputs!.environmentId).toBe("other");
  });
});
