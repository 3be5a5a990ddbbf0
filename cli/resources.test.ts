import { RESOURCES } from "../provider/registry";
import { RESOURCE_FACTS, tokenOfType } from "./resources";

describe("cli resource facts", () => {
  it("come from the resource definitions: same replace-on-change, secret and check-computed properties", () => {
    const fn = RESOURCE_FACTS["cloudfn:functiongraph:Function"];
    expect(fn).toEqual({
      // `profile` is common to every resource (provider/core/common-inputs.ts): moving accounts replaces.
      replaceOnChange: ["name", "package", "runtime", "profile"],
      secrets: ["encryptedEnvironment", "encryptedEnvironmentHash"],
      hasCode: true,
      checkComputed: ["codeHash", "encryptedEnvironmentHash"],
    });
    for (const def of RESOURCES) expect(Object.keys(RESOURCE_FACTS)).toContain(def.token);
  });

  it("maps the engine's dynamic type names to schema tokens", () => {
    expect(tokenOfType("pulumi-nodejs:dynamic/cloudfn/functiongraph:Function")).toBe("cloudfn:functiongraph:Function");
    expect(tokenOfType("pulumi-nodejs:dynamic:Resource")).toBeUndefined();
    expect(tokenOfType("pulumi:pulumi:Stack")).toBeUndefined();
  });
});
