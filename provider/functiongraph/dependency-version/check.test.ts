import * as pulumi from "@pulumi/pulumi";
import { UNKNOWN } from "../../core/diff";
import { checkDependencyVersion } from "./check";
import { DependencyVersionInputs } from "./schema";

const pkg = new pulumi.asset.AssetArchive({
  "node_modules/x/index.js": new pulumi.asset.StringAsset("module.exports = 1;"),
});
const base = { name: "left-pad", runtime: "Node.js18.15", code: pkg };
const check = (over: Record<string, unknown>) =>
  checkDependencyVersion({ ...base, ...over } as unknown as DependencyVersionInputs);

describe("DependencyVersion check", () => {
  it.each([
    [{ name: "9lives" }, "name", "starting with a letter"],
    [{ name: "ends-" }, "name", "ending with a letter or digit"],
    [{ name: "has space" }, "name", "letters, digits"],
    [{ name: "a".repeat(97) }, "name", "1-96"],
    [{ runtime: "Node.js99" }, "runtime", "runtime must be one of Java8, "],
    [{ description: "d".repeat(513) }, "description", "at most 512"],
    [{ code: undefined }, "code", "exactly one of code and codeUrl must be set; got neither"],
    [{ codeUrl: "https://b.obs.example.com/x.zip" }, "code", "got both"],
    [{ code: undefined, codeUrl: "http://b/x.zip" }, "codeUrl", "https URL of a .zip"],
    [{ code: new pulumi.asset.AssetArchive({}) }, "code", "the archive contains no files"],
  ])("%j fails on %s (%s)", async (over, property, text) => {
    const res = await check(over);
    expect(res.failures).toEqual(
      expect.arrayContaining([expect.objectContaining({ property, reason: expect.stringContaining(text) })]),
    );
  });

  it("accepts the longest valid name, fills the description default and hashes the zip deterministically", async () => {
    const a = await check({ name: `a${"b.c_d-".repeat(13)}e`.slice(0, 96) });
    const b = await check({});
    expect(a.failures).toBeUndefined();
    expect(b.inputs).toMatchObject({ description: "", codeHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await check({})).inputs!.codeHash).toBe(b.inputs!.codeHash);
  });

  it("passes unknown values through without judging them", async () => {
    const res = await check({ name: UNKNOWN, code: UNKNOWN });
    expect(res.failures).toBeUndefined();
    expect(res.inputs).toMatchObject({ name: UNKNOWN, codeHash: UNKNOWN });
  });

  it("ignores a codeHash sent by the user", async () => {
    expect((await check({ codeHash: "forged" })).inputs!.codeHash).not.toBe("forged");
  });
});
