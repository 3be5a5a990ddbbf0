import { UNKNOWN } from "../../core/diff";
import { checkVersion, diffVersion } from "./index";
import { VersionInputs, VersionOutputs } from "./schema";

const URN = "urn:fss:cn-north-4:c0ffee0000000000000000000000c0de:function:default:hello:latest";
const check = (over: Record<string, unknown>) =>
  checkVersion({ functionUrn: URN, ...over } as unknown as VersionInputs);

describe("Version check", () => {
  it.each([
    [{ version: "latest" }, "version", 'must not be "latest"'],
    [{ version: "v".repeat(43) }, "version", "1–42"],
    [{ version: "v_1-" }, "version", "start and end with a letter or digit"],
    [{ version: "v 1" }, "version", "may contain only"],
    [{ description: "d".repeat(513) }, "description", "at most 512"],
    [{ digest: "" }, "digest", "must not be empty"],
    [{ functionUrn: "hello" }, "functionUrn", "function URN"],
    [{ adopt: true }, "version", "required with adopt: true"],
  ])("%j fails on %s (%s)", (over, property, text) => {
    expect(check(over).failures).toEqual(
      expect.arrayContaining([expect.objectContaining({ property, reason: expect.stringContaining(text) })]),
    );
  });

  it("accepts an unnamed version and the longest names, and defaults the description", () => {
    expect(check({}).failures).toBeUndefined();
    expect(check({}).inputs).toMatchObject({ description: "" });
    expect(check({ version: `v${"1.2_3-".repeat(6)}9`.slice(0, 42) }).failures).toBeUndefined();
    expect(check({ version: "v1", adopt: true, digest: UNKNOWN }).failures).toBeUndefined();
  });
});

describe("Version diff", () => {
  const olds: VersionOutputs = {
    functionUrn: URN,
    version: "20261129-101500",
    description: "",
    digest: "abc",
    qualifiedUrn: URN.replace(/latest$/, "20261129-101500"),
    codeDigest: "abc",
    codeSize: 10,
    lastModified: "",
  };
  const news = (over: Partial<VersionInputs>): VersionInputs => ({
    functionUrn: URN,
    description: "",
    digest: "abc",
    ...over,
  });

  it("treats an unset name as the platform's name, not as a change", () => {
    expect(diffVersion(olds, news({})).changes).toBe(false);
  });

  it("replaces on a digest change, create-before-delete for an unnamed version", () => {
    expect(diffVersion(olds, news({ digest: "def" }))).toMatchObject({
      replaces: ["digest"],
      deleteBeforeReplace: false,
    });
    expect(diffVersion(olds, news({ digest: UNKNOWN }))).toMatchObject({ replaces: ["digest"] });
  });

  it("deletes a named version before publishing it again (names are unique)", () => {
    const named = { ...olds, version: "v2" };
    expect(diffVersion(named, news({ version: "v2", digest: "def" }))).toMatchObject({ deleteBeforeReplace: true });
    expect(diffVersion(named, news({ version: "v3" }))).toMatchObject({
      replaces: ["version"],
      deleteBeforeReplace: false,
    });
  });
});
