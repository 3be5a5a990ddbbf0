import { importedOutputs, parseDeploymentId, withImportedCodeHash } from "./imported";
import { contentMarker } from "./reconcile";

const hash = "ab".repeat(32);
const group = (comment: unknown) => ({ staging: { version: { versionTag: "v7", comment } } }) as never;
const where = { group: "web", environment: "staging" as const };

describe("importing an EngineDeployment", () => {
  it("parses <appId>:<group>:<environment> and refuses anything else", () => {
    expect(parseDeploymentId("app:x:web:staging")).toEqual(where);
    expect(() => parseDeploymentId("app:web:test")).toThrow(/expected "<appId>:<group>:<production\|staging>"/);
  });

  it("keeps the user's comment and cloudfn's content marker as the imported code hash", () => {
    const outs = importedOutputs(group(`first ${contentMarker(hash)}`), where, ["hello"]);
    expect(outs).toEqual({
      ...where,
      comment: "first",
      codeHash: `imported:${hash.slice(0, 16)}`,
      version: "v7",
      functions: ["hello"],
    });
    expect(importedOutputs(group("by lean-cli"), where, [])).not.toHaveProperty("codeHash");
    expect(importedOutputs({} as never, where, [])).toBeUndefined();
  });

  it("takes the program's hash as the old one only when the marker is its start", () => {
    const olds = { codeHash: `imported:${hash.slice(0, 16)}` };
    expect(withImportedCodeHash(olds, { codeHash: hash }).codeHash).toBe(hash);
    expect(withImportedCodeHash(olds, { codeHash: "cd".repeat(32) })).toBe(olds);
    expect(withImportedCodeHash({ codeHash: hash }, { codeHash: "cd".repeat(32) }).codeHash).toBe(hash);
  });
});
