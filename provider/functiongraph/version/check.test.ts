import { UNKNOWN } from "../../core/diff";
import { checkVersion, diffVersion } from "./index";
import { VersionInputs, VersionOutputs } from "./schema";

const URN = "urn:fss:cn-north-4:c0ffee0000000000000000000000c0de:function:default:hello:latest";
const check = (over: Record<string, unknown>) =>
  checkVersion({ functionUrn: URN, ...over } as unknown as VersionInputs);

describe("Version check", () => {
  it.each([
    [{ name: "latest" }, "name", 'must not be "latest"'],
    [{ name: "v".repeat(43) }, "name", "1–42"],
    [{ name: "v_1-" }, "name", "start and end with a letter or digit"],
    [{ name: "v 1" }, "name", "may contain only"],
    [{ description: "d".repeat(513) }, "description", "at most 512"],
    [{ digest: "" }, "digest", "must not be empty"],
    [{ functionUrn: "hello" }, "functionUrn", "function URN"],
    [{ adopt: true }, "name", "required with adopt: true"],
  ])("%j fails on %s (%s)", (over, property, text) => {
    expect(check(over).failures).toEqual(
      expect.arrayContaining([expect.objectContaining({ property, reason: expect.stringContaining(text) })]),
    );
  });

  it("accepts an unnamed version and the longest names, and defaults the description", () => {
    expect(check({}).failures).toBeUndefined();
    expect(check({}).inputs).toMatchObject({ description: "" });
    expect(check({ name: `v${"1.2_3-".repeat(6)}9`.slice(0, 42) }).failures).toBeUndefined();
    expect(check({ name: "v1", adopt: true, digest: UNKNOWN }).failures).toBeUndefined();
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

  it("keeps an unnamed version named as the platform named it", () => {
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
    const named = { ...olds, name: "v2", version: "v2" };
    expect(diffVersion(named, news({ name: "v2", digest: "def" }))).toMatchObject({ deleteBeforeReplace: true });
    expect(diffVersion(named, news({ name: "v3" }))).toMatchObject({
      replaces: ["name"],
      deleteBeforeReplace: false,
    });
  });
});
